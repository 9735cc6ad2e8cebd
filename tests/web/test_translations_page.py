"""The translation status page as maintainers read it: documents by title, dates that say what was checked."""
from __future__ import annotations

import textwrap

import yaml

from kb.cli import main as kb_main

from .conftest import _app
from .webhtml import element, text

SOURCE = """\
    ---
    id: luat-mau
    title: Luật mẫu
    type: law
    ---

    ## Điều 1. Phạm vi

    Nội dung điều một.

    ## Điều 2. Đối tượng

    Nội dung điều hai.
    """
TRANSLATION = """\
    ---
    id: luat-mau
    title: ກົດໝາຍຕົວຢ່າງ
    type: law
    translation_of: vi
    ---

    ## ມາດຕາ 1. ຂອບເຂດ

    ເນື້ອໃນມາດຕາໜຶ່ງ.

    ## ມາດຕາ 2. ຜູ້ກ່ຽວຂ້ອງ

    ເນື້ອໃນມາດຕາສອງ.
    """
EARLIER = "2026-01-05"


def _content(tmp_path):
    root = tmp_path / "content"
    for name, body in (("vi/luat.md", SOURCE), ("lo/luat.md", TRANSLATION)):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(body), encoding="utf-8")
    assert kb_main(["translations", "--content", str(root), "--accept-all"]) == 0
    ledger = root / "translations.yaml"
    header = ledger.read_text(encoding="utf-8").split("lo/luat-mau:")[0]
    data = yaml.safe_load(ledger.read_text(encoding="utf-8"))
    data["lo/luat-mau"]["accepted"] = EARLIER  # brought up to date some time ago
    ledger.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def _edit_source(root, *articles):
    path = root / "vi/luat.md"
    body = path.read_text(encoding="utf-8")
    for n in articles:
        body = body.replace(f"điều {'một' if n == 1 else 'hai'}.", f"điều {'một' if n == 1 else 'hai'}, đã sửa.")
    path.write_text(body, encoding="utf-8")


def _accepted(root) -> str:
    return str(yaml.safe_load((root / "translations.yaml").read_text(encoding="utf-8"))["lo/luat-mau"]["accepted"])


def test_accepting_one_article_of_several_behind_keeps_the_documents_date(tmp_path, capsys):
    root = _content(tmp_path)
    _edit_source(root, 1, 2)
    assert kb_main(["translations", "--content", str(root), "--accept", "lo/luat-mau", "--article", "art-1"]) == 0
    assert _accepted(root) == EARLIER  # art-2 is still behind: the whole was last current then
    assert "art-1 follow vi/luat-mau now" in capsys.readouterr().out


def test_accepting_the_last_article_behind_dates_the_document(tmp_path):
    root = _content(tmp_path)
    _edit_source(root, 2)
    assert kb_main(["translations", "--content", str(root), "--accept", "lo/luat-mau", "--article", "art-2"]) == 0
    assert _accepted(root) != EARLIER  # every article follows the source again, as of today


def test_the_page_names_documents_by_title(tmp_path, client):
    html = client.get("/vi/translations").text
    table = text(element(html, '<table class="translations"'))
    assert "Luật Thanh tra số 84/2025/QH15" in table  # the original's title
    assert "ກົດໝາຍວ່າດ້ວຍການກວດກາ ຂອງຫວຽດນາມ ເລກທີ 84/2025/QH15" in table  # the translation's own
    assert "vi/law-84-2025-qh15" not in table and "lo/law-84-2025-qh15" not in table


def test_the_page_says_when_part_of_a_translation_is_behind(tmp_path):
    root = _content(tmp_path)
    _edit_source(root, 1, 2)
    assert kb_main(["translations", "--content", str(root), "--accept", "lo/luat-mau", "--article", "art-1"]) == 0
    from fastapi.testclient import TestClient
    page = TestClient(_app(root, tmp_path / "index")).get("/vi/translations").text
    row = element(page, '<tr class="state-outdated"')
    assert "Luật mẫu" in row and "ກົດໝາຍຕົວຢ່າງ" in row
    assert f'datetime="{EARLIER}"' in row  # not today: only Article 1 was brought up to date
