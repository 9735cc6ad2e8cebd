"""The only input search/ accepts: plain records of documents and their units."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class UnitRecord:
    anchor: str
    heading: str
    text: str
    # For one version of a unit that changed: the days (ISO, inclusive; "" = open) this wording was its
    # text. A unit with several versions is several records with one anchor.
    valid_from: str = ""
    valid_to: str = ""


@dataclass(frozen=True)
class SuggestionRecord:
    """A phrase offered while typing (a title, a number or a glossary term) and where it leads."""
    text: str
    lang: str
    kind: str  # title, number or term
    target: str  # a document id, or a glossary term id


@dataclass
class Record:
    id: str
    lang: str
    title: str
    number: str = ""
    summary: str = ""
    intro: str = ""
    headings: list[str] = field(default_factory=list)
    units: list[UnitRecord] = field(default_factory=list)
    type: str = ""
    status: str = "unknown"
    issuer: str = ""
    issued: str = ""  # ISO date or ""
    tags: list[str] = field(default_factory=list)
    translations: list[str] = field(default_factory=list)  # other languages with a document of this id
    payload: dict = field(default_factory=dict)  # opaque to search; returned with every hit

    @property
    def key(self) -> str:
        return f"{self.lang}:{self.id}"

    def fingerprint(self) -> str:
        """Changes whenever anything indexed or returned changes (plain tuples: asdict is slow)."""
        data = json.dumps([self.id, self.lang, self.title, self.number, self.summary, self.intro, self.headings,
                           [(u.anchor, u.heading, u.text, u.valid_from, u.valid_to) for u in self.units], self.type,
                           self.status, self.issuer, self.issued, self.tags, self.translations, self.payload],
                          sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha1(data.encode()).hexdigest()


def facet_values(doc: Mapping, facet: str) -> list[str]:
    """A document's values of one facet (lang, type, status, issuer, year, tags), from a record's stored
    form or anything with its keys: the year is the issue date's, and each tag is a value of its own."""
    if facet == "year":
        issued = doc.get("issued") or ""
        return [issued[:4]] if issued else []
    if facet == "tags":
        return list(doc.get("tags") or ())
    value = doc.get(facet)
    return [value] if value else []
