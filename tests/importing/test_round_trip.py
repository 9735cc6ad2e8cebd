"""Import → kb check → kb build → kb search finds the imported article and the page opens at its anchor."""
import json
import warnings

import pytest

from kb.cli import main
from kb.settings import Settings
from kb.web.app import create_app

with warnings.catch_warnings():  # starlette warns that httpx is deprecated for its TestClient
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def imported(capsys, content, vi_docx, lo_docx, text_pdf, tmp_path):
    for file in (vi_docx, lo_docx, text_pdf):
        assert main(["import", str(file), "--content", str(content)]) == 0
    index = tmp_path / "index"
    assert main(["check", "--content", str(content)]) == 0
    check_out, check_err = capsys.readouterr()
    assert "0 error(s)" in check_err
    assert main(["build", "--full", "--content", str(content), "--index", str(index)]) == 0
    capsys.readouterr()
    return content, index


def search(capsys, content, index, query, lang):
    assert main(["search", query, "--lang", lang, "--json", "--content", str(content), "--index", str(index)]) == 0
    return json.loads(capsys.readouterr().out)["results"]


@pytest.mark.parametrize("query,lang,doc_id,anchor,text", [
    ("bảng mức mẫu", "vi", "qd-999-mau", "art-3", "Mức thứ nhất"),
    ("đối chiếu hồ sơ mẫu", "vi", "qd-998-mau", "art-2", "Khoản hai gồm:"),
    ("ຕາຕະລາງຕົວຢ່າງ", "lo", "decision-999-2025", "art-3", "ອັດຕາທີໜຶ່ງ"),
], ids=["vi-docx", "vi-pdf", "lo-docx"])
def test_imported_article_is_found_and_opens_at_its_anchor(imported, capsys, query, lang, doc_id, anchor, text):
    content, index = imported
    hits = search(capsys, content, index, query, lang)
    hit = next(h for h in hits if h["id"] == doc_id)
    assert hit["article"] == anchor and hit["url"] == f"/{lang}/docs/{doc_id}#{anchor}"
    client = TestClient(create_app(Settings.make(content=str(content), index=str(index))))
    html = client.get(hit["url"].split("#")[0]).text
    assert f'id="{anchor}"' in html and text in html
