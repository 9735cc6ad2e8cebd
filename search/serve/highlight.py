"""Picks the best-matching unit of a document and cuts a snippet of it with the matched words marked."""
from __future__ import annotations

import re
from array import array
from collections import Counter
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html import escape
from copy import copy
from itertools import pairwise
from math import log

from search.text.analysis import lower, terms, word_spans
from search.text.languages import UNSPACED, fold
from search.engine.lru import Lru
from search.index import word_map
from search.index.word_map import WordMap
from search.index.unit_texts import outline
from search.serve.nearness import credits, found_at, nearest, nearest_hits
from search.text.numbers import find_numbers, names_document
from search.query.plan import QueryPlan

SNIPPET_CHARS = 220
MAX_PREPARED = 2000  # documents' worth kept prepared per index generation...
PREPARED_CHARS = 10_000  # ...counting one per this many characters of text
K1, B = 1.2, 0.75  # BM25's saturation and length normalization, over a document's units
FORMER = 0.5  # a version of an article not valid on the day asked about: still found, ranked lower
TOGETHER = 1.5  # a unit's score for each pair of query words it has side by side
MAX_SCORED = 24  # units of one document scored in full: those with the most of the query's words
MAX_NEAR = 3  # of a question's, those whose best stretch of text is looked for: the highest bounds
NEAR = 16.0  # a question's unit scores this much per (weighted) query word in its best stretch of text
_UNSPACED = re.compile(f"[{UNSPACED}]")  # a word of a script written without spaces (Lao)
_DIGITS = re.compile(r"\d+")
_WORD_CHAR = re.compile(r"[^\W_]")


@dataclass
class Match:
    anchor: str | None
    heading: str | None
    snippet: str  # HTML: escaped text with <mark> around matched words
    former: tuple[str, str] | None = None  # the snippet is wording of another day: its days (ISO, "" open)


def _spans(unit: _Text, plan: QueryPlan) -> list[tuple[int, int]]:
    """Spans of the unit's words that are query words, in order.

    When the query has several syllables and some pair of them appears together in the text, only
    such pairs are marked; otherwise neither are syllables the query has only inside a longer run
    (ການ of ການກວດກາ): a common syllable alone is not what the reader looked for."""
    starts, ends, folded_words = unit.words()
    wanted = set(plan.folded)
    hits = [i for i, w in enumerate(folded_words) if w in wanted]
    word = folded_words.__getitem__
    if not hits:
        return []
    hits = _exact_first(unit, plan, hits, starts, ends, word)
    pairs = set(pairwise(plan.folded))
    paired: set[int] = set()
    for i, j in pairwise(hits):
        if j == i + 1 and (word(i), word(j)) in pairs:
            paired.update((i, j))
    if paired:
        return [(starts[i], ends[i]) for i in sorted(paired)]
    return [(starts[i], ends[i]) for i in hits if word(i) not in plan.joined]


def _exact_first(unit: _Text, plan: QueryPlan, hits: list[int], starts, ends, word) -> list[int]:
    """Where the text has a word with the accents typed ('đồng'), its other accent forms ('động',
    'đóng') are not marked."""
    typed = {fold(w): w for w in plan.exact if fold(w) != w}
    if not typed:
        return hits
    lowered = unit.lowered
    written = {i: lowered[starts[i]:ends[i]] for i in hits}
    present = {f for f, w in typed.items() if any(written[i] == w for i in hits if word(i) == f)}
    return [i for i in hits if word(i) not in present or written[i] == typed[word(i)]]


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Neighbouring marks separated by nothing or spaces become one mark."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and not text[out[-1][1]:s].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


@lru_cache(maxsize=256)
def _pattern(folded: tuple[str, ...]) -> re.Pattern | None:
    """Finds query words in folded text without tokenizing it: words of spaced scripts must stand
    alone; Lao syllables have no spaces around them to check."""
    if not folded:
        return None
    parts = []
    for word in sorted(set(folded), key=len, reverse=True):
        w = re.escape(word)
        parts.append(w if _UNSPACED.search(word) else rf"(?<![^\W_]){w}(?![^\W_])")
    return re.compile("|".join(parts))


