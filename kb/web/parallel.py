"""Aligns a document and its translations article by article for the side-by-side view."""
from __future__ import annotations

import datetime as dt
import re

from search import CODES

from .library import Library
from .versions import document_on

_SECTION = re.compile(r'(<h[1-6] id="((?:art|step)-[0-9]+)">)')


def split_units(html: str) -> tuple[str, dict[str, str], list[str]]:
    """HTML before the first unit, each unit's HTML by anchor, and the anchors in order."""
    parts = _SECTION.split(html)
    head, units, order = parts[0], {}, []
    for i in range(1, len(parts), 3):
        opening, anchor, rest = parts[i], parts[i + 1], parts[i + 2]
        units[anchor] = opening + rest
        order.append(anchor)
    return head, units, order


_ID = re.compile(r'\s(?:id|aria-describedby)="[^"]*"')


def align(columns: list[dict]) -> list[dict]:
    """Rows of {anchor, cells}: one cell per column, None where that language lacks the unit."""
    split = [split_units(c["html"]) for c in columns]
    order: list[str] = []
    for _, _, anchors in split:
        order += [a for a in anchors if a not in order]
    rows = [{"anchor": None, "cells": [head for head, _, _ in split]}]
    rows += [{"anchor": a, "cells": [units.get(a) for _, units, _ in split]} for a in order]
    # The row carries the anchor: ids inside the cells would repeat it once per language (glossary tips
    # stay, shown by CSS next to their term, but lose the ids that would collide between the columns).
    for row in rows:
        row["cells"] = [None if c is None else _ID.sub("", c) for c in row["cells"]]
    return rows


def parallel_view(columns: list[dict]) -> dict:
    """A document (the first column) beside its translations, as on the columns' day: rows of one unit in
    every language, each cell marked when its translation is behind the original."""
    rows = align(columns)
    behind = [{u["anchor"] for u in (c.get("translation_of") or {}).get("outdated", [])} for c in columns]
    return {"id": columns[0]["id"], "lang": columns[0]["lang"], "title": columns[0]["title"],
            "url": columns[0]["url"],
            **{key: columns[0][key] for key in ("on", "validity", "effective", "expires", "in_force_instead",
                                               "changes_url")},
            "changed": [u["anchor"] for u in columns[0]["versions"]],
            "columns": [{"lang": c["lang"], "title": c["title"], "url": c["url"]} for c in columns],
            "rows": [{"anchor": r["anchor"],
                      "cells": [{"lang": c["lang"], "html": cell, "outdated": bool(r["anchor"]) and r["anchor"] in late}
                                for c, cell, late in zip(columns, r["cells"], behind)]}
                     for r in rows]}


def parallel_columns(library: Library, lang: str, doc_id: str, on: dt.date) -> list[dict]:
    """The document in the page's language first, then its other languages, each as on the day."""
    return [document_on(library, d, on) for c in [lang, *[c for c in CODES if c != lang]]
            if (d := library.doc(c, doc_id))]
