"""Request parameters checked once, for pages and API alike; a bad value is a 400, never a 500."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from search import CODES, SORTS
from search import MAX_QUERY_CHARS
from search import MAX_PAGE, MAX_PER_PAGE

from ..content.metadata import STATUSES, TYPES
from ..content.versions import parse_date


class BadRequest(ValueError):
    def __init__(self, code: str, message: str, status: int = 400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


class NotFound(BadRequest):
    def __init__(self, message: str):
        super().__init__("not_found", message, 404)


@dataclass
class SearchParams:
    q: str = ""
    lang: str = "all"
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    facets: dict[str, str] = field(default_factory=dict)
    on: dt.date | None = None  # the wording searched: as on that day (None: today's)


def _int(params, name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest("invalid_parameter", f"'{name}' must be a whole number") from None
    if not low <= value <= high:
        raise BadRequest("invalid_parameter", f"'{name}' must be between {low} and {high}")
    return value


def _choice(params, name: str, allowed, default: str) -> str:
    value = params.get(name) or default
    if value not in allowed:
        raise BadRequest("invalid_parameter", f"'{name}' must be one of: {', '.join(allowed)}")
    return value


def search_params(params, lang: str | None = None) -> SearchParams:
    q = params.get("q", "") or ""
    if len(q) > MAX_QUERY_CHARS:
        raise BadRequest("query_too_long", f"the query is longer than {MAX_QUERY_CHARS} characters")
    if "\x00" in q:
        raise BadRequest("invalid_parameter", "the query contains a NUL character")
    sp = SearchParams(q=q, lang=lang or _choice(params, "lang", (*CODES, "all"), "all"),
                      sort=_choice(params, "sort", SORTS, "relevance"),
                      page=_int(params, "page", 1, 1, MAX_PAGE),
                      per_page=_int(params, "per_page", 10, 1, MAX_PER_PAGE), on=day(params, "on"))
    if params.get("type"):
        sp.facets["type"] = _choice(params, "type", TYPES, "")
    if params.get("status"):
        sp.facets["status"] = _choice(params, "status", STATUSES, "")
    year = params.get("year")
    if year:
        if not (len(year) == 4 and year.isdigit()):
            raise BadRequest("invalid_parameter", "'year' must be a four-digit year")
        sp.facets["year"] = year
    for name in ("tag", "issuer"):
        value = params.get(name)
        if value:
            if len(value) > 200:
                raise BadRequest("invalid_parameter", f"'{name}' is too long")
            sp.facets["tags" if name == "tag" else name] = value
    return sp


def day(params, name: str = "on") -> dt.date | None:
    """A day written YYYY-MM-DD, as an <input type=date> sends it; None when absent or empty."""
    raw = params.get(name)
    try:
        return parse_date(raw.strip() if raw else None)
    except ValueError:
        raise BadRequest("invalid_date", f"'{name}' must be a date written YYYY-MM-DD, such as 2025-07-01") from None


def content_lang(lang: str) -> str:
    if lang not in CODES:
        raise NotFound(f"no such language: {lang[:20]}")
    return lang