class _Text:
    """A unit's heading and text as the scoring compares them: the text read, lowercased and folded
    when first asked for (a unit scored from the word map's counts may never need any), then kept."""

    __slots__ = ("_fetch", "_folded", "_lowered", "_numbers", "_text", "_words", "chars", "head_folded", "heading",
                 "nwords")

    def __init__(self, heading: str, text: str | None, chars: int | None = None,
                 fetch: Callable[[], str] | None = None, head_folded: str | None = None, nwords: int | None = None):
        """text, or its length (chars) and fetch() to read it when needed; head_folded: the heading
        lowercased and folded, and nwords: how many words the text has, when the caller has them."""
        self.nwords = nwords
        self.heading, self._text, self._fetch = heading, text, fetch
        self.chars = len(text) if text is not None else chars
        self._lowered: str | None = None
        self._folded: str | None = None
        self.head_folded = head_folded if head_folded is not None else fold(lower(heading)) if heading else ""
        self._numbers: frozenset[str] | None = None
        self._words: tuple[array, list[str] | None] | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text, self._fetch = self._fetch(), None
        return self._text

    @property
    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = lower(self.text)
        return self._lowered

    @property
    def folded(self) -> str:
        if self._folded is None:
            lowered = self.lowered
            folded = fold(lowered)
            self._folded = lowered if folded == lowered else folded  # Lao: one string, not two
        return self._folded

    @property
    def numbers(self) -> frozenset[str]:
        if self._numbers is None:
            # Every number has a '/', and no normalization makes one: most units need no search.
            self._numbers = frozenset(find_numbers(self.text, normalized=True)) if "/" in self.text else frozenset()
        return self._numbers

    @property
    def tokenized(self) -> bool:
        """Whether words() has been worked out (then it costs nothing more)."""
        return self._words is not None

    def words(self) -> tuple[array, array, list[str]]:
        """The text's words (analysis.word_spans), tokenized once: start and end offsets, and the folded words."""
        if self._words is None:
            spans, _, folded = word_spans(self.text)
            self._words = (array("i", (a for a, _ in spans)), array("i", (b for _, b in spans)), folded)
        return self._words


