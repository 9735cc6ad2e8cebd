"""A document's units as stored: their outline, and their texts each compressed on its own, so a search
reads only the units it scores."""
from __future__ import annotations

import zlib
from array import array

from search.text.analysis import lower
from search.text.languages import fold

_OFFSET = "I"  # unsigned 32-bit offsets: a document's compressed units stay far below 4 GB


def outline(units: list[tuple], words: list[int] | None = None) -> list[tuple]:
    """Per unit (anchor, heading, text[, valid_from, valid_to]): its anchor, heading, length in
    characters, heading lowercased and folded (what the scoring compares), number of words (None when
    the caller has not counted them), and days if it has them."""
    words = words if words is not None else [None] * len(units)
    return [(u[0], u[1], len(u[2]), fold(lower(u[1])) if u[1] else "", n, *u[3:]) for u, n in zip(units, words)]


def pack(texts: list[str]) -> bytes:
    """The texts, in order: their count, the offset of each compressed text, then the texts."""
    blobs = [zlib.compress(t.encode("utf-8"), 6) for t in texts]
    offsets, at = array(_OFFSET, [len(blobs)]), 0
    for blob in blobs:
        offsets.append(at)
        at += len(blob)
    offsets.append(at)
    return offsets.tobytes() + b"".join(blobs)


class UnitTexts:
    """The texts of pack(), each decompressed when first asked for (a law of 400 articles answers a
    question from a handful of them)."""

    __slots__ = ("_data", "_offsets", "_start")

    def __init__(self, data: bytes):
        size = array(_OFFSET).itemsize
        count = array(_OFFSET, data[:size])[0] if data else 0
        self._offsets = array(_OFFSET, data[size:size * (count + 2)]) if data else array(_OFFSET, [0])
        self._start, self._data = size * (count + 2), memoryview(data)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> str:
        if not 0 <= i < len(self):
            raise IndexError(i)
        a, b = self._offsets[i] + self._start, self._offsets[i + 1] + self._start
        return zlib.decompress(self._data[a:b]).decode("utf-8")

    @property
    def nbytes(self) -> int:
        return len(self._data)
