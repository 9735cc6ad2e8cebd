"""Searching a built index: pooled Whoosh searchers, never shared at once, renewed when a new generation is swapped in."""
from __future__ import annotations

import heapq
import json
import queue
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from math import log
from pathlib import Path
from typing import Callable

from whoosh import sorting

from search.text.analysis import FOLDED
from search.engine.docsets import DocSets, at_least, members
from search.serve.highlight import Choice, Highlighter, Prepared, best_unit, with_snippet
from search.serve.numbered import NumberedDocuments
from search.serve import topics
from search.text.analysis import lower
from search.text.languages import is_word, normalize
from search.engine.postings import Postings
from search.query.plan import QueryPlan, build, filters, plan
from search.engine.ranking import Ranker, Unsupported
from search.engine.switch import fast_paths
from search.serve.recent import RecentResults
from search.serve import stored
from search.records import SuggestionRecord
from search.query.spelling import MAX_UNKNOWN, Speller
from search.query.suggest import Suggester
from search.query.synonyms import Synonyms
from search.index.writer import SUGGESTIONS, SYNONYMS, current_generation, is_usable, open_generation, read_meta

FACETS = ("lang", "type", "status", "year", "tags", "issuer")
SORTS = ("relevance", "newest", "oldest")
MAX_PAGE = 1000
MAX_PER_PAGE = 100
CANDIDATES = 60  # documents the full ranking looks at, at least
RERANK_ALL = 80  # up to this many matches, the full ranking scores them all
FEW = 3  # fewer hits than this with every word required: documents with most of the words join
UNIT_RERANK = 20  # a question's leading documents, ranked again by their best unit
UNIT_SHARE = 0.3  # the best unit's share of that ranking
NAMED = 1.25  # and the factor of a document whose article the question names
LONG = 4  # content words (Lao: syllables) from which a query is long enough to loosen, question or not
MAX_SEARCHERS = 2  # open at once per process
POOL_WAIT = 0.1  # seconds between looks at the generation while waiting for a searcher
# Near ties go to documents in force: a small factor, so relevance still decides clear cases.
STATUS_FACTOR = {"in_force": 1.0, "partly_in_force": 0.98, "amended": 0.97, "not_yet_in_force": 0.96,
                 "unknown": 0.95, "repealed": 0.9}
# A term list has every topic's words: it answers term questions ('truy thu tiếng Lào là gì'), not topics,
# and ranks that much higher for a term question.
TERM_LIST_FACTOR = {"glossary": 0.5}
# A document without a typed word's accents ('đóng', 'động' for 'đồng') keeps this share of its score
# per such word: the exact form ranks first, the others still follow.
OTHER_ACCENTS = 0.6


@dataclass
class _Matched:
    """A query's matches before ranking: its plan, built query and filter, and which documents match.
    words: each required word's documents, when a document need not have them all."""
    plan: QueryPlan
    built: object
    filter: object
    total: int
    docs: int | None
    words: list[int] | None


class NoIndex(RuntimeError):
    """There is no usable index generation to search."""


@dataclass
class Hit:
    id: str
    lang: str
    title: str
    type: str
    number: str
    status: str
    article: str | None
    article_title: str | None
    snippet: str
    score: float
    doc: dict = field(repr=False, default_factory=dict)
    # The snippet is an article's wording of another day than the one asked about (former or later
    # wording): the days it was valid, ISO, "" for an open end.
    former: tuple[str, str] | None = None


@dataclass
class SearchResults:
    query: str
    lang: str
    total: int
    page: int
    per_page: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    suggestion: str | None = None
    corrected: bool = False  # the hits are for the suggestion, since the query itself found nothing


