"""A document's word map: which of its units have each folded word and how often, stored as one string."""
from __future__ import annotations

import zlib
from array import array
from collections import Counter

from search.text.analysis import terms, word_spans

BUCKETS = 64  # a look-up scans one bucket of the map: a 64th of a long law's 100-200 kB
_OFFSET = "I"


def _bucket(word: bytes) -> int:
    return zlib.crc32(word) % BUCKETS


def pack(units: list[tuple[str, str, str]], unit_words: list[tuple[list[str], list[str]]] | None = None) -> bytes:
    """One line per word, `word<TAB>unit:count unit:count…` (count 0: only in the heading), between
    newlines; for each word written with accents, how often in that exact form, on a line of its own
    starting `=` (`=đồng`: the typed accents rank first). The lines are grouped in BUCKETS by a hash of
    the word, after a table of where each bucket starts. unit_words: each unit's folded and exact words
    (analysis.word_spans), when the caller has them."""
    if unit_words is None:
        unit_words = [(folded, exact) for _, exact, folded in (word_spans(unit[2]) for unit in units)]
    where: dict[str, list[str]] = {}
    for i, (unit, (words, exact)) in enumerate(zip(units, unit_words)):
        counts = Counter(words)
        for word in terms(unit[1], "folded"):
            counts.setdefault(word, 0)
        counts.update(f"={e}" for e, f in zip(exact, words) if e != f)
        for word, n in counts.items():
            where.setdefault(word, []).append(f"{i}:{n}")
    buckets: list[list[bytes]] = [[] for _ in range(BUCKETS)]
    for word, at in where.items():
        key = word.encode("utf-8")
        buckets[_bucket(key)].append(b"\n" + key + b"\t" + " ".join(at).encode("ascii"))
    parts = [b"".join(lines) + b"\n" for lines in buckets]
    starts, at = array(_OFFSET), 0
    for part in parts:
        starts.append(at)
        at += len(part)
    starts.append(at)
    return starts.tobytes() + b"".join(parts)


class WordMap:
    """pack()'s map, read a word at a time: a word's look-up finds its line in its bucket."""

    __slots__ = ("_data", "_starts", "_base")

    def __init__(self, data: bytes):
        size = array(_OFFSET).itemsize
        self._starts = array(_OFFSET, data[:size * (BUCKETS + 1)])
        self._base, self._data = size * (BUCKETS + 1), data

    def units(self, word: str) -> dict[int, int]:
        """The units that have the word (folded; `=` and the exact form for accents) → how often."""
        key = b"\n" + word.encode("utf-8") + b"\t"
        bucket = _bucket(key[1:-1])
        start, end = self._base + self._starts[bucket], self._base + self._starts[bucket + 1]
        at = self._data.find(key, start, end)
        if at < 0:
            return {}
        at += len(key)
        found = {}
        for pair in self._data[at:self._data.index(b"\n", at)].split(b" "):
            i, n = pair.split(b":")
            found[int(i)] = int(n)
        return found

    @property
    def nbytes(self) -> int:
        return len(self._data)
