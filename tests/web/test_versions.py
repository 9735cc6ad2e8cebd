"""Versions of articles on the pages and in their JSON twins: the text as on a day (?on=, default the site's
today), who amended an article and what an amending article changed, the changes between two days word by
word, and a bad day as a 400. A small content set: Law 10/2020 Article 2 was amended by Article 5 of
Law 20/2022 from 1 Jul 2022."""
from __future__ import annotations

import datetime as dt
import re
import textwrap
import warnings

import pytest

from kb.build import build
from kb.settings import Settings
from kb.web import schemas
from kb.web.app import create_app

from .test_api import assert_error
from .webhtml import assert_nothing_executable, element, hrefs, main, text

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

XSS = "<script>alert(1)</script>"
OLD = "Cơ quan có quyền kiểm tra và thanh tra việc đóng."
NEW = "Cơ quan có quyền kiểm tra việc đóng."
CONTENT = {
    "vi/law-old.md": """\
        ---
        id: law-old
        title: Luật cũ số 5/2014/QH13
        type: law
        number: 5/2014/QH13
        issued: 2014-06-01
        effective: 2015-01-01
        expires: 2020-12-31
        status: repealed
        superseded_by: [law-new]
        source: "Công báo mẫu"
        ---

        ## Điều 1. Phạm vi

        Luật cũ.
        """,
    "vi/law-new.md": f"""\
        ---
        id: law-new
        title: Luật mới số 10/2020/QH14
        type: law
        number: 10/2020/QH14
        issued: 2020-06-01
        effective: 2021-01-01
        status: amended
        replaces: [law-old]
        aliases: [luat-moi]
        source: "Công báo mẫu"
        ---

        ## Điều 1. Phạm vi

        Luật này quy định việc kiểm tra.

        ## Điều 2. Quyền kiểm tra

        Điều này nói về quyền của cơ quan.

        ::: version until=2022-06-30 note="bản gốc {XSS}"
        {OLD} Ghi chú {XSS}.
        :::

        ::: version from=2022-07-01 amended-by=law-amend#art-5 note="bản sửa đổi"
        {NEW} Ghi chú {XSS}.
        :::
        """,
    "vi/law-amend.md": """\
        ---
        id: law-amend
        title: Luật sửa đổi số 20/2022/QH15
        type: law
        number: 20/2022/QH15
        issued: 2022-01-10
        effective: 2022-07-01
        status: in_force
        amends: [law-new]
        source: "Công báo mẫu"
        ---

        ## Điều 5. Sửa đổi Luật 10/2020/QH14

        Bỏ cụm từ "và thanh tra" tại [Điều 2](kb:law-new#art-2) Luật 10/2020/QH14.
        """,
}
TODAY = dt.date(2023, 1, 10)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    content = tmp_path_factory.mktemp("versions-content")
    for name, body in CONTENT.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body), encoding="utf-8")
    settings = Settings.make(content=str(content), index=str(tmp_path_factory.mktemp("versions-index")),
                             clock=lambda: TODAY)
    build(settings, full=True)
    return settings


def client_on(settings: Settings, today: dt.date) -> TestClient:
    """The same index served by a site whose clock says `today`."""
    return TestClient(create_app(Settings.make(content=str(settings.content_dir), index=str(settings.index_dir),
                                               clock=lambda: today)))


@pytest.fixture(scope="module")
def vc(built):
    return client_on(built, TODAY)


def reads(html: str) -> str:
    """Text as a reader sees it inline: tags dropped without a space, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def body(html: str) -> str:
    """The document's text (the body holds divs of its own: element() would stop at the first)."""
    return text(html[html.index('<div class="doc-body">'):html.index('<figure class="print-qr"')])


# --- the page as on a day ---------------------------------------------------------------------

@pytest.mark.parametrize("on, shown, hidden", [
    ("2022-06-30", OLD, NEW),  # the day before the change
    ("2022-07-01", NEW, OLD),  # the day of the change
    ("2024-03-01", NEW, OLD),  # after it
])
def test_the_page_shows_the_wording_of_the_day_asked_for(vc, on, shown, hidden):
    html = vc.get("/vi/docs/law-new", params={"on": on}).text
    assert shown in body(html) and hidden not in body(html)
    banner = text(element(html, '<div class="banner banner-as-on"'))
    y, m, d = (int(x) for x in on.split("-"))
    assert f"Văn bản như có hiệu lực ngày {d} tháng {m}, {y}." in banner
    assert f'<input id="on" name="on" type="date" value="{on}" required>' in html


