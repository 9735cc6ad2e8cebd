"""Structure and anchors (docs/content.md, "Structure and anchors"): language-neutral anchors for legal units."""
import unicodedata

import pytest

from search import CODES, get_language

from kb.content.structure import classify

from .helpers import BODY_LINE


def anchors(doc):
    return [entry.anchor for entry in doc.parsed.toc]


@pytest.mark.parametrize("code", CODES)
def test_the_unit_words_each_language_declares_name_its_units(code):
    # kb/content/structure.py knows no heading word itself: they come from the language modules.
    declared = get_language(code).unit_words
    assert {"chapter", "article", "step"} <= set(declared)
    for kind, words in declared.items():
        for word in words:
            heading = classify(2, f"{word} 3 tên")
            assert (heading.kind, heading.number) == (kind, 3), word


@pytest.mark.parametrize("heading,anchor", [
    ("Chương I", "ch-1"),
    ("Chương 1", "ch-1"),
    ("ໝວດທີ 1", "ch-1"),
    ("ໝວດທີ I", "ch-1"),
    ("Chương IV. Quyền và trách nhiệm", "ch-4"),
    ("ໝວດທີ IX", "ch-9"),
    ("Chương XII", "ch-12"),
    ("Phần thứ II", "ch-2"),
    ("Phần 1", "ch-1"),
    ("ພາກທີ II", "ch-2"),
    ("Điều 5", "art-5"),
    ("Điều 5. Phạm vi điều chỉnh", "art-5"),
    ("ມາດຕາ 5", "art-5"),
    ("ມາດຕາ ໗", "art-7"),
    ("ມາດຕາ ໖໒ ການກວດກາ", "art-62"),
    ("Bước 2", "step-2"),
    ("Bước 2: Thu thập hồ sơ", "step-2"),
    ("ຂັ້ນຕອນທີ 2", "step-2"),
    ("Căn cứ pháp lý", "can-cu-phap-ly"),
    ("Điều khoản chuyển tiếp", "dieu-khoan-chuyen-tiep"),
    ("Mục lục", "muc-luc"),
])
def test_heading_gets_its_anchor(body, heading, anchor):
    doc, problems = body(f"## {heading}\n")
    assert anchors(doc) == [anchor]
    assert problems == []


@pytest.mark.parametrize("part,chapter", [("Phần thứ II", "Chương 1"), ("ພາກທີ II", "ໝວດທີ 1")])
def test_parts_become_part_n_when_the_document_has_chapters(body, part, chapter):
    doc, _ = body(f"# {part}\n## {chapter}\n")
    assert anchors(doc) == ["part-2", "ch-1"]


def test_section_anchor_includes_its_chapter(body):
    doc, _ = body("# Chương I\n## Mục 1\n## Mục 2\n# Chương II\n## Mục 1\n")
    assert anchors(doc) == ["ch-1", "ch-1-sec-1", "ch-1-sec-2", "ch-2", "ch-2-sec-1"]


def test_clauses_and_points_inside_an_article(body):
    doc, problems = body("""
        ## Điều 5. Thanh tra

        1. Khoản một gồm:

           a) điểm a;

           b) điểm b.

        2. Khoản hai.
        """)
    assert problems == []
    assert {"art-5", "art-5-1", "art-5-1-a", "art-5-1-b", "art-5-2"} == doc.parsed.anchors


def test_numbers_written_in_the_heading_win_over_position(body):
    doc, problems = body("## Điều 1. Phạm vi\n\n## Điều 62. Trách nhiệm\n\n3. Khoản ba.\n")
    assert anchors(doc) == ["art-1", "art-62"]
    assert "art-62-3" in doc.parsed.anchors
    assert problems == []


def test_repeated_plain_headings_get_numbered_slugs(body):
    doc, problems = body("## Ghi chú\n## Ghi chú\n## Ghi chú\n")
    assert anchors(doc) == ["ghi-chu", "ghi-chu-2", "ghi-chu-3"]
    assert problems == []


def test_custom_id_sets_the_anchor_and_is_not_shown(content, body):
    doc, problems = body("## Quy trình *chung* {#quy-trinh}\n\n## Điều 3 {#dieu-ba}\n")
    assert anchors(doc) == ["quy-trinh", "dieu-ba"]
    assert [entry.text for entry in doc.parsed.toc] == ["Quy trình chung", "Điều 3"]
    html = content.load().html(doc)
    assert '<h2 id="quy-trinh">Quy trình <em>chung</em></h2>' in html
    assert '<h2 id="dieu-ba">Điều 3</h2>' in html
    assert "{#" not in html


def test_duplicate_anchor_is_an_error_naming_both_lines(body):
    _, problems = body("## Điều 3\n\nVăn bản.\n\n## Điều 3\n")
    assert problems == [f"content/vi/doc.md:{BODY_LINE + 4}: error: anchor 'art-3' is used twice "
                        f"(first on line {BODY_LINE}) [anchor-duplicate]"]


