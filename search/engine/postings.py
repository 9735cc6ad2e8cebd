"""Terms' postings read once per index generation and kept (bounded): for document sets and for ranking."""
from __future__ import annotations

from array import array

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher

from search.engine.lru import Lru

MAX_CACHED_BYTES = 64 * 2**20  # postings and bitmaps held, all terms together
MAX_KNOWN_TERMS = 200_000  # terms whose existence and frequency are remembered


def read_postings(reader, field: str, btext: bytes, fast: bool = True) -> tuple[array, array]:
    """A term's live postings: document numbers ascending, and their weights as Whoosh reads them.
    fast: read Whoosh 2.7's blocks directly; otherwise through the public matcher API only."""
    ids, weights = array("i"), array("d")
    for leaf, offset in reader.leaf_readers():
        if (field, btext) not in leaf:
            continue
        m = leaf.postings(field, btext)
        deleted = frozenset()
        if fast and type(m) is FilterMatcher and type(m.child) is W3LeafMatcher and leaf.has_deletions():
            # Whoosh drops deleted documents one posting at a time: read whole blocks, drop them here.
            deleted, m = leaf.deleted_docs_set, m.child
            m.reset()
        if fast and type(m) is W3LeafMatcher:
            # Whole blocks at once: several times faster than a call per posting (Whoosh 2.7's block layout).
            while m.is_active():
                m._read_ids()
                m._read_weights()
                if deleted:
                    live = [(d, w) for d, w in zip(m._ids, m._weights) if d not in deleted]
                    ids.extend(d + offset for d, _ in live)
                    weights.extend(w for _, w in live)
                else:
                    ids.extend(m._ids if not offset else (d + offset for d in m._ids))
                    weights.extend(iter(m._weights))
                m._next_block()
        else:  # any other matcher: the general way
            while m.is_active():
                ids.append(m.id() + offset)
                weights.append(m.weight())
                m.next()
    return ids, weights


class Entry:
    """One term's postings, and what a user of them derived and keeps with them (evicted together)."""

    __slots__ = ("bits", "ids", "scores", "scoring", "weights")

    def __init__(self, ids: array, weights: array):
        self.ids, self.weights = ids, weights
        self.bits: int | None = None  # the documents as a bitmap (docsets)
        self.scoring: tuple | None = None  # the scorer's parameters (ranking)
        self.scores: array | None = None  # each posting's score once computed, NaN before (ranking)


class Postings:
    """Per index generation: terms' postings, least recently used dropped first; term statistics."""

    def __init__(self, limit: int = MAX_CACHED_BYTES, fast: bool = True):
        self.fast = fast
        self._entries: Lru[Entry] = Lru(limit)
        self._known: dict[tuple[str, bytes], tuple[bool, int]] = {}

    def get(self, reader, field: str, btext: bytes) -> Entry:
        key = (field, btext)
        found = self._entries.get(key)
        if found is not None:
            return found
        entry = Entry(*read_postings(reader, field, btext, self.fast))
        # Arrays of 4 + 8 (+ 8 for scores) bytes a posting, and room for the bitmap a document set may add.
        return self._entries.add(key, entry, 20 * len(entry.ids) + reader.doc_count_all() // 8 + 200)

    def known(self, reader, field: str, btext: bytes) -> tuple[bool, int]:
        """Whether the term exists, and its document frequency (deleted documents included, as Whoosh's)."""
        key = (field, btext)
        found = self._known.get(key)
        if found is None:
            if len(self._known) >= MAX_KNOWN_TERMS:
                self._known.clear()
            found = self._known[key] = (key in reader, reader.doc_frequency(field, btext))
        return found
