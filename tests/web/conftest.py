"""Shared fixtures: the bundled content indexed once per session, and a small hand-made content set
(stored XSS, an untranslated article, an alias) for what the bundled content cannot show."""
from __future__ import annotations

import textwrap
import warnings
from pathlib import Path

import pytest

from kb.build import build
from kb.cli import main as kb_main
from kb.settings import BUNDLED_CONTENT, Settings
from kb.web.app import create_app

with warnings.catch_warnings():  # starlette warns that httpx is deprecated for its TestClient
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

XSS = "<script>alert(1)</script>"
PAIR_ARTICLE_1 = "Nội dung điều một."

CUSTOM_CONTENT = {
    "vi/xss.md": f"""\
        ---
        id: xss-doc
        title: "Tiêu đề {XSS} nguy hiểm"
        summary: "Tóm tắt <img src=x onerror=alert(1)>"
        type: guide
        tags: ["{XSS}"]
        authoritative: false
        source: "{XSS}"
        as_of: 2026-01-02
        ---

        Đoạn văn bảo hiểm {XSS} ở đây.

        [bấm vào](javascript:alert(1))

        <img src=x onerror=alert(1)>

        ## Điều 1. Phạm vi {XSS}

        Nội dung bảo hiểm điều 1.
        """,
    "vi/checked.md": """\
        ---
        id: checked-doc
        title: Bản tóm tắt đã đối chiếu
        type: decision
        authoritative: false
        checked_against_official: true
        source: "Quyết định mẫu số 1/QĐ-X"
        as_of: 2026-01-02
        ---

        Tóm tắt.
        """,
    "vi/pair.md": """\
        ---
        id: pair-doc
        title: Văn bản song ngữ
        type: decree
        number: 12/2020/NĐ-CP
        source: "Công báo số 1 và 2, ngày 3/1/2020"
        aliases: [van-ban-cu]
        ---

        Mở đầu.

        ## Điều 1. Phạm vi

        Nội dung điều một.

        ## Điều 2. Đối tượng

        Nội dung điều hai.
        """,
    "lo/pair.md": """\
        ---
        id: pair-doc
        title: ເອກະສານສອງພາສາ
        type: decree
        number: 12/2020/NĐ-CP
        translation_of: vi
        ---

        ບົດນຳ.

        ## ມາດຕາ 1. ຂອບເຂດ

        ເນື້ອໃນມາດຕາໜຶ່ງ.
        """,
}


def _app(content: Path, index: Path):
    settings = Settings.make(content=str(content), index=str(index))
    build(settings, full=True)
    return create_app(settings)


@pytest.fixture(scope="session")
def bundled_content() -> Path:
    return BUNDLED_CONTENT


@pytest.fixture(scope="session")
def app(tmp_path_factory, bundled_content):
    return _app(bundled_content, tmp_path_factory.mktemp("index"))


@pytest.fixture(scope="session")
def custom_app(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    for name, text in CUSTOM_CONTENT.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    # The Lao translation followed its source until Article 1 of the source changed.
    assert kb_main(["translations", "--content", str(content), "--accept-all"]) == 0
    source = content / "vi/pair.md"
    source.write_text(source.read_text(encoding="utf-8").replace(PAIR_ARTICLE_1, PAIR_ARTICLE_1 + " Đã sửa."),
                      encoding="utf-8")
    return _app(content, tmp_path_factory.mktemp("custom-index"))


@pytest.fixture
def client(app):
    """A fresh browser for each test: no remembered `lang` cookie leaks between tests."""
    return TestClient(app)


@pytest.fixture
def custom_client(custom_app):
    return TestClient(custom_app)
