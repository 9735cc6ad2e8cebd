"""Which documents match, as sets: totals and facet counts without scoring or walking matchers."""
from __future__ import annotations

import heapq
import threading
from collections import Counter, OrderedDict

from whoosh import query as Q
from whoosh.reading import TermNotFound

MAX_CACHED_IDS = 2_000_000  # document numbers held in cached sets, all terms together (~100 MB)


class DocSets:
    """Per index generation: posting sets of terms (cached), and each document's facet values."""

    def __init__(self, facets: tuple[str, ...]):
        self.facets = facets
        self._terms: OrderedDict[tuple[str, str], frozenset[int]] = OrderedDict()
        self._cached_ids = 0
        self._values: _Facets | None = None
        self._lock = threading.Lock()

    def term(self, reader, field: str, text: str) -> frozenset[int]:
        key = (field, text)
        with self._lock:
            found = self._terms.get(key)
            if found is not None:
                self._terms.move_to_end(key)
                return found
        try:
            ids = frozenset(reader.postings(field, text).all_ids())
        except TermNotFound:
            ids = frozenset()
        with self._lock:
            if key not in self._terms:
                self._terms[key] = ids
                self._cached_ids += len(ids)
            while self._cached_ids > MAX_CACHED_IDS and len(self._terms) > 1:
                _, dropped = self._terms.popitem(last=False)
                self._cached_ids -= len(dropped)
        return ids

    def evaluate(self, reader, q: Q.Query) -> frozenset[int]:
        """The documents a query built by query.build matches (Term, And, Or, AndNot, AndMaybe)."""
        if isinstance(q, Q.Term):
            return self.term(reader, q.fieldname, q.text)
        if isinstance(q, Q.AndMaybe):
            return self.evaluate(reader, q.a)
        if isinstance(q, Q.AndNot):
            return self.evaluate(reader, q.a) - self.evaluate(reader, q.b)
        if isinstance(q, Q.And):
            sets = sorted((self.evaluate(reader, s) for s in q.subqueries), key=len)
            return frozenset.intersection(*sets) if sets else frozenset()
        if isinstance(q, Q.Or):
            return frozenset().union(*(self.evaluate(reader, s) for s in q.subqueries))
        raise TypeError(f"cannot evaluate {type(q).__name__} as a set")

    def strongest(self, reader, folded: list[str], docs: frozenset[int], limit: int) -> list[int]:
        """Matching documents that have the query's words in their title or headings, or two of its
        words side by side, strongest first (then by document number, so every process picks the same):
        candidates for the full ranking without scoring all."""
        weight: dict[int, int] = {}
        get = weight.get
        signals = [(("title_f", word), 3) for word in dict.fromkeys(folded)]
        signals += [(("heads_f", word), 1) for word in dict.fromkeys(folded)]
        for a, b in dict.fromkeys(zip(folded, folded[1:])):
            signals += [(("body_fbi", f"{a} {b}"), 2), (("title_fbi", f"{a} {b}"), 4)]
        for (field, text), w in signals:
            for d in self.term(reader, field, text) & docs:
                weight[d] = get(d, 0) + w
        return [d for d, _ in heapq.nsmallest(limit, weight.items(), key=lambda kv: (-kv[1], kv[0]))]

    def counts(self, reader, docs: frozenset[int]) -> dict[str, list[tuple[str, int]]]:
        """Per facet, (value, documents) for the values the documents have, most frequent first: one set
        intersection per value, not a look-up per document and facet."""
        columns = self._facet_values(reader)
        out = {}
        for name in self.facets:
            counted = []
            for value, members in columns.members[name].items():
                n = len(members & docs)
                for docnum, extra in columns.repeats.get((name, value), ()):
                    n += extra if docnum in docs else 0
                if n:
                    counted.append((value, n))
            out[name] = sorted(counted, key=lambda kv: (-kv[1], kv[0]))
        return out

    def value(self, reader, name: str, docnum: int):
        """One document's value of a facet field, from the same cached columns the counts use."""
        return self._facet_values(reader).column[name][docnum]

    def _facet_values(self, reader) -> "_Facets":
        with self._lock:
            if self._values is None:
                self._values = _Facets(reader, self.facets)
            return self._values


class _Facets:
    """Every document's facet values (by document number), and the documents having each value."""

    def __init__(self, reader, facets: tuple[str, ...]):
        size = reader.doc_count_all()
        self.column: dict[str, list] = {name: [""] * size for name in facets}
        if "tags" in facets:
            self.column["tags"] = [()] * size
        members: dict[str, dict[str, set[int]]] = {name: {} for name in facets}
        # A value a document has twice (a repeated tag) counts twice, as it always has.
        self.repeats: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for docnum, fields in reader.iter_docs():
            for name in facets:
                raw = fields.get(name) or ""
                values = tuple(v for v in raw.split(",") if v) if name == "tags" else (raw,) if raw else ()
                self.column[name][docnum] = values if name == "tags" else raw
                for value, times in Counter(values).items():
                    members[name].setdefault(value, set()).add(docnum)
                    if times > 1:
                        self.repeats.setdefault((name, value), []).append((docnum, times - 1))
        self.members = {name: {v: frozenset(ids) for v, ids in by_value.items()} for name, by_value in members.items()}
