"""A stored document read back from its columns: the metadata always, its word map and unit texts when asked."""
from __future__ import annotations

import json

from search.index.unit_texts import UnitTexts

COLUMNS = ("doc", "where", "texts")


def _columns(searcher) -> dict:
    # A column reader reads the column's offsets when it opens: keep one set per (pooled) searcher.
    found = getattr(searcher, "_kb_columns", None)
    if found is None:
        reader = searcher.reader()
        found = searcher._kb_columns = {name: reader.column_reader(name) for name in COLUMNS}
    return found


def metadata(searcher, docnum: int) -> dict:
    """The document without its units' texts (its outline says which units it has and how long)."""
    return json.loads(_columns(searcher)["doc"][docnum])


def parts(searcher, docnum: int) -> tuple[dict, bytes, UnitTexts]:
    """The metadata, the word map (index/word_map.py) and the unit texts (index/unit_texts.py)."""
    columns = _columns(searcher)
    return metadata(searcher, docnum), columns["where"][docnum], UnitTexts(columns["texts"][docnum])


def whole(searcher, docnum: int) -> dict:
    """The document with its units as (anchor, heading, text[, valid_from, valid_to]), as a page shows it."""
    doc, _, texts = parts(searcher, docnum)
    doc["units"] = [(u[0], u[1], texts[i], *u[5:]) for i, u in enumerate(doc.pop("outline"))]
    return doc
