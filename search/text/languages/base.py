"""The interface every language module implements."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator


class UnknownLanguage(ValueError):
    """A language code that no module is registered for."""

    def __init__(self, code: str, known: tuple[str, ...]):
        super().__init__(f"unknown language {code!r} (known: {', '.join(known)})")
        self.code = code


@dataclass(frozen=True)
class OfficialWords:
    """How an official document of one language is laid out, for importing it (regexes on normalized text).

    motto: lines of the national motto. number: the label before the document number.
    dated: the place-and-date line, groups place (optional), day, month, year; months: month names.
    types: the type word of a title ('quyết định') → (content type, how a title names it).
    basis: a legal-basis paragraph. signer: a title line of the signature block; signed: a "(signed)"
    mark; recipients: the heading of the distribution list. clause: a clause written with its word.
    legacy_fonts: fonts that drew this script on Latin code points before Unicode.
    """

    motto: tuple[str, ...]
    number: str
    dated: str
    types: dict[str, tuple[str, str]]
    basis: str
    signer: str
    signed: str
    recipients: str
    clause: str
    months: dict[str, int] = field(default_factory=dict)
    legacy_fonts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Language:
    """What search needs to know about one language.

    normalize: storage normalization (may change length; idempotent; touches only its own conventions).
    fold: same-length-or-shorter folding of one lowercased token for the folded fields.
    script: a regex character class of the script this language segments itself, or None.
    segment: splits one run of that script into (start, end) spans; never drops a character.
    number_words: words people type for a document type, mapped to the number's abbreviation part.
    function_words: folded tokens a query may contain that a matching document need not.
    letters: a regex character class of the letters that mark text as written in this language.
    question_words: phrases of asking and filler ('bao nhiêu', 'ມີຫຍັງແດ່'), written with their accents:
        a query's words that match one rank a little and are never required.
    closing_words: words that ask only at the end of a query ('không' in '… có được hưởng không').
    term_question_words: phrases that ask for a term or its translation ('tiếng Lào', 'ພາສາລາວ'): only
        such a query wants a glossary page first.
    is_word: whether a lowercased token is a well-formed word of the language (a spelling correction is
        offered only for tokens that are not).
    digits: the language's own digits for 0 to 9, when it has them: every comparison reads them as 0–9.
    unit_words: the words a legal unit's heading starts with before its number, per kind of unit (part,
        chapter, section, article, step): 'Điều 5', 'ມາດຕາ 5', 'Chương II'.
    alphabet: the letters a glossary's index is filed under, in the language's order.
    initial: the letter of the alphabet a term is filed under, or "" when none is.
    """

    code: str
    name: str
    normalize: Callable[[str], str]
    fold: Callable[[str], str]
    script: str | None = None
    segment: Callable[[str], Iterator[tuple[int, int]]] | None = None
    number_words: dict[str, str] = field(default_factory=dict)
    issuer_aliases: dict[str, str] = field(default_factory=dict)
    folds: bool = True  # False when fold is the identity (skipped on the hot path)
    function_words: frozenset[str] = frozenset()  # help ranking, never required ('của', 'ຂອງ')
    letters: str | None = None
    question_words: tuple[str, ...] = ()
    closing_words: tuple[str, ...] = ()
    term_question_words: tuple[str, ...] = ()
    is_word: Callable[[str], bool] = lambda token: True
    slug_folds: bool = True  # False when folding would change anchors written in this language
    official: OfficialWords | None = None  # for importing official documents (kb import)
    digits: str = ""
    unit_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    alphabet: str = ""
    initial: Callable[[str], str] = lambda term: ""