class Prepared:
    """A stored document, its units prepared for scoring as a query needs them (each read, lowercased and
    folded when first needed, then kept), and its opening text. From a stored document's parts
    (stored.parts: metadata with its outline, word map, unit texts) or from a whole document (its units
    with their texts)."""

    __slots__ = ("_intro", "_mean_chars", "_opening", "_postings", "_text", "_texts", "_where", "doc", "outline")

    def __init__(self, doc: dict, where: bytes | None = None, texts: Sequence[str] | None = None):
        self.doc = doc
        if texts is None:
            units = doc.get("units", [])
            texts = [u[2] for u in units]
            self.outline: list = outline(units)  # word counts unknown: a question's nearness tokenizes
        else:
            self.outline = doc["outline"]
        self._text = texts
        self._texts: list[_Text | None] = [None] * len(self.outline)
        self._intro: _Text | None = None
        self._opening: _Text | None = None
        self._where = WordMap(where) if where is not None else None
        self._postings: dict[str, dict[int, int]] = {}
        self._mean_chars: float | None = None

    def __len__(self) -> int:
        return len(self.outline)

    def unit(self, i: int) -> tuple[str, _Text]:
        """The i-th unit's anchor and prepared text."""
        text = self._texts[i]
        if text is None:
            unit, texts = self.outline[i], self._text
            text = self._texts[i] = _Text(unit[1], None, unit[2], lambda: texts[i], unit[3], unit[4])
        return self.outline[i][0], text

    def index_of(self, anchor: str) -> int | None:
        """The first unit with this anchor (of a changed unit's versions, the first recorded)."""
        return next((i for i, u in enumerate(self.outline) if u[0] == anchor), None)

    @property
    def chars(self) -> int:
        """The units' text, in characters."""
        return sum(u[2] for u in self.outline)

    @property
    def mean_chars(self) -> float:
        """The units' mean length (what BM25 within the document normalizes by), worked out once."""
        if self._mean_chars is None:
            self._mean_chars = (self.chars / len(self.outline) or 1.0) if self.outline else 1.0
        return self._mean_chars

    def postings(self, word: str) -> dict[int, int]:
        """The units that have this folded word (in their heading or text) → how often in their text."""
        found = self._postings.get(word)
        if found is None:
            if self._where is None:
                units = [(u[0], u[1], self._text[i]) for i, u in enumerate(self.outline)]
                self._where = WordMap(word_map.pack(units))
            found = self._where.units(word)
            if len(self._postings) > 256:
                self._postings.clear()
            self._postings[word] = found
        return found

    def period(self, i: int) -> tuple[str, str] | None:
        """The days (ISO, "" = open) the i-th unit's wording was valid, for a version of a changed unit."""
        unit = self.outline[i]
        return (unit[5], unit[6]) if len(unit) > 5 else None

    def weight_on(self, i: int, day: str) -> float:
        """1 for a unit whose wording is valid on the day (or never changed); FORMER for another version."""
        period = self.period(i)
        return 1.0 if period is None or (period[0] or day) <= day <= (period[1] or day) else FORMER

    def headed(self, q: "_Query") -> list[int]:
        """The units whose heading the query names ('điều 17', 'ມາດຕາ 1'): only a query word followed by
        a number can, so other queries look at no heading."""
        if not q.numbered:
            return []
        found: set[int] = set()
        for word, number in q.numbered:
            # The number is the rarer word; a text whose words split it otherwise falls back to the label.
            found.update(self.postings(number) or self.postings(word))
        return [i for i in sorted(found) if _names_unit(self.unit(i)[1], q)]

    def candidates(self, q: "_Query", limit: int) -> list[tuple[int, dict[str, int], int]]:
        """Up to limit units (in document order) with the most query words, rarer words counting more,
        each with how often it has each query word in its text, and the typed accented words in their
        exact form."""
        weight: dict[int, float] = {}
        found = [(word, self.postings(word)) for word in q.words]
        for word, units in found:
            w = q.weight.get(word, 1.0)
            get = weight.get
            for i in units:
                weight[i] = get(i, 0.0) + w
        if len(self.outline) <= limit:
            best = range(len(self.outline))  # a short document: every unit is looked at
        else:
            best = sorted(sorted(weight, key=lambda i: (-weight[i], i))[:limit])
        exact = [self.postings(f"={w}") for w in q.accented]
        # Counts only of the units chosen: a long law has many more that have some query word.
        return [(i, {word: n for word, units in found if (n := units.get(i))}, sum(e.get(i, 0) for e in exact))
                for i in best]

    @property
    def intro(self) -> _Text:
        """The introduction (or summary): what a unit must beat."""
        if self._intro is None:
            self._intro = _Text("", self.doc.get("intro") or self.doc.get("summary") or "")
        return self._intro

    @property
    def opening(self) -> _Text:
        """The summary (or introduction): the snippet when no unit wins."""
        if self._opening is None:
            self._opening = _Text("", self.doc.get("summary") or self.doc.get("intro") or "")
        return self._opening


class _Query:
    """What scoring needs from a query plan, worked out once per document instead of once per unit.
    rarity: each folded word's weight (rarer words weigh more; mean 1 over the words asked for)."""

    def __init__(self, plan: QueryPlan, rarity: dict[str, float] | None = None, mean_chars: float = 1.0):
        folded = tuple(plan.folded)
        self.pattern = _pattern(folded)
        self.words = tuple(dict.fromkeys(folded))
        content = set(plan.content)
        # Asking and function words help a little; the words asked for decide.
        self.weight = {w: (rarity or {}).get(w, 1.0) * (1.0 if w in content else 0.2) for w in self.words}
        # A question: the unit whose one stretch has most of its words answers (see nearness.py).
        self.near = plan.question
        self.asked = sum(self.weight.values()) or 1.0
        self.neighbours = frozenset(pairwise(folded))
        self.paired = frozenset(w for pair in self.neighbours for w in pair)

        self.pairs = _pair_patterns(folded)
        self.numbered = tuple((a, b) for a, b in dict.fromkeys(pairwise(folded)) if b.isdigit())
        # Neighbouring words of the query side by side in a text: it says what the query says.
        self.together = tuple(dict.fromkeys(
            (a, b, f"{a} {b}", a + b) for a, b in pairwise(folded) if a in content or b in content))
        self.accented = [w for w in plan.exact if fold(w) != w]
        self.mean_chars = mean_chars  # the document's mean unit length
        self.numbers = frozenset(plan.number_keys)
        # A number's key starts with its digits (leading zeros dropped): a text citing it has them too.
        self.number_digits = [m.group(0) for m in map(_DIGITS.match, self.numbers) if m]
        if len(self.number_digits) < len(self.numbers):
            self.number_digits = [""]  # a key without digits: look everywhere

    def within(self, prepared: "Prepared") -> "_Query":
        """The query with each word weighed also by how few of the document's units have it: the words
        of what a document is about are in all of its units and do not say which one answers."""
        n = len(prepared)
        if n < 3:
            return self
        top, out = log(1 + n), copy(self)
        out.weight = {w: v * (log(1 + n / found) / top if (found := len(prepared.postings(w))) else 1.0)
                      for w, v in self.weight.items()}
        out.asked = sum(out.weight.values()) or 1.0
        return out


