"""Every internal link and anchor reachable from the two home pages works, in both languages."""
from __future__ import annotations

import html as htmllib
import json
import re
from urllib.parse import parse_qs, quote, unquote, urldefrag, urljoin, urlsplit

import pytest

LINK = re.compile(r'<(?:a|link)\b[^>]*\bhref="([^"]*)"')
ID = re.compile(r'\bid="([^"]*)"')
LIMIT = 5000


def crawl(client, starts=("/vi/", "/lo/")):
    """Pages seen (path → (status, ids)), and every (page, link) pair found on them."""
    pages: dict[str, tuple[int, set[str]]] = {}
    links: list[tuple[str, str]] = []
    queue = list(starts)
    while queue and len(pages) < LIMIT:
        url = queue.pop()
        if url in pages:
            continue
        r = client.get(url)
        ids = set()
        if r.status_code == 200 and r.headers["content-type"].startswith("text/html"):
            body = r.text
            ids = {htmllib.unescape(i) for i in ID.findall(body)}
            for href in LINK.findall(body):
                href = htmllib.unescape(href)
                target = urljoin(url, href)
                parts = urlsplit(target)
                if parts.netloc not in ("", "testserver") or parts.scheme not in ("", "http"):
                    continue
                local = parts.path + (f"?{parts.query}" if parts.query else "")
                links.append((url, local + (f"#{parts.fragment}" if parts.fragment else "")))
                if local not in pages and not local.startswith(("/static/", "/api/openapi.json")):
                    queue.append(local)
        pages[url] = (r.status_code, ids)
    return pages, links


def test_no_broken_internal_link_or_anchor_in_either_language(client):
    pages, links = crawl(client)
    assert len(pages) < LIMIT
    assert len(pages) > 100  # both languages' documents, tags, browse pages and the glossary
    broken = sorted({f"{page} → {link} ({pages[urldefrag(link)[0]][0]})" for page, link in links
                     if urldefrag(link)[0] in pages and pages[urldefrag(link)[0]][0] != 200})
    assert broken == []
    missing = sorted({f"{page} → {link}" for page, link in links
                      if (frag := urldefrag(link)[1]) and urldefrag(link)[0] in pages
                      and pages[urldefrag(link)[0]][0] == 200 and frag not in pages[urldefrag(link)[0]][1]})
    assert missing == []


SWITCH = re.compile(r'<a class="lang-switch" hreflang="(\w+)" lang="\w+" href="([^"]*)"(?: data-anchors=\'([^\']*)\')?>')


def _switch(html: str, code: str) -> tuple[str, dict]:
    for lang, href, anchors in SWITCH.findall(html):
        if lang == code:
            return htmllib.unescape(href), json.loads(htmllib.unescape(anchors or "{}"))
    raise AssertionError(f"no switch to {code}")


@pytest.mark.parametrize("tag, other, expected", [
    ("thanh tra", "lo", "ການກວດກາ"), ("bảo hiểm xã hội", "lo", "ປະກັນສັງຄົມ"), ("ສປປ ລາວ", "vi", "Lào"),
    ("ການກວດເບິ່ງສະເພາະຂະແໜງການ", "vi", "kiểm tra chuyên ngành"),
])
def test_a_tag_page_switches_to_the_same_tag_in_the_other_language(client, tag, other, expected):
    lang = "vi" if other == "lo" else "lo"
    html = client.get(f"/{lang}/browse/tags/{quote(tag)}").text
    href, _ = _switch(html, other)
    assert unquote(href) == f"/{other}/browse/tags/{expected}"
    assert client.get(href).status_code == 200
    assert f'hreflang="{other}" href="http://testserver{href}"' in html


def test_a_tag_with_no_counterpart_switches_to_the_list_of_tags(custom_client):
    html = custom_client.get("/vi/browse/tags/" + quote("<script>alert(1)</script>", safe="")).text
    href, _ = _switch(html, "lo")
    assert href == "/lo/browse/tags/"
    assert 'rel="alternate" hreflang="lo"' not in html  # no alternate that does not exist


def test_the_search_switch_keeps_the_query_and_its_filters(client):
    html = client.get("/vi/search", params={"q": "thanh tra", "tag": "thanh tra", "type": "law",
                                            "sort": "newest"}).text
    href, _ = _switch(html, "lo")
    parts = urlsplit(href)
    assert parts.path == "/lo/search"
    assert parse_qs(parts.query) == {"q": ["thanh tra"], "tag": ["ການກວດກາ"], "type": ["law"], "sort": ["newest"]}
    assert client.get(href).status_code == 200


def test_the_glossary_switch_keeps_the_filter(client):
    href, _ = _switch(client.get("/vi/glossary", params={"q": "bhxh"}).text, "lo")
    assert href == "/lo/glossary?q=bhxh"


def test_headings_anchored_by_their_text_switch_to_the_same_heading(client):
    href, anchors = _switch(client.get("/vi/docs/law-84-2025-qh15").text, "lo")
    assert anchors["hieu-luc"] == "ຜົນສັກສິດ" and anchors["nguon"] == "ແຫຼ່ງຂໍ້ມູນ"
    assert "art-62" not in anchors  # the same in both: nothing to map


def test_every_mapped_anchor_exists_on_the_other_side(client):
    for lang, other in (("vi", "lo"), ("lo", "vi")):
        for doc in client.get(f"/api/browse/{lang}/type").json()["groups"]:
            for d in client.get(f"/api/browse/{lang}/type/{doc['value']}").json()["documents"]:
                html = client.get(d["url"]).text
                href, anchors = _switch(html, other)
                there = {htmllib.unescape(i) for i in ID.findall(client.get(href).text)}
                here = {htmllib.unescape(i) for i in ID.findall(html)}
                for source, target in anchors.items():
                    assert source in here and target in there, (d["url"], source, target)