@pytest.mark.parametrize("today, shown", [(dt.date(2022, 6, 30), OLD), (dt.date(2022, 7, 1), NEW)])
def test_without_a_day_the_page_shows_the_wording_of_the_sites_today(built, today, shown):
    html = client_on(built, today).get("/vi/docs/law-new").text
    assert shown in body(html)
    assert 'class="banner banner-as-on"' not in html  # today is not a day the reader chose
    assert f'value="{today.isoformat()}"' in html  # the date form starts at today


def test_a_changed_article_says_who_amended_it_and_from_when(vc):
    html = vc.get("/vi/docs/law-new", params={"on": "2022-07-01"}).text
    note = element(html, '<div class="version-note"')
    assert "Được sửa đổi bởi Điều 5 Luật 20/2022/QH15, từ ngày 1 tháng 7, 2022." in reads(note)
    assert "/vi/docs/law-amend#art-5" in hrefs(note)
    assert "/vi/docs/law-new?on=2022-06-30#art-2" in hrefs(note)  # the other wording
    assert "/vi/docs/law-new/changes#art-2" in hrefs(note)
    assert html.index('id="art-2"') < html.index('<div class="version-note"') < html.index(NEW)


def test_the_earlier_wording_says_until_when_and_links_the_later_one(vc):
    note = element(vc.get("/vi/docs/law-new", params={"on": "2022-06-30"}).text, '<div class="version-note"')
    assert "Đây là nội dung đến hết ngày 30 tháng 6, 2022." in text(note)
    assert "/vi/docs/law-new?on=2022-07-01#art-2" in hrefs(note)


def test_an_unchanged_article_has_no_version_note(vc):
    html = vc.get("/vi/docs/law-new").text
    assert html.count('<div class="version-note"') == 1


def test_the_amending_article_lists_what_it_changed(vc):
    html = vc.get("/vi/docs/law-amend").text
    note = element(html, '<div class="version-note changes-made"')
    assert "Điều này đã sửa đổi:" in text(note)
    assert "Điều 2 Luật 10/2020/QH14, từ ngày 1 tháng 7, 2022 (xem thay đổi)" in reads(note)
    assert "/vi/docs/law-new?on=2022-07-01#art-2" in hrefs(note)
    assert "/vi/docs/law-new/changes?from=2022-06-30&to=2022-07-01#art-2" in hrefs(note)
    assert html.index('id="art-5"') < html.index('changes-made')


def test_before_the_law_took_effect_the_banner_names_the_law_in_force_then(vc):
    html = vc.get("/vi/docs/law-new", params={"on": "2020-06-01"}).text
    banner = element(html, '<div class="banner banner-as-on"')
    assert "Vào ngày đó văn bản này chưa có hiệu lực (có hiệu lực từ ngày 1 tháng 1, 2021)." in text(banner)
    assert "/vi/docs/law-old?on=2020-06-01" in hrefs(banner)
    assert "/vi/docs/law-new" in hrefs(banner)  # back to today's text
    assert OLD in body(html)  # its text as passed


def test_after_a_law_expired_the_banner_says_so(vc):
    banner = element(vc.get("/vi/docs/law-old", params={"on": "2021-02-01"}).text, '<div class="banner banner-as-on"')
    assert "đã hết hiệu lực (có hiệu lực đến hết ngày 31 tháng 12, 2020)" in text(banner)


def test_the_citation_names_the_wording_and_links_the_day(vc):
    html = vc.get("/vi/docs/law-new", params={"on": "2022-06-30"}).text
    cite = re.search(r'<h2 id="art-2">.*?data-cite="([^"]+)"', html, re.S).group(1)
    assert cite.startswith("Điều 2, Luật 10/2020/QH14")
    assert "bản đến hết ngày 30 tháng 6, 2022" in cite
    assert cite.endswith("/vi/docs/law-new?on=2022-06-30#art-2")
    today_cite = re.search(r'<h2 id="art-2">.*?data-cite="([^"]+)"', vc.get("/vi/docs/law-new").text, re.S).group(1)
    assert "bản từ ngày 1 tháng 7, 2022" in today_cite


def test_the_printed_handout_points_at_the_day_it_shows(vc):
    html = vc.get("/vi/docs/law-new", params={"on": "2022-06-30"}).text
    assert '<p class="print-url">http://testserver/vi/docs/law-new?on=2022-06-30</p>' in html
    assert "<figcaption>/vi/docs/law-new?on=2022-06-30</figcaption>" in html


