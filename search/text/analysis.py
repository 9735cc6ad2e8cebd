"""Module-level, picklable Whoosh tokenizers and filters shared by indexing and querying."""
from __future__ import annotations

import re
from functools import lru_cache

from whoosh.analysis import Filter, Token, Tokenizer

from search.text.languages import DIGITS, UNSPACED, all_languages, fold, normalize

_OWN_DIGIT = re.compile(f"[{''.join(map(chr, DIGITS))}]") if DIGITS else None


def lower(text: str) -> str:
    """Lowercased, languages' own digits (Lao ໕) as ASCII ones: how every comparison sees a text.
    Translating walks the text a character at a time, so only texts that have such digits are translated."""
    lowered = text.lower()
    return lowered.translate(DIGITS) if _OWN_DIGIT and _OWN_DIGIT.search(lowered) else lowered


@lru_cache(maxsize=1)
def _run_pattern() -> re.Pattern:
    scripts = [lang.script for lang in all_languages() if lang.script]
    own = "|".join(f"(?P<s{i}>{s}+)" for i, s in enumerate(scripts))
    word = f"(?P<w>(?:[^\\W_{UNSPACED}]|[\u0300-\u036f])+)"
    return re.compile(f"{own}|{word}" if own else word)


_CACHED_RUN = 256  # longer runs (rare) are segmented every time: their offsets would not fit a byte


@lru_cache(maxsize=200_000)
def _run_spans(script: int, run: str) -> bytes:
    """Syllable spans of one run of a script without spaces, flat (start, end, start, end…). Cached: the
    same runs recur all over a corpus; as bytes, because a corpus has hundreds of thousands of them."""
    return bytes(x for span in _segmenters()[script](run) for x in span)


@lru_cache(maxsize=1)
def _segmenters() -> tuple:
    return tuple(lang.segment for lang in all_languages() if lang.script)


@lru_cache(maxsize=64)
def _token_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Token spans of a normalized text. Cached: each text feeds several fields (exact, folded, bigrams)."""
    spans: list[tuple[int, int]] = []
    for m in _run_pattern().finditer(text):
        if m.lastgroup == "w":
            spans.append((m.start(), m.end()))
        else:
            base, run, script = m.start(), m.group(0), int(m.lastgroup[1:])
            if len(run) < _CACHED_RUN:
                flat = _run_spans(script, run)
                spans.extend((base + flat[k], base + flat[k + 1]) for k in range(0, len(flat), 2))
            else:
                spans.extend((base + a, base + b) for a, b in _segmenters()[script](run))
    return tuple(spans)


def _segment(value: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Normalized text and its token spans."""
    text = normalize(value)
    return text, _token_spans(text)


class ScriptTokenizer(Tokenizer):
    """Normalizes, then splits: scripts without spaces go to their language's segmenter, others into words."""

    def __eq__(self, other):
        return type(other) is type(self)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, mode="", **kwargs):
        text, spans = _segment(value)
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, (a, b) in enumerate(spans, start_pos):
            t.text = text[a:b]
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = t.text
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + a
                t.endchar = start_char + b
            yield t


class CaseFilter(Filter):
    """Lowercases and maps Lao digits to ASCII (both keep the token's length)."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = lower(t.text)
            yield t


class FoldFilter(Filter):
    """Accent folding from every registered language (bảo → bao; Lao untouched)."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = fold(t.text)
            yield t


class BigramFilter(Filter):
    """Emits each pair of neighbouring tokens as one term, so two syllables can be searched together."""

    def __call__(self, tokens):
        prev = None
        for t in tokens:
            cur = t.text
            if prev is not None:
                t.text = prev + " " + cur
                yield t
            prev = cur


class AccentedOnlyFilter(Filter):
    """Keeps only tokens that folding would change ('bảo', not 'bao' or Lao): the exact-accent fields
    need nothing else, since the folded fields already hold every token."""

    def __call__(self, tokens):
        for t in tokens:
            if fold(t.text) != t.text:
                yield t


EXACT = ScriptTokenizer() | CaseFilter()
ACCENTED = ScriptTokenizer() | CaseFilter() | AccentedOnlyFilter()
ACCENTED_BIGRAMS = ScriptTokenizer() | CaseFilter() | BigramFilter() | AccentedOnlyFilter()
FOLDED = ScriptTokenizer() | CaseFilter() | FoldFilter()
EXACT_BIGRAMS = ScriptTokenizer() | CaseFilter() | BigramFilter()
FOLDED_BIGRAMS = ScriptTokenizer() | CaseFilter() | FoldFilter() | BigramFilter()


@lru_cache(maxsize=16)
def _words(text: str) -> tuple[list[str], list[str]]:
    """Exact and folded words of a normalized text. Lowercasing and folding run once over the whole
    text (they keep its length, so the token spans still apply), not once per word."""
    spans = _token_spans(text)
    lowered = lower(text)
    if len(lowered) != len(text):  # a rare letter whose lowercase is longer: word by word
        exact = [lower(text[a:b]) for a, b in spans]
        return exact, [fold(w) for w in exact]
    folded = fold(lowered)
    return [lowered[a:b] for a, b in spans], [folded[a:b] for a, b in spans]


def word_spans(text: str) -> tuple[tuple[tuple[int, int], ...], list[str], list[str]]:
    """Spans, exact words and folded words of a normalized text (stored text is; normalize() others)."""
    exact, folded = _words(text)
    return _token_spans(text), exact, folded


def pieces(text: str) -> list[tuple[str, bool]]:
    """A text cut for comparing wordings: (piece, is_word) for its words (syllables in a script written without
    spaces, such as Lao) and for the runs between them (spaces, punctuation), in order. The cut is by script, so
    a number or a Latin name inside a Lao text is a word too. The pieces joined give normalize(text)."""
    text = normalize(text)
    out, at = [], 0
    for a, b in _token_spans(text):
        if a > at:
            out.append((text[at:a], False))
        out.append((text[a:b], True))
        at = b
    if at < len(text):
        out.append((text[at:], False))
    return out


def terms(text: str, kind: str) -> list[str]:
    """The terms one of the chains below produces from a normalized text, without Token objects: the
    indexing fast path (documents are normalized once, when they are read, and normalizing is
    idempotent, so the chains' own normalizing would change nothing).
    kind: exact, folded, accented, exact_bigrams, folded_bigrams or accented_bigrams."""
    exact, folded = _words(text)
    base, _, pairs = kind.partition("_")
    if base == "accented":
        if pairs:
            return [f"{a} {b}" for a, b, fa, fb in zip(exact, exact[1:], folded, folded[1:]) if a != fa or b != fb]
        return [w for w, f in zip(exact, folded) if w != f]
    words = folded if base == "folded" else exact
    return [f"{a} {b}" for a, b in zip(words, words[1:])] if pairs else list(words)


CHAINS = {"exact": EXACT, "folded": FOLDED, "accented": ACCENTED, "exact_bigrams": EXACT_BIGRAMS,
          "folded_bigrams": FOLDED_BIGRAMS, "accented_bigrams": ACCENTED_BIGRAMS}


def tokens(text: str, analyzer=EXACT) -> list[str]:
    return [t.text for t in analyzer(text)]
