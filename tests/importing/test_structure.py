"""Structures of real legal texts the importer must keep apart: quoted articles, numbering slips."""
from docx import Document

from kb.cli import main
from kb.content.corpus import load_corpus

HEAD = ["Số: 7/QĐ-MAU", "QUYẾT ĐỊNH", "Về việc kiểm thử cấu trúc (tài liệu mẫu)"]


def imported(capsys, content, tmp_path, paragraphs):
    doc = Document()
    for text in HEAD + paragraphs:
        doc.add_paragraph(text)
    doc.save(tmp_path / "mau.docx")
    assert main(["import", str(tmp_path / "mau.docx"), "--content", str(content)]) == 0
    review = capsys.readouterr().out.splitlines()
    corpus = load_corpus(content)
    assert [str(p) for p in corpus.errors] == []
    return corpus.get("vi", "qd-7-mau"), review


def test_an_article_quoted_by_an_amending_article_is_not_an_article_of_this_document(capsys, content, tmp_path):
    doc, _ = imported(capsys, content, tmp_path, [
        "Điều 1. Sửa đổi một văn bản mẫu khác", "1. Bổ sung Điều 9a vào sau Điều 9 như sau:",
        "“Điều 9a. Điều được chèn mẫu", "1. Khoản chèn một.", "2. Khoản chèn hai.”",
        "2. Khoản hai của Điều 1.", "Điều 2. Hiệu lực", "Nội dung mẫu."])
    assert [e.anchor for e in doc.parsed.toc] == ["art-1", "art-2"]
    assert {"art-1-1", "art-1-2"} <= doc.parsed.anchors and "art-9" not in doc.parsed.anchors
    assert "Khoản chèn hai" in doc.units[0].text


def test_a_numbering_slip_is_kept_and_reported_with_both_places(capsys, content, tmp_path):
    doc, review = imported(capsys, content, tmp_path, [
        "Điều 3. Điều thứ ba", "1. Khoản một.", "1. Khoản một lặp lại.", "Điều 3. Điều ghi nhầm số", "Nội dung."])
    assert [e.anchor for e in doc.parsed.toc] == ["art-3", "art-3-dup2"]
    checks = [line for line in review if line.startswith("check")]
    assert any("clause 1 again in the same article" in line and "(¶6)" in line for line in checks)
    assert any("Điều 3. Điều ghi nhầm số again (first at ¶4)" in line and "(¶7)" in line for line in checks)


def test_a_procedure_with_steps(capsys, content, tmp_path):
    doc = Document()
    for text in ["Số: 8/QT-MAU", "QUY TRÌNH", "Kiểm tra hồ sơ mẫu (tài liệu kiểm thử)", "Bước 1: Tiếp nhận hồ sơ mẫu",
                 "Nội dung bước một.", "Bước 2: Đối chiếu", "- việc thứ nhất;", "- việc thứ hai."]:
        doc.add_paragraph(text)
    doc.save(tmp_path / "qt.docx")
    assert main(["import", str(tmp_path / "qt.docx"), "--content", str(content)]) == 0
    page = load_corpus(content).get("vi", "qt-8-mau")
    assert page.meta.type == "procedure" and page.path == content / "vi/guides/qt-8-mau.md"
    assert [(u.anchor, u.text) for u in page.units] == [
        ("step-1", "Nội dung bước một."), ("step-2", "việc thứ nhất; việc thứ hai.")]


def test_lao_clauses_written_with_their_word_or_lao_digits(capsys, content, tmp_path):
    doc = Document()
    for text in ["ເລກທີ 7/ອຕຢ", "ຂໍ້ຕົກລົງ", "ວ່າດ້ວຍ ການທົດສອບ (ເອກະສານຕົວຢ່າງ)", "ມາດຕາ 1 ຂອບເຂດ",
                 "ຂໍ້ 1. ຂໍ້ທີໜຶ່ງຕົວຢ່າງ;", "ຂໍ້ 2. ຂໍ້ທີສອງຕົວຢ່າງ.", "ມາດຕາ ໒ ຜົນສັກສິດ", "໑. ຂໍ້ທີໜຶ່ງຂອງມາດຕາສອງ."]:
        doc.add_paragraph(text)
    doc.save(tmp_path / "lo.docx")
    assert main(["import", str(tmp_path / "lo.docx"), "--content", str(content), "--id", "lo-clauses"]) == 0
    page = load_corpus(content).get("lo", "lo-clauses")
    assert {"art-1", "art-1-1", "art-1-2", "art-2", "art-2-1"} <= page.parsed.anchors
    assert "ຂໍ້ທີສອງຕົວຢ່າງ" in page.units[0].text
