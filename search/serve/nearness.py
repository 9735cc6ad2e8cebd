"""How many of a question's words one stretch of a unit has: words close together answer, words scattered over a long text do not."""
from __future__ import annotations

from collections.abc import Sequence

WINDOW = 40  # words (Lao: syllables) of text a sentence or two of an answer spans
# A syllable the query has next to another ('công ty', 'ບໍລິ ສັດ') found without that neighbour ('tỷ lệ')
# is most often another word: it counts this share.
ALONE = 0.3


def credits(words: Sequence[str], weight: dict[str, float], pairs: frozenset[tuple[str, str]],
             paired: frozenset[str]) -> list[tuple[int, str, bool]]:
    """The query words of a text in order: (position, word, whether it stands next to a query neighbour)."""
    out, n = [], len(words)
    for i, w in enumerate(words):
        if w not in weight:
            continue
        attested = w not in paired or (i > 0 and (words[i - 1], w) in pairs) or (i + 1 < n and (w, words[i + 1]) in pairs)
        out.append((i, w, attested))
    return out


def _value(weight: float, seen: list[int]) -> float:
    return weight if seen[0] else weight * ALONE if seen[1] else 0.0


def nearest(words: Sequence[str], weight: dict[str, float], pairs: frozenset[tuple[str, str]] = frozenset(),
            heading: Sequence[str] = (), window: int = WINDOW) -> float:
    """The largest weight of distinct query words that any WINDOW consecutive words of a text hold
    (words: the text's folded words, in order; pairs: the query's neighbouring words), the heading's
    query words counting in every window: a heading speaks for the whole unit."""
    paired = frozenset(w for pair in pairs for w in pair)
    return nearest_hits(credits(words, weight, pairs, paired), weight, credits(heading, weight, pairs, paired), window)


def found_at(found: Sequence[tuple[int, int, str]], gaps: Sequence[bool], scale: float,
             pairs: frozenset[tuple[str, str]], paired: frozenset[str]) -> list[tuple[int, str, bool]]:
    """nearest_hits()'s hits from query words found in a text without tokenizing it: (start, end,
    word) in order, whether no other word stands between each and the next (gaps), and the text's words
    per character (scale), which turns a start into the word's approximate position. paired: the words
    of the pairs."""
    out = []
    for k, (start, _, w) in enumerate(found):
        attested = (w not in paired or (k > 0 and gaps[k - 1] and (found[k - 1][2], w) in pairs)
                    or (k + 1 < len(found) and gaps[k] and (w, found[k + 1][2]) in pairs))
        out.append((int(start * scale), w, attested))
    return out


def nearest_hits(hits: list[tuple[int, str, bool]], weight: dict[str, float],
                 heading: list[tuple[int, str, bool]] = (), window: int = WINDOW) -> float:
    """nearest() from the query words of a text and of its heading: (position, word, whether it stands
    next to a query neighbour), in order."""
    head: dict[str, float] = {}
    for _, w, attested in heading:
        head[w] = max(head.get(w, 0.0), weight[w] if attested else weight[w] * ALONE)
    base = sum(head.values())
    best, total, first = 0.0, 0.0, 0
    inside: dict[str, list[int]] = {}  # word → [attested, alone] occurrences in the window

    def gain(w: str) -> float:  # what the word adds beyond the heading
        return max(0.0, _value(weight[w], inside[w]) - head.get(w, 0.0))

    for i, w, attested in hits:
        seen = inside.setdefault(w, [0, 0])
        before = gain(w)
        seen[0 if attested else 1] += 1
        total += gain(w) - before
        while hits[first][0] <= i - window:
            _, old, was = hits[first]
            before = gain(old)
            inside[old][0 if was else 1] -= 1
            total += gain(old) - before
            first += 1
        best = max(best, total)
    return base + best
