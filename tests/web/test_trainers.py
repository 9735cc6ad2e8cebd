"""What trainers use in class: glossary marks that help rather than clutter, an indexed glossary, and a
home page that says what is true about when documents were checked."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from .webhtml import element, main

TERM = re.compile(r'<a class="term" href="/\w+/glossary#([^"]+)"[^>]*>([^<]*)</a>')


def _units(html: str) -> dict[str, str]:
    """The body's text by unit: each article or step, and "rest" for all that is outside them."""
    body = html[html.index('<div class="doc-body">'):]
    units: dict[str, str] = {"rest": ""}
    current, level = "rest", 0
    pieces = re.split(r'(<h([1-6]) id="([^"]+)")', body)
    units["rest"] += pieces[0]
    for i in range(1, len(pieces), 4):
        tag, h, anchor, after = pieces[i], int(pieces[i + 1]), pieces[i + 2], pieces[i + 3]
        if re.match(r"(art|step)-[0-9]+$", anchor):
            current, level = anchor, h
        elif h <= level:
            current, level = "rest", 0
        units[current] = units.get(current, "") + tag + after
    return units


@pytest.mark.parametrize("url", ["/vi/docs/qd-216-bhxh", "/vi/docs/qd-1456-bhxh", "/vi/docs/qd-391-btc",
                                 "/vi/docs/law-84-2025-qh15", "/lo/docs/lao-law-54-na"])
def test_no_glossary_mark_inside_a_document_number(client, url):
    html = client.get(url).text
    body = html[html.index('<div class="doc-body">'):]
    # A mark glued to a number's slash or dash (216/QĐ-<BHXH>, NĐ-<CP>) reads the number as a word.
    assert not re.search(r'[\w.][/-]<a class="term"', body)
    assert not re.search(r'</a><span class="term-tip"[^>]*>.*?</span>[/-]\w', body)


def test_no_glossary_mark_inside_a_link(client):
    html = client.get("/vi/docs/guide-complaints").text
    body = html[html.index('<div class="doc-body">'):]
    for inner in re.findall(r'<a (?!class="term")[^>]*>(.*?)</a>', body, re.S):
        assert 'class="term"' not in inner


@pytest.mark.parametrize("url", ["/vi/docs/qd-216-bhxh", "/vi/docs/guide-complaints", "/lo/docs/law-41-2024-qh15",
                                 "/vi/docs/news-vss-lss-inspection-exchange"])
def test_each_term_is_marked_once_per_article(client, url):
    for piece in _units(client.get(url).text).values():
        repeated = [t for t, n in Counter(t for t, _ in TERM.findall(piece)).items() if n > 1]
        assert repeated == []


def test_a_short_summary_is_not_covered_in_marks(client):
    html = client.get("/vi/docs/qd-216-bhxh").text
    assert len(TERM.findall(html)) <= 24  # it had 32, every occurrence of every term


def test_glossary_has_an_alphabet_index_and_the_filter_on_top(client):
    html = main(client.get("/vi/glossary").text)
    assert html.index('class="filter"') < html.index('class="letters"') < html.index('<dl class="glossary">')
    letters = re.findall(r'<a href="#letter-([^"]+)">', element(html, '<nav class="letters"'))
    assert letters[:3] == ["A", "B", "C"] and "Đ" in letters
    assert letters.index("D") < letters.index("Đ") < letters.index("G")
    for x in letters:
        assert f'id="letter-{x}"' in html


def test_lao_glossary_index_follows_the_lao_alphabet(client):
    html = main(client.get("/lo/glossary").text)
    letters = re.findall(r'<a href="#letter-([^"]+)">', element(html, '<nav class="letters"'))
    order = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ"
    assert letters[0] == "ກ" and [order.index(x) for x in letters] == sorted(order.index(x) for x in letters)
    assert not set(letters) & set("ເແໂໃໄ")  # a vowel written first is not the letter a word is filed under
    section = element(html, '<section class="letter" id="letter-ງ"')
    assert "ເງິນສົມທົບ" in section  # filed under its consonant ງ


def test_home_says_the_documents_share_one_date_when_they_do(client):
    view = client.get("/api/home/vi").json()
    html = client.get("/vi/").text
    if view["checked"]["same_date"]:
        assert "Văn bản mới nhất" in html and "cùng một ngày" in html
        issued = [d["issued"] or "" for d in view["recent"]]
        assert issued == sorted(issued, reverse=True)  # then the list is by date of issue, and says so
    else:
        assert "Văn bản mới nhất" not in html


def test_home_lists_recently_checked_when_dates_differ(custom_client):
    view = custom_client.get("/api/home/vi").json()
    assert view["checked"]["same_date"] is False  # the hand-made documents carry no date
    assert "Văn bản mới nhất" not in custom_client.get("/vi/").text
