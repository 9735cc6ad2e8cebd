"""Headings → language-neutral anchors for legal units (ch-1, ch-1-sec-2, art-5, art-5-1-a, step-2)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from search import normalize, slugify

_NUM = r"(?P<num>[IVXLCDM]+|\d+)\b"
# Heading words for legal units, in every language we publish; a heading in any of them is recognised.
_KINDS = [
    ("part", re.compile(rf"^(?:Phần(?:\s+thứ)?|ພາກທີ|ພາກ|Part)\s*{_NUM}", re.I)),
    ("chapter", re.compile(rf"^(?:Chương|ໝວດທີ|ໝວດ|Chapter)\s*{_NUM}", re.I)),
    ("section", re.compile(rf"^(?:Mục|ພາກສ່ວນທີ|ພາກສ່ວນ|Section)\s*{_NUM}", re.I)),
    ("article", re.compile(r"^(?:Điều|ມາດຕາ|Article)\s*(?P<num>\d+)(?![\w])", re.I)),
    ("step", re.compile(r"^(?:Bước|ຂັ້ນຕອນທີ|ຂັ້ນຕອນ|Step)\s*(?P<num>\d+)(?![\w])", re.I)),
]
UNIT_KINDS = ("article", "step")
CUSTOM_ID = re.compile(r"\s*\{#(?P<id>[A-Za-z0-9][\w-]*)\}\s*$")
POINT = re.compile(r"^(?P<letter>[a-zđ])\)\s")
# An article heading written as a paragraph inside another article ("Điều 115. …" absorbed by Điều 114
# in a converted text): the label, its number and a full stop or colon.
_MERGED_ARTICLE = re.compile(r"^(?:Điều|ມາດຕາ|Article)\s*(?P<num>\d+)\s*[.:]", re.I)
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
        if m and (kind in ("article", "step") or m.group("num").isdecimal() or
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
