"""BM25F scores of a few candidates from cached postings: the same sums, in the same order, as Whoosh's matchers."""
from __future__ import annotations

from array import array
from bisect import bisect_left, insort_right
from math import isnan, nan

from whoosh import query as Q
from whoosh.scoring import BM25FScorer, WeightScorer, bm25

from search.engine.postings import Entry, Postings
from search.engine.nodes import TreeOr

SCAN = 8  # a candidate list this many times shorter than the postings is looked up, not scanned against


class Unsupported(TypeError):
    """A query or scorer this module does not reproduce: the caller ranks with Whoosh instead."""


def term_bytes(schema, q: Q.Term) -> bytes | None:
    """The term's text as the index holds it, or None when no document can have it (as Term.matcher)."""
    if q.fieldname not in schema:
        return None
    try:
        return schema[q.fieldname].to_bytes(q.text)
    except ValueError:
        return None


class Ranker:
    """Per index generation: scores candidates from cached postings and field lengths."""

    def __init__(self, postings: Postings):
        self.postings = postings
        self._lengths: dict[str, array] = {}  # per field, by document number; -1 until read

    def _term(self, searcher, field: str, btext: bytes) -> Entry:
        """The term's postings, with its scorer's parameters: (idf, avgfl, B, K1) for BM25F, () when
        the field is not scorable (Whoosh then scores the weight itself)."""
        entry = self.postings.get(searcher.reader(), field, btext)
        if entry.scoring is None:
            scorer = searcher.weighting.scorer(searcher, field, btext)
            if type(scorer) is BM25FScorer:
                entry.scoring = (scorer.idf, scorer.avgfl, scorer.B, scorer.K1)
            elif type(scorer) is WeightScorer:
                entry.scoring = ()
            else:
                raise Unsupported(f"scorer {type(scorer).__name__}")
        return entry

    def length(self, reader, field: str, docnum: int) -> int:
        """The document's field length as Whoosh's scorer reads it (kept: the lengths reader is slow)."""
        lengths = self._lengths.get(field)
        if lengths is None:
            lengths = self._lengths.setdefault(field, array("i", [-1]) * reader.doc_count_all())
        value = lengths[docnum]
        if value < 0:
            value = reader.doc_field_length(docnum, field, 1)
            if value is not None:
                lengths[docnum] = value
        return value

    # ------------------------------------------------------------ the matcher tree, mirrored
    def compile(self, searcher, q: Q.Query) -> _Node:
        """The node tree Whoosh's q.matcher() would build: same shapes, so scores add up the same way."""
        reader = searcher.reader()
        if type(q) is Q.Term:
            btext = term_bytes(searcher.schema, q)
            if btext is None or not self.postings.known(reader, q.fieldname, btext)[0]:
                return _NULL
            node = _Leaf(self, searcher, q.fieldname, btext)
            return _Boost(node, q.boost) if q.boost != 1.0 else node
        if type(q) is Q.AndMaybe:
            return _AndMaybe(self.compile(searcher, q.a), self.compile(searcher, q.b))
        if type(q) is Q.AndNot:
            return _AndNot(self.compile(searcher, q.a), self.compile(searcher, q.b))
        if type(q) in (Q.And, TreeOr):
            subs = q.subqueries
            if not subs:
                return _NULL
            if len(subs) == 1:  # Whoosh uses the one sub-matcher as it is, and so ignores this query's boost
                return self.compile(searcher, subs[0])
            union = type(q) is TreeOr
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
        """Whoosh's estimate_size, from the kept term statistics."""
        if type(q) is Q.Term:
            btext = term_bytes(reader.schema, q)
            return 0 if btext is None else self.postings.known(reader, q.fieldname, btext)[1]
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
    """One matcher of the tree: scores(docs) maps the given documents (ascending) it matches to the
    score its Whoosh matcher would give them."""

    def scores(self, docs: list[int]) -> dict[int, float]:
        raise NotImplementedError


class _Null(_Node):
    """NullMatcher: a term no document has."""

    def scores(self, docs):
        return {}


_NULL = _Null()


class _Leaf(_Node):
    """A term's postings, scored by BM25F (or by weight in unscorable fields), as its scorer does."""

    def __init__(self, ranker: Ranker, searcher, field: str, btext: bytes):
        self.ranker, self.searcher, self.field, self.btext = ranker, searcher, field, btext

    def scores(self, docs):
        if not docs:
            return {}
        p = self.ranker._term(self.searcher, self.field, self.btext)
        ids = p.ids
        if len(docs) * SCAN < len(ids):
            at, n = [], len(ids)
            i = 0
            for d in docs:
                i = bisect_left(ids, d, i)
                if i < n and ids[i] == d:
                    at.append(i)
        else:
            wanted = set(docs)
            at = [i for i, d in enumerate(ids) if d in wanted]
        weights = p.weights
        if not p.scoring:  # not a scorable field: Whoosh's WeightScorer scores the weight itself
            return {ids[i]: weights[i] for i in at}
        # A posting's score depends on the generation only: computed once, kept with the postings.
        scores = p.scores
        if scores is None:
            scores = p.scores = array("d", [nan]) * len(ids)
        out = {}
        for i in at:
            s = scores[i]
            if isnan(s):
                idf, avgfl, B, K1 = p.scoring
                s = scores[i] = bm25(idf, weights[i], self.ranker.length(self.searcher.reader(), self.field, ids[i]),
                                     avgfl, B, K1)
            out[ids[i]] = s
        return out


class _Boost(_Node):
    """WrappingMatcher: the child's score times the boost."""

    def __init__(self, child: _Node, boost: float):
        self.child, self.boost = child, boost

    def scores(self, docs):
        boost = self.boost
        return {d: s * boost for d, s in self.child.scores(docs).items()}


class _Binary(_Node):
    """A matcher of two sub-matchers."""

    def __init__(self, a: _Node, b: _Node):
        self.a, self.b = a, b


class _Union(_Binary):
    """UnionMatcher: a + b where both match, else the one that does."""

    def scores(self, docs):
        out = self.a.scores(docs)
        for d, s in self.b.scores(docs).items():
            mine = out.get(d)
            out[d] = s if mine is None else mine + s
        return out


class _Intersection(_Binary):
    """IntersectionMatcher: a + b, where both match."""

    def scores(self, docs):
        first = self.a.scores(docs)
        if not first:
            return {}
        second = self.b.scores([d for d in docs if d in first])
        return {d: first[d] + s for d, s in second.items()}


class _AndMaybe(_Binary):
    """AndMaybeMatcher: a, plus b where b matches too."""

    def scores(self, docs):
        out = self.a.scores(docs)
        if out:
            for d, s in self.b.scores([d for d in docs if d in out]).items():
                out[d] = out[d] + s
        return out


class _AndNot(_Binary):
    """AndNotMatcher: a, where b does not match."""

    def scores(self, docs):
        out = self.a.scores(docs)
        if out:
            for d in self.b.scores([d for d in docs if d in out]):
                del out[d]
        return out