def test_two_days_are_two_cache_entries(vc):
    first = vc.get("/vi/docs/law-new", params={"on": "2022-06-30"})
    again = vc.get("/vi/docs/law-new", params={"on": "2022-07-01"}, headers={"if-none-match": first.headers["etag"]})
    assert again.status_code == 200 and NEW in again.text


def test_a_former_id_keeps_the_day(vc):
    for path in ("/vi/docs/luat-moi", "/vi/docs/luat-moi/changes", "/api/documents/vi/luat-moi"):
        r = vc.get(path, params={"on": "2022-06-30"}, follow_redirects=False)
        assert r.status_code == 301 and r.headers["location"].endswith("?on=2022-06-30"), path


# --- JSON twins -------------------------------------------------------------------------------

def test_the_document_json_says_each_units_versions_and_the_days_standing(vc):
    r = vc.get("/api/documents/vi/law-new", params={"on": "2022-06-30"})
    assert r.status_code == 200
    doc = schemas.DocumentAnswer.model_validate(r.json()).model_dump(by_alias=True)
    assert (doc["on"], doc["validity"], doc["in_force_instead"]) == ("2022-06-30", "in_force", [])
    [unit] = doc["versions"]
    assert unit["anchor"] == "art-2" and unit["heading"] == "Điều 2. Quyền kiểm tra"
    first, second = unit["versions"]
    assert (first["from"], first["until"], first["amended_by"], first["in_force_on_date"]) == (
        None, "2022-06-30", None, True)
    assert (second["from"], second["until"], second["in_force_on_date"]) == ("2022-07-01", None, False)
    assert {k: second["amended_by"][k] for k in ("id", "anchor", "unit", "number", "url")} == {
        "id": "law-amend", "anchor": "art-5", "unit": "Điều 5", "number": "20/2022/QH15",
        "url": "/vi/docs/law-amend#art-5"}
    assert OLD in doc["html"] and NEW not in doc["html"]
    assert doc["changes_url"] == "/vi/docs/law-new/changes"


def test_the_page_and_its_json_twin_show_the_same_text(vc):
    day = {"on": "2022-07-01"}
    html = vc.get("/vi/docs/law-new", params=day).text
    twin = vc.get("/api/documents/vi/law-new", params=day).json()
    versioned = re.search(r'<div [^>]*class="version">.*?</div>', twin["html"], re.S).group(0)
    assert versioned in html


def test_the_json_of_a_day_before_the_law_names_the_law_in_force(vc):
    doc = vc.get("/api/documents/vi/law-new", params={"on": "2020-06-01"}).json()
    assert doc["validity"] == "not_yet"
    assert [d["id"] for d in doc["in_force_instead"]] == ["law-old"]


def test_the_amending_documents_json_lists_what_it_changed(vc):
    doc = vc.get("/api/documents/vi/law-amend").json()
    [made] = doc["changes_made"]
    assert made["anchor"] == "art-5"
    [change] = made["changes"]
    assert (change["id"], change["anchor"], change["unit"], change["from"]) == ("law-new", "art-2", "Điều 2",
                                                                                 "2022-07-01")


# --- the changes between two days -------------------------------------------------------------

def test_changes_default_to_the_latest_change_and_mark_words_without_colour(vc):
    html = vc.get("/vi/docs/law-new/changes").text
    page = main(html)
    assert "Thay đổi từ ngày 30 tháng 6, 2022 đến ngày 1 tháng 7, 2022" in text(page)
    unit = element(page, '<section class="changed-unit" id="art-2"')
    assert re.search(r"<del>.*? và thanh tra.*?</del>", unit)
    # Readable without colour: the deletion is marked in the text itself, and named for screen readers.
    assert "kiểm tra[- và thanh tra-] việc" in reads(re.sub(r'<span class="visually-hidden">.*?</span>', "", unit))
    assert '<span class="visually-hidden">bỏ: </span>' in unit
    assert "Được sửa đổi bởi Điều 5 Luật 20/2022/QH15" in text(unit)
    assert "/vi/docs/law-new?on=2022-07-01#art-2" in hrefs(unit)
    assert "bản tóm tắt" not in text(page)  # an official text is compared as itself


