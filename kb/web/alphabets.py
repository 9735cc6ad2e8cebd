"""The letter a term is filed under in the glossary's index, and the order of the letters: each language's
own (search/text/languages: Đ after D in Vietnamese, a Lao term under its initial consonant)."""
from __future__ import annotations

from search import get_language, match_key

NO_LETTER = "#"  # a term that starts with a digit, a sign or another script


def letter(term: str, lang: str) -> str:
    """'đóng bảo hiểm' → 'Đ'; 'ເງິນສົມທົບ' → 'ງ'; '' or a digit → '#'."""
    return get_language(lang).initial(term) or NO_LETTER


def sort_key(term: str, lang: str) -> tuple[int, str]:
    order = get_language(lang).alphabet
    first = letter(term, lang)
    return (order.index(first) if first in order else -1, match_key(term))