def _base_score(unit: _Text, q: _Query, counts: dict[str, int] | None = None, together: bool = True,
                exact: int | None = None) -> float:
    """How well a unit answers the query, but for cited numbers (see _score). counts: how often the
    unit's text has each query word, and exact: the accented words typed in their exact form, when the
    document's word map says (else its text is searched); together: whether query words side by side
    count (finding them needs the folded text)."""
    pattern, head = q.pattern, unit.head_folded
    if counts is None:
        folded = unit.folded
        # The pattern finds only the words themselves: where none occurs, it need not run.
        counts = Counter(pattern.findall(folded) if pattern and any(w in folded for w in q.words) else ())
    found = bool(counts)
    head_seen = set(pattern.findall(head)) if pattern and head and any(w in head for w in q.words) else ()
    exact_hits = exact if exact is not None else sum(unit.lowered.count(w) for w in q.accented) if q.accented else 0
    # Two query words together in a heading ('điều 62', 'ມາດຕາ 7', 'bước 3') name that unit.
    head_pairs = _heading_pairs(unit, q) if head and q.pairs else 0
    weight = q.weight.get
    # Only a unit with both words of a pair can have them together: the others need not be folded.
    side_by_side = sum(1 for a, b, spaced, joined in q.together
                       if a in counts and b in counts and (spaced in unit.folded or joined in unit.folded)) if together else 0
    # BM25 within the document: repeats count less and less, and a long unit's words count less.
    norm = K1 * (1 - B + B * unit.chars / q.mean_chars) if found else 0.0
    text = sum(weight(w, 1.0) * tf * (K1 + 1) / (tf + norm) for w, tf in counts.items())
    return (3 * text + 2 * sum(weight(w, 1.0) for w in head_seen)
            + 6 * head_pairs + TOGETHER * side_by_side + 0.5 * min(exact_hits, 20))


def _distinct_words(unit: _Text, q: _Query) -> int:
    return len(set(q.pattern.findall(unit.folded))) if q.pattern else 0


def _score(unit: _Text, q: _Query, base: float | None = None, counts: dict[str, int] | None = None) -> float:
    """How well a unit answers the query: distinct words, words in its heading, a word pair that names
    it, exact accents, repeats and cited numbers. Approximate (substring-based) and fast: every unit
    of every hit on the page is scored, only the winner is tokenized for its snippet."""
    base = _base_score(unit, q, counts) if base is None else base
    # Stored text is normalized, so its lowered form shows the digits the number search would see.
    cites = q.numbers and any(d in unit.lowered for d in q.number_digits)
    return base + 5 * (len(unit.numbers & q.numbers) if cites else 0)


def _beats(unit: _Text, q: _Query, best: float, counts: dict[str, int] | None = None,
           exact: int | None = None) -> tuple[bool, float]:
    """Whether the unit's score is above best, and the score when it is. Cited numbers add at most
    5 each and finding them is the slow part: they are looked for only when they could decide."""
    base = _base_score(unit, q, counts, exact=exact)
    if base + 5 * len(q.numbers) <= best:
        return False, base
    score = _score(unit, q, base)
    return score > best, score


