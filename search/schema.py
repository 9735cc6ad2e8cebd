"""Index fields, their boosts (title > number > headings > body) and the schema version."""
from __future__ import annotations

from whoosh import fields

from .analysis import EXACT, EXACT_BIGRAMS, FOLDED, FOLDED_BIGRAMS

# Bump whenever fields, analyzers or stored layout change: an index of another version is rebuilt.
SCHEMA_VERSION = 3

# Exact syllables, exact bigrams, folded syllables, folded bigrams: an accented query hits all four on
# text with the same accents and only the folded two on other accents, so exact accents rank first.
TEXT_FIELDS = {
    "title": (3.0, 4.0, 1.5, 2.0),
    "heads": (1.5, 2.0, 0.75, 1.0),
    "body": (1.0, 1.5, 0.5, 0.75),
}
ANALYZERS = (EXACT, EXACT_BIGRAMS, FOLDED, FOLDED_BIGRAMS)
SUFFIXES = ("", "_bi", "_f", "_fbi")
NUMBER_BOOST = 30.0
NUMBER_PART_BOOST = 6.0
CITED_BOOST = 2.0


def field_names(base: str) -> list[str]:
    return [base + s for s in SUFFIXES]


def make_schema() -> fields.Schema:
    schema = fields.Schema(
        key=fields.ID(stored=True, unique=True),
        id=fields.ID(stored=True),
        lang=fields.ID(stored=True),
        type=fields.ID(stored=True),
        status=fields.ID(stored=True),
        issuer=fields.ID(stored=True),
        year=fields.ID(stored=True),
        tags=fields.KEYWORD(stored=True, commas=True, scorable=False),
        issued=fields.NUMERIC(int, sortable=True, stored=True, default=0),
        number=fields.KEYWORD(field_boost=NUMBER_BOOST),
        numparts=fields.KEYWORD(field_boost=NUMBER_PART_BOOST),
        cited=fields.KEYWORD(field_boost=CITED_BOOST),
        fingerprint=fields.STORED,
        doc=fields.STORED,
    )
    for base, boosts in TEXT_FIELDS.items():
        for name, analyzer, boost in zip(field_names(base), ANALYZERS, boosts):
            schema.add(name, fields.TEXT(analyzer=analyzer, phrase=False, field_boost=boost))
    return schema
