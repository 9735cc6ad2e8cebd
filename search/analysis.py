"""Module-level, picklable Whoosh tokenizers and filters shared by indexing and querying."""
from __future__ import annotations

import re

from whoosh.analysis import Filter, Token, Tokenizer

from .languages import all_languages, fold, normalize

_DIGITS = {ord(chr(0x0ED0 + i)): str(i) for i in range(10)}  # Lao digits → ASCII, same length


def _run_pattern() -> re.Pattern:
    scripts = [lang.script for lang in all_languages() if lang.script]
    own = "|".join(f"(?P<s{i}>{s}+)" for i, s in enumerate(scripts))
    excluded = "".join(s[1:-1] for s in scripts)
    word = f"(?P<w>(?:[^\\W_{excluded}]|[\u0300-\u036f])+)"
    return re.compile(f"{own}|{word}" if own else word)


class ScriptTokenizer(Tokenizer):
    """Normalizes, then splits: scripts without spaces go to their language's segmenter, others into words."""

    def __init__(self):
        self._re = None

    def __getstate__(self):
        return {}

    def __setstate__(self, state):
        self._re = None

    def __eq__(self, other):
        return type(other) is type(self)

    def _segmenters(self):
        if self._re is None:
            self._re = _run_pattern()
            self._seg = [lang.segment for lang in all_languages() if lang.script]
        return self._re, self._seg

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, mode="", **kwargs):
        pattern, segmenters = self._segmenters()
        text = normalize(value)
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for m in pattern.finditer(text):
            if m.lastgroup == "w":
                spans = [(m.start(), m.end())]
            else:
                base = m.start()
                run = m.group(0)
                spans = [(base + a, base + b) for a, b in segmenters[int(m.lastgroup[1:])](run)]
            for a, b in spans:
                t.text = text[a:b]
                t.boost = 1.0
                t.stopped = False
                if keeporiginal:
                    t.original = t.text
                if positions:
                    t.pos = pos
                    pos += 1
                if chars:
                    t.startchar = start_char + a
                    t.endchar = start_char + b
                yield t


class CaseFilter(Filter):
    """Lowercases and maps Lao digits to ASCII (both keep the token's length)."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = t.text.lower().translate(_DIGITS)
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


EXACT = ScriptTokenizer() | CaseFilter()
FOLDED = ScriptTokenizer() | CaseFilter() | FoldFilter()
EXACT_BIGRAMS = ScriptTokenizer() | CaseFilter() | BigramFilter()
FOLDED_BIGRAMS = ScriptTokenizer() | CaseFilter() | FoldFilter() | BigramFilter()


def tokens(text: str, analyzer=EXACT) -> list[str]:
    return [t.text for t in analyzer(text)]
