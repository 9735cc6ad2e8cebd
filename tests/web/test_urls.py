"""The links the site makes: every one on the main pages opens, and a query keeps its exact text through them."""
from __future__ import annotations

import html as htmllib
import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

LAW_41 = "law-41-2024-qh15"  # changed articles in both languages: it has a changes page
HREF = re.compile(r'<(?:a|link)\b[^>]*\bhref="([^"]*)"|<form\b[^>]*\baction="([^"]*)"')
MAIN_PAGES = ["/vi/", "/lo/", "/vi/search?q=b%E1%BA%A3o+hi%E1%BB%83m", f"/vi/docs/{LAW_41}",
              f"/lo/docs/{LAW_41}?on=2024-01-01", f"/vi/docs/{LAW_41}/parallel", f"/vi/docs/{LAW_41}/changes",
              "/vi/glossary", "/lo/glossary?q=%E0%BA%9B", "/vi/browse/", "/vi/browse/tags/",
              "/vi/translations"]
TRICKY = ["bảo hiểm & thai sản", "điều 5 #khoản-2", "ປະກັນສັງຄົມ ແມ່ນຫຍັງ", "<script>alert(1)</script>",
          "100% = a+b/c?d", "&q=other&lang=lo"]


def links(page: str, body: str) -> list[str]:
    """Every internal href and form action of a page, made absolute paths, fragments kept."""
    out = []
    for href in (a or b for a, b in HREF.findall(body)):
        target = urlsplit(urljoin("http://testserver" + page, htmllib.unescape(href)))
        if target.netloc == "testserver":
            out.append(target.path + (f"?{target.query}" if target.query else "")
                       + (f"#{target.fragment}" if target.fragment else ""))
    return out


@pytest.mark.parametrize("page", MAIN_PAGES)
def test_every_internal_link_on_a_main_page_opens(client, page):
    r = client.get(page)
    assert r.status_code == 200
    found = links(page, r.text)
    assert len(found) > 5
    for link in sorted(set(found)):
        answer = client.get(link.partition("#")[0], follow_redirects=False)
        assert 200 <= answer.status_code < 400, f"{page} → {link}: {answer.status_code}"


def _queries(body: str, page: str, path_end: str) -> list[list[str]]:
    return [parse_qs(urlsplit(link).query).get("q", []) for link in links(page, body)
            if urlsplit(link).path.endswith(path_end)]


@pytest.mark.parametrize("query", TRICKY)
def test_a_query_keeps_its_exact_text_in_every_search_link(client, query):
    r = client.get("/vi/search", params={"q": query})
    assert r.status_code == 200
    assert "<script>alert" not in r.text
    found = _queries(r.text, "/vi/search", "/search")
    with_query = [q for q in found if q]
    # The canonical link, both languages' alternates and the language switch at least.
    assert len(with_query) >= 3
    assert all(q == [query] for q in with_query), with_query


@pytest.mark.parametrize("query", TRICKY)
def test_the_search_twin_links_the_other_language_with_the_same_query(client, query):
    answer = client.get("/api/search", params={"q": query, "lang": "vi"}).json()
    assert answer["query"] == query
    if answer["other"] is not None:
        assert parse_qs(urlsplit(answer["other"]["url"]).query)["q"] == [query]


def test_a_results_page_keeps_the_query_and_its_filters_on_the_next_page(client):
    query = "bảo hiểm & xã hội"
    r = client.get("/vi/search", params={"q": query, "per_page": 1, "sort": "newest"})
    following = [link for link in links("/vi/search", r.text) if "page=2" in link]
    assert following
    params = parse_qs(urlsplit(following[0]).query)
    assert (params["q"], params["per_page"], params["sort"], params["page"]) == ([query], ["1"], ["newest"], ["2"])


@pytest.mark.parametrize("query", ["ປ & ສ", "bảo #hiểm"])
def test_the_glossary_filter_keeps_its_text_in_the_other_language(client, query):
    r = client.get("/vi/glossary", params={"q": query})
    assert r.status_code == 200
    assert [query] in _queries(r.text, "/vi/glossary", "/lo/glossary")