def test_arabic_and_roman_chapter_numbers_are_the_same_anchor(body):
    _, problems = body("# Chương 2\n\n# Chương II\n")
    assert problems == [f"content/vi/doc.md:{BODY_LINE + 2}: error: anchor 'ch-2' is used twice "
                        f"(first on line {BODY_LINE}) [anchor-duplicate]"]


def test_custom_id_equal_to_an_earlier_heading_slug_is_not_silently_shared(body):
    # "Ghi chú" gets the slug ghi-chu; a later {#ghi-chu} must not give a second heading the same anchor.
    doc, problems = body("## Ghi chú\n\n## Khác {#ghi-chu}\n")
    ids = anchors(doc)
    assert len(set(ids)) == len(ids) or any("[anchor-duplicate]" in p for p in problems), (ids, problems)


@pytest.mark.parametrize("heading,anchor", [
    (unicodedata.normalize("NFD", "Điều 5"), "art-5"),  # decomposed Vietnamese (macOS input, PDF copy)
    (unicodedata.normalize("NFD", "Chương 2"), "ch-2"),
    ("ຫມວດທີ 2", "ch-2"),  # ຫມ is the common spelling variant of ໝ
], ids=["vi-nfd-dieu", "vi-nfd-chuong", "lo-hmo-variant"])
def test_heading_in_another_unicode_form_or_spelling_gets_the_same_anchor(body, heading, anchor):
    doc, _ = body(f"## {heading}\n")
    assert anchors(doc) == [anchor]


def test_articles_and_steps_are_units_with_their_own_text(body):
    doc, _ = body("""
        Lời mở đầu.

        ## Điều 1. Phạm vi

        Luật này quy định về thanh tra.

        ### Ghi chú

        Chú thích của điều 1.

        ## Điều 2. Đối tượng

        1. Người lao động.

        ## Phụ lục

        Bảng biểu.

        ## Bước 1: Chuẩn bị

        Lập kế hoạch.
        """)
    units = [(u.anchor, u.kind, u.heading, u.text) for u in doc.units]
    assert units == [
        ("art-1", "article", "Điều 1. Phạm vi", "Luật này quy định về thanh tra. Chú thích của điều 1."),
        ("art-2", "article", "Điều 2. Đối tượng", "Người lao động."),
        ("step-1", "step", "Bước 1: Chuẩn bị", "Lập kế hoạch."),
    ]
    assert [u.line for u in doc.units] == [BODY_LINE + 2, BODY_LINE + 10, BODY_LINE + 18]
    assert "Lời mở đầu." in doc.parsed.intro and "Bảng biểu." in doc.parsed.intro
    assert "Bảng biểu" not in " ".join(u.text for u in doc.units)


def test_text_under_other_headings_is_kept_per_heading_for_search(body):
    doc, _ = body("""
        Lời mở đầu.

        ## Nội dung chính

        Quỹ bảo hiểm thất nghiệp.

        ## Điều 1. Phạm vi

        Luật này quy định về thanh tra.

        ### Ghi chú

        Chú thích của điều 1.

        ## Nguồn

        Công báo.
        """)
    assert [(u.anchor, u.heading, u.text) for u in doc.parsed.headed] == [
        ("noi-dung-chinh", "Nội dung chính", "Quỹ bảo hiểm thất nghiệp."), ("nguon", "Nguồn", "Công báo.")]
    assert doc.parsed.lead == "Lời mở đầu."
    # The intro still holds all of it: translation fingerprints and pages read it as before.
    assert doc.parsed.intro == "Lời mở đầu. Quỹ bảo hiểm thất nghiệp. Công báo."


def test_a_chapter_heading_ends_the_article_before_it(body):
    doc, _ = body("# Chương I\n## Điều 1\n\nNội dung.\n\n# Chương II\n\nGiới thiệu chương.\n")
    assert [(u.anchor, u.text) for u in doc.units] == [("art-1", "Nội dung.")]


def test_lao_steps_are_units(body):
    doc, _ = body("## ຂັ້ນຕອນທີ 1: ຮັບ\n\nຮັບຄຳຮ້ອງ.\n\n## ຂັ້ນຕອນທີ 2\n\nຈັດປະເພດ.\n", lang="lo")
    assert [(u.anchor, u.text) for u in doc.units] == [("step-1", "ຮັບຄຳຮ້ອງ."), ("step-2", "ຈັດປະເພດ.")]


def test_rendered_html_carries_the_anchors(content, body):
    doc, _ = body("## ມາດຕາ 5\n\n1. ຂໍ້ໜຶ່ງ:\n\n   a) ຈຸດ a;\n\n2. ຂໍ້ສອງ.\n", lang="lo")
    html = content.load().html(doc)
    assert '<h2 id="art-5">ມາດຕາ 5</h2>' in html
    assert '<li id="art-5-1">' in html and '<li id="art-5-2">' in html
    assert '<p id="art-5-1-a">a) ຈຸດ a;</p>' in html
