"""How much of a query the topics a document is tagged with name: a topic's own documents rank above those that only mention it."""
from __future__ import annotations

from functools import lru_cache

from search.text.analysis import FOLDED, tokens

# A document's score is scaled by 1 + TOPIC_SHARE * the share of the query's words its tags name.
TOPIC_SHARE = 0.5
COVER_POWER = 3


@lru_cache(maxsize=4096)
def _words(tag: str) -> frozenset[str]:
    return frozenset(tokens(tag, FOLDED))


def covered(tags: tuple[str, ...], asked: dict[str, float]) -> float:
    """The largest share of the query's content words (asked: each with its weight, rarer words
    weighing more) one of the document's tags names: a tag counts when all its words are in the query
    ('tổ chức bộ máy' for 'tổ chức bộ máy bảo hiểm xã hội') or the query is all inside the tag
    ('thanh tra' for 'thanh tra chuyên ngành')."""
    total = sum(asked.values())
    if not total:
        return 0.0
    words_asked = asked.keys()
    best = 0.0
    for tag in tags:
        words = _words(tag)
        if words and (words <= words_asked or words >= words_asked):
            best = max(best, sum(asked[w] for w in words & words_asked))
    return best / total


def factor(tags: tuple[str, ...], asked: dict[str, float]) -> float:
    """A document's score factor by what its tags name of the query."""
    return 1 + TOPIC_SHARE * covered(tags, asked) ** COVER_POWER
