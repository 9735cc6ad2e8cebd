"""User text → a Whoosh query built in code: quotes make a phrase, -word excludes, the rest is literal."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import query as Q

from search.text.analysis import EXACT, FOLDED, tokens, word_spans
from search.text.languages import FUNCTION_WORDS, fold, normalize
from search.text.numbers import find_numbers, query_parts
from search.query.asking import asking_words
from search.engine.nodes import TreeOr
from search.index.schema import TEXT_FIELDS, field_names

MAX_QUERY_CHARS = 500
MAX_TERMS = 24
QUESTION_WORDS = 6  # content words (Lao: syllables) from which a query is weighed as a question
TITLE_PHRASE_BOOST = 3.0
_PIECES = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass
class QueryPlan:
    text: str
    words: list[str] = field(default_factory=list)  # literal pieces, in order
    phrases: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    exact: list[str] = field(default_factory=list)  # exact tokens of words and phrases
    folded: list[str] = field(default_factory=list)
    number_keys: list[str] = field(default_factory=list)
    number_parts: list[str] = field(default_factory=list)
    # Folded words the query has only inside a longer run of syllables written together (ການ in
    # ການກວດກາ): alone in a text, they are not what was asked for.
    joined: frozenset[str] = frozenset()
    asking: frozenset[str] = frozenset()  # folded words that only ask ('bao nhiêu', 'ຫຍັງແດ່')
    term_question: bool = False  # asks for a term or its translation ('… tiếng Lào là gì')
    on: str = ""  # the day (ISO) whose wording of changed articles is asked for; "" = the wording of today

    @property
    def content(self) -> list[str]:
        """The folded words a document is asked to have: neither function words nor asking words,
        unless the query has nothing else."""
        skip = FUNCTION_WORDS | self.asking
        kept = [t for t in self.folded if t not in skip]
        return kept or [t for t in self.folded if t not in self.asking] or list(self.folded)

    @property
    def question(self) -> bool:
        """Asks, or says enough to be read as a question: its words are weighed where they stand
        together in one stretch of an article, not only one by one."""
        return bool(self.asking) or len(set(self.content)) >= QUESTION_WORDS

    @property
    def empty(self) -> bool:
        return not self.folded and not self.number_keys

    def with_words(self, words: list[str]) -> "QueryPlan":
        """The same query with its words replaced (for 'did you mean')."""
        return plan(" ".join(words + [f'"{p}"' for p in self.phrases] + [f"-{e}" for e in self.excluded]))


def plan(text: str) -> QueryPlan:
    text = text[:MAX_QUERY_CHARS]
    p = QueryPlan(text)
    for m in _PIECES.finditer(text):
        neg, quoted, word = m.group(1), m.group(2), m.group(3)
        if quoted is not None:
            (p.excluded if neg else p.phrases).append(quoted) if quoted.strip() else None
        elif word.startswith("-") and len(word) > 1 and tokens(word[1:], FOLDED):
            p.excluded.append(word[1:])
        else:
            p.words.append(word)
    positive = " ".join(p.words + p.phrases)
    p.exact = _dedupe(tokens(positive, EXACT))[:MAX_TERMS]
    p.folded = _dedupe(tokens(positive, FOLDED))[:MAX_TERMS]
    p.number_keys = find_numbers(positive)
    p.number_parts = query_parts(positive)
    p.joined = _joined(positive)
    p.asking, p.term_question = asking_words(" ".join(p.words))
    return p


def _joined(text: str) -> frozenset[str]:
    inside, alone = set(), set()
    for piece in normalize(text).split():
        spans, _, folded = word_spans(piece)
        together = len(spans) > 1 and all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
        (inside if together else alone).update(folded)
    return frozenset(inside - alone)


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _bigrams(toks: list[str]) -> list[str]:
    return [f"{a} {b}" for a, b in zip(toks, toks[1:])]




def _any_field(names: list[str], term: str, boost: float = 1.0) -> Q.Query:
    return TreeOr([Q.Term(n, term) for n in names], boost=boost)


# The body fields hold all of a document's text: a required word is looked up in one field only.
ALL_FOLDED, ALL_FOLDED_BIGRAMS = "body_f", "body_fbi"


def _run_clause(run: tuple[str, ...]) -> Q.Query:
    """A run of tokens: one token, or every neighbouring pair together."""
    if len(run) == 1:
        return Q.Term(ALL_FOLDED, run[0])
    return Q.And([Q.Term(ALL_FOLDED_BIGRAMS, b) for b in _bigrams(list(run))])


def _required_words(p: QueryPlan, synonyms) -> list[Q.Query]:
    """One clause per query word; a run that has synonyms (BHXH = bảo hiểm xã hội) accepts any of them."""
    spans = synonyms.spans(p.folded) if synonyms else []
    # Function and asking words ('của', 'bao nhiêu', 'ຂອງ') rank but are not required.
    optional = set(p.folded) - set(p.content)
    must, i = [], 0
    for start, end, alts in spans + [(len(p.folded), len(p.folded), [])]:
        must += [Q.Term(ALL_FOLDED, t) for t in p.folded[i:start] if t not in optional]
        if end > start:
            run = tuple(p.folded[start:end])
            must.append(TreeOr([Q.And([Q.Term(ALL_FOLDED, t) for t in run]), *[_run_clause(alt) for alt in alts]]))
        i = end
    return must


def _number_clauses(p: QueryPlan) -> list[Q.Query]:
    number = []
    for key in p.number_keys:
        number.append(Q.Term("number", key))
        number.append(Q.Term("cited", key))
    if len(p.number_parts) > 1:
        number.append(Q.And([Q.Term("numparts", part) for part in p.number_parts]))
    elif p.number_parts:
        number.append(Q.Term("numparts", p.number_parts[0]))
    return number


@dataclass
class Built:
    required: Q.Query  # what a document must match: counts and facets come from this alone
    ranked: Q.Query  # the same documents, scored with every ranking signal
    words: list[Q.Query] = field(default_factory=list)  # one clause per required word (or synonym run)
    accented: list[Q.Query] = field(default_factory=list)  # per accented word typed: that exact form anywhere


def build(p: QueryPlan, conjunctive: bool = True, synonyms=None) -> Built | None:
    """Required: every folded token (or any, when not conjunctive), or the document number.
    Optional, for ranking: the words in titles and headings, exact accents, pairs of words, the number."""
    # A summary says in a sentence what a question asks; the words of a topic or a title, typed
    # without asking, are matched by many summaries that only mention them.
    bases = [base for base in TEXT_FIELDS if base != "about" or p.asking]
    exact_fields = [field_names(base)[0] for base in bases]
    bi_fields = [field_names(base)[1] for base in bases]
    fbi_fields = [field_names(base)[3] for base in bases]
    named_fields = [field_names(base)[2] for base in bases if base != "body"]
    must = _required_words(p, synonyms)
    for phrase in p.phrases:
        # A phrase is every pair of its neighbouring syllables (bigram fields): no positions needed.
        must += [Q.Term(ALL_FOLDED_BIGRAMS, b) for b in _bigrams(tokens(phrase, FOLDED))]
    number = _number_clauses(p)
    if not must and not number:
        return None
    required = (Q.And(must) if conjunctive else TreeOr(must)) if must else None
    if number:
        required = TreeOr([required, *number]) if required is not None else TreeOr(number)
    excluded = [Q.And([Q.Term(ALL_FOLDED, t) for t in tokens(e, FOLDED)]) for e in p.excluded if tokens(e, FOLDED)]
    if excluded:
        required = Q.AndNot(required, TreeOr(excluded))
    accented = [t for t in p.exact if fold(t) != t]  # the accented fields hold nothing else
    optional = [_any_field(named_fields, t) for t in p.folded]
    optional += [_any_field(exact_fields, t) for t in accented]
    if len(p.folded) > 1:
        # The whole query as a phrase in the title: the document is named by what was typed.
        optional.append(Q.And([Q.Term("title_fbi", b) for b in _bigrams(p.folded)], boost=TITLE_PHRASE_BOOST))
    optional += [_any_field(bi_fields, b) for b in _bigrams(p.exact) if fold(b) != b]
    optional += [_any_field(fbi_fields, b) for b in _bigrams(p.folded)]
    optional += number
    content = set(p.content)
    exact_forms = [TreeOr([Q.Term(n, t) for n in exact_fields]) for t in accented if fold(t) in content]
    return Built(required, Q.AndMaybe(required, TreeOr(optional)) if optional else required, must, exact_forms)


def filters(lang: str | None, facets: dict[str, str]) -> Q.Query | None:
    """Exact-value filters on facet fields."""
    parts = [Q.Term("lang", lang)] if lang else []
    parts += [Q.Term(name, value) for name, value in facets.items() if value]
    return Q.And(parts) if parts else None
