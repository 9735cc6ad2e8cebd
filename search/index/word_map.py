"""A document's word map: which of its units have each folded word and how often, stored as one string."""
from __future__ import annotations

import zlib
from array import array
from binascii import a2b_base64, b2a_base64
from collections import Counter

from search.text.analysis import terms, word_spans

BUCKETS = 64  # a look-up scans one bucket of the map: a 64th of a long law's 100-200 kB
_OFFSET = "I"
# Unit numbers and counts as 16-bit numbers (a law has far fewer than 65,536 units; counts are capped
# there), 32-bit for a document with more units; the map's first byte says which.
_SMALL, _LARGE = "H", "I"


def _bucket(word: bytes) -> int:
    return zlib.crc32(word) % BUCKETS


def pack(units: list[tuple[str, str, str]], unit_words: list[tuple[list[str], list[str]]] | None = None) -> bytes:
    """One line per word, `word<TAB>` and its units and counts (count 0: only in the heading) as pairs of
    numbers in base64 (decoded and paired in C, not parsed number by number), between newlines; for
    each word written with accents, how often in that exact form, on a line of its own starting `=`
    (`=đồng`: the typed accents rank first). The lines are grouped in BUCKETS by a hash of
    the word, after a table of where each bucket starts. unit_words: each unit's folded and exact words
    (analysis.word_spans), when the caller has them."""
    if unit_words is None:
        unit_words = [(folded, exact) for _, exact, folded in (word_spans(unit[2]) for unit in units)]
    pair = _SMALL if len(units) <= 65535 else _LARGE
    cap = 2 ** (8 * array(pair).itemsize) - 1
    where: dict[str, array] = {}
    for i, (unit, (words, exact)) in enumerate(zip(units, unit_words)):
        counts = Counter(words)
        for word in terms(unit[1], "folded"):
            counts.setdefault(word, 0)
        counts.update(f"={e}" for e, f in zip(exact, words) if e != f)
        for word, n in counts.items():
            where.setdefault(word, array(pair)).extend((i, min(n, cap)))
    buckets: list[list[bytes]] = [[] for _ in range(BUCKETS)]
    for word, at in where.items():
        key = word.encode("utf-8")
        buckets[_bucket(key)].append(b"\n" + key + b"\t" + b2a_base64(at.tobytes(), newline=False))
    parts = [b"".join(lines) + b"\n" for lines in buckets]
    starts, at = array(_OFFSET), 0
    for part in parts:
        starts.append(at)
        at += len(part)
    starts.append(at)
    return pair.encode("ascii") + starts.tobytes() + b"".join(parts)


class WordMap:
    """pack()'s map, read a word at a time: a word's look-up finds its line in its bucket."""

    __slots__ = ("_base", "_data", "_pair", "_starts")

    def __init__(self, data: bytes):
        size = array(_OFFSET).itemsize
        self._pair = chr(data[0])
        self._starts = array(_OFFSET, data[1:1 + size * (BUCKETS + 1)])
        self._base, self._data = 1 + size * (BUCKETS + 1), data

    def units(self, word: str) -> dict[int, int]:
        """The units that have the word (folded; `=` and the exact form for accents) → how often."""
        key = b"\n" + word.encode("utf-8") + b"\t"
        bucket = _bucket(key[1:-1])
        start, end = self._base + self._starts[bucket], self._base + self._starts[bucket + 1]
        at = self._data.find(key, start, end)
        if at < 0:
            return {}
        at += len(key)
        pairs = array(self._pair, a2b_base64(self._data[at:self._data.index(b"\n", at)]))
        return dict(zip(pairs[::2], pairs[1::2]))

    @property
    def nbytes(self) -> int:
        return len(self._data)
