"""The Document model and load_document(): one content file, parsed and validated."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from ..errors import Problems, display_path
from .frontmatter import split
from .markdown import Parsed, parse
from .metadata import Metadata, parse_metadata
from .sources import Source
from .versions import validity


@dataclass
class Document:
    lang: str
    path: Path
    meta: Metadata
    parsed: Parsed

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def key(self) -> str:
        return f"{self.lang}:{self.meta.id}"

    @property
    def display_path(self) -> str:
        return display_path(str(self.path))

    @property
    def units(self):
        return self.parsed.units

    @property
    def versioned_units(self):
        return [u for u in self.parsed.units if u.versions]

    def valid_on(self, day: dt.date) -> str:
        """The document's own standing on the day, from 'effective' and 'expires' (inclusive): versions.IN_FORCE,
        NOT_YET, EXPIRED or UNKNOWN (no 'effective' date)."""
        return validity(self.meta.effective, self.meta.expires, day)


def load_document(source: Source, md: MarkdownIt) -> tuple[Document | None, Problems]:
    """Reads and validates one file; returns None as the document when it cannot be used at all."""
    problems = Problems(str(source.path))
    try:
        text = source.path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = source.path.read_bytes()[: exc.start].count(b"\n") + 1
        problems.error(line, "encoding-invalid", "the file is not valid UTF-8")
        return None, problems
    except OSError as exc:
        problems.error(0, "file-unreadable", f"cannot read the file: {exc.strerror}")
        return None, problems
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    fm = split(text, problems)
    meta = parse_metadata(fm, source.name, problems)
    parsed = parse(md, fm.body, fm.body_line, problems)
    return Document(source.lang, source.path, meta, parsed), problems
