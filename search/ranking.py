"""BM25F scores of a few candidates from cached postings: the same sums, in the same order, as Whoosh's matchers."""
from __future__ import annotations

import threading
from array import array
from bisect import bisect_left, insort_right
from collections import OrderedDict

from whoosh import query as Q
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25FScorer, WeightScorer, bm25

from .query import TreeOr

MAX_CACHED_POSTINGS = 4_000_000  # postings held, all terms together (12 bytes each: ~50 MB)
SCAN = 8  # a candidate list this many times shorter than the postings is looked up, not scanned against


class Unsupported(TypeError):
    """A query or scorer this module does not reproduce: the caller ranks with Whoosh instead."""


class _Postings:
    """One term's postings (document numbers ascending, weights as Whoosh reads them) and its scorer."""

    __slots__ = ("ids", "weights", "field", "bm25")

    def __init__(self, ids: array, weights: array, field: str, params: tuple | None):
        self.ids, self.weights, self.field, self.bm25 = ids, weights, field, params


def read_postings(reader, field: str, btext: bytes) -> tuple[array, array]:
    """A term's live postings: document numbers ascending, and their weights."""
    ids, weights = array("i"), array("d")
    for leaf, offset in reader.leaf_readers():
        if (field, btext) not in leaf:
            continue
        m = leaf.postings(field, btext)
        deleted = frozenset()
        if type(m) is FilterMatcher and type(m.child) is W3LeafMatcher and leaf.has_deletions():
            # Whoosh drops deleted documents one posting at a time: read whole blocks, drop them here.
            deleted, m = leaf.deleted_docs_set, m.child
            m.reset()
        if type(m) is W3LeafMatcher:
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


class Ranker:
    """Per index generation: term statistics, postings and field lengths, cached; scores candidates."""

    def __init__(self):
        self._postings: OrderedDict[tuple[str, bytes], _Postings] = OrderedDict()
        self._cached = 0
        self._sizes: dict[tuple[str, bytes], tuple[bool, int]] = {}
        self._lengths: dict[str, dict[int, int]] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------ cached index statistics
    def _size(self, reader, field: str, btext: bytes) -> tuple[bool, int]:
        """Whether the term exists, and its document frequency (Whoosh's estimate for a term)."""
        key = (field, btext)
        found = self._sizes.get(key)
        if found is None:
            found = self._sizes[key] = (key in reader, reader.doc_frequency(field, btext))
        return found

    def _term(self, searcher, field: str, btext: bytes) -> _Postings:
        key = (field, btext)
        with self._lock:
            found = self._postings.get(key)
            if found is not None:
                self._postings.move_to_end(key)
                return found
        scorer = searcher.weighting.scorer(searcher, field, btext)
        if type(scorer) is BM25FScorer:
            params = (scorer.idf, scorer.avgfl, scorer.B, scorer.K1)
        elif type(scorer) is WeightScorer:
            params = None
        else:
            raise Unsupported(f"scorer {type(scorer).__name__}")
        ids, weights = read_postings(searcher.reader(), field, btext)
        found = _Postings(ids, weights, field, params)
        with self._lock:
            if key not in self._postings:
                self._postings[key] = found
                self._cached += len(ids)
            while self._cached > MAX_CACHED_POSTINGS and len(self._postings) > 1:
                _, dropped = self._postings.popitem(last=False)
                self._cached -= len(dropped.ids)
        return found

    def _length_of(self, reader, field: str):
        lengths = self._lengths.get(field)
        if lengths is None:
            lengths = self._lengths.setdefault(field, {})

        def length(docnum: int) -> int:
            value = lengths.get(docnum)
            if value is None:
                value = lengths[docnum] = reader.doc_field_length(docnum, field, 1)
            return value
        return length

    # ------------------------------------------------------------ the matcher tree, mirrored
    def compile(self, searcher, q: Q.Query) -> "_Node":
        """The node tree Whoosh's q.matcher() would build: same shapes, so scores add up the same way."""
        reader = searcher.reader()
        if isinstance(q, Q.Term):
            field = searcher.schema[q.fieldname] if q.fieldname in searcher.schema else None
            try:
                btext = field.to_bytes(q.text) if field is not None else None
            except ValueError:
                btext = None
            if btext is None or not self._size(reader, q.fieldname, btext)[0]:
                return _NULL
            node = _Leaf(self, searcher, q.fieldname, btext)
            return _Boost(node, q.boost) if q.boost != 1.0 else node
        if isinstance(q, Q.AndMaybe):
            return _AndMaybe(self.compile(searcher, q.a), self.compile(searcher, q.b))
        if isinstance(q, Q.AndNot):
            return _AndNot(self.compile(searcher, q.a), self.compile(searcher, q.b))
        if isinstance(q, (Q.And, TreeOr)) and type(q) in (Q.And, TreeOr):
            subs = q.subqueries
            if not subs:
                return _NULL
            if len(subs) == 1:  # Whoosh uses the one sub-matcher as it is, and so ignores this query's boost
                return self.compile(searcher, subs[0])
            union = isinstance(q, TreeOr)
            # make_weighted_tree: a stable sort on the estimates, then the two smallest merged, re-inserted
            # after equal ones (ties never compare the matchers: their __lt__ is False for equal weights).
            items = [(self._estimate(reader, s) if union else -self._estimate(reader, s), self.compile(searcher, s))
                     for s in subs]
            items.sort(key=lambda item: item[0])
            while len(items) > 1:
                (wa, a), (wb, b) = items.pop(0), items.pop(0)
                insort_right(items, (wa + wb, _Union(a, b) if union else _Intersection(a, b)),
                             key=lambda item: item[0])
            node = items[0][1]
            return _Boost(node, q.boost) if q.boost != 1.0 else node
        raise Unsupported(f"query {type(q).__name__}")

    def _estimate(self, reader, q: Q.Query) -> int:
        if isinstance(q, Q.Term):
            field = reader.schema[q.fieldname] if q.fieldname in reader.schema else None
            try:
                btext = field.to_bytes(q.text) if field is not None else None
            except ValueError:
                btext = None
            return 0 if btext is None else self._size(reader, q.fieldname, btext)[1]
        if type(q) is Q.And:
            return min(self._estimate(reader, s) for s in q.subqueries)
        if type(q) is TreeOr:
            return min(sum(self._estimate(reader, s) for s in q.subqueries), reader.doc_count())
        return q.estimate_size(reader)

    def scores(self, searcher, q: Q.Query, candidates: list[int]) -> dict[int, float]:
        """Scores of the candidates (ascending document numbers) that q matches, exactly as Whoosh's
        matcher would give them."""
        return self.compile(searcher, q).scores(candidates)