def test_the_changes_json_has_the_runs_of_each_changed_article(vc):
    r = vc.get("/api/documents/vi/law-new/changes", params={"from": "2022-06-30", "to": "2022-07-01"})
    answer = schemas.ChangesAnswer.model_validate(r.json()).model_dump(by_alias=True)
    assert (answer["from"], answer["to"]) == ("2022-06-30", "2022-07-01")
    [unit] = answer["articles"]
    assert unit["anchor"] == "art-2" and unit["deleted"] == 1 and unit["inserted"] == 0
    assert {"op": "delete", "text": " và thanh tra"} in unit["runs"]
    assert "".join(r["text"] for r in unit["runs"] if r["op"] != "insert").startswith(OLD)
    assert "".join(r["text"] for r in unit["runs"] if r["op"] != "delete").startswith(NEW)
    assert unit["before"]["until"] == "2022-06-30" and unit["after"]["amended_by"]["id"] == "law-amend"
    assert answer["days"] == [{"day": "2022-07-01", "url": "/vi/docs/law-new/changes?from=2022-06-30&to=2022-07-01"}]


def test_two_days_with_the_same_wording_have_no_changes(vc):
    html = vc.get("/vi/docs/law-new/changes", params={"from": "2023-01-01", "to": "2023-02-01"}).text
    assert "Không có điều nào của văn bản này thay đổi giữa hai ngày này." in html
    assert vc.get("/api/documents/vi/law-new/changes", params={"from": "2023-01-01", "to": "2023-02-01"}
                  ).json()["articles"] == []


# --- parallel view and search -----------------------------------------------------------------

def test_the_side_by_side_view_follows_the_day(vc):
    old = vc.get("/vi/docs/law-new/parallel", params={"on": "2022-06-30"})
    assert OLD in old.text and NEW not in old.text and 'class="banner banner-as-on"' in old.text
    twin = vc.get("/api/documents/vi/law-new/parallel", params={"on": "2022-07-01"}).json()
    schemas.ParallelAnswer.model_validate(twin)
    assert twin["on"] == "2022-07-01" and twin["changed"] == ["art-2"]
    assert NEW in next(r for r in twin["rows"] if r["anchor"] == "art-2")["cells"][0]["html"]


def test_the_search_form_offers_a_day_and_keeps_it(vc):
    html = vc.get("/vi/search", params={"q": "kiểm tra", "on": "2022-06-30"}).text
    assert '<input id="search-on" name="on" type="date" value="2022-06-30">' in html
    assert '<input type="hidden" name="q" value="kiểm tra">' in html
    assert vc.get("/vi/search").status_code == 200 and 'id="search-on"' in vc.get("/vi/search").text


class DaySearcher:
    """The real searcher, recording the day whose wording it was asked to search."""

    def __init__(self, real):
        self.real, self.days = real, []

    def search(self, text, lang="all", facets=None, sort="relevance", page=1, per_page=10, on=None):
        self.days.append(on)
        return self.real.search(text, lang=lang, facets=facets, sort=sort, page=page, per_page=per_page)


def searching_with(settings, searcher_class):
    app = create_app(settings)
    app.state.search = searcher_class(app.state.search)
    return TestClient(app), app.state.search


def test_the_search_day_reaches_a_searcher_that_takes_one(built):
    client, searcher = searching_with(built, DaySearcher)
    assert client.get("/api/search", params={"q": "kiểm tra", "on": "2022-06-30"}).json()["on"] == "2022-06-30"
    html = client.get("/vi/search", params={"q": "kiểm tra", "on": "2022-06-30"}).text
    assert "Các điều được tìm theo nội dung có hiệu lực ngày 30 tháng 6, 2022." in html
    assert client.get("/api/search", params={"q": "kiểm tra"}).json()["on"] is None
    # no day chosen: the wording of the site's today (its clock), not of the machine's
    assert searcher.days == ["2022-06-30", "2022-06-30", TODAY.isoformat()]


# --- bad days ---------------------------------------------------------------------------------

BAD_DAYS = ["2022-13-01", "2022-02-30", "01/07/2022", "2022-7-1", "tomorrow", "<script>", "໒໐໒໒-07-01"]


@pytest.mark.parametrize("value", BAD_DAYS)
@pytest.mark.parametrize("path", ["/vi/docs/law-new", "/vi/docs/law-new/parallel", "/vi/search?q=x"])
def test_a_bad_day_is_a_400_page_in_the_readers_language(vc, path, value):
    r = vc.get(path, params={"on": value})
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")
    assert "Ngày trong địa chỉ này không hợp lệ" in r.text
    assert "<script>" not in main(r.text)


