"""Settings: content and index folders, server address, results cache; every bad value reported at once."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from search import RECENT_HITS

from .errors import KbError

# Hits of recent results each server worker keeps per index generation (a repeated search is a look-up);
# 0 turns the cache off.
RECENT_HITS_ENV = "KB_RECENT_HITS"
BUNDLED_CONTENT = Path(__file__).resolve().parent.parent / "content"


def default_index_dir(content_dir: Path) -> Path:
    """Outside the source tree, one per content folder, so two content sets never share an index."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vilao-kb"
    digest = hashlib.sha1(str(content_dir.resolve()).encode()).hexdigest()[:10]
    return base / f"index-{digest}"


def _recent_hits(raw: str | None, problems: list[str]) -> int:
    if raw is None or not raw.strip():
        return RECENT_HITS
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        problems.append(f"{RECENT_HITS_ENV}: {raw.strip()[:40]!r} is not a number of hits (0 turns the cache off)")
        return RECENT_HITS
    return value


@dataclass(frozen=True)
class Settings:
    content_dir: Path
    index_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    strict: bool = False
    recent_hits: int = RECENT_HITS
    # What "today" is for the pages (which version of an article is shown): tests choose their day.
    clock: Callable[[], dt.date] = field(default=dt.date.today, compare=False)

    @classmethod
    def make(cls, content: str | None = None, index: str | None = None, **kw) -> "Settings":
        content_dir = Path(content).expanduser() if content else BUNDLED_CONTENT
        index_dir = Path(index).expanduser() if index else default_index_dir(content_dir)
        problems = []
        if not content_dir.is_dir():
            problems.append(f"--content: {content_dir} is not a folder")
        try:
            if index_dir.resolve().is_relative_to(content_dir.resolve()):
                problems.append("--index: the index must not be inside the content folder")
        except OSError as exc:
            problems.append(f"--index: {exc}")
        port = kw.get("port", 8000)
        if not (0 < int(port) < 65536):
            problems.append(f"--port: {port} is not a port number")
        if kw.get("recent_hits") is None:
            kw["recent_hits"] = _recent_hits(os.environ.get(RECENT_HITS_ENV), problems)
        if problems:
            raise KbError("; ".join(problems))
        return cls(content_dir=content_dir, index_dir=index_dir, **kw)
