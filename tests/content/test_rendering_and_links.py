"""Rendering and links (docs/content.md, "Links" and "Front matter"): safe HTML, kb: links, derived relations."""
from .helpers import BODY_LINE, report


def html_of(content, lang, doc_id):
    corpus = content.load()
    return corpus.html(corpus.get(lang, doc_id))


def test_raw_html_is_shown_as_text(content):
    content.page("vi/x.md", """
        <script>alert("x")</script>

        Chữ <b>đậm</b> và <img src=x onerror=alert(1)>.
        """)
    html = html_of(content, "vi", "x")
    assert "&lt;script&gt;alert" in html
    assert "&lt;b&gt;đậm&lt;/b&gt;" in html
    assert "<script" not in html and "<b>" not in html and "<img" not in html


def test_tables_render(content):
    content.page("vi/x.md", """
        | Mức đóng | Tỷ lệ |
        |---|---|
        | Hưu trí | 22% |
        """)
    html = html_of(content, "vi", "x")
    assert "<table>" in html
    assert "<th>Mức đóng</th>" in html and "<td>22%</td>" in html


def test_footnotes_render(content):
    content.page("vi/x.md", """
        Theo bản tin[^1].

        [^1]: Bản tin của BHXH Việt Nam.
        """)
    html = html_of(content, "vi", "x")
    assert 'class="footnote-ref"' in html
    assert "Bản tin của BHXH Việt Nam." in html
    assert "[^1]" not in html


def test_kb_link_goes_to_the_readers_language(content):
    content.page("vi/x.md", "Xem [Điều 3](kb:some-id#art-3).\n")
    content.page("lo/x.md", "ເບິ່ງ [ມາດຕາ 3](kb:some-id#art-3).\n", title="ລາວ")
    content.page("vi/some-id.md", "## Điều 3\n")
    content.page("lo/some-id.md", "## ມາດຕາ 3\n", title="ລາວ")
    assert content.load().problems == []
    assert '<a href="/vi/docs/some-id#art-3">Điều 3</a>' in html_of(content, "vi", "x")
    assert '<a href="/lo/docs/some-id#art-3">ມາດຕາ 3</a>' in html_of(content, "lo", "x")


def test_kb_link_falls_back_to_the_other_language(content):
    content.page("vi/x.md", "Xem [Luật 54](kb:lao-law-54-na#art-7) và [toàn văn](kb:lao-law-54-na).\n")
    content.page("lo/lao-law-54-na.md", "## ມາດຕາ ໗\n", title="ກົດໝາຍ")
    assert content.load().problems == []
    html = html_of(content, "vi", "x")
    assert '<a href="/lo/docs/lao-law-54-na#art-7">Luật 54</a>' in html
    assert '<a href="/lo/docs/lao-law-54-na">toàn văn</a>' in html


def test_kb_link_may_target_a_clause(content):
    content.page("vi/x.md", "Xem [khoản 2](kb:law#art-5-2).\n")
    content.page("vi/law.md", "## Điều 5\n\n1. Một.\n2. Hai.\n")
    assert content.load().problems == []


def test_link_to_an_unknown_document_is_an_error(content):
    content.page("vi/x.md", "Đoạn đầu.\n\nXem [Nghị định](kb:nd-khong-co).\n")
    corpus = content.load()
    assert report(corpus) == [
        f"content/vi/x.md:{BODY_LINE + 2}: error: link to unknown document 'nd-khong-co' [link-broken]"]
    assert "kb:" not in corpus.html(corpus.get("vi", "x"))


def test_link_to_an_unknown_anchor_is_an_error(content):
    content.page("vi/x.md", "Xem [Điều 9](kb:law#art-9).\n")
    content.page("vi/law.md", "## Điều 1\n")
    assert report(content.load()) == [
        f"content/vi/x.md:{BODY_LINE}: error: link to 'law#art-9': content/vi/law.md has no such anchor [link-broken]"]


def test_broken_link_in_a_table_is_reported_on_its_row(content):
    content.page("vi/x.md", "| Văn bản | Ghi chú |\n|---|---|\n| A | a |\n| [B](kb:nope) | b |\n")
    assert [p.line for p in content.load().problems] == [BODY_LINE + 3]


def test_broken_link_is_reported_on_its_own_line_inside_a_paragraph(content):
    content.page("vi/x.md", "Dòng một của đoạn,\ndòng hai có [liên kết hỏng](kb:nope),\ndòng ba.\n")
    assert [p.line for p in content.load().problems] == [BODY_LINE + 1]


def test_reverse_relations_are_derived(content):
    content.page("vi/law-41.md", replaces="law-58", cites="[law-84]")
    content.page("lo/law-41.md", replaces="law-58", cites="[law-84]", title="ລາວ")
    content.page("vi/law-58.md")
    content.page("vi/law-84.md", amends="[law-41]")
    content.page("vi/guide.md", cites="[law-84, law-41]", implements="[law-41]")
    reverse = content.load().reverse_relations()
    assert reverse["law-58"] == {"replaced_by": ["law-41"]}
    assert reverse["law-41"] == {"amended_by": ["law-84"], "cited_by": ["guide"], "implemented_by": ["guide"]}
    assert sorted(reverse["law-84"]["cited_by"]) == ["guide", "law-41"]  # a translation pair counts once
    assert "guide" not in reverse


def test_reverse_relations_are_not_written_in_front_matter(content):
    content.page("vi/law-58.md", replaced_by="[law-41]")
    content.page("vi/law-41.md")
    assert report(content.load()) == ["content/vi/law-58.md:3: warning: unknown key 'replaced_by' [key-unknown]"]
