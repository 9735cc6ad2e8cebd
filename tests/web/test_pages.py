"""The server-rendered pages, as a reader in Vietnam or Laos sees them."""
from __future__ import annotations

import re
from html import escape as html_escape

import pytest

from kb.content.sections import sections_html

from .webhtml import element, hrefs, main, text

LAW_84, LAW_41, LAW_58 = "law-84-2025-qh15", "law-41-2024-qh15", "law-58-2014-qh13"


# --- language choice --------------------------------------------------------------------------

@pytest.mark.parametrize("accept, expected", [
    (None, "/vi/"),
    ("lo-LA,lo;q=0.9,en;q=0.5", "/lo/"),
    ("en-US,en;q=0.9", "/vi/"),
    ("fr;q=0.9, vi;q=0.2, lo;q=0.8", "/lo/"),
])
def test_root_redirects_by_accept_language(client, accept, expected):
    headers = {"accept-language": accept} if accept else {}
    r = client.get("/", headers=headers, follow_redirects=False)
    assert r.status_code in (302, 303, 307)
    assert r.headers["location"] == expected


def test_root_prefers_the_remembered_language_cookie(client):
    client.cookies.set("lang", "lo")
    r = client.get("/", headers={"accept-language": "vi"}, follow_redirects=False)
    assert r.headers["location"] == "/lo/"


def test_visiting_a_language_remembers_it(client):
    client.get("/lo/")
    assert client.get("/", follow_redirects=False).headers["location"] == "/lo/"