class _Generation:
    """What one index generation offers every thread: read-only, built once."""

    def __init__(self, path: Path, recent_hits: int, fast: bool):
        self.path = path
        self.index = open_generation(path)
        self.recent = RecentResults(recent_hits)
        self._suggester: Suggester | None = None
        synonyms_file = path / SYNONYMS
        self.synonyms = Synonyms(json.loads(synonyms_file.read_text(encoding="utf-8")) if synonyms_file.exists() else [])
        self._speller: Speller | None = None
        postings = Postings(fast=fast)
        self.docsets = DocSets(FACETS, postings)
        self.ranker = Ranker(postings) if fast else None  # None: Whoosh's own matchers score
        self.highlighter = Highlighter()
        self.numbered = NumberedDocuments()
        self._lock = threading.Lock()

    @property
    def suggester(self) -> Suggester:
        """Built on first use: a new generation must serve searches at once, not after building this."""
        with self._lock:
            if self._suggester is None:
                entries = json.loads((self.path / SUGGESTIONS).read_text(encoding="utf-8"))
                self._suggester = Suggester([SuggestionRecord(**e) for e in entries])
            return self._suggester

    def speller(self, searcher) -> Speller:
        with self._lock:
            if self._speller is None:
                reader = searcher.reader()
                folded: dict[str, int] = {}
                accented: dict[str, int] = {}
                for names, into in ((("title_f", "heads_f", "body_f"), folded), (("title", "heads", "body"), accented)):
                    for name in names:
                        for term, info in reader.iter_field(name):
                            word = term.decode("utf-8")
                            into[word] = into.get(word, 0) + info.doc_frequency()
                self._speller = Speller(folded, accented)
            return self._speller


def whoosh_scores(searcher, q, candidates: list[int]) -> dict[int, float]:
    """Scores of the candidates (ascending) that q matches, walking Whoosh's own matcher."""
    matcher, out = q.matcher(searcher, searcher.context()), {}
    for docnum in candidates:
        if not matcher.is_active():
            break
        if matcher.id() < docnum:
            matcher.skip_to(docnum)
        if matcher.is_active() and matcher.id() == docnum:
            out[docnum] = matcher.score()
    return out


def by_best_unit(ranked: list[tuple[float, int, str]], answer) -> list[tuple[float, int, str]]:
    """A question's leading documents ranked again, partly by their best unit: the document one of
    whose articles answers beats one that has the words spread over many."""
    head, rest = ranked[:UNIT_RERANK], ranked[UNIT_RERANK:]
    if len(head) < 2:
        return ranked
    choices = [answer(docnum)[1] for _, docnum, _ in head]
    units = [c.score for c in choices]
    top_doc, top_unit = head[0][0] or 1.0, max(units) or 1.0
    # A document with the article the question names ('điều 16', 'ມາດຕາ 17') is the one asked about.
    blended = sorted((((s / top_doc * (1 - UNIT_SHARE) + u / top_unit * UNIT_SHARE) * (NAMED if c.named else 1.0), d, st)
                      for (s, d, st), u, c in zip(head, units, choices)), key=lambda x: (-x[0], x[1]))
    # Back on the documents' scale, above every document outside the head.
    low, high = (rest[0][0] if rest else 0.0), head[0][0]
    return [(low + (high - low) * b, d, st) for b, d, st in blended] + rest


def rarity(reader, p: QueryPlan) -> dict[str, float]:
    """Each query word's inverse document frequency, scaled to a mean of 1 over the words asked for:
    which article answers is decided by the words few documents have."""
    n = reader.doc_count() or 1
    idf = {w: log(1 + n / (1 + reader.doc_frequency("body_f", w))) for w in dict.fromkeys(p.folded)}
    asked = [idf[w] for w in dict.fromkeys(p.content)] or list(idf.values())
    mean = sum(asked) / len(asked) if asked else 1.0
    return {w: v / mean for w, v in idf.items()} if mean else {}


