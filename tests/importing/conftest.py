import shutil
from pathlib import Path

import pytest

from kb.settings import BUNDLED_CONTENT

from .fixtures import lo_decision, vi_decision

DATA = Path(__file__).parent.parent / "data" / "importing"


@pytest.fixture
def content(tmp_path) -> Path:
    """A copy of the bundled content: the documents an import's legal basis can cite."""
    return Path(shutil.copytree(BUNDLED_CONTENT, tmp_path / "content"))


@pytest.fixture
def vi_docx(tmp_path) -> Path:
    return vi_decision(tmp_path / "quyet-dinh-mau.docx")


@pytest.fixture
def lo_docx(tmp_path) -> Path:
    return lo_decision(tmp_path / "khotoklong-tuayang.docx")


@pytest.fixture
def text_pdf() -> Path:
    return DATA / "decision-vi.pdf"


@pytest.fixture
def scan_pdf() -> Path:
    return DATA / "scan.pdf"
