"""The shapes of the JSON answers, for the OpenAPI description (and the tests that hold the answers to it).

The routes build plain dicts (views.py, listings.py, parallel.py) and send them as they are; these models
only describe them. `extra="forbid"` lets a test notice a field the description does not have."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(Shape):
    code: str
    message: str


class ErrorAnswer(Shape):
    """Every error, with a 4xx or 503 status."""
    error: ErrorDetail


class Listed(Shape):
    """A document as every list names it: a search hit, a browse or home entry."""
    id: str
    lang: str
    title: str
    type: str
    number: str | None
    status: str


class Period(Shape):
    """Days a changed article's wording was valid (ISO; null for an open end)."""
    from_: str | None = Field(None, alias="from")
    until: str | None = None


class Hit(Listed):
    url: str
    article: str | None
    article_title: str | None
    snippet: str
    score: float
    found_by: list[str]
    former_wording: Period | None = None



class FacetCount(Shape):
    value: str
    count: int


class OtherLanguage(Shape):
    lang: str
    total: int
    searched_as: dict[str, str]
    url: str
    results: list[Hit]


class SearchAnswer(Shape):
    query: str
    lang: str
    total: int
    page: int
    per_page: int
    results: list[Hit]
    facets: dict[str, list[FacetCount]]
    suggestion: str | None
    corrected: bool
    searched_as: dict[str, str]
    other: OtherLanguage | None
    on: str | None = None


class TocEntry(Shape):
    level: int
    anchor: str
    text: str
    kind: str


class DocumentLink(Shape):
    id: str
    lang: str
    title: str
    number: str | None
    url: str | None
    status: str | None


class RelationGroup(Shape):
    relation: str
    documents: list[DocumentLink]


class LanguageLink(Shape):
    lang: str
    url: str


class UnitBehind(Shape):
    anchor: str
    heading: str | None
    source_url: str


class TranslationOf(Shape):
    lang: str
    url: str
    state: str
    accepted: str | None
    front_outdated: bool
    outdated: list[UnitBehind]
    missing: list[UnitBehind]


class AmendingUnit(Shape):
    """The unit that made a version: 'Điều 62' of law-84-2025-qh15, in the reader's language when translated."""
    id: str
    anchor: str
    lang: str
    url: str | None
    unit: str
    type: str | None
    number: str | None
    title: str


class Version(Shape):
    """One wording of an article or step: from and until are inclusive ISO days, null when open."""
    from_: str | None = Field(alias="from")
    until: str | None
    note: str | None
    amended_by: AmendingUnit | None
    in_force_on_date: bool
    url: str


class UnitVersions(Shape):
    anchor: str
    heading: str | None
    versions: list[Version]


class ChangeMade(Shape):
    """A unit this document's unit amended (a reverse link), and from when."""
    id: str
    lang: str
    anchor: str
    heading: str
    unit: str
    number: str | None
    type: str | None
    title: str
    from_: str | None = Field(alias="from")
    until: str | None
    url: str
    changes_url: str


class ChangesMade(Shape):
    anchor: str
    heading: str | None
    changes: list[ChangeMade]


class DocumentAnswer(Shape):
    id: str
    lang: str
    title: str
    summary: str
    type: str
    number: str | None
    issuer: str | None
    signer: str | None
    issued: str | None
    effective: str | None
    expires: str | None
    status: str
    tags: list[str]
    source: str | None
    authoritative: bool
    as_of: str | None
    checked_against_official: bool = False
    url: str
    toc: list[TocEntry]
    html: str
    relations: list[RelationGroup]
    replaced_by: list[DocumentLink]
    amended_by: list[DocumentLink]
    translations: list[LanguageLink]
    translation_of: TranslationOf | None
    on: str
    validity: str
    in_force_instead: list[DocumentLink]
    versions: list[UnitVersions]
    changes_made: list[ChangesMade]
    changes_url: str | None


class DiffRun(Shape):
    op: str
    text: str


class ChangedUnit(Shape):
    anchor: str
    heading: str | None
    url: str
    before: Version | None
    after: Version | None
    runs: list[DiffRun]
    inserted: int
    deleted: int


class ChangeDay(Shape):
    day: str
    url: str


class ChangesAnswer(Shape):
    """Each article whose wording on `to` differs from its wording on `from`, as runs of equal, inserted and
    deleted text."""
    id: str
    lang: str
    title: str
    type: str
    number: str | None
    authoritative: bool
    url: str
    from_: str = Field(alias="from")
    to: str
    days: list[ChangeDay]
    articles: list[ChangedUnit]


class ArticleToDo(Shape):
    anchor: str
    heading: str | None
    state: str
    source_url: str


class TranslationRow(Shape):
    id: str
    lang: str
    source: str
    title: str
    source_title: str
    state: str
    accepted: str | None
    url: str | None
    source_url: str
    articles: list[ArticleToDo]
    counts: dict[str, int]


class TranslationsAnswer(Shape):
    totals: dict[str, int]
    translations: list[TranslationRow]


class Suggestion(Shape):
    text: str
    lang: str
    kind: str
    url: str


class SuggestAnswer(Shape):
    query: str
    suggestions: list[Suggestion]


class HealthAnswer(Shape):
    status: str
    index: str | None
    languages: list[str] = []
    problems: list[str] = []


class DocumentRef(Listed):
    issued: str | None
    as_of: str | None
    url: str


class TypeCount(Shape):
    type: str
    count: int
    url: str


class CheckedDates(Shape):
    """When the documents were last checked: the latest date, how many documents have one, and whether
    they all share it (then "recently checked" is no ranking at all)."""
    latest: str | None
    dated: int
    same_date: bool


class HomeAnswer(Shape):
    lang: str
    types: list[TypeCount]
    recent: list[DocumentRef]
    checked: CheckedDates
    search_url: str
    glossary_url: str


class FacetLink(Shape):
    facet: str
    url: str


class GroupCount(Shape):
    value: str
    count: int
    url: str


class BrowseAnswer(Shape):
    lang: str
    facet: str | None
    value: str | None
    facets: list[FacetLink]
    groups: list[GroupCount]
    documents: list[DocumentRef]


class ParallelColumn(Shape):
    lang: str
    title: str
    url: str


class ParallelCell(Shape):
    lang: str
    html: str | None
    outdated: bool


class ParallelRow(Shape):
    anchor: str | None
    cells: list[ParallelCell]


class ParallelAnswer(Shape):
    id: str
    lang: str
    title: str
    url: str
    on: str
    validity: str
    effective: str | None
    expires: str | None
    in_force_instead: list[DocumentLink]
    changes_url: str | None
    changed: list[str]
    columns: list[ParallelColumn]
    rows: list[ParallelRow]


class TermSide(Shape):
    term: str
    abbr: list[str]
    definition: str


class TermLink(Shape):
    id: str
    term: str
    url: str


class Letter(Shape):
    letter: str
    anchor: str


class Term(Shape):
    id: str
    url: str
    letter: str
    vi: TermSide
    lo: TermSide
    see: list[TermLink]


class GlossaryAnswer(Shape):
    lang: str
    query: str
    total: int
    letters: list[Letter]
    terms: list[Term]