class SearchService:
    """Thread-safe entry point: each search borrows a Whoosh searcher from a small pool (they are not thread-safe).

    recent_hits: how many hits of recent results each index generation keeps for repeated searches
    (0: none; a server would use RECENT_HITS); read when a generation is opened.
    fast: the engine's fast paths (see engine/switch.py); None: as VILAO_FAST_PATHS says."""

    def __init__(self, index_dir: Path, recent_hits: int = 0, fast: bool | None = None):
        self.index_dir = Path(index_dir)
        self.recent_hits = recent_hits
        self.fast = fast_paths(fast)
        self._pool: queue.LifoQueue = queue.LifoQueue()
        self._pool_path: Path | None = None
        self._pool_size = 0
        self._generations: dict[Path, _Generation] = {}
        self._lock = threading.Lock()

    def generation(self) -> _Generation:
        while True:
            gen = current_generation(self.index_dir)
            # A generation's folder never changes once swapped in: checked when first seen, not per search.
            found = self._generations.get(gen) if gen is not None else None
            if found is not None:
                return found
            try:
                if gen is None or not is_usable(gen):
                    raise NoIndex(f"no usable index in {self.index_dir}; run 'kb build'")
                with self._lock:
                    if gen not in self._generations:
                        self._generations = {gen: _Generation(gen, self.recent_hits, self.fast)}  # older ones dropped
                    return self._generations[gen]
            except Exception:
                # Swapped out and cleaned away between looking and opening (builds in quick succession):
                # the generation now current is opened instead.
                if gen is None or current_generation(self.index_dir) == gen:
                    raise

    @contextmanager
    def _searcher(self):
        """Lends a searcher of the current generation to one caller at a time (they are not thread-safe).
        At most MAX_SEARCHERS are open: each holds its own caches, and with Python's lock more
        concurrent searches would only wait longer and use more memory."""
        while True:
            gen = self.generation()
            with self._lock:
                if self._pool_path != gen.path:
                    self._pool, self._pool_path, self._pool_size = queue.LifoQueue(), gen.path, 0
                pool = self._pool
                try:
                    searcher = pool.get_nowait()
                    break
                except queue.Empty:
                    if self._pool_size < MAX_SEARCHERS:
                        self._pool_size += 1
                        searcher = gen.index.searcher()
                        break
            try:  # all lent out: wait for one, but look again if a new generation comes meanwhile
                searcher = pool.get(timeout=POOL_WAIT)
            except queue.Empty:
                continue
            if pool is self._pool:
                break
            searcher.close()
        try:
            yield gen, searcher
        finally:
            if self._pool is pool:
                pool.put(searcher)
            else:  # a new generation was swapped in meanwhile: this searcher is done
                searcher.close()

    def attachment(self, name: str):
        """JSON data built into the current generation, or None."""
        path = self.generation().path / f"attachment-{name}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def generation_id(self) -> str:
        return self.generation().path.name

    def generation_problems(self) -> list[str]:
        """What the build reported about the source of the generation being served."""
        return (read_meta(self.generation().path) or {}).get("problems", [])

    def get(self, lang: str, doc_id: str) -> dict | None:
        with self._searcher() as (_, s):
            docnum = s.document_number(key=f"{lang}:{doc_id}")
            return None if docnum is None else stored.whole(s, docnum)

    def prepared(self, lang: str, doc_id: str) -> Prepared | None:
        """The stored document as the highlighter keeps it (its units read as they are needed), or None."""
        with self._searcher() as (gen, s):
            docnum = s.document_number(key=f"{lang}:{doc_id}")
            return None if docnum is None else gen.highlighter.prepared(docnum, lambda: stored.parts(s, docnum))

    def all_documents(self, lang: str | None = None, keep: Callable[[dict], dict] | None = None) -> list[dict]:
        """Every stored document (of lang); keep: what to hold of each as it is read, when not all of it."""
        with self._searcher() as (_, s):
            read = stored.metadata if keep else stored.whole
            return [keep(read(s, n)) if keep else read(s, n)
                    for n, f in s.reader().iter_docs() if lang is None or f["lang"] == lang]

    def suggest(self, prefix: str, lang: str | None = None, limit: int = 8) -> list[SuggestionRecord]:
        return self.generation().suggester.suggest(prefix[:100], lang, limit)

    def search(self, text: str, lang: str = "all", facets: dict[str, str] | None = None,
               sort: str = "relevance", page: int = 1, per_page: int = 10, on: str | None = None) -> SearchResults:
        """on: the day (ISO) whose wording of changed articles ranks first and is shown; default today."""
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}")
        page = max(1, min(page, MAX_PAGE))
        per_page = max(1, min(per_page, MAX_PER_PAGE))
        on = on or date.today().isoformat()
        key = (text, lang, tuple(sorted((k, v) for k, v in (facets or {}).items() if v)), sort, page, per_page, on)
        if (found := self.generation().recent.get(key)) is not None:
            return found
        with self._searcher() as (gen, searcher):
            p = plan(text)
            p.on = on
            suggestion, replaceable = self._suggestion(gen, searcher, p)
            args = (gen, searcher, lang, facets or {})
            matched, corrected = self._matched(*args, p, conjunctive=True), False
            # The query as typed is searched. A correction replaces its results only when no document
            # has all of its words and a word it replaces is no word of the language.
            if matched.total == 0 and suggestion and replaceable:
                fixed = replace(plan(suggestion), on=on)
                alt = self._loosened(*args, self._matched(*args, fixed, conjunctive=True))
                if alt.total:
                    matched, corrected = alt, True
            if not corrected:
                matched = self._loosened(*args, matched)
            # Only the matches kept are ranked and their best units found: a question's conjunctive
            # matches, when the loosened ones replace them, never are.
            results = self._ranked(gen, searcher, matched, lang, sort, page, per_page)
        results.query = text
        results.suggestion = suggestion
        results.corrected = corrected
        gen.recent.put(key, results)
        return results

    def _loosened(self, gen, searcher, lang, facets, matched: _Matched) -> _Matched:
        """When few documents have every word, those with most of the words join them, ranked together:
        a question is not all-or-nothing over a word no document uses."""
        p = matched.plan
        few = matched.total == 0 or bool(p.asking) or (matched.total < FEW and len(p.content) >= LONG)
        if few and len(p.content) > 1:
            loose = self._matched(gen, searcher, lang, facets, p, conjunctive=False)
            if loose.total > matched.total:
                return loose
        return matched

    def recent_results(self) -> dict:
        """How the current generation's cache of recent results is doing: hits, misses, size."""
        return self.generation().recent.info()

    def _suggestion(self, gen: _Generation, searcher, p: QueryPlan) -> tuple[str | None, bool]:
        """The query with unknown syllables replaced by the nearest known ones (or None), and whether
        it may replace the results: only when a replaced word is no word of the language ('thanh tar').
        A well-formed word no document has ('sức khỏe') is searched as typed; for it only a typing
        slip (a letter left out, two letters swapped) is offered, never applied."""
        if not p.words:
            return None, False
        reader = searcher.reader()
        changed, replaceable, out, budget = False, False, [], MAX_UNKNOWN
        for word in p.words:
            text = normalize(word)
            pieces, pos = [], 0
            for tok in FOLDED(text, chars=True):
                # Known words are looked up in the index; the vocabulary is loaded only for unknown ones.
                if budget and not tok.text.isdigit() and not reader.doc_frequency("body_f", tok.text):
                    budget -= 1
                    valid = is_word(lower(text[tok.startchar:tok.endchar]))
                    fix = gen.speller(searcher).correct(tok.text, slips_only=valid)
                    if fix:
                        pieces += [text[pos:tok.startchar], fix]
                        pos = tok.endchar
                        changed, replaceable = True, replaceable or not valid
            out.append("".join(pieces) + text[pos:])
        return (" ".join(out), replaceable) if changed else (None, False)

    @staticmethod
    def _scores(gen, searcher, q, candidates: list[int]) -> dict[int, float]:
        """Scores of the candidates q matches: from cached postings, or Whoosh's matchers when the
        ranker does not reproduce q (both give the same numbers)."""
        if gen.ranker is None:
            return whoosh_scores(searcher, q, candidates)
        try:
            return gen.ranker.scores(searcher, q, candidates)
        except Unsupported:
            return whoosh_scores(searcher, q, candidates)

    def _rerank(self, gen, searcher, built, candidates: list[int], window: int,
                words: list[int] | None = None, term_question: bool = False,
                cited: dict[int, float] | None = None, asked: dict[str, float] | None = None) -> list[tuple[float, int, str]]:
        """Every ranking signal, on the candidates only, then the near-tie preference for documents in
        force. words: each required word's documents, when a document need not have them all: a
        document's score is scaled by the share of them it has; cited: the factor of each document a
        bare number names (see numbered.py); asked: the query's content words and their weights, which
        a document's tags may name (see topics.py)."""
        reader = searcher.reader()
        ranked = []
        accents = [gen.docsets.evaluate(reader, q) for q in built.accented]
        for docnum, score in self._scores(gen, searcher, built.ranked, candidates).items():
            status = gen.docsets.value(reader, "status", docnum)
            if words:
                score *= sum(bits >> docnum & 1 for bits in words) / len(words)
            factor = TERM_LIST_FACTOR.get(gen.docsets.value(reader, "type", docnum), 1.0)
            score *= 1 / factor if term_question else factor
            if cited:
                score *= cited.get(docnum, 1.0)
            if asked:
                score *= topics.factor(gen.docsets.value(reader, "tags", docnum), asked)
            if accents:
                score *= OTHER_ACCENTS + (1 - OTHER_ACCENTS) * sum(b >> docnum & 1 for b in accents) / len(accents)
            ranked.append((score * STATUS_FACTOR.get(status, 0.95), docnum, status))
        ranked.sort(key=lambda x: (-x[0], x[1]))
        return ranked[:window]

    def _matched(self, gen, searcher, lang, facet_filters, p: QueryPlan, conjunctive: bool) -> _Matched:
        """Which documents match (as a bitmap, cached per term): the total and the facet counts need no
        scoring."""
        built = build(p, conjunctive, gen.synonyms)
        if built is None:
            return _Matched(p, None, None, 0, None, None)
        flt = filters(None if lang == "all" else lang, facet_filters)
        reader = searcher.reader()
        docs = gen.docsets.evaluate(reader, built.required)
        words = None
        if not conjunctive:
            words = [gen.docsets.evaluate(reader, w) for w in built.words]
            docs &= at_least(words, -(-len(words) // 2))  # at least half of them
        if flt is not None:
            docs &= gen.docsets.evaluate(reader, flt)
        return _Matched(p, built, flt, docs.bit_count(), docs, words)

    def _ranked(self, gen, searcher, matched: _Matched, lang, sort, page, per_page) -> SearchResults:
        p, built, flt, total, docs, words = (matched.plan, matched.built, matched.filter, matched.total,
                                             matched.docs, matched.words)
        if built is None:
            return SearchResults(p.text, lang, 0, page, per_page, [], {})
        reader = searcher.reader()
        window = page * per_page + 20
        weights = rarity(reader, p)
        if sort != "relevance":
            results = searcher.search(built.ranked, filter=flt, limit=window,
                                      sortedby=sorting.FieldFacet("issued", reverse=(sort == "newest")))
            ranked = [(r.score or 0.0, r.docnum, r["status"]) for r in results]
        else:
            wanted = max(CANDIDATES, 2 * window)
            if total <= RERANK_ALL:
                candidates = members(docs)
            elif len(strong := gen.docsets.strongest(reader, p.folded, docs, wanted)) >= wanted:
                candidates = strong  # the words in titles, headings or side by side: cheap sets
            else:  # many matches, few strong ones: the required words alone pick the candidates
                # (the best by score, then by document number: what Whoosh's top-N collector keeps)
                scores = self._scores(gen, searcher, built.required, members(docs))
                candidates = sorted(d for d, _ in heapq.nsmallest(wanted, scores.items(), key=lambda x: (-x[1], x[0])))
            ranked = self._rerank(gen, searcher, built, candidates, window, words, p.term_question,
                                  gen.numbered.factors(reader, p), {w: weights.get(w, 1.0) for w in p.content})
        chosen: dict[int, tuple[dict, Choice]] = {}

        def answer(docnum: int) -> tuple[dict, Choice]:
            if docnum not in chosen:
                prepared = gen.highlighter.prepared(docnum, lambda: stored.parts(searcher, docnum))
                chosen[docnum] = prepared.doc, best_unit(prepared.doc, p, prepared, weights)
            return chosen[docnum]

        if sort == "relevance" and p.asking:
            ranked = by_best_unit(ranked, answer)
        page_items = ranked[(page - 1) * per_page: page * per_page]
        hits = []
        for score, docnum, _ in page_items:
            doc, choice = answer(docnum)
            match = with_snippet(choice, p)
            hits.append(Hit(doc["id"], doc["lang"], doc["title"], doc["type"], doc["number"], doc["status"],
                            match.anchor, match.heading, match.snippet, round(score, 4), doc, match.former))
        return SearchResults(p.text, lang, total, page, per_page, hits, gen.docsets.counts(reader, docs))