def _below(unit: _Text, q: _Query, best: float) -> bool:
    """Whether the unit's score is below best (numbers looked for only when they could decide)."""
    base = _base_score(unit, q)
    return base + 5 * len(q.numbers) < best or _score(unit, q, base) < best


def _near(unit: _Text, q: _Query) -> float:
    """The weight of query words in the unit's best stretch of text, its heading's counting throughout.
    A unit not yet tokenized whose number of words is known is not tokenized for it: its query words
    are found in its folded text, their positions in words estimated from their offsets."""
    head = word_spans(unit.heading)[2] if unit.heading else ()
    if unit.nwords is None or unit.tokenized or not q.pattern:
        return nearest(unit.words()[2], q.weight, q.neighbours, head)
    folded = unit.folded
    found = [(m.start(), m.end(), m.group(0)) for m in q.pattern.finditer(folded)]
    gaps = [not _WORD_CHAR.search(folded, a[1], b[0]) for a, b in pairwise(found)]
    hits = found_at(found, gaps, unit.nwords / (len(folded) or 1), q.neighbours, q.paired)
    return nearest_hits(hits, q.weight, credits(head, q.weight, q.neighbours, q.paired))


def _question_score(unit: _Text, q: _Query, counts: dict[str, int] | None = None,
                    exact: int | None = None) -> tuple[float, float]:
    """A question's score of a unit, and the share of the question's words its best stretch has."""
    near = _near(unit, q)
    return _score(unit, q, _base_score(unit, q, counts, exact=exact)) + NEAR * near, near / q.asked


@lru_cache(maxsize=256)
def _pair_patterns(folded: tuple[str, ...]) -> tuple[tuple[re.Pattern, bool], ...]:
    """For each pair of neighbouring query words: a pattern finding it in a folded heading, whether it
    ends in a number ('điều 62'), and the two words."""
    out = []
    for pair in dict.fromkeys(f"{a} {b}" for a, b in pairwise(folded)):
        a, b = pair.split(" ")
        if _UNSPACED.search(pair):
            pattern = re.compile(f"{re.escape(a)} ?{re.escape(b)}")
        else:
            pattern = re.compile(rf"(?<![^\W_]){re.escape(a)}\s*{re.escape(b)}(?![^\W_])")
        out.append((pattern, b.isdigit(), a, b))
    return tuple(out)


def _heading_pairs(unit: _Text, q: _Query, numbered: bool = False) -> int:
    """Query word pairs found together in a heading; numbered: only pairs ending in a number."""
    if not q.pairs:
        return 0
    folded = unit.head_folded
    # Only a heading with both words can have them together: most headings need no pattern.
    return sum(1 for pattern, is_numbered, a, b in q.pairs
               if (is_numbered or not numbered) and a in folded and b in folded and pattern.search(folded))


def _names_unit(unit: _Text, q: _Query) -> bool:
    """The query names this unit: a word and a number together, as in its heading ('điều 17', 'ມາດຕາ 1')."""
    return _heading_pairs(unit, q, numbered=True) > 0


def best_match(doc: dict, plan: QueryPlan, prepared: Prepared | None = None,
               rarity: dict[str, float] | None = None) -> Match:
    """The unit (article or step) that answers the query best, or the document's opening text, with
    its snippet. prepared: the document's Prepared form, when the caller keeps one; rarity: see _Query."""
    return with_snippet(best_unit(doc, plan, prepared, rarity), plan)


@dataclass
class Choice:
    """Which unit answers (or which opening text is shown), before its snippet is cut."""
    anchor: str | None
    text: _Text
    score: float = 0.0  # how well it answers: the unit's score, or the introduction's
    plain: bool = False  # the opening text as it is, without marks
    near: float = 0.0  # a question's: the share of its words (by weight) the unit's best stretch has
    named: bool = False  # the query names the unit ('điều 17', 'ມາດຕາ 7')
    former: tuple[str, str] | None = None  # a version not valid on the day asked about: its days


