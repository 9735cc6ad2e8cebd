"""`kb import` on well-formed files: what lands in the content page and what the review list says."""
from pathlib import Path

import pytest
import yaml

from kb.cli import main
from kb.content.corpus import load_corpus


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(["import", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def page(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def test_vietnamese_decision(capsys, content, vi_docx):
    code, out, err = run(capsys, vi_docx, "--content", content)
    assert (code, err) == (0, "")
    path = content / "vi/legal/qd-999-mau.md"
    assert out.splitlines()[0] == f"wrote {path}"
    front, body = page(path)
    assert front["number"] == "999/QĐ-MAU" and front["type"] == "decision"
    assert front["issuer"] == "CƠ QUAN MẪU (TÀI LIỆU KIỂM THỬ)"
    assert str(front["issued"]) == "2025-03-05" and front["signer"] == "Nguyễn Văn Mẫu"
    assert front["title"].startswith("Quyết định 999/QĐ-MAU — Về việc ban hành quy chế mẫu")
    assert front["cites"] == ["law-41-2024-qh15"]  # the basis that exists in the content
    assert front["authoritative"] is False and "chưa được rà soát" in body
    # The national motto and the separators are not part of the body.
    assert "CỘNG HÒA" not in body and "Hạnh phúc" not in body and "-------" not in body
    review = out.splitlines()
    assert any(line.split()[:3] == ["found", "number", "999/QĐ-MAU"] for line in review)
    assert any("basis not in the knowledge base" in line and "123/qd-khongco" in line for line in review)
    assert any("signer's title" in line and "KT. THỦ TRƯỞNG / PHÓ THỦ TRƯỞNG" in line for line in review)
    assert review[-1].startswith("status   unreviewed import")


def test_vietnamese_structure_anchors_tables_and_quotes(content, vi_docx, capsys):
    run(capsys, vi_docx, "--content", content)
    corpus = load_corpus(content)
    assert corpus.errors == []
    doc = corpus.get("vi", "qd-999-mau")
    assert [e.anchor for e in doc.parsed.toc] == ["ch-1", "art-1", "art-2", "ch-2", "art-3", "art-4", "art-5", "art-6", "signature"]
    assert {"art-2-1", "art-2-1-a", "art-2-1-b", "art-2-2", "art-4-1", "art-4-2", "art-5-1", "art-5-2"} <= doc.parsed.anchors
    # The clauses Article 4 quotes into another text are not clauses of this one.
    assert "Khoản được trích dẫn thứ hai" in next(u.text for u in doc.units if u.anchor == "art-4")
    html = corpus.html(doc)
    assert "<table>" in html and "<td>Mức thứ nhất</td>" in html
    assert "<blockquote>" in html
    # "Điều 6" sat after a line break inside a paragraph of Article 5: it is an article of its own.
    assert next(u.text for u in doc.units if u.anchor == "art-6").startswith("Các đơn vị mẫu")
    # The signature block closes the page but belongs to no article.
    assert "Nguyễn Văn Mẫu" in html and all("Nguyễn Văn Mẫu" not in u.text for u in doc.units)


def test_lao_decision(capsys, content, lo_docx):
    code, out, err = run(capsys, lo_docx, "--content", content)
    assert (code, err) == (0, "")
    path = content / "lo/legal/decision-999-2025.md"
    front, body = page(path)
    assert front["number"] == "999/ອຕຢ" and front["type"] == "decision"
    assert str(front["issued"]) == "2025-03-15" and front["signer"] == "ທ່ານ ຕົວຢ່າງ ທົດສອບ"
    assert front["cites"] == ["lao-law-54-na"]  # 54/ສພຊ is the content's 54/NA
    assert "ສາທາລະນະລັດ" not in body and "ວັດທະນະຖາວອນ" not in body
    assert "ຍັງບໍ່ທັນໄດ້ກວດທານ" in body
    doc = load_corpus(content).get("lo", "decision-999-2025")
    # ມາດຕາ ໒ (a Lao numeral) is art-2; ໝວດທີ II (Roman) is ch-2.
    assert [e.anchor for e in doc.parsed.toc] == ["ch-1", "art-1", "art-2", "ch-2", "art-3", "art-4", "signature"]
    assert {"art-2-1", "art-2-2"} <= doc.parsed.anchors
    assert any("cites" in line and "lao-law-54-na" in line for line in out.splitlines())


def test_text_pdf_leaves_running_headers_and_page_numbers_out(capsys, content, text_pdf):
    code, out, err = run(capsys, text_pdf, "--content", content)
    assert (code, err) == (0, "")
    front, body = page(content / "vi/legal/qd-998-mau.md")
    assert front["number"] == "998/QĐ-MAU" and str(front["issued"]) == "2025-04-10"
    assert front["signer"] == "Trần Thị Mẫu" and front["cites"] == ["law-41-2024-qh15"]
    assert "TÀI LIỆU KIỂM THỬ — KHÔNG PHẢI" not in body and "- 1 -" not in body and "- 2 -" not in body
    # A paragraph wrapped over several lines of the PDF is one paragraph again.
    assert "\nVăn bản mẫu này chỉ dùng để kiểm thử việc đọc tệp PDF có lớp văn bản; nội dung là giả định, " \
           "không phải quy định của bất kỳ cơ quan nào" in body
    doc = load_corpus(content).get("vi", "qd-998-mau")
    assert {"art-1", "art-2", "art-2-1", "art-2-2", "art-2-2-a", "art-2-2-b", "art-3"} <= doc.parsed.anchors
    assert "(p. 1, line 3)" in next(line for line in out.splitlines() if "998/QĐ-MAU" in line)


def test_authoritative_import_with_a_source(capsys, content, vi_docx):
    code, out, _ = run(capsys, vi_docx, "--content", content, "--authoritative", "--source", "Công báo mẫu số 1",
                       "--id", "qd-mau", "--type", "circular")
    assert code == 0
    front, body = page(content / "vi/legal/qd-mau.md")
    assert front["authoritative"] is True and front["source"] == "Công báo mẫu số 1"
    assert front["type"] == "circular" and front["as_of"] is not None
    assert "chưa được rà soát" not in body
    assert out.splitlines()[-1] == "status   authoritative, source: Công báo mẫu số 1"


def test_an_existing_page_is_overwritten_only_with_force(capsys, content, vi_docx):
    assert run(capsys, vi_docx, "--content", content)[0] == 0
    path = content / "vi/legal/qd-999-mau.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nGhi chú của người rà soát.\n", encoding="utf-8")
    code, out, err = run(capsys, vi_docx, "--content", content)
    assert (code, out) == (2, "")
    assert err == f"kb import: {path} exists — pass --force to overwrite it\n"
    assert "Ghi chú của người rà soát." in path.read_text(encoding="utf-8")
    assert run(capsys, vi_docx, "--content", content, "--force")[0] == 0
    assert "Ghi chú của người rà soát." not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("args,message", [
    (["--authoritative"], "--authoritative needs --source"),
    (["--type", "memo"], "unknown --type 'memo'"),
    (["--id", "Bad Id"], "--id 'Bad Id' must be lowercase"),
])
def test_wrong_options_are_refused(capsys, content, vi_docx, args, message):
    code, out, err = run(capsys, vi_docx, "--content", content, *args)
    assert code == 2 and out == "" and err.startswith(f"kb import: {message}")
    assert not (content / "vi/legal/qd-999-mau.md").exists()
