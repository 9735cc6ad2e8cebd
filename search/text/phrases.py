"""Runs of tokens looked up in a table of phrases, longest first: synonyms, glossary terms, translations."""
from __future__ import annotations

from typing import Callable, TypeVar

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
