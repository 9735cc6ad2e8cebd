"""Finds content files; the language comes from the top folder."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from search import CODES

from ..errors import Problems

GLOSSARY_FILE = "glossary.yaml"
TRANSLATIONS_FILE = "translations.yaml"


@dataclass(frozen=True)
class Source:
    path: Path
    lang: str

    @property
    def name(self) -> str:
        return self.path.stem


def find_sources(content_dir: Path) -> tuple[list[Source], Problems]:
    problems = Problems(str(content_dir))
    if not content_dir.is_dir():
        problems.error(0, "content-missing", f"content folder {content_dir} does not exist")
        return [], problems
    sources: list[Source] = []
    for top in sorted(content_dir.iterdir()):
        if top.name.startswith(".") or (top.is_file() and top.name in (GLOSSARY_FILE, TRANSLATIONS_FILE)):
            continue
        if not top.is_dir() or top.name not in CODES:
            problems.error_at(top, 1, "unknown-language", f"'{top.name}' is not a language folder: "
                              f"content goes under {' or '.join(c + '/' for c in CODES)}")
            continue
        for path in sorted(top.rglob("*.md")):
            if not any(part.startswith(".") for part in path.relative_to(top).parts):
                sources.append(Source(path, top.name))
    return sources, problems

