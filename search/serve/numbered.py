"""Documents a query names by a bare or partial number ('216', 'qd 216'), and how often the collection cites each."""
from __future__ import annotations

import threading
from math import log

from search.text.numbers import names_document, parts

# A bare number several documents share is read as the one the other documents cite most: the
# instrument the collection is about, not a namesake it mentions once. Scores are scaled by
# 1 + CITED_SHARE * log(1 + citations).
CITED_SHARE = 0.5


class NumberedDocuments:
    """Per index generation: every document number's key and parts, read from the index once."""

    def __init__(self):
        self._keys: list[tuple[str, frozenset[str]]] | None = None
        self._lock = threading.Lock()

    def _all(self, reader) -> list[tuple[str, frozenset[str]]]:
        with self._lock:
            if self._keys is None:
                self._keys = [(k, frozenset(parts(k))) for k in
                              (t.decode("utf-8") for t in reader.lexicon("number"))]
            return self._keys

    def factors(self, reader, plan) -> dict[int, float]:
        """For a query that is only part of a number (no full key): each document it names → its
        score factor by the citations of its number. Empty for every other query."""
        if plan.number_keys or not plan.number_parts:
            return {}
        wanted = set(plan.number_parts)
        out: dict[int, float] = {}
        for key, own in self._all(reader):
            if not wanted <= own or not names_document(plan, key):
                continue
            factor = 1 + CITED_SHARE * log(1 + reader.doc_frequency("cited", key))
            for docnum in reader.postings("number", key).all_ids():
                out[docnum] = factor
        return out
