"""Recent results of one index generation, by query and parameters: a repeated search is a look-up."""
from __future__ import annotations

import copy
import dataclasses

from search.engine.lru import Lru

RECENT_HITS = 3000  # hits held in cached results, all entries together (each holds its stored document)


class RecentResults:
    """A least-recently-used map from a search's key to its results, bounded by the hits it holds.

    Lives in one index generation, so a new generation starts empty: nothing stale is ever served.
    Callers get copies of the results and their hits (the stored documents in them are shared, read-only)."""

    def __init__(self, hits: int = RECENT_HITS):
        self._kept: Lru = Lru(hits)

    def get(self, key: tuple):
        if not self._kept.limit:
            return None
        found = self._kept.get(key)
        return None if found is None else _copy(found)

    def put(self, key: tuple, results) -> None:
        weight = max(1, len(results.hits))
        if weight <= self._kept.limit:
            self._kept.add(key, _copy(results), weight)

    def info(self) -> dict:
        kept = self._kept
        return {"hits": kept.hits, "misses": kept.misses, "entries": len(kept), "held_hits": kept.held,
                "limit_hits": kept.limit}


def _copy(results):
    return dataclasses.replace(results, hits=[copy.copy(h) for h in results.hits],
                               facets={name: list(values) for name, values in results.facets.items()})
