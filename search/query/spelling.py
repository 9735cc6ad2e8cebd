"""'Did you mean': bounded edit-distance corrections over the index's own vocabulary."""
from __future__ import annotations

from collections import defaultdict

from search.text.languages import fold

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


def _slip(typed: str, word: str) -> bool:
    """Whether typing word with one letter left out, or two neighbouring letters swapped, gives typed."""
    if len(word) == len(typed) + 1:
        return any(word[:i] + word[i + 1:] == typed for i in range(len(word)))
    if len(word) == len(typed):
        diff = [i for i, (a, b) in enumerate(zip(typed, word)) if a != b]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and typed[diff[0]] == word[diff[1]] and typed[diff[1]] == word[diff[0]]
    return False


def _signature(word: str) -> int:
    """The characters of a word, hashed into 64 bits. One edit changes at most two characters' presence,
    and a bit differs only if some character's presence does: so words whose signatures differ in more
    than 2 * k bits are more than k edits apart."""
    out = 0
    for ch in set(word):
        out |= 1 << (ord(ch) & 63)
    return out


class Speller:
    """Vocabulary of folded terms with their frequencies and their most common written form."""

    def __init__(self, folded_terms: dict[str, int], accented_terms: dict[str, int]):
        """folded_terms: every folded word and its document frequency; accented_terms: the written
        forms that folding changes ('bảo'), so a correction is offered with its accents."""
        self.freq: dict[str, int] = {t: df for t, df in folded_terms.items() if t and " " not in t}
        # The most frequent accented form of a word, when it is more frequent than the word written
        # without accents ('bao' → 'bảo', but 'tra' stays 'tra': thanh tra outnumbers trả).
        self.written: dict[str, tuple[int, str]] = {}
        accented_total: dict[str, int] = defaultdict(int)
        for term, df in accented_terms.items():
            folded = fold(term)
            if " " not in term and folded in self.freq:
                accented_total[folded] += df
                if df > self.written.get(folded, (0, ""))[0]:
                    self.written[folded] = (df, term)
        for folded, (df, _) in list(self.written.items()):
            if df <= self.freq[folded] - accented_total[folded]:
                del self.written[folded]
        self.by_length: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for term in self.freq:
            self.by_length[len(term)].append((term, _signature(term)))

    def correct(self, folded: str, slips_only: bool = False) -> str | None:
        """The nearest known word; slips_only: only one that a letter left out or two letters swapped
        would have made into this one."""
        if len(folded) < 3 or folded.isdigit():
            return None
        limit = 1 if len(folded) <= 5 else 2
        best = None
        mine = _signature(folded)
        for length in range(len(folded) - limit, len(folded) + limit + 1):
            for cand, theirs in self.by_length.get(length, ()):
                if (mine ^ theirs).bit_count() > 2 * limit:
                    continue  # certainly more than limit edits apart (see _signature)
                if slips_only and not _slip(folded, cand):
                    continue
                d = distance(folded, cand, limit)
                # Nearest first, then the same first letter (typos rarely hit it), then the most frequent.
                rank = (d, cand[0] != folded[0], -self.freq[cand])
                if d <= limit and (best is None or rank < best[0]):
                    best = (rank, cand)
        return self.written.get(best[1], (0, best[1]))[1] if best else None
