"""Prefix suggestions for a search box: titles, numbers and glossary terms, found by bisection."""
from __future__ import annotations

import bisect

from search.text.analysis import FOLDED
from search.text.languages import match_key as _key
from search.records import SuggestionRecord

MAX_SCAN = 400


class Suggester:
    def __init__(self, entries: list[SuggestionRecord]):
        self.entries = entries
        keys = []
        for i, entry in enumerate(entries):
            key = _key(entry.text)
            starts = {0} | {t.startchar for t in FOLDED(entry.text, chars=True)}
            # Offsets from the folded key match the text's, since folding keeps lengths.
            keys.extend((key[s:], i) for s in sorted(starts)[:16] if s < len(key))
        keys.sort()
        self.keys = keys

    def suggest(self, prefix: str, lang: str | None, limit: int = 8) -> list[SuggestionRecord]:
        key = _key(prefix.strip())
        if not key:
            return []
        at = bisect.bisect_left(self.keys, (key, -1))
        found: dict[int, tuple] = {}
        for k, i in self.keys[at:at + MAX_SCAN]:
            if not k.startswith(key):
                break
            entry = self.entries[i]
            if lang and entry.lang != lang:
                continue
            whole = _key(entry.text).startswith(key)
            rank = (not whole, entry.kind != "number", len(entry.text))
            if i not in found or rank < found[i]:
                found[i] = rank
        ordered = sorted(found, key=lambda i: found[i])
        seen, out = set(), []
        for i in ordered:
            entry = self.entries[i]
            if (entry.text, entry.lang) not in seen:
                seen.add((entry.text, entry.lang))
                out.append(entry)
            if len(out) >= limit:
                break
        return out
