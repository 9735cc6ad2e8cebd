"""Across the two languages: a query translated through the glossary, and hits that bring their translations."""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field, replace

from search.text.analysis import word_spans
from search.serve.highlight import best_match, snippet
from search.text.languages import CODES, detect, normalize
from search.text.phrases import MAX_PHRASE, longest_matches
from search.query.plan import QueryPlan, plan
from search.records import facet_values
from search.serve.searcher import FACETS, MAX_PER_PAGE, Hit, SearchResults, SearchService

TERMS = "terms"  # the attachment of bilingual term groups: [{"vi": [term, *forms], "lo": [term, *forms]}]
PAIR_SOURCES = 10  # at least: hits in the query's own language whose translations join another language's
OTHER_BLOCK = 5  # hits shown in the other language's block of the search page
# How much each way of finding a document counts: the best way counts in full, the others a tenth
# (found several ways ranks higher, but never above what the query itself found in its own language).
WEIGHTS = {"query": 1.0, "translation": 0.9, "glossary": 0.8, "number": 0.7}
AGREEMENT = 0.1
# Whose article and snippet a hit found several ways shows: the query's own search in this language, else
# the translated document at the article the full query found in its language, else the glossary's search.
PREFERENCE = ("query", "number", "translation", "glossary")
# Facets whose values are the same in every language (tags and issuers are written in each language).
SHARED_FACETS = ("type", "status", "year")


class Translator:
    """Glossary term groups, looked up by their folded syllables: longest match first, any language."""

    def __init__(self, groups: list[dict[str, list[str]]]):
        self.groups = groups
        self.runs: dict[tuple[str, ...], int] = {}
        for i, group in enumerate(groups):
            for forms in group.values():
                for form in forms:
                    key = tuple(word_spans(normalize(form))[2])
                    if 0 < len(key) <= MAX_PHRASE:
                        self.runs.setdefault(key, i)

    def translate(self, text: str, into: str) -> str | None:
        """The query as it would be typed in `into`: glossary terms become that language's term; numbers
        and words already in that language stay; other words cannot match there and are left out.
        None when no glossary term was found (the query itself then says all there is)."""
        out: list[str] = []
        chunk: list[str] = []
        found = False
        for piece in [*text.split(), None]:
            if piece is not None and piece.startswith("-"):
                continue  # an exclusion in the source language says nothing about the other one
            if piece is None or any(c.isdigit() for c in piece) or detect(piece) == into:
                terms = self._terms(" ".join(chunk), into)
                found = found or bool(terms)
                out += terms + ([piece] if piece else [])
                chunk = []
            else:
                chunk.append(piece)
        return " ".join(dict.fromkeys(out)) if found else None

    def _terms(self, text: str, into: str) -> list[str]:
        """The glossary terms found in text, each as `into` writes it."""
        folded = word_spans(normalize(text))[2]
        found = longest_matches(folded, self.runs, MAX_PHRASE,
                                lambda i, j, group: bool(self.groups[group].get(into)))
        return [self.groups[group][into][0] for _, _, group in found]


@dataclass
class Block:
    """The results in one language (or both, for 'all'), and how each hit was found."""
    lang: str
    results: SearchResults
    via: dict[str, list[str]] = field(default_factory=dict)  # "lang:id" → query, glossary, translation, number
    searched_as: dict[str, str] = field(default_factory=dict)  # language → the query translated into it


@dataclass
class Bilingual:
    main: Block
    other: Block | None = None  # the other language's best results, shown after the reader's own


@dataclass(frozen=True)
class _Options:
    facets: tuple[tuple[str, str], ...]
    sort: str
    page: int
    per_page: int
    on: str | None = None

    def shared_facets(self) -> tuple[tuple[str, str], ...]:
        return tuple((k, v) for k, v in self.facets if k in SHARED_FACETS)


