"""Document numbers (216/QĐ-BHXH, 58/2014/QH13, 54/ສພຊ): detection, canonical key and parts."""
from __future__ import annotations

import re
from functools import lru_cache

from search.text.analysis import lower
from search.text.languages import UNSPACED, all_languages, fold, normalize

_DASHES = re.compile("[‐‑‒–—―−]")
_W = rf"[^\W_]|[\u0300-\u036f{UNSPACED}]"  # a letter, digit or mark of any language
_SEG = rf"(?:{_W})(?:{_W}|\.)*"
NUMBER_RE = re.compile(rf"(?<![\w/])(\d{{1,6}})((?:[ \t]?/[ \t]?{_SEG}(?:[ \t]?-[ \t]?{_SEG})*)+)")
_SPACES = re.compile(r"\s+")


def _prepare(text: str, normalized: bool = False) -> str:
    return fold(lower(_DASHES.sub("-", text if normalized else normalize(text))))


def _aliases() -> dict[str, str]:
    return {k: v for lang in all_languages() for k, v in lang.issuer_aliases.items()}


def canonical(raw: str) -> str:
    """The key every written form of one number shares: '216 / QĐ – BHXH' → '216/qd-bhxh'."""
    text = _SPACES.sub("", _prepare(raw)).strip(".")
    aliases = _aliases()
    segments = re.split(r"([/-])", text)
    out = []
    for seg in segments:
        if seg.isdigit():
            seg = seg.lstrip("0") or "0"
        out.append(aliases.get(seg, seg))
    return "".join(out)


def parts(key: str) -> list[str]:
    return [p for p in re.split(r"[/-]", key) if p]


def find_numbers(text: str, normalized: bool = False) -> list[str]:
    """Canonical keys of every document number written in a text, in order, without repeats.
    normalized: the text is stored text, normalized already (normalizing is idempotent)."""
    keys: list[str] = []
    for m in NUMBER_RE.finditer(_prepare(text, normalized)):
        key = canonical(m.group(0))
        if key not in keys and not re.fullmatch(r"[\d/.-]+", key):  # dates like 12/5/2025 are not numbers
            keys.append(key)
    return keys


def number_words() -> list[tuple[str, str]]:
    """Folded type words people type before a number ('quyet dinh' → 'qd'), longest first."""
    pairs = {(_prepare(word), canonical(abbr)) for lang in all_languages() for word, abbr in lang.number_words.items()}
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def _glued() -> tuple[re.Pattern, re.Pattern]:
    """Where a type abbreviation and the number are typed as one word ('qd216', '216QĐ', 'nd12/2022'):
    only known abbreviations are cut off, since others are parts of their own ('QH13')."""
    abbrs = "|".join(sorted({re.escape(abbr) for _, abbr in number_words()}, key=len, reverse=True))
    return (re.compile(rf"(?<![^\W\d_])({abbrs})(?=\d)"), re.compile(rf"(?<=\d)({abbrs})(?![^\W\d_])"))


def query_parts(text: str) -> list[str]:
    """Number parts in a free query ('quyết định 216' → ['qd', '216']); empty when it names no number."""
    prepared = _SPACES.sub(" ", _prepare(text))
    if not re.search(r"\d", prepared):
        return []
    for word, abbr in number_words():
        prepared = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", abbr, prepared)
    before, after = _glued()
    prepared = after.sub(r" \1", before.sub(r"\1 ", prepared))
    tokens = [t for t in re.split(r"[\s/-]+", prepared) if t]
    out = []
    for tok in tokens:
        tok = tok.strip(".,;:()\"'")
        if tok.isdigit():
            tok = tok.lstrip("0") or "0"
        tok = _aliases().get(tok, tok)
        if tok and tok not in out:
            out.append(tok)
    return out


def names_document(plan, number: str) -> bool:
    """Whether a query (a query plan) is nothing but this document number, in any written form
    ('216/QĐ-BHXH', 'qd216', 'quyết định 216')."""
    if not number or not (plan.number_keys or plan.number_parts):
        return False
    key = canonical(number)
    own = set(parts(key))
    if not (key in plan.number_keys or (plan.number_parts and set(plan.number_parts) <= own)):
        return False
    words = {w for word, _ in number_words() for w in word.split()}
    return all(t in own or t in words or set(query_parts(t)) <= own for t in plan.content)