def _best_of(units: list, prepared: Prepared, q: _Query) -> tuple[int | None, float]:
    """Of the units (index, word counts, exact accented hits, weight on the day), the one that scores
    highest (weighted), the first of equals, and its score. What a unit scores before words side by side
    and cited numbers are looked for, plus the most those add, bounds its score: units are scored in
    full from the highest bound down, until no bound is left that could win."""
    most = TOGETHER * len(q.together) + 5 * len(q.numbers)
    bounds = sorted((((_base_score(prepared.unit(i)[1], q, counts, together=False, exact=exact) + most) * w,
                      i, counts, exact, w) for i, counts, exact, w in units), key=lambda b: (-b[0], b[1]))
    best, best_score = None, 0.0
    for bound, i, counts, exact, w in bounds:
        if bound < best_score or (bound == best_score and best is not None and i > best):
            break
        unit = prepared.unit(i)[1]
        base = _base_score(unit, q, counts, exact=exact)
        if (base + 5 * len(q.numbers)) * w < best_score:
            continue  # cited numbers could not make it win: they are not looked for
        score = _score(unit, q, base) * w
        if score > best_score or (score == best_score and best is not None and i < best):
            best, best_score = i, score
    return best, best_score


def _best_question(units: list, prepared: Prepared, q: _Query) -> tuple[int | None, float]:
    """As _best_of, for a question: each unit's score counts the words of its best stretch of text
    (see nearness.py), which adds at most NEAR times the question's weight."""
    most = TOGETHER * len(q.together) + 5 * len(q.numbers)

    def bound(unit: _Text, counts: dict[str, int], exact: int) -> float:
        # The best stretch holds at most the words the unit has at all (in its text or heading).
        near = sum(v for word, v in q.weight.items() if word in counts or word in unit.head_folded)
        return _base_score(unit, q, counts, together=False, exact=exact) + most + NEAR * near
    bounds = sorted(((bound(prepared.unit(i)[1], counts, exact) * w, i, counts, exact, w)
                     for i, counts, exact, w in units), key=lambda b: (-b[0], b[1]))
    best, best_score = None, 0.0
    # Finding the best stretch tokenizes the unit: only the MAX_NEAR units of highest bounds are.
    for bound, i, counts, exact, w in bounds[:MAX_NEAR]:
        if bound < best_score or (bound == best_score and best is not None and i > best):
            break
        score = _question_score(prepared.unit(i)[1], q, counts, exact)[0] * w
        if score > best_score or (score == best_score and best is not None and i < best):
            best, best_score = i, score
    return best, best_score


def best_unit(doc: dict, plan: QueryPlan, prepared: Prepared | None = None,
              rarity: dict[str, float] | None = None) -> Choice:
    prepared = prepared or Prepared(doc)
    q = _Query(plan, rarity, prepared.mean_chars)
    if names_document(plan, doc.get("number") or ""):
        # The query is this document's number: it opens at the top, not at a section citing another.
        return Choice(None, prepared.opening)
    # A question's unit is chosen by the words that tell the document's units apart; how well it
    # answers (what documents are ranked by) is told by the query's own weights.
    pick = q.within(prepared) if q.near else q
    day = plan.on or date.today().isoformat()
    named = [(i, None, None, prepared.weight_on(i, day)) for i in prepared.headed(q)]
    named.sort(key=lambda x: -x[3])  # of a named article's versions, the one valid on the day first
    best, best_score = None, 0.0
    for i, _, _, weight in named:
        unit = prepared.unit(i)[1]
        if best is None:
            best, best_score = i, _score(unit, q) * weight
            continue
        better, score = _beats(unit, q, best_score / weight)
        if better:
            best, best_score = i, score * weight
    if not named:
        units = [(i, counts, exact, prepared.weight_on(i, day)) for i, counts, exact in prepared.candidates(q, MAX_SCORED)]
        best, best_score = _best_question(units, prepared, pick) if q.near else _best_of(units, prepared, q)
    if best is not None and (named or (_question_score(prepared.intro, pick)[0] < best_score if q.near
                                       else _below(prepared.intro, q, best_score))):
        anchor, unit = prepared.unit(best)
        period = prepared.period(best)
        weight = prepared.weight_on(best, day)
        former = period if period is not None and weight != 1.0 else None
        if q.near:
            # A named article answers outright: it counts as holding every word of the question.
            score, near = _question_score(unit, q)
            if named:
                score, near = score + NEAR * q.asked * (1 - near), 1.0
            return Choice(anchor, unit, score * weight, former=former, near=near, named=bool(named))
        return Choice(anchor, unit, best_score, former=former)
    if not plan.folded:
        return Choice(None, prepared.intro, plain=True)
    # The summary opens the document, but when the introduction has more of the query's words, the
    # snippet shows them there.
    opening = prepared.opening
    if _distinct_words(prepared.intro, q) > _distinct_words(opening, q):
        opening = prepared.intro
    if q.near:
        score, near = _question_score(prepared.intro, q)
        return Choice(None, opening, score, near=near)
    return Choice(None, opening, max(best_score, _score(prepared.intro, q)))