class CrossLanguageSearch:
    """Search in the reader's language that also understands the other one; thread-safe like the service."""

    def __init__(self, service: SearchService):
        self.service = service
        self._translator: tuple[str, Translator] | None = None
        self._lock = threading.Lock()

    def translator(self) -> Translator:
        generation = self.service.generation_id()
        with self._lock:
            if self._translator is None or self._translator[0] != generation:
                self._translator = (generation, Translator(self.service.attachment(TERMS) or []))
            return self._translator[1]

    def search(self, text: str, lang: str = "all", facets: dict[str, str] | None = None, sort: str = "relevance",
               page: int = 1, per_page: int = 10, other: bool = True, on: str | None = None) -> Bilingual:
        """lang: the reader's language (vi, lo) or all. With other, the other language's best hits come too.
        on: the day (ISO) whose wording of changed articles is asked for (default today)."""
        source = detect(text)
        memo: dict = {}
        opts = _Options(tuple(sorted((facets or {}).items())), sort, page, per_page, on)
        main = self._block(text, lang, source, opts, memo)
        second = None
        if other and lang != "all":
            others = [code for code in CODES if code != lang]
            shared = opts.shared_facets()
            # The reader's first page, when in the query's language, is what brings its translations.
            own = main.results if lang == source and page == 1 and sort == "relevance" else None
            blocks = [self._block(text, code, source, _Options(shared, "relevance", 1, OTHER_BLOCK, on), memo, own)
                      for code in others]
            second = next((b for b in blocks if b.results.total), None)
        return Bilingual(main, second)

    def _search(self, memo: dict, text: str, lang: str, opts: _Options) -> SearchResults:
        key = (text, lang, opts)
        if key not in memo:
            memo[key] = self.service.search(text, lang=lang, facets=dict(opts.facets), sort=opts.sort,
                                            page=opts.page, per_page=opts.per_page, on=opts.on)
        return memo[key]

    def _block(self, text: str, target: str, source: str | None, opts: _Options, memo: dict,
               own: SearchResults | None = None) -> Block:
        langs = CODES if target == "all" else (target,)
        cross = [code for code in langs if source and code != source]
        if not cross:  # the query is written in this language, or is a bare number
            return Block(target, self._search(memo, text, target, opts))
        window = opts.page * opts.per_page
        wide = replace(opts, page=1, per_page=min(MAX_PER_PAGE, max(window, PAIR_SOURCES)))
        shared = opts.shared_facets()
        sources: list[tuple[str, list[Hit]]] = []
        primary: SearchResults | None = None
        if target == "all" or plan(text).number_keys:
            primary = self._search(memo, text, target, wide)
            sources.append(("query" if target == "all" else "number", primary.hits))
        searched_as = {}
        if own is None:
            own = primary if target == "all" else self._search(memo, text, source, replace(wide, facets=shared))
        for code in cross:
            translated = self.translator().translate(text, code)
            tplan = plan(translated or "")
            if translated:
                searched_as[code] = translated
                found = self._search(memo, translated, code, wide)
                primary = primary or found
                sources.append(("glossary", found.hits))
            pairs = [h for h in (self._pair(hit, code, tplan) for hit in own.hits if hit.lang == source) if h]
            sources.append(("translation", [h for h in pairs if _passes(h.doc, dict(opts.facets))]))
        return self._merge(target, text, opts, primary, own, sources, searched_as)

    def _pair(self, hit: Hit, into: str, tplan: QueryPlan) -> Hit | None:
        """The hit's translation into `into`, at the same article (anchors are the same in both languages)."""
        if into not in hit.doc.get("translations", ()):
            return None
        prepared = self.service.prepared(into, hit.id)
        if prepared is None:
            return None
        doc, at = prepared.doc, prepared.index_of(hit.article) if hit.article else None
        if at is not None:
            article, unit = prepared.unit(at)
            heading, snip = unit.heading, snippet(unit.text, tplan)
        else:
            m = best_match(doc, tplan, prepared)
            article, heading, snip = m.anchor, m.heading, m.snippet
        return Hit(doc["id"], doc["lang"], doc["title"], doc["type"], doc["number"], doc["status"],
                   article, heading, snip, hit.score, doc)

    def _merge(self, target: str, text: str, opts: _Options, primary: SearchResults | None, own: SearchResults,
               sources: list[tuple[str, list[Hit]]], searched_as: dict[str, str]) -> Block:
        votes: dict[str, list[float]] = {}
        hits: dict[str, Hit] = {}
        via: dict[str, list[str]] = {}
        shown: dict[str, str] = {}
        for how, found in sources:
            top = max((h.score for h in found), default=0.0) or 1.0
            for h in found:
                key = f"{h.lang}:{h.id}"
                votes.setdefault(key, []).append(WEIGHTS[how] * (h.score / top if opts.sort == "relevance" else 1))
                if how not in via.setdefault(key, []):
                    via[key].append(how)
                if key not in hits or PREFERENCE.index(how) < PREFERENCE.index(shown[key]):
                    hits[key], shown[key] = h, how
        scores = {k: max(v) + AGREEMENT * (sum(v) - max(v)) for k, v in votes.items()}
        if opts.sort == "relevance":
            order = sorted(scores, key=lambda k: (-scores[k], k))
        else:
            order = sorted(scores, key=lambda k: (hits[k].doc.get("issued") or "", k), reverse=opts.sort == "newest")
        start = (opts.page - 1) * opts.per_page
        page_hits = [replace(hits[k], score=round(scores[k], 4)) for k in order[start:start + opts.per_page]]
        counted = {f"{h.lang}:{h.id}" for h in primary.hits} if primary else set()
        added = [hits[k].doc for k in order if k not in counted]
        total = (primary.total if primary else 0) + len(added)
        facets = _add_counts(primary.facets if primary else {}, added)
        results = SearchResults(text, target, total, opts.page, opts.per_page, page_hits, facets,
                                suggestion=(primary or own).suggestion, corrected=(primary or own).corrected)
        return Block(target, results, {k: via[k] for k in order[start:start + opts.per_page]}, searched_as)


def _passes(doc: dict, facets: dict[str, str]) -> bool:
    return all(value in facet_values(doc, name) for name, value in facets.items() if value)


def _add_counts(facets: dict[str, list[tuple[str, int]]], docs: list[dict]) -> dict[str, list[tuple[str, int]]]:
    out = {}
    for name in FACETS:
        counts = Counter(dict(facets.get(name, [])))
        for doc in docs:
            counts.update(facet_values(doc, name))
        out[name] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return out
