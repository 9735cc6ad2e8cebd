"""Index fields, their boosts (title > number > headings > body) and the schema version."""
from __future__ import annotations

from collections import Counter

from whoosh import columns, fields

from search.engine.posting_table import frequency_bytes
from search.text.analysis import CHAINS, terms

# Bump whenever fields, analyzers or stored layout change: an index of another version is rebuilt.
SCHEMA_VERSION = 14

# Accented syllables, accented bigrams, folded syllables, folded bigrams: an accented query hits all four
# on text with the same accents and only the folded two on other accents, so exact accents rank first.
# The accented fields hold only tokens that folding changes: Lao and unaccented words live in the folded
# fields alone, which halves the postings of Lao text.
TEXT_FIELDS = {
    "title": (3.0, 4.0, 1.5, 2.0),
    "heads": (1.5, 2.0, 0.75, 1.0),
    # The summary: what a query that asks is weighed against besides the title (query/plan.py).
    "about": (1.5, 2.0, 0.75, 1.0),
    "body": (1.0, 1.5, 0.5, 0.75),
}
KINDS = ("accented", "accented_bigrams", "folded", "folded_bigrams")
SUFFIXES = ("", "_bi", "_f", "_fbi")
NUMBER_BOOST = 30.0
NUMBER_PART_BOOST = 6.0
CITED_BOOST = 2.0


class AnalyzedText(fields.TEXT):
    """A TEXT field indexed through analysis.terms(): the same terms as its analyzer chain (which
    queries use), counted without a Token object per word, several times faster."""

    def __init__(self, kind: str, field_boost: float):
        super().__init__(analyzer=CHAINS[kind], phrase=False, field_boost=field_boost)
        self.kind = kind

    def counts(self, value: str) -> Counter:
        """Each term and how often it occurs: postings are (term, frequency), weighted by the field boost."""
        return Counter(terms(value, self.kind))

    def index(self, value, **kwargs):
        boost = self.format.field_boost
        for word, freq in self.counts(value).items():
            yield word.encode("utf-8"), freq, freq * boost, frequency_bytes(freq)


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
        # The document itself (metadata, outline, payload) in a compressed column: read only for the hits
        # shown; its word map and unit texts (unit_texts.py) in columns of their own, read as needed.
        doc=fields.COLUMN(columns.CompressedBytesColumn()),
        where=fields.COLUMN(columns.VarBytesColumn()),
        texts=fields.COLUMN(columns.VarBytesColumn()),
    )
    for base, boosts in TEXT_FIELDS.items():
        for name, kind, boost in zip(field_names(base), KINDS, boosts):
            schema.add(name, AnalyzedText(kind, boost))
    return schema
