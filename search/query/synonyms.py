"""Equivalent phrases (an abbreviation and its expansion, spelling variants): longest match first."""
from __future__ import annotations

from search.text.analysis import FOLDED, tokens
from search.text.phrases import MAX_PHRASE, longest_matches


class Synonyms:
    """Maps a run of folded query tokens to the token runs that mean the same."""

    def __init__(self, groups: list[list[str]]):
        self.alternatives: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for group in groups:
            forms = list(dict.fromkeys(tuple(tokens(f, FOLDED)) for f in group))
            forms = [f for f in forms if 0 < len(f) <= MAX_PHRASE]
            for form in forms:
                alts = self.alternatives.setdefault(form, [])
                alts.extend(o for o in forms if o != form and o not in alts)

    def spans(self, toks: list[str]) -> list[tuple[int, int, list[tuple[str, ...]]]]:
        """(start, end, alternatives) for each matched run, left to right, longest first."""
        return longest_matches(toks, self.alternatives, MAX_PHRASE, lambda i, j, alts: bool(alts))