def test_language_without_slash_is_a_permanent_redirect(client):
    r = client.get("/vi", follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (301, "/vi/")


@pytest.mark.parametrize("url", ["/lo/", "/lo/search?q=x", f"/lo/docs/{LAW_84}", "/lo/browse/", "/lo/glossary",
                                 "/lo/docs/no-such-doc"])
def test_lao_pages_declare_lao(client, url):
    assert '<html lang="lo">' in client.get(url).text


def test_home_pages_speak_their_language(client):
    vi, lo = client.get("/vi/"), client.get("/lo/")
    assert vi.status_code == lo.status_code == 200
    assert '<html lang="vi">' in vi.text
    assert '<button type="submit">Tìm kiếm</button>' in vi.text
    assert '<button type="submit">ຊອກຫາ</button>' in lo.text
    assert "Tìm kiếm" not in lo.text and "ຊອກຫາ" not in vi.text
    assert f'href="/vi/docs/{LAW_84}"' in vi.text and f'href="/lo/docs/{LAW_84}"' in lo.text


# --- search -----------------------------------------------------------------------------------

def test_search_without_accents_finds_accented_vietnamese(client):
    r = client.get("/vi/search", params={"q": "thanh tra chuyen nganh"})
    assert r.status_code == 200
    results = element(r.text, '<ol class="hits"')
    links = hrefs(results)
    assert links and all(re.fullmatch(r"/vi/docs/[a-z0-9-]+(#[\w-]+)?", h) for h in links)
    assert any(h.split("#")[0] == f"/vi/docs/{LAW_84}" for h in links)
    assert "<mark>thanh tra chuyên ngành</mark>" in results.lower()


def test_lao_search_returns_lao_results(client):
    r = client.get("/lo/search", params={"q": "ການກວດກາ"})
    assert r.status_code == 200
    links = hrefs(element(r.text, '<ol class="hits"'))
    assert links and all(h.startswith("/lo/docs/") for h in links)
    assert "<mark>ການກວດກາ</mark>" in r.text


@pytest.mark.parametrize("lang, help_text", [
    ("vi", "Gõ một từ, một cụm từ trong ngoặc kép"),
    ("lo", "ພິມຄຳສັບ, ປະໂຫຍກໃນວົງຢືມ"),
])
def test_empty_query_shows_help(client, lang, help_text):
    r = client.get(f"/{lang}/search", params={"q": "  "})
    assert r.status_code == 200
    assert help_text in main(r.text)
    assert '<ol class="hits"' not in r.text


def test_type_facet_filters_and_links(client):
    q = "thanh tra chuyen nganh"
    unfiltered = client.get("/vi/search", params={"q": q}).text
    assert "/vi/search?q=thanh+tra+chuyen+nganh&type=law" in hrefs(element(unfiltered, '<details class="facets'))

    filtered = client.get("/vi/search", params={"q": q, "type": "law"}).text
    hits = element(filtered, '<ol class="hits"')
    assert hits.count('<li class="hit"') >= 2
    assert all(m == "Luật" for m in re.findall(r'<p class="meta">([^ ·<]+)', hits))
    assert any(h.split("#")[0] == f"/vi/docs/{LAW_84}" for h in hrefs(hits))
    assert "/vi/docs/guide-specialised-checking-2025" not in " ".join(hrefs(hits))
    active = re.search(r'<a class="active" href="([^"]+)" aria-current="true">✕ Luật</a>', filtered)
    assert active and "type=" not in active.group(1)  # the active facet's link removes it


def _pager(html: str) -> str:
    return element(html, '<nav class="pager"')


def _rel(html: str, rel: str) -> str | None:
    m = re.search(rf'rel="{rel}" href="([^"]+)"', _pager(html))
    return m.group(1).replace("&amp;", "&") if m else None


def test_pagination_links(client):
    first = client.get("/vi/search", params={"q": "thanh tra chuyen nganh"}).text  # 14 results, 10 a page
    assert "Trang 1 / 2" in _pager(first) and _rel(first, "prev") is None
    second = client.get(_rel(first, "next")).text
    assert "Trang 2 / 2" in _pager(second) and _rel(second, "next") is None
    assert 'start="11"' in second
    assert set(hrefs(element(first, '<ol class="hits"'))).isdisjoint(hrefs(element(second, '<ol class="hits"')))
    assert element(client.get(_rel(second, "prev")).text, '<ol class="hits"').count('<li class="hit"') == 10


def test_pagination_keeps_the_page_size(client):
    total = client.get("/api/search", params={"q": "thanh tra chuyen nganh", "lang": "vi"}).json()["total"]
    assert total > 5, "the query needs more than one page of five"
    first = client.get("/vi/search", params={"q": "thanh tra chuyen nganh", "per_page": 5}).text
    assert f"Trang 1 / {-(-total // 5)}" in _pager(first)
    second = client.get(_rel(first, "next")).text
    assert 'start="6"' in second, "page 2 should show results 6-10, not skip to 11"


def test_page_past_the_end_does_not_claim_nothing_was_found(client):
    r = client.get("/vi/search", params={"q": "thanh tra chuyen nganh", "page": 50})
    assert r.status_code == 200
    assert "Không tìm thấy kết quả cho" not in r.text, "the page also says there are results"


@pytest.mark.parametrize("lang, other, nothing", [("vi", "lo", "Không tìm thấy kết quả cho"),
                                                  ("lo", "vi", "ບໍ່ພົບຜົນສຳລັບ")])
def test_no_results_offers_the_other_language(client, lang, other, nothing):
    r = client.get(f"/{lang}/search", params={"q": "xyzzyqwerty"})
    assert r.status_code == 200
    empty = element(r.text, '<div class="empty"')
    assert nothing in empty
    assert f"/{other}/search?q=xyzzyqwerty" in hrefs(empty)


# --- document page ----------------------------------------------------------------------------

def test_document_metadata_panel_and_status(client):
    r = client.get(f"/vi/docs/{LAW_84}")
    assert r.status_code == 200
    facts = text(element(r.text, '<dl class="facts"'))
    for expected in ("Số hiệu 84/2025/QH15", "Loại văn bản Luật", "Cơ quan ban hành Quốc hội",
                     "Ngày ban hành 25 tháng 6, 2025", "Ngày hiệu lực 1 tháng 7, 2025", "Tình trạng Còn hiệu lực"):
        assert expected in facts
    assert '<time datetime="2025-06-25">' in r.text
    assert '<span class="badge status-in_force">Còn hiệu lực</span>' in element(r.text, '<p class="meta"')


def test_lao_dates_use_lao_month_names(client):
    facts = text(element(client.get(f"/lo/docs/{LAW_84}").text, '<dl class="facts"'))
    assert "25 ມິຖຸນາ 2025" in facts and "1 ກໍລະກົດ 2025" in facts
    assert "tháng" not in facts and "June" not in facts


LAO_MONTHS = "ມັງກອນ|ກຸມພາ|ມີນາ|ເມສາ|ພຶດສະພາ|ມິຖຸນາ|ກໍລະກົດ|ສິງຫາ|ກັນຍາ|ຕຸລາ|ພະຈິກ|ທັນວາ"


@pytest.mark.parametrize("lang, summary, written, source, not_checked", [
    ("vi", "Bản tóm tắt, không phải văn bản chính thức.", r"Viết ngày (\d{1,2}) tháng (\d{1,2}), (\d{4}), dựa trên:",
     "Luật Thanh tra số 84/2025/QH15", "Chưa đối chiếu với văn bản chính thức."),
    ("lo", "ບົດສະຫຼຸບ, ບໍ່ແມ່ນເອກະສານທາງການ.", rf"ຂຽນວັນທີ (\d{{1,2}}) ({LAO_MONTHS}) (\d{{4}}), ອີງໃສ່:",
     "ກົດໝາຍວ່າດ້ວຍການກວດກາ ເລກທີ 84/2025/QH15", "ຍັງບໍ່ທັນໄດ້ທຽບກັບເອກະສານທາງການ."),
])
def test_summary_banner_says_when_it_was_written_from_what_and_that_it_was_not_checked(
        client, lang, summary, written, source, not_checked):
    doc = client.get(f"/api/documents/{lang}/{LAW_84}").json()
    assert doc["checked_against_official"] is False
    banner = text(element(client.get(f"/{lang}/docs/{LAW_84}").text, '<div class="banner banner-summary"'))
    assert summary in banner and source in banner and banner.endswith(not_checked), banner
    day, _, year = re.search(written, banner).groups()
    assert (int(year), int(day)) == (int(doc["as_of"][:4]), int(doc["as_of"][8:]))
    assert "Đối chiếu với nguồn ngày" not in banner and "ກວດທຽບກັບແຫຼ່ງທີ່ມາວັນທີ" not in banner


def test_summary_banner_sentences_are_separated(client):
    banner = text(element(client.get(f"/vi/docs/{LAW_84}").text, '<div class="banner banner-summary"'))
    assert "https://vbpl.vn). Chưa đối chiếu với văn bản chính thức." in banner, banner


def test_summary_checked_against_the_official_text_says_so(custom_client):
    banner = text(element(custom_client.get("/vi/docs/checked-doc").text, '<div class="banner banner-summary"'))
    assert banner.endswith("Đã đối chiếu với văn bản chính thức."), banner
    assert "Chưa đối chiếu" not in banner


def test_official_text_names_its_gazette_reference(custom_client):
    banner = text(element(custom_client.get("/vi/docs/pair-doc").text, '<div class="banner banner-official"'))
    assert banner == "Văn bản chính thức. Đăng tại: Công báo số 1 và 2, ngày 3/1/2020."


@pytest.mark.parametrize("lang, no_status", [("vi", "Không có hiệu lực pháp lý riêng"),
                                             ("lo", "ບໍ່ມີຜົນທາງກົດໝາຍຂອງຕົນເອງ")])
def test_a_training_guide_shows_no_legal_status(client, lang, no_status):
    html = client.get(f"/{lang}/docs/guide-recovery-unpaid-contributions").text
    assert "badge status-" not in element(html, '<p class="meta"')
    assert no_status in text(element(html, '<dl class="facts"'))
    banner = text(element(html, '<div class="banner banner-summary"'))
    assert banner.startswith({"vi": "Tài liệu đào tạo, không phải văn bản pháp luật.",
                              "lo": "ເອກະສານຝຶກອົບຮົມ, ບໍ່ແມ່ນເອກະສານທາງກົດໝາຍ."}[lang]), banner
    query = {"vi": "truy thu chậm đóng trốn đóng", "lo": "ການເກັບເງິນສົມທົບຍ້ອນຫຼັງ"}[lang]
    results = client.get(f"/{lang}/search", params={"q": query}).text
    hits = [h for h in re.findall(r'<li class="hit".*?</li>', results, re.S) if "guide-recovery-unpaid-contributions" in h]
    assert hits and all("badge status-" not in h for h in hits)


def test_home_lists_pages_by_the_day_they_were_written_or_reviewed(client):
    html = client.get("/vi/").text
    assert "Văn bản mới viết hoặc rà soát" in html and "viết hoặc rà soát ngày" in html
    assert "rà soát</span>" not in html


def test_authoritative_document_has_no_summary_banner(custom_client):
    r = custom_client.get("/vi/docs/pair-doc")
    assert r.status_code == 200 and "banner-summary" not in r.text


def test_repealed_law_names_and_links_its_replacement(client):
    for lang, words in (("vi", "Được thay thế bởi:"), ("lo", "ຖືກປ່ຽນແທນໂດຍ:")):
        banner = element(client.get(f"/{lang}/docs/{LAW_58}").text, '<div class="banner banner-repealed"')
        assert words in banner
        assert f'<a href="/{lang}/docs/{LAW_41}">41/2024/QH15</a>' in banner


def test_amended_law_links_the_amending_law(client):
    banner = element(client.get(f"/vi/docs/{LAW_41}").text, '<div class="banner banner-amended"')
    assert "Được sửa đổi bởi:" in banner
    assert f'<a href="/vi/docs/{LAW_84}">84/2025/QH15</a>' in banner


def test_table_of_contents_links_to_headings(client):
    html = client.get(f"/vi/docs/{LAW_84}").text
    toc = hrefs(element(html, '<nav class="toc"'))
    assert "#art-62" in toc
    for anchor in toc:
        assert f'id="{anchor[1:]}"' in html


@pytest.mark.parametrize("lang, cite", [
    ("vi", "Điều 62, Luật 84/2025/QH15 “Luật Thanh tra số 84/2025/QH15” (tóm tắt, không phải văn bản chính thức)"),
    ("lo", "ມາດຕາ 62, ກົດໝາຍ 84/2025/QH15 “ກົດໝາຍວ່າດ້ວຍການກວດກາ ຂອງຫວຽດນາມ ເລກທີ 84/2025/QH15” "
           "(ບົດສະຫຼຸບ, ບໍ່ແມ່ນເອກະສານທາງການ)")])
def test_article_has_anchor_permalink_and_citation(client, lang, cite):
    html = client.get(f"/{lang}/docs/{LAW_84}").text
    heading = re.search(r'<h3 id="art-62">.*?</h3>', html).group(0)
    assert '<a class="permalink" href="#art-62"' in heading
    url = f"http://testserver/{lang}/docs/{LAW_84}#art-62"
    assert f'data-url="{url}"' in heading
    assert f'data-cite="{html_escape(cite, quote=True)} — {url}"' in heading


def test_a_guide_is_cited_as_training_material_without_a_number(client):
    html = client.get("/vi/docs/guide-complaints").text
    cite = re.search(r'<h3 id="step-2">.*?data-cite="([^"]*)"', html, re.S).group(1)
    assert cite.startswith("Bước 2, Tài liệu đào tạo “Giải quyết khiếu nại")
    assert "(không phải văn bản pháp luật) — http://testserver/vi/docs/guide-complaints#step-2" in cite


def test_relations_in_both_directions(client):
    guide = element(client.get("/vi/docs/guide-complaints").text, '<section class="relations"')
    cites = re.search(r"<dt>Dẫn chiếu</dt>\s*<dd>(.*?)</dd>", guide, re.S).group(1)
    assert f"/vi/docs/{LAW_84}" in hrefs(cites)

    law = element(client.get(f"/vi/docs/{LAW_84}").text, '<section class="relations"')
    cited_by = re.search(r"<dt>Được dẫn chiếu bởi</dt>\s*<dd>(.*?)</dd>", law, re.S).group(1)
    assert "/vi/docs/guide-complaints" in hrefs(cited_by)
    amends = re.search(r"<dt>Sửa đổi</dt>\s*<dd>(.*?)</dd>", law, re.S).group(1)
    assert f"/vi/docs/{LAW_41}" in hrefs(amends)


def test_translation_and_side_by_side_links(client):
    box = element(client.get(f"/vi/docs/{LAW_84}").text, '<p class="translations"')
    assert re.search(rf'<a class="translation-link" hreflang="lo" lang="lo" href="/lo/docs/{LAW_84}"[^>]*>ພາສາລາວ</a>', box)
    assert f"/vi/docs/{LAW_84}/parallel" in hrefs(box)


# --- parallel view ----------------------------------------------------------------------------

def test_parallel_view_aligns_articles(client):
    r = client.get(f"/vi/docs/{LAW_84}/parallel")
    assert r.status_code == 200
    row = re.search(r'<tr id="art-62">(.*?)</tr>', r.text, re.S).group(1)
    vi, lo = re.findall(r'<td lang="(\w+)"[^>]*>(.*?)</td>', row, re.S)
    assert vi[0] == "vi" and "Điều 62" in vi[1]
    assert lo[0] == "lo" and "ມາດຕາ 62" in lo[1]


@pytest.mark.parametrize("lang, missing", [("vi", "Điều này chưa có bản tương ứng bằng ngôn ngữ này."),
                                           ("lo", "ມາດຕານີ້ບໍ່ມີສະບັບທຽບເທົ່າໃນພາສານີ້.")])
def test_parallel_view_says_when_an_article_has_no_counterpart(custom_client, lang, missing):
    html = custom_client.get(f"/{lang}/docs/pair-doc/parallel").text
    art1 = re.search(r'<tr id="art-1">(.*?)</tr>', html, re.S).group(1)
    art2 = re.search(r'<tr id="art-2">(.*?)</tr>', html, re.S).group(1)
    assert "missing" not in art1
    assert "Điều 2. Đối tượng" in art2
    assert f'<p class="missing">{missing}</p>' in art2


def test_parallel_view_ids_are_unique(client):
    html = client.get(f"/vi/docs/{LAW_84}/parallel").text
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


# --- browse and glossary ----------------------------------------------------------------------

@pytest.mark.parametrize("facet, value, member", [
    ("type", "law", LAW_84), ("status", "repealed", LAW_58), ("year", "2025", LAW_84),
    ("tags", "thanh tra", LAW_84),
])
def test_browse_by_facet(client, facet, value, member):
    groups = client.get(f"/vi/browse/{facet}/")
    assert groups.status_code == 200
    value_link = f"/vi/browse/{facet}/{value}"
    assert value_link in [h.replace("%20", " ") for h in hrefs(main(groups.text))]

    listed = client.get(value_link)
    assert listed.status_code == 200
    assert f"/vi/docs/{member}" in hrefs(element(listed.text, '<ul class="doclist"'))


def test_browse_lists_only_matching_documents(client):
    listed = element(client.get("/vi/browse/status/repealed").text, '<ul class="doclist"')
    assert listed.count("<li>") == listed.count("status-repealed") > 0


def test_browse_unknown_facet_is_404(client):
    assert client.get("/vi/browse/colour/").status_code == 404
    assert client.get("/vi/browse/type/no-such-type").status_code == 404


def test_glossary_lists_many_terms(client):
    for lang, word in (("vi", "thuật ngữ"), ("lo", "ຄຳສັບ")):
        html = client.get(f"/{lang}/glossary").text
        count = html.count("<dt id=")
        assert count >= 120
        assert f"<p>{count} {word}</p>" in html


def test_glossary_filter_folds_vietnamese_accents(client):
    everything = client.get("/vi/glossary").text.count("<dt id=")
    html = client.get("/vi/glossary", params={"q": "bao hiem xa hoi"}).text
    terms = re.findall(r'<dt id="[^"]+" lang="vi">(.*?)</dt>', html)
    assert 0 < len(terms) < everything
    assert any(t.startswith("bảo hiểm xã hội") for t in terms)
    assert 'value="bao hiem xa hoi"' in html


def test_glossary_filter_in_lao(client):
    html = client.get("/lo/glossary", params={"q": "ການກວດກາ"}).text
    terms = re.findall(r'<dt id="[^"]+" lang="lo">(.*?)</dt>', html)
    assert "ການກວດກາ" in terms
    assert len(terms) < client.get("/lo/glossary").text.count("<dt id=")


def test_glossary_see_also_is_labelled_in_the_readers_language(client):
    html = client.get("/vi/glossary", params={"q": "quy bao hiem xa hoi"}).text
    see = re.search(r'<p class="see">(.*?)</p>', html).group(1)
    labels = re.findall(r'<a href="/vi/glossary#[^"]+">([^<]+)</a>', see)  # the whole glossary: the filter may hide it
    assert labels and not any(re.fullmatch(r"[a-z0-9-]+", label) for label in labels), labels


# --- errors, aliases, head links --------------------------------------------------------------

@pytest.mark.parametrize("lang, heading", [("vi", "Không tìm thấy trang"), ("lo", "ບໍ່ພົບໜ້ານີ້")])
def test_unknown_document_is_a_404_in_the_readers_language(client, lang, heading):
    r = client.get(f"/{lang}/docs/no-such-doc")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert f'<html lang="{lang}">' in r.text and f"<h1>{heading}</h1>" in r.text
    assert f'<form action="/{lang}/search" method="get" role="search">' in main(r.text)
    assert 'name="q"' in main(r.text)


def test_404_message_is_not_english(client):
    page = main(client.get("/lo/docs/no-such-doc").text)
    assert "no document" not in page and "page not found" not in page


def test_alias_answers_with_a_permanent_redirect(custom_client):
    r = custom_client.get("/vi/docs/van-ban-cu", follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (301, "/vi/docs/pair-doc")
    r = custom_client.get("/vi/docs/van-ban-cu/parallel", follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (301, "/vi/docs/pair-doc/parallel")


PAGES = ["/vi/", "/lo/", "/vi/search?q=bao+hiem", f"/vi/docs/{LAW_84}", f"/lo/docs/{LAW_84}/parallel",
         "/vi/browse/type/", "/lo/glossary"]


@pytest.mark.parametrize("url", PAGES)
def test_canonical_and_hreflang_on_every_page(client, url):
    html = client.get(url).text
    path = url.split("?")[0]
    assert f'<link rel="canonical" href="http://testserver{path}">' in html
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', html))
    assert set(alternates) == {"vi", "lo"}
    for lang, href in alternates.items():
        assert href.split("?")[0].endswith("/" + lang + path[3:])  # a search keeps its query (test_links.py)


def test_hreflang_alternates_are_absolute_urls(client):
    """Search engines ignore hreflang alternates that are not fully-qualified URLs."""
    relative = {url: href for url in PAGES
                for href in re.findall(r'<link rel="alternate" hreflang="\w+" href="([^"]+)">', client.get(url).text)
                if not href.startswith("http://testserver/")}
    assert not relative


def test_language_switcher_goes_to_the_same_document(client):
    vi = client.get(f"/vi/docs/{LAW_84}").text
    assert re.search(rf'<a class="lang-switch" hreflang="lo" lang="lo" href="/lo/docs/{LAW_84}"[ >]', vi)
    lo = client.get(f"/lo/docs/{LAW_84}").text
    assert re.search(rf'<a class="lang-switch" hreflang="vi" lang="vi" href="/vi/docs/{LAW_84}"[ >]', lo)


def test_language_switcher_and_hreflang_never_lead_to_a_404(custom_client):
    html = custom_client.get("/vi/docs/xss-doc").text  # no Lao translation
    switch = re.search(r'<a class="lang-switch"[^>]*href="([^"]+)"', html).group(1)
    alternates = re.findall(r'<link rel="alternate" hreflang="\w+" href="([^"]+)">', html)
    for href in [switch, *alternates]:
        assert custom_client.get(href).status_code == 200, href


def test_a_document_page_is_small_and_makes_no_external_requests(client):
    page = client.get("/vi/docs/law-84-2025-qh15").text
    css = client.get("/static/style.css").text
    assert len(page.encode()) + len(css.encode()) < 100_000
    # Nothing the browser would fetch from elsewhere: a source's address shown as text is not a request.
    fetched = re.findall(r'<(?:script|img|link|iframe|source)\b[^>]*?(?:src|href)="([^"]+)"', page) + \
        re.findall(r"url\(([^)]+)\)", page + css)
    assert fetched and all(not re.match(r"(?:https?:)?//", u.strip("'\"")) or u.startswith("http://testserver")
                           for u in fetched), fetched


def test_search_page_shows_the_other_language_after_the_readers(client):
    html = client.get("/vi/search", params={"q": "kiểm tra chuyên ngành"}).text
    own, other = element(html, '<ol class="hits"'), element(html, '<section class="other-language"')
    assert own and all(u.startswith("/vi/") for u in hrefs(own))
    assert "Kết quả bằng tiếng Lào" in other
    assert [u for u in hrefs(other) if u.startswith("/lo/docs/")]
    assert "/lo/search?q=ki%E1%BB%83m+tra+chuy%C3%AAn+ng%C3%A0nh" in hrefs(other)
    assert html.index('<ol class="hits"') < html.index('<section class="other-language"')


def test_vietnamese_words_on_the_lao_search_page_find_lao_documents(client):
    html = client.get("/lo/search", params={"q": "truy thu tiền đóng còn thiếu"}).text
    hits = element(html, '<ol class="hits"')
    assert "/lo/docs/guide-recovery-unpaid-contributions" in hrefs(hits)[0]
    assert 'class="searched-as"' in html and '<q lang="lo">' in html  # the Lao terms searched, shown
    assert "ຜົນເປັນພາສາຫວຽດນາມ" in element(html, '<section class="other-language"')


def test_outdated_translation_is_marked_on_its_page(custom_client):
    html = custom_client.get("/lo/docs/pair-doc").text
    banner = element(html, '<div class="banner banner-outdated"')
    assert "#art-1" in hrefs(banner) and "/vi/docs/pair-doc#art-1" in hrefs(banner)
    heading = element(html, '<h2 id="art-1"')
    assert 'class="badge outdated" href="/vi/docs/pair-doc#art-1"' in heading
    assert "ສະບັບແປຍັງບໍ່ໄດ້ປັບປຸງ" in heading
    assert 'class="badge outdated"' not in custom_client.get("/vi/docs/pair-doc").text  # the original is not behind


def test_outdated_article_is_marked_in_the_parallel_view(custom_client):
    html = custom_client.get("/vi/docs/pair-doc/parallel").text
    row = element(html, '<tr id="art-1"')
    assert re.search(r'<td lang="lo"[^>]* class="outdated">', row) and 'class="outdated-note"' in row
    assert 'class="outdated"' not in element(html, '<tr id="art-2"')  # missing, not outdated


def test_translation_status_page_and_its_json_twin(custom_client, client, bundled_content):
    body = custom_client.get("/api/translations").json()
    row = next(r for r in body["translations"] if r["id"] == "pair-doc")
    assert (row["lang"], row["source"], row["state"]) == ("lo", "vi", "outdated")
    assert {(a["anchor"], a["state"]) for a in row["articles"]} == {("art-1", "outdated"), ("art-2", "missing")}
    html = custom_client.get("/vi/translations").text
    assert "Tình trạng bản dịch" in html and "/vi/docs/pair-doc#art-2" in hrefs(html)
    bundled = client.get("/api/translations").json()
    # every bundled translation (a file that says translation_of) is accepted and current
    translations = sum(1 for p in bundled_content.rglob("*.md")
                       if re.search(r"^translation_of:", p.read_text(encoding="utf-8"), re.M))
    assert translations >= 23
    assert bundled["totals"] == {"missing": 0, "outdated": 0, "partial": 0, "translated": translations}


def test_lists_hold_documents_without_their_text_and_a_page_reads_it_whole(app, client):
    # At 10,000 documents the whole stored documents took ~300 MB in every worker that listed them.
    library = app.state.library
    listed = library.documents("vi")
    assert listed and all("sections" not in d["payload"] and "units" not in d for d in listed)
    first = listed[0]
    whole = library.doc("vi", first["id"])
    assert whole["payload"]["sections"] and whole["payload"]["title"] == first["payload"]["title"]
    assert client.get(f"/api/documents/vi/{first['id']}").json()["html"] == sections_html(whole["payload"]["sections"])
    assert library.doc("vi", "no-such-document") is None
