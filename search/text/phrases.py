"""Runs of tokens looked up in a table of phrases, longest first: synonyms, glossary terms, translations."""
from __future__ import annotations

from typing import Callable, TypeVar

from search.text.analysis import word_spans
from search.text.languages import normalize

V = TypeVar("V")
MAX_PHRASE = 8  # tokens in the longest phrase a query is searched for


def longest_matches(toks: list[str], table: dict[tuple[str, ...], V], longest: int,
                    accept: Callable[[int, int, V], bool] | None = None) -> list[tuple[int, int, V]]:
    """(start, end, value) of each run of toks that table holds, left to right, never overlapping. At each
    position the longest run wins that table holds and accept(start, end, value), when given, allows."""
    out, i = [], 0
    while i < len(toks):
        for j in range(min(len(toks), i + longest), i, -1):
            key = tuple(toks[i:j])
            if key in table and (accept is None or accept(i, j, table[key])):
                out.append((i, j, table[key]))
                i = j
                break
        else:
            i += 1
    return out


class TermFinder:
    """Term forms of one language (term id → forms), matched by their exact lowercase syllables."""

    def __init__(self, forms: dict[str, list[str]]):
        self.runs: dict[tuple[str, ...], str] = {}
        for term_id, texts in forms.items():
            for text in texts:
                key = tuple(word_spans(normalize(text))[1])
                if key:
                    self.runs.setdefault(key, term_id)
        self.longest = max(map(len, self.runs), default=0)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term id) of each term in an already normalized text, left to right."""
        spans, exact, _ = word_spans(text)

        def together(i: int, j: int, _) -> bool:
            # Syllables of one term stand together: only spaces between them, no punctuation.
            return all(not text[spans[k][1]:spans[k + 1][0]].strip() for k in range(i, j - 1))
        return [(spans[i][0], spans[j - 1][1], term_id)
                for i, j, term_id in longest_matches(exact, self.runs, self.longest, together)]