def with_snippet(choice: Choice, plan: QueryPlan) -> Match:
    if choice.plain:
        return Match(None, None, escape(_cut(choice.text.text)))
    return Match(choice.anchor, choice.text.heading or None if choice.anchor else None,
                 _snippet(choice.text, plan), choice.former)


class Highlighter:
    """Per index generation: recently shown documents, decoded and prepared, so a document that is a hit
    again is neither read nor lowercased and folded again (bounded: least recently used go first)."""

    def __init__(self, size: int = MAX_PREPARED):
        self._prepared: Lru[Prepared] = Lru(size)

    def prepared(self, docnum: int, load: Callable[[], tuple[dict, bytes, Sequence[str]]]) -> Prepared:
        """The document's Prepared form; load() reads the stored document's parts when it is not kept."""
        found = self._prepared.get(docnum)
        if found is not None:
            return found
        prepared = Prepared(*load())
        # Weighed by size: a law of 300,000 characters takes the room of thirty short pages.
        size = prepared.chars + len(prepared.doc.get("intro") or "")
        return self._prepared.add(docnum, prepared, 1 + size // PREPARED_CHARS)


def _cut(text: str) -> str:
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS].rstrip() + "…"


def snippet(text: str, plan: QueryPlan) -> str:
    """About SNIPPET_CHARS of a stored (normalized) text around its best cluster of query words, marked."""
    return _snippet(_Text("", text), plan)


def _window(unit: _Text, plan: QueryPlan) -> tuple[_Text, bool, bool] | None:
    """For a long text: the stretch around its densest cluster of query words (found as substrings of
    the folded text), to be tokenized instead of the whole; with whether text was cut before and after."""
    folded, width = unit.folded, 2 * SNIPPET_CHARS
    at = sorted(i for w in set(plan.folded) for i in _finds(folded, w))
    if not at:
        return None
    best = max(range(len(at)), key=lambda k: bisect_left(at, at[k] + SNIPPET_CHARS) - k)
    text = unit.text
    start = max(0, at[best] - SNIPPET_CHARS // 2)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = text.find(" ", min(len(text), start + width))
    end = len(text) if end < 0 else end
    return _Text("", text[start:end]), start > 0, end < len(text)


def _finds(text: str, word: str, limit: int = 200) -> list[int]:
    out, at = [], text.find(word)
    while at >= 0 and len(out) < limit:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _snippet(unit: _Text, plan: QueryPlan) -> str:
    if len(unit.text) > 4 * SNIPPET_CHARS and (window := _window(unit, plan)) is not None:
        part, before, after = window
        cut = _snippet(part, plan)
        return ("…" if before and not cut.startswith("…") else "") + cut + ("…" if after and not cut.endswith("…") else "")
    text = unit.text
    spans = _spans(unit, plan)
    if not spans:
        return escape(_cut(text))
    # The window that holds the most matches.
    best_i, best_n = 0, 0
    for i, (start, _) in enumerate(spans):
        n = sum(1 for s, _ in spans[i:] if s < start + SNIPPET_CHARS - 40)
        if n > best_n:
            best_i, best_n = i, n
    start = max(0, spans[best_i][0] - 40)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space > start - 20 else start
        start = min(start, spans[best_i][0])
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.find(" ", end)
        end = space if 0 <= space < end + 20 else end
        for s, e in spans:
            if s < end < e:
                end = e
    out, pos = [], start
    for s, e in _merge(text, spans):
        if s < start or e > end:
            continue
        out.append(escape(text[pos:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(escape(text[pos:end]))
    return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else "")
