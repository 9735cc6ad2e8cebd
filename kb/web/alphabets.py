"""The letter a term is filed under in each language's alphabet, for the glossary's index.

Vietnamese: the Latin letters with Đ after D (accents do not make other letters here: Ă, Â are under A).
Lao: the initial consonant, in the order of the Lao alphabet; a vowel written before its consonant
(ເ ແ ໂ ໃ ໄ) does not count, and ໜ ໝ (ຫ with ນ, ມ) are under ຫ, like the other ຫ clusters."""
from __future__ import annotations

from search import match_key

VI_ORDER = "ABCDĐEFGHIJKLMNOPQRSTUVWXYZ"
LO_ORDER = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ"
LO_LEADING_VOWELS = "ເແໂໃໄ"
LO_CLUSTERS = {"ໜ": "ຫ", "ໝ": "ຫ"}


def letter(term: str, lang: str) -> str:
    """'đóng bảo hiểm' → 'Đ'; 'ເງິນສົມທົບ' → 'ງ'; '' or a digit → '#'."""
    if lang == "lo":
        for ch in term:
            if ch in LO_LEADING_VOWELS:
                continue
            ch = LO_CLUSTERS.get(ch, ch)
            return ch if ch in LO_ORDER else "#"
        return "#"
    if term[:1] in "đĐ":
        return "Đ"
    key = match_key(term)[:1].upper()
    return key if key in VI_ORDER else "#"


def sort_key(term: str, lang: str) -> tuple[int, str]:
    order = LO_ORDER if lang == "lo" else VI_ORDER
    first = letter(term, lang)
    return (order.index(first) if first in order else -1, match_key(term))
