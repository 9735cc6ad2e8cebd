"""Helpers for content tests: a throw-away content folder, loaded or checked like `kb check`."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from kb.cli import main
from kb.content.corpus import Corpus, load_corpus

# A minimal valid front matter; a body written after it starts on file line 4.
HEAD = "---\ntitle: T\n---\n"
BODY_LINE = 4


def report(corpus: Corpus) -> list[str]:
    """Every problem as `kb check` prints it."""
    return [str(p) for p in corpus.problems]


def codes(corpus: Corpus) -> list[str]:
    return [p.code for p in corpus.problems]


@dataclass
class CheckRun:
    code: int
    lines: list[str]  # stdout: one problem per line
    summary: str  # stderr


class Content:
    """content/ inside the test's working directory, so problems read `content/vi/x.md:3: ...`."""

    def __init__(self, root: Path, capsys):
        self.root = root
        self._capsys = capsys

    def write(self, rel: str, text: str | bytes) -> Path:
        """Writes content/<rel>; text is dedented so tests can indent it."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def page(self, rel: str, body: str = "", title: str = "T", **front: str) -> Path:
        """A document with a title, extra front-matter keys (written as given) and a Markdown body."""
        lines = [f"title: {title}", *(f"{k}: {v}" for k, v in front.items())]
        return self.write(rel, "---\n" + "\n".join(lines) + "\n---\n" + textwrap.dedent(body).lstrip("\n"))

    def load(self, today=None) -> Corpus:
        return load_corpus(Path("content"), today)

    def check(self, *flags: str) -> CheckRun:
        self._capsys.readouterr()
        code = main(["check", "--content", "content", *flags])
        out, err = self._capsys.readouterr()
        return CheckRun(code, out.splitlines(), err)
