"""Headings → language-neutral anchors for legal units (ch-1, ch-1-sec-2, art-5, art-5-1-a, step-2)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from search import CODES, get_language, normalize, slugify

# Kinds of legal unit, outermost first. A heading starts with one of the kind's words in any language we
# publish (each language module declares its unit_words), then its number: parts, chapters and sections
# are numbered in Roman or Arabic numerals, articles and steps in Arabic ones (or Lao digits).
KINDS = ("part", "chapter", "section", "article", "step")
UNIT_KINDS = ("article", "step")
_ROMAN_OR_ARABIC = r"(?P<num>[IVXLCDM]+|\d+)\b"
_ARABIC = r"(?P<num>\d+)(?![\w])"


def _words(kind: str) -> str:
    """The heading words of a kind of unit in every language, as one alternation (longest first)."""
    words = {w for code in CODES for w in get_language(code).unit_words.get(kind, ())}
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w)))
    return "|".join(escaped) or "(?!)"  # no language has such units: no heading is one


_KINDS = [(kind, re.compile(rf"^(?:{_words(kind)})\s*{_ARABIC if kind in UNIT_KINDS else _ROMAN_OR_ARABIC}", re.I))
          for kind in KINDS]
CUSTOM_ID = re.compile(r"\s*\{#(?P<id>[A-Za-z0-9][\w-]*)\}\s*$")
POINT = re.compile(r"^(?P<letter>[a-zđ])\)\s")
# An article heading written as a paragraph inside another article ("Điều 115. …" absorbed by Điều 114
# in a converted text): the label, its number and a full stop or colon.
_MERGED_ARTICLE = re.compile(rf"^(?:{_words('article')})\s*(?P<num>\d+)\s*[.:]", re.I)
_OPENING_QUOTES, _CLOSING_QUOTES = "“«", "”»"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(text: str) -> int:
    total = 0
    for a, b in zip(text, text[1:] + " "):
        va, vb = _ROMAN[a], _ROMAN.get(b, 0)
        total += -va if va < vb else va
    return total


def to_number(raw: str) -> int:
    """Arabic, Lao (໗) or Roman (VII) numerals."""
    return int(raw) if raw.isdecimal() else roman_to_int(raw.upper())


@dataclass
class Heading:
    level: int
    text: str
    kind: str  # part, chapter, section, article, step or other
    number: int | None
    custom_id: str | None
    label_end: int = 0  # where the unit's label ("Điều 5") ends in the normalized text


def classify(level: int, raw_text: str) -> Heading:
    custom = CUSTOM_ID.search(raw_text)
    text = raw_text[: custom.start()] if custom else raw_text
    text = text.strip()
    canonical = normalize(text)  # NFD input, ຫມ for ໝ and the like name the same unit
    for kind, pattern in _KINDS:
        m = pattern.match(canonical)
        if m and (kind in UNIT_KINDS or m.group("num").isdecimal() or
                  re.fullmatch(r"[IVXLCDM]+", m.group("num"))):
            return Heading(level, text, kind, to_number(m.group("num")), custom.group("id") if custom else None,
                           m.end())
    return Heading(level, text, "other", None, custom.group("id") if custom else None)


class AnchorPlanner:
    """Gives each heading of one document its anchor, in order; reports duplicates."""

    def __init__(self, headings: list[Heading]):
        kinds = {h.kind for h in headings}
        self.part_prefix = "part" if "chapter" in kinds else "ch"
        self.chapter = ""
        self.used: dict[str, int] = {}

    def anchor(self, h: Heading) -> tuple[str, bool]:
        """Returns (anchor, fixed): fixed anchors are legal units or custom ids and may not repeat."""
        if h.custom_id:
            return h.custom_id, True
        if h.kind == "part":
            anchor = f"{self.part_prefix}-{h.number}"
            if self.part_prefix == "ch":
                self.chapter = anchor
            return anchor, True
        if h.kind == "chapter":
            self.chapter = f"ch-{h.number}"
            return self.chapter, True
        if h.kind == "section":
            return (f"{self.chapter}-sec-{h.number}" if self.chapter else f"sec-{h.number}"), True
        if h.kind == "article":
            return f"art-{h.number}", True
        if h.kind == "step":
            return f"step-{h.number}", True
        base = slugify(h.text) or "section"
        anchor, n = base, 2
        while anchor in self.used:
            anchor, n = f"{base}-{n}", n + 1
        return anchor, False


def merged_article(text: str) -> int | None:
    """The number of an article whose heading is written as a paragraph ("Điều 115. Tên điều"), else None."""
    m = _MERGED_ARTICLE.match(normalize(text.strip()))
    return to_number(m.group("num")) if m else None


def opens_quote(text: str) -> bool:
    """True when a block starts a quotation it does not close (an amending article quoting the clauses it
    inserts into another law: '"1. …' … '… 2. …".'): the blocks up to the closing mark are quoted text."""
    text = text.lstrip()
    return bool(text) and text[0] in _OPENING_QUOTES + '"' and still_quoting(text, False)


def still_quoting(text: str, quoting: bool) -> bool:
    """Whether a quotation is still open after this block, given whether one was open before it."""
    depth = 1 if quoting else 0
    for ch in text:
        if ch in _OPENING_QUOTES:
            depth += 1
        elif ch in _CLOSING_QUOTES:
            depth = max(depth - 1, 0)
        elif ch == '"':
            depth = depth - 1 if depth else 1
    return depth > 0
