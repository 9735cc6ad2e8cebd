"""The body cut into its units for the pages: the same HTML as one rendering, ids left out where asked."""
import re

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from kb.content.sections import section_html, sections_html

from .test_glossary_marking import MARKED

BODY = """
    Mở đầu về bảo hiểm xã hội.[^1]

    ## Điều 1. Phạm vi

    1. Khoản một về thanh tra.
    2. Khoản hai:

       a) Điểm a.

    ## Chương II {#ch-2}

    ### Điều 2. Đối tượng

    Bảo hiểm xã hội bắt buộc.[^2]

    > ## Điều 9. Trích dẫn

    [^1]: Ghi chú một.
    [^2]: Ghi chú hai.
    """
PLACES = re.compile(r'\s(?:id|aria-describedby)="[^"]*"')


def test_the_units_cut_apart_make_the_same_page_as_markdown_it_rendering_it_whole(content):
    content.page("vi/a.md", BODY)
    corpus = content.load()
    doc = corpus.get("vi", "a")
    plain = (MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin)
             .use(container_plugin, "version"))
    sections = corpus.sections(doc)
    assert [s["anchor"] for s in sections] == [None, "art-1", "art-2"]
    assert sections_html(sections) == plain.renderer.render(doc.parsed.tokens, plain.options, {})
    assert "\x00" not in corpus.html(doc)


def test_a_unit_without_ids_is_the_same_html_less_its_ids_and_tip_references(content):
    content.write("glossary.yaml", MARKED)
    content.page("vi/a.md", BODY)
    corpus = content.load()
    sections = corpus.sections(corpus.get("vi", "a"))
    html = corpus.html(corpus.get("vi", "a"))
    assert 'aria-describedby="term-tip-' in html and 'id="fnref1"' in html and '<li id="art-1-1">' in html
    for s in sections:
        bare = section_html(s, ids=False)
        assert PLACES.sub("", section_html(s)) == bare
        assert ' id="' not in bare and "aria-describedby" not in bare
    assert 'class="term"' in section_html(sections[0], ids=False)
