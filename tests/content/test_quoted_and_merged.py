"""Structures of real legal texts that once gave false anchor-duplicate errors (docs/content.md, "Quoted text")."""
from .helpers import BODY_LINE


def test_clauses_quoted_by_an_amending_article_give_no_anchors(body):
    # Article 9 amends another law and quotes the clauses it inserts: only its own clauses are anchors.
    doc, problems = body('''
        ## Điều 9. Sửa đổi một luật khác

        1. Sửa đổi khoản 2 như sau:

        "1. Khoản được chèn thứ nhất:

        a) điểm được chèn;

        2. Khoản được chèn thứ hai."

        2. Bổ sung khoản 3 như sau:

        > 1. Khoản trích trong khung trích dẫn.
        >
        > ## Điều 4. Điều được trích

        3. Khoản cuối.
        ''')
    assert problems == []
    assert {a for a in doc.parsed.anchors if a.startswith("art-")} == {"art-9", "art-9-1", "art-9-2", "art-9-3"}
    assert [u.anchor for u in doc.units] == ["art-9"]
    assert "Khoản được chèn thứ hai" in doc.units[0].text and "Điều được trích" in doc.units[0].text


def test_a_quotation_left_open_ends_at_the_next_heading(body):
    doc, problems = body('''
        ## Điều 1

        “1. Trích dẫn không đóng

        ## Điều 2

        1. Khoản của điều 2.
        ''')
    assert problems == []
    assert "art-2-1" in doc.parsed.anchors and "art-1-1" not in doc.parsed.anchors


def test_an_article_printed_inside_the_one_before_keeps_its_own_anchors(body):
    doc, problems = body('''
        ## Điều 114. Điều thứ nhất

        1. Khoản một.

        **Điều 115. Điều bị gộp**

        1. Khoản một của điều 115.

           a) điểm a.

        Điều 116 của luật này không bị tách: đây chỉ là một câu.
        ''')
    assert problems == []
    assert {"art-114-1", "art-115", "art-115-1", "art-115-1-a"} <= doc.parsed.anchors
    assert [u.anchor for u in doc.units] == ["art-114", "art-115"]
    assert "Khoản một của điều 115" in doc.units[1].text and "Khoản một của điều 115" not in doc.units[0].text
    assert "art-116" not in doc.parsed.anchors


def test_a_merged_article_that_repeats_a_real_one_is_still_a_duplicate(body):
    _, problems = body("## Điều 5\n\nVăn bản.\n\n## Điều 6\n\nĐiều 5. Lặp lại\n")
    assert problems == [f"content/vi/doc.md:{BODY_LINE + 6}: error: anchor 'art-5' is used twice "
                        f"(first on line {BODY_LINE}) [anchor-duplicate]"]


def test_a_true_duplicate_clause_is_still_an_error_with_both_lines(body):
    _, problems = body("## ມາດຕາ 3\n\n1. ຂໍ້ໜຶ່ງ.\n\n2. ຂໍ້ສອງ.\n\nວັກ.\n\n1. ຂໍ້ໜຶ່ງອີກ.\n", lang="lo")
    assert problems == [f"content/lo/doc.md:{BODY_LINE + 8}: error: anchor 'art-3-1' is used twice "
                        f"(first on line {BODY_LINE + 2}) [anchor-duplicate]"]
