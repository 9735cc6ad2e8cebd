"""Aligns a document and its translations article by article for the side-by-side view."""
from __future__ import annotations

import datetime as dt

from search import CODES

from ..content.sections import section_html
from .library import Library
from .versions import document_on, sections_on


def align(columns: list[dict]) -> list[dict]:
    """Rows of {anchor, cells}: one cell per column (its section's HTML), None where that language lacks the unit.
    The row carries the anchor: ids inside the cells would repeat it once per language, so cells leave out
    every place attribute (glossary tips stay, shown by CSS next to their term, without the ids that would
    collide between the columns)."""
    split = [{s["anchor"]: s for s in c["sections"]} for c in columns]
    order: list[str] = []
    for c in columns:
        order += [s["anchor"] for s in c["sections"] if s["anchor"] is not None and s["anchor"] not in order]
    return [{"anchor": a, "cells": [section_html(units[a], ids=False) if a in units else None for units in split]}
            for a in [None, *order]]


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
    return [{**document_on(library, d, on), "sections": sections_on(d["payload"], on)}
            for c in [lang, *[c for c in CODES if c != lang]] if (d := library.doc(c, doc_id))]
