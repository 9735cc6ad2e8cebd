"""What the readers hand on: a file's paragraphs in reading order, each saying where in the file it was."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from search import get_language, normalize


class ImportFailure(Exception):
    """A file that cannot be imported; the message is one line for the user (exit 2, nothing written)."""


@dataclass
class Para:
    text: str
    where: str  # "¶12" (Word paragraph 12) or "p. 2, line 5" (PDF)
    style: str = ""  # the Word paragraph style's name ("Heading 2"), or ""
    bold: str = ""  # the bold text the paragraph starts with ("Điều 1." before plain text), if known
    label: str = ""  # the list number Word draws before the text ("1.", "a)", "-")
    rows: list[list[str]] | None = None  # a table: rows of cell texts
    cells: list[Para] = field(default_factory=list)  # a table's paragraphs, for a table that is only layout

    @property
    def full(self) -> str:
        return f"{self.label} {self.text}".strip() if self.label else self.text


READERS = {".docx": "docx", ".pdf": "pdf"}


def read(path: Path) -> list[Para]:
    """The paragraphs of a .docx or .pdf file, text normalized as the content is."""
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ImportFailure(f"{path.name}: an old Word .doc file — save it as .docx first")
    if suffix not in READERS:
        raise ImportFailure(f"{path.name}: unknown file type '{suffix or path.name}' (kb import reads .docx and .pdf)")
    if not path.is_file():
        raise ImportFailure(f"{path}: no such file")
    if suffix == ".docx":
        from .docx import read_docx as reader
    else:
        from .pdf import read_pdf as reader
    return [p for p in map(_normalized, reader(path)) if p.text or p.rows]


def _normalized(p: Para) -> Para:
    p.text = normalize(p.text).strip()
    p.bold = normalize(p.bold).strip()
    p.rows = [[normalize(c).strip() for c in row] for row in p.rows] if p.rows else p.rows
    p.cells = [_normalized(c) for c in p.cells]
    return p


_LAO = re.compile(get_language("lo").letters)
_LATIN = re.compile("[!-~\u00a1-\u00ff]")  # where legacy Lao fonts draw their letters


def legacy_font(font: str, text: str) -> str | None:
    """The font's name when it is a pre-Unicode Lao font drawing this run (Latin code points, no Lao ones)."""
    name = re.sub(r"^[A-Z]{6}\+", "", font or "")  # a PDF subset prefix: ABCDEF+SaysetthaLao
    if not name or _LAO.search(text) or not _LATIN.search(text):
        return None
    patterns = get_language("lo").official.legacy_fonts
    return name if any(re.match(p, name, re.I) for p in patterns) else None


def legacy_failure(font: str, where: str) -> ImportFailure:
    return ImportFailure(f"Lao text in the legacy font '{font}' ({where}): its letters are Latin code points, "
                         "not Unicode Lao — convert the file to a Unicode font (Phetsarath OT, Saysettha OT) first")
