"""Bad input is said in one line, exit 2, and nothing is written."""
import sys
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader, PdfWriter

from kb.cli import main

from .fixtures import legacy_lao


def refused(capsys, content: Path, file: Path, *args) -> str:
    before = sorted(p for p in content.rglob("*") if p.is_file())
    code = main(["import", str(file), "--content", str(content), *args])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith("kb import: ") and err.count("\n") == 1
    assert sorted(p for p in content.rglob("*") if p.is_file()) == before  # nothing written
    return err


def test_a_scan_without_text_layer(capsys, content, scan_pdf):
    assert refused(capsys, content, scan_pdf) == "kb import: scan.pdf: no text layer — OCR it first\n"


def test_lao_in_a_legacy_font_is_named_not_imported_as_latin(capsys, content, tmp_path):
    err = refused(capsys, content, legacy_lao(tmp_path / "cu.docx"))
    assert "legacy font 'Saysettha Lao'" in err and "not Unicode Lao" in err


def test_a_pdf_in_a_legacy_lao_font_is_named(capsys, content, text_pdf, tmp_path):
    # The same PDF with its font renamed (same length, so every offset stays right) to a pre-Unicode Lao font.
    legacy = tmp_path / "cu.pdf"
    legacy.write_bytes(text_pdf.read_bytes().replace(b"DejaVuSansBook", b"PhetsarathBook"))
    err = refused(capsys, content, legacy)
    assert "legacy font 'PhetsarathBook' (page 1)" in err


def test_a_password_protected_pdf(capsys, content, text_pdf, tmp_path):
    writer = PdfWriter(clone_from=PdfReader(text_pdf))
    writer.encrypt(user_password="mat-khau", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    writer.write(locked)
    assert refused(capsys, content, locked) == "kb import: locked.pdf: password-protected — remove the password first\n"


def test_a_password_protected_word_file(capsys, content, tmp_path):
    # Word encrypts a .docx into an OLE compound file: it is no longer a zip.
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert "password-protected" in refused(capsys, content, locked)


@pytest.mark.parametrize("name,data,message", [
    ("broken.docx", b"PK\x03\x04 not really a zip", "broken.docx: not a readable Word file (corrupt?)"),
    ("broken.pdf", b"%PDF-1.7\n garbage", "broken.pdf: not a readable PDF (corrupt?)"),
    ("notes.txt", b"Dieu 1.", "notes.txt: unknown file type '.txt' (kb import reads .docx and .pdf)"),
    ("old.doc", b"\xd0\xcf\x11\xe0", "old.doc: an old Word .doc file — save it as .docx first"),
])
def test_corrupt_files_and_unknown_types(capsys, content, tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    assert refused(capsys, content, path).startswith(f"kb import: {message}")


def _docx(path: Path, *paragraphs: str) -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(path)
    return path


def test_a_document_without_structure(capsys, content, tmp_path):
    path = _docx(tmp_path / "thu.docx", "Số: 5/CV-MAU", "Kính gửi các đơn vị mẫu.", "Nội dung một công văn mẫu.")
    assert "no articles, chapters or steps found" in refused(capsys, content, path)


def test_a_document_without_number(capsys, content, tmp_path):
    path = _docx(tmp_path / "nhap.docx", "QUYẾT ĐỊNH", "Điều 1. Mẫu", "Nội dung mẫu.")
    assert "no document number found" in refused(capsys, content, path)
    assert main(["import", str(path), "--content", str(content), "--id", "nhap-mau"]) == 0


def test_missing_import_extra_is_one_clear_line(capsys, content, text_pdf, monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdf", None)  # as if pypdf were not installed
    err = refused(capsys, content, text_pdf)
    assert err == "kb import: reading PDF needs the optional 'import' extra: pip install -e '.[import]'\n"
