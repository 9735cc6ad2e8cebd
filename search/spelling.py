"""'Did you mean': bounded edit-distance corrections over the index's own vocabulary."""
from __future__ import annotations

from collections import defaultdict

from .languages import fold

MAX_UNKNOWN = 4  # tokens corrected per query: keeps the cost bounded whatever the input


def distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with transpositions; returns limit + 1 once it is certainly above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


class Speller:
    """Vocabulary of folded terms with their frequencies and their most common written form."""

    def __init__(self, folded_terms: dict[str, int], accented_terms: dict[str, int]):
        """folded_terms: every folded word and its document frequency; accented_terms: the written
        forms that folding changes ('bảo'), so a correction is offered with its accents."""
        self.freq: dict[str, int] = {t: df for t, df in folded_terms.items() if t and " " not in t}
        # The most frequent accented form of a word, when it has one ('bao' → 'bảo').
        self.written: dict[str, tuple[int, str]] = {}
        for term, df in accented_terms.items():
            folded = fold(term)
            if " " not in term and folded in self.freq and df > self.written.get(folded, (0, ""))[0]:
                self.written[folded] = (df, term)
        self.by_length: dict[int, list[str]] = defaultdict(list)
        for term in self.freq:
            self.by_length[len(term)].append(term)

    def correct(self, folded: str) -> str | None:
        if len(folded) < 3 or folded.isdigit():
            return None
        limit = 1 if len(folded) <= 5 else 2
        best = None
        for length in range(len(folded) - limit, len(folded) + limit + 1):
            for cand in self.by_length.get(length, ()):
                d = distance(folded, cand, limit)
                # Nearest first, then the same first letter (typos rarely hit it), then the most frequent.
                rank = (d, cand[0] != folded[0], -self.freq[cand])
                if d <= limit and (best is None or rank < best[0]):
                    best = (rank, cand)
        return self.written.get(best[1], (0, best[1]))[1] if best else None
