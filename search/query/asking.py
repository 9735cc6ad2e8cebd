"""Question and filler words found in a query ('bao nhiêu', 'ມີຫຍັງແດ່'): they rank a little, never required."""
from __future__ import annotations

from search.text.analysis import word_spans
from search.text.languages import all_languages, normalize
from search.text.phrases import longest_matches


def _table(phrases) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Folded tokens of each phrase → its exact tokens (accents decide whether an accented query matches)."""
    out = {}
    for phrase in phrases:
        _, exact, folded = word_spans(normalize(phrase.lower()))
        if folded:
            out[tuple(folded)] = tuple(exact)
    return out


_QUESTIONS = _table(p for lang in all_languages() for p in lang.question_words)
_CLOSING = _table(p for lang in all_languages() for p in lang.closing_words)
_TERM_QUESTIONS = _table(p for lang in all_languages() for p in lang.term_question_words)
_LONGEST = max(map(len, [*_QUESTIONS, *_TERM_QUESTIONS, ()]))


def _matches(exact: list[str], folded: list[str], table) -> list[tuple[int, int, tuple[str, ...]]]:
    def same(i: int, j: int, written: tuple[str, ...]) -> bool:
        # A word typed with accents matches only the same accents; one typed without matches any.
        return all(exact[k] == w or exact[k] == folded[k] for k, w in zip(range(i, j), written))
    return longest_matches(folded, table, _LONGEST, same)


def asking_words(text: str) -> tuple[frozenset[str], bool]:
    """The folded words of a query that only ask (every time they occur), and whether the query asks
    for a term or its translation ('truy thu tiếng Lào là gì')."""
    _, exact, folded = word_spans(normalize(text))
    asking: set[int] = set()
    for start, end, _ in _matches(exact, folded, _QUESTIONS):
        asking.update(range(start, end))
    if folded and _matches(exact[-1:], folded[-1:], _CLOSING):
        asking.add(len(folded) - 1)
    term = _matches(exact, folded, _TERM_QUESTIONS)
    for start, end, _ in term:  # 'tiếng Lào' asks for the term: documents need not say it
        asking.update(range(start, end))
    content = {w for i, w in enumerate(folded) if i not in asking}
    term_question = bool(term)
    return frozenset(folded[i] for i in asking) - content, term_question
