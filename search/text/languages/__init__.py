"""The language registry: one module per language; an unknown code is an error, never a fallback."""
from __future__ import annotations

import re

from . import lo, vi
from .base import Language, OfficialWords, UnknownLanguage

_REGISTRY: dict[str, Language] = {m.LANGUAGE.code: m.LANGUAGE for m in (vi, lo)}
CODES: tuple[str, ...] = tuple(_REGISTRY)


# The characters of the scripts their languages segment themselves (no spaces between words), for use
# inside a regex character class.
UNSPACED: str = "".join(lang.script[1:-1] for lang in _REGISTRY.values() if lang.script)
# Every language's own digits → 0-9.
DIGITS: dict[int, str] = {ord(d): str(i) for lang in _REGISTRY.values() for i, d in enumerate(lang.digits)}

FUNCTION_WORDS: frozenset[str] = frozenset().union(*(lang.function_words for lang in _REGISTRY.values()))


def get_language(code: str) -> Language:
    try:
        return _REGISTRY[code]
    except KeyError:
        raise UnknownLanguage(code, CODES) from None


def all_languages() -> tuple[Language, ...]:
    return tuple(_REGISTRY.values())


# Zero-width characters, the byte-order mark and the soft hyphen: they hide letters from each other
# (ຫ\u200bນ, ho\u00adà), so they go before any language's rules see the text, and stay gone.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def normalize(text: str) -> str:
    """Storage normalization of any text: every language applies its own rules to its own script.
    Idempotent: normalizing normalized text changes nothing, so stored text can be analyzed as it is."""
    text = _INVISIBLE.sub("", text)
    for lang in _REGISTRY.values():
        text = lang.normalize(text)
    return text


_FOLDS = tuple(lang.fold for lang in _REGISTRY.values() if lang.folds)


def fold(token: str) -> str:
    for folder in _FOLDS:
        token = folder(token)
    return token


def is_word(token: str) -> bool:
    """Whether a lowercased token is well formed in every language whose script it uses."""
    return all(lang.is_word(token) for lang in _REGISTRY.values())


def match_key(text: str) -> str:
    """Text as comparisons see it: normalized, lowercased and folded (for filters and prefix matching)."""
    return fold(normalize(text).lower())


_LETTERS = tuple((lang.code, re.compile(lang.letters)) for lang in _REGISTRY.values() if lang.letters)


def detect(text: str) -> str | None:
    """The language whose letters the text uses most, or None for text without letters (a bare number)."""
    counts = [(len(pattern.findall(text)), code) for code, pattern in _LETTERS]
    best = max(counts, default=(0, None))
    return best[1] if best[0] else None


_SLUG_DROP = re.compile(f"[^\\w\u0300-\u036f{UNSPACED}]+")


_SLUG_FOLDS = tuple(lang.fold for lang in _REGISTRY.values() if lang.folds and lang.slug_folds)


def slugify(text: str) -> str:
    """A readable URL fragment: folded, lowercased, words joined by '-'; other scripts kept as written."""
    text = normalize(text).lower()
    for folder in _SLUG_FOLDS:
        text = folder(text)
    return _SLUG_DROP.sub("-", text).strip("-_")


__all__ = ["Language", "OfficialWords", "UnknownLanguage", "CODES", "UNSPACED", "DIGITS", "get_language", "all_languages", "normalize", "fold", "slugify", "match_key", "detect", "is_word"]
