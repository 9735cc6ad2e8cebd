import textwrap

import pytest

from .helpers import HEAD, Content, report


@pytest.fixture
def content(tmp_path, monkeypatch, capsys) -> Content:
    """An empty content folder; the test runs in its parent so paths print as `content/...`."""
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "content"
    root.mkdir()
    return Content(root, capsys)


@pytest.fixture
def body(content):
    """body(markdown, lang="vi") → (document, problems) for one document content/<lang>/doc.md."""
    def load(markdown: str, lang: str = "vi"):
        content.write(f"{lang}/doc.md", HEAD + textwrap.dedent(markdown).lstrip("\n"))
        corpus = content.load()
        return corpus.get(lang, "doc"), report(corpus)
    return load
