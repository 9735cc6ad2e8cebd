"""Finds glossary terms in running text, longest first, on word and syllable boundaries only."""
from __future__ import annotations

from search.text.analysis import word_spans
from search.text.languages import normalize
from search.text.phrases import longest_matches


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
