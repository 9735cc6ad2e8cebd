"""Headings → language-neutral anchors for legal units (ch-1, ch-1-sec-2, art-5, art-5-1-a, step-2)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from search.text.languages import normalize, slugify

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


def classify(level: int, raw_text: str) -> Heading:
    custom = CUSTOM_ID.search(raw_text)
    text = raw_text[: custom.start()] if custom else raw_text
    text = text.strip()
    canonical = normalize(text)  # NFD input, ຫມ for ໝ and the like name the same unit
    for kind, pattern in _KINDS:
        m = pattern.match(canonical)
        if m and (kind in ("article", "step") or m.group("num").isdecimal() or
                  re.fullmatch(r"[IVXLCDM]+", m.group("num"))):
            return Heading(level, text, kind, to_number(m.group("num")), custom.group("id") if custom else None)
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