@pytest.mark.parametrize("url", ["/api/documents/vi/law-new?on={}", "/api/documents/vi/law-new/parallel?on={}",
                                 "/api/search?q=x&on={}", "/api/documents/vi/law-new/changes?from={}",
                                 "/api/documents/vi/law-new/changes?to={}"])
def test_a_bad_day_is_the_one_json_error(vc, url):
    for value in BAD_DAYS[:3]:
        assert_error(vc.get(url.format(value)), 400, "invalid_date")


def test_changes_from_after_to_is_a_400(vc):
    assert vc.get("/vi/docs/law-new/changes", params={"from": "2022-07-01", "to": "2022-06-30"}).status_code == 400
    assert_error(vc.get("/api/documents/vi/law-new/changes", params={"from": "2022-07-01", "to": "2022-06-30"}),
                 400, "invalid_date")


def test_unknown_document_changes_is_a_404(vc):
    assert vc.get("/vi/docs/no-such/changes").status_code == 404
    assert_error(vc.get("/api/documents/vi/no-such/changes"), 404)


# --- escaping ---------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/vi/docs/law-new?on=2022-06-30", "/vi/docs/law-new", "/vi/docs/law-new/changes",
                                 "/vi/docs/law-new/parallel?on=2022-06-30", "/vi/docs/law-amend"])
def test_version_text_and_notes_are_shown_as_text(vc, url):
    html = vc.get(url).text
    assert_nothing_executable(html)
    assert XSS not in html
    if "law-new" in url:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- the bundled content ----------------------------------------------------------------------

@pytest.mark.parametrize("lang, banner", [
    ("vi", "Vào ngày đó văn bản này chưa có hiệu lực (có hiệu lực từ ngày 1 tháng 7, 2025)."),
    ("lo", "ໃນວັນທີນັ້ນ ເອກະສານນີ້ຍັງບໍ່ມີຜົນສັກສິດ (ມີຜົນສັກສິດແຕ່ວັນທີ 1 ກໍລະກົດ 2025)."),
])
def test_law_41_before_it_took_effect_names_law_58(client, lang, banner):
    html = client.get(f"/{lang}/docs/law-41-2024-qh15", params={"on": "2025-06-01"}).text
    note = element(html, '<div class="banner banner-as-on"')
    assert banner in reads(note)
    assert f"/{lang}/docs/law-58-2014-qh13?on=2025-06-01" in hrefs(note)


@pytest.mark.parametrize("lang, summaries", [
    ("vi", "Đây là so sánh giữa các bản tóm tắt viết cho trang này, không phải giữa các văn bản chính thức."),
    ("lo", "ນີ້ແມ່ນການປຽບທຽບບົດສະຫຼຸບທີ່ຂຽນໄວ້ສຳລັບເວັບໄຊນີ້, ບໍ່ແມ່ນການປຽບທຽບເອກະສານທາງການ."),
])
def test_law_41_changes_are_four_articles_and_say_summaries_are_compared(client, lang, summaries):
    html = client.get(f"/{lang}/docs/law-41-2024-qh15/changes").text
    assert summaries in reads(html)
    assert re.findall(r'<section class="changed-unit" id="([^"]+)"', html) == ["art-16", "art-17", "art-136", "art-137"]
    assert "<del>" in html and "<ins>" in html


def test_a_hit_on_former_wording_says_so_in_the_page_and_its_twin(vc):
    params = {"q": "thanh tra", "on": "2023-01-10"}  # only the wording until 2022-06-30 has it
    hits = vc.get("/api/search", params=params).json()["results"]
    former = [h for h in hits if h["former_wording"]]
    assert former and former[0]["former_wording"]["until"] and former[0]["article"]
    assert "Không phải bản của ngày đã chọn:" in vc.get("/vi/search", params=params).text
    # On a day the old wording was valid, it is not called another day's.
    old_day = vc.get("/api/search", params={**params, "on": "2022-01-10"}).json()["results"]
    assert not any(h["former_wording"] and h["article"] == former[0]["article"] and h["id"] == former[0]["id"]
                   for h in old_day)



def test_without_a_day_search_uses_the_wording_of_the_sites_today(built):
    # The old wording is valid until 2022-06-30: a site whose today is before that shows it as current,
    # one whose today is after calls it another day's; the machine's date decides neither.
    def former_hits(today):
        hits = client_on(built, today).get("/api/search", params={"q": "thanh tra"}).json()["results"]
        return [h for h in hits if h["former_wording"]]
    assert not former_hits(dt.date(2022, 1, 10))
    assert former_hits(dt.date(2023, 1, 10))
