"""Glossary terms in document bodies: linked to the glossary with a tip, on word and syllable boundaries."""
import re

from search import TermFinder

from .test_glossary import GOOD, term

MARKED = GOOD + term("article", vi="điều", lo="ມາດຕາ", extra="    mark: false\n") + term(
    "inspection", vi="thanh tra", lo="ການກວດກາ")


def links(html: str) -> list[str]:
    return re.findall(r'<a class="term" href="([^"]+)"[^>]*>([^<]+)</a>', html)


def test_lao_terms_match_whole_syllables_only():
    finder = TermFinder({"x": ["ກວດກາ"]})
    assert finder.find("ກວດກາເງິນ") == [(0, 5, "x")]
    assert finder.find("ກວດການເງິນ") == []  # ກວດ|ການ: the letters are there, the syllables are not
    assert TermFinder({"x": ["bảo hiểm xã hội"]}).find("bảo hiểm, xã hội") == []  # not across punctuation


def test_first_use_in_each_section_links_to_the_glossary_with_a_tip(content):
    content.write("glossary.yaml", MARKED)
    content.page("vi/a.md", """
        Quỹ bảo hiểm xã hội và bảo hiểm xã hội tự nguyện; BHXH.

        ## Điều 1. Thanh tra bảo hiểm xã hội

        Điều này nói về bảo hiểm y tế, [bảo hiểm xã hội](https://example.org) và `bảo hiểm y tế`.

        ## Điều 2. Phạm vi

        Thanh tra bảo hiểm xã hội.
        """)
    corpus = content.load()
    html = corpus.html(corpus.get("vi", "a"))
    intro, art1, art2 = re.split(r"<h2", html)
    assert links(intro) == [("/vi/glossary#social-insurance", "bảo hiểm xã hội")]  # once, not for BHXH again
    tip = re.search(r'<span class="term-tip" role="tooltip" id="(term-tip-\d+)">', intro)
    assert f'aria-describedby="{tip.group(1)}"' in intro
    assert intro[tip.end():].startswith('<span lang="lo">ປະກັນສັງຄົມ</span> — Chế độ bảo đảm thu nhập.</span>')
    # Headings, links and code are left alone; everyday words (mark: false) are never linked.
    assert links(art1.split("</h2>")[0]) == []
    assert links(art1) == [("/vi/glossary#health-insurance", "bảo hiểm y tế")]
    assert links(art2) == [("/vi/glossary#inspection", "Thanh tra"), ("/vi/glossary#social-insurance", "bảo hiểm xã hội")]
    assert len(set(re.findall(r'id="(term-tip-\d+)"', html))) == len(links(html))  # tip ids are unique


def test_lao_body_links_terms_inside_unspaced_text(content):
    content.write("glossary.yaml", MARKED)
    content.page("lo/a.md", "ກອງທຶນການປະກັນສັງຄົມແຫ່ງຊາດ ແລະ ມາດຕາ 5.\n")
    corpus = content.load()
    html = corpus.html(corpus.get("lo", "a"))
    assert links(html) == [("/lo/glossary#social-insurance", "ການປະກັນສັງຄົມ")]
    assert '<span lang="vi">bảo hiểm xã hội</span>' in html


def test_mark_must_be_a_boolean(content):
    content.write("glossary.yaml", GOOD + term("x", vi="xa", lo="ຊາ", extra="    mark: sometimes\n"))
    assert any("x.mark must be true or false" in line for line in content.check().lines)
