"""Which documents match, as bitmaps: totals, candidates and facet counts without scoring or walking matchers.

A set of documents is a Python int with bit n set for document number n: intersections, unions and
counts are single C operations over a few kilobytes, whatever the number of documents matched."""
from __future__ import annotations

import threading
from collections import Counter
from itertools import pairwise

from whoosh import query as Q

from search.engine.postings import Postings
from search.engine.ranking import term_bytes

# The bit numbers set in each byte value, lowest first: turns a bitmap into document numbers.
_BITS = tuple(tuple(i for i in range(8) if byte >> i & 1) for byte in range(256))


def members(docs: int) -> list[int]:
    """The document numbers in a bitmap, ascending."""
    out: list[int] = []
    data = docs.to_bytes((docs.bit_length() + 7) // 8, "little")
    for i, byte in enumerate(data):
        if byte:
            base = i << 3
            out.extend(base + b for b in _BITS[byte])
    return out


def lowest(docs: int, n: int) -> int:
    """The n lowest document numbers of a bitmap, as a bitmap."""
    out = 0
    while docs and n > 0:
        low = docs & -docs
        out |= low
        docs ^= low
        n -= 1
    return out


def at_least(sets: list[int], k: int) -> int:
    """The documents in at least k of the sets (bitmaps)."""
    counts = [-1] + [0] * k  # counts[j]: documents in j or more of the sets seen so far
    for bits in sets:
        for j in range(k, 0, -1):
            counts[j] |= counts[j - 1] & bits
    return counts[k] if k > 0 else -1


def from_ids(ids) -> int:
    if not ids:
        return 0
    buf = bytearray((max(ids) >> 3) + 1)
    for d in ids:
        buf[d >> 3] |= 1 << (d & 7)
    return int.from_bytes(buf, "little")


class DocSets:
    """Per index generation: terms' documents as bitmaps (kept with their postings), and each document's
    facet values."""

    def __init__(self, facets: tuple[str, ...], postings: Postings):
        self.facets = facets
        self.postings = postings
        self._values: _Facets | None = None
        self._lock = threading.Lock()

    def term(self, reader, field: str, text: str) -> int:
        btext = term_bytes(reader.schema, Q.Term(field, text))
        if btext is None:
            return 0
        entry = self.postings.get(reader, field, btext)
        if entry.bits is None:
            entry.bits = from_ids(entry.ids)
        return entry.bits

    def evaluate(self, reader, q: Q.Query) -> int:
        """The documents a query built by query.build matches (Term, And, Or, AndNot, AndMaybe)."""
        if isinstance(q, Q.Term):
            return self.term(reader, q.fieldname, q.text)
        if isinstance(q, Q.AndMaybe):
            return self.evaluate(reader, q.a)
        if isinstance(q, Q.AndNot):
            return self.evaluate(reader, q.a) & ~self.evaluate(reader, q.b)
        if isinstance(q, Q.And):
            out = None
            for sub in q.subqueries:
                bits = self.evaluate(reader, sub)
                out = bits if out is None else out & bits
                if not out:
                    return 0
            return out or 0
        if isinstance(q, Q.Or):
            out = 0
            for sub in q.subqueries:
                out |= self.evaluate(reader, sub)
            return out
        raise TypeError(f"cannot evaluate {type(q).__name__} as a set")

    def strongest(self, reader, folded: list[str], docs: int, limit: int) -> list[int]:
        """Up to limit matching documents (ascending) that have the query's words in their title or
        headings, or two of its words side by side: the strongest by the sum of those signals, then the
        lowest document numbers. Candidates for the full ranking without scoring all."""
        signals = [(("title_f", word), 3) for word in dict.fromkeys(folded)]
        signals += [(("heads_f", word), 1) for word in dict.fromkeys(folded)]
        for a, b in dict.fromkeys(pairwise(folded)):
            signals += [(("body_fbi", f"{a} {b}"), 2), (("title_fbi", f"{a} {b}"), 4)]
        # Each document's sum, bit-sliced: planes[j] holds bit j of every document's sum.
        planes: list[int] = []
        matched = 0
        for (field, text), weight in signals:
            bits = self.term(reader, field, text) & docs
            matched |= bits
            j = 0
            while weight:
                if weight & 1:
                    carry, k = bits, j
                    while carry:
                        if k >= len(planes):
                            planes += [0] * (k + 1 - len(planes))
                        planes[k], carry = planes[k] ^ carry, planes[k] & carry
                        k += 1
                weight >>= 1
                j += 1
        # The limit highest sums, from the top plane down; ties at the threshold go to lower numbers.
        chosen, undecided, need = 0, matched, limit
        for plane in reversed(planes):
            high = undecided & plane
            count = high.bit_count()
            if count >= need:
                undecided = high
            else:
                chosen |= high
                need -= count
                undecided &= ~plane
        return members(chosen | lowest(undecided, need))

    def counts(self, reader, docs: int) -> dict[str, list[tuple[str, int]]]:
        """Per facet, (value, documents) for the values the documents have, most frequent first."""
        columns = self._facet_values(reader)
        out = {}
        for name in self.facets:
            counted = []
            for value, having in columns.members[name].items():
                n = (having & docs).bit_count()
                for docnum, extra in columns.repeats.get((name, value), ()):
                    n += extra if docs >> docnum & 1 else 0
                if n:
                    counted.append((value, n))
            out[name] = sorted(counted, key=lambda kv: (-kv[1], kv[0]))
        return out

    def value(self, reader, name: str, docnum: int):
        """One document's value of a facet field, from the same cached columns the counts use."""
        return self._facet_values(reader).column[name][docnum]

    def _facet_values(self, reader) -> _Facets:
        with self._lock:
            if self._values is None:
                self._values = _Facets(reader, self.facets)
            return self._values


class _Facets:
    """Every document's facet values (by document number), and the bitmap of documents having each value."""

    def __init__(self, reader, facets: tuple[str, ...]):
        size = reader.doc_count_all()
        self.column: dict[str, list] = {name: [""] * size for name in facets}
        if "tags" in facets:
            self.column["tags"] = [()] * size
        having: dict[str, dict[str, list[int]]] = {name: {} for name in facets}
        # A value a document has twice (a repeated tag) counts twice, as it always has.
        self.repeats: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for docnum, fields in reader.iter_docs():
            for name in facets:
                raw = fields.get(name) or ""
                if name == "tags":
                    values = self.column[name][docnum] = tuple(v for v in raw.split(",") if v)
                    for value, times in Counter(values).items():
                        having[name].setdefault(value, []).append(docnum)
                        if times > 1:
                            self.repeats.setdefault((name, value), []).append((docnum, times - 1))
                else:
                    self.column[name][docnum] = raw
                    if raw:
                        having[name].setdefault(raw, []).append(docnum)
        self.members = {name: {v: from_ids(ids) for v, ids in by_value.items()} for name, by_value in having.items()}
