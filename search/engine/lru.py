"""A thread-safe map that drops its least recently used entries first, bounded by their total weight."""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Generic, Hashable, TypeVar

V = TypeVar("V")


class Lru(Generic[V]):
    """Entries weigh what add() says (1 each by default); past the limit, the least recently used go,
    but never the last one left. Counts the look-ups that found an entry (hits) and that did not."""

    def __init__(self, limit: int):
        self.limit = limit
        self.held = 0
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self.hits += 1
            self._entries.move_to_end(key)
            return found[0]

    def add(self, key: Hashable, value: V, weight: int = 1) -> V:
        """Keeps value under key, unless another thread kept one meanwhile: returns the one kept."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                return found[0]
            self._entries[key] = (value, weight)
            self.held += weight
            while self.held > self.limit and len(self._entries) > 1:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.held -= dropped
            return value
