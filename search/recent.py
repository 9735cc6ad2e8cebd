"""Recent results of one index generation, by query and parameters: a repeated search is a look-up."""
from __future__ import annotations

import copy
import dataclasses
import threading
from collections import OrderedDict

RECENT_HITS = 3000  # hits held in cached results, all entries together (each holds its stored document)


class RecentResults:
    """A least-recently-used map from a search's key to its results, bounded by the hits it holds.

    Lives in one index generation, so a new generation starts empty: nothing stale is ever served.
    Callers get copies of the results and their hits (the stored documents in them are shared, read-only)."""

    def __init__(self, hits: int = RECENT_HITS):
        self.limit = hits
        self._entries: OrderedDict[tuple, tuple[object, int]] = OrderedDict()
        self._held = 0
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()

    def get(self, key: tuple):
        if not self.limit:
            return None
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
        return _copy(found[0])

    def put(self, key: tuple, results) -> None:
        weight = max(1, len(results.hits))
        if weight > self.limit:
            return
        kept = _copy(results)
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._held -= old[1]
            self._entries[key] = (kept, weight)
            self._held += weight
            while self._held > self.limit:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._held -= dropped

    def info(self) -> dict:
        with self._lock:
            return {"hits": self.hits, "misses": self.misses, "entries": len(self._entries), "held_hits": self._held,
                    "limit_hits": self.limit}


def _copy(results):
    return dataclasses.replace(results, hits=[copy.copy(h) for h in results.hits],
                               facets={name: list(values) for name, values in results.facets.items()})