class _Node:
    def scores(self, docs: list[int]) -> dict[int, float]:
        raise NotImplementedError


class _Null(_Node):
    def scores(self, docs):
        return {}


_NULL = _Null()


class _Leaf(_Node):
    def __init__(self, ranker: Ranker, searcher, field: str, btext: bytes):
        self.ranker, self.searcher, self.field, self.btext = ranker, searcher, field, btext

    def scores(self, docs):
        if not docs:
            return {}
        p = self.ranker._term(self.searcher, self.field, self.btext)
        ids, weights = p.ids, p.weights
        found = []  # (docnum, weight)
        if len(docs) * SCAN < len(ids):
            lo, n = 0, len(ids)
            for d in docs:
                lo = bisect_left(ids, d, lo)
                if lo < n and ids[lo] == d:
                    found.append((d, weights[lo]))
        else:
            wanted = set(docs)
            found = [(d, weights[i]) for i, d in enumerate(ids) if d in wanted]
        if p.bm25 is None:  # not a scorable field: Whoosh's WeightScorer scores the weight itself
            return dict(found)
        idf, avgfl, B, K1 = p.bm25
        length = self.ranker._length_of(self.searcher.reader(), self.field)
        return {d: bm25(idf, w, length(d), avgfl, B, K1) for d, w in found}


class _Boost(_Node):
    def __init__(self, child: _Node, boost: float):
        self.child, self.boost = child, boost

    def scores(self, docs):
        boost = self.boost
        return {d: s * boost for d, s in self.child.scores(docs).items()}


class _Union(_Node):
    def __init__(self, a: _Node, b: _Node):
        self.a, self.b = a, b

    def scores(self, docs):
        out = self.a.scores(docs)
        for d, s in self.b.scores(docs).items():
            mine = out.get(d)
            out[d] = s if mine is None else mine + s
        return out


class _Intersection(_Node):
    def __init__(self, a: _Node, b: _Node):
        self.a, self.b = a, b

    def scores(self, docs):
        first = self.a.scores(docs)
        if not first:
            return {}
        second = self.b.scores([d for d in docs if d in first])
        return {d: first[d] + s for d, s in second.items()}


class _AndMaybe(_Node):
    def __init__(self, a: _Node, b: _Node):
        self.a, self.b = a, b

    def scores(self, docs):
        out = self.a.scores(docs)
        if out:
            for d, s in self.b.scores([d for d in docs if d in out]).items():
                out[d] = out[d] + s
        return out


class _AndNot(_Node):
    def __init__(self, a: _Node, b: _Node):
        self.a, self.b = a, b

    def scores(self, docs):
        out = self.a.scores(docs)
        if out:
            for d in self.b.scores([d for d in docs if d in out]):
                del out[d]
        return out
