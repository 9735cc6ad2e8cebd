"""Where things are on the site: every path the pages, the API, the content's links and `kb search` use."""
from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode

STATIC = "/static"
OPENAPI = "/api/openapi.json"
API_PAGE = "/api"


def _query(params: dict) -> str:
    """'?a=1&b=x%26y' from the params that have a value ('' and None are left out), or ''."""
    kept = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in params.items() if v not in (None, "")}
    return "?" + urlencode(kept) if kept else ""


def _segment(value: str) -> str:
    return quote(value, safe="")


def at(url: str, anchor: str | None) -> str:
    """The URL at an anchor (`#art-5`); anchors are ids the content pipeline made, kept as they are."""
    return url + (f"#{anchor}" if anchor else "")


def home_url(lang: str) -> str:
    return f"/{lang}/"


def doc_url(lang: str, doc_id: str, anchor: str | None = None, on: dt.date | str | None = None) -> str:
    """The document page; on: as on that day (None: as today)."""
    return at(f"/{lang}/docs/{_segment(doc_id)}" + _query({"on": on}), anchor)


def changes_url(lang: str, doc_id: str, start: dt.date | str | None = None, end: dt.date | str | None = None,
                anchor: str | None = None) -> str:
    """What changed in the document between two days (None: the page's defaults)."""
    return at(f"/{lang}/docs/{_segment(doc_id)}/changes" + _query({"from": start, "to": end}), anchor)


def parallel_url(lang: str, doc_id: str, on: dt.date | str | None = None) -> str:
    return f"/{lang}/docs/{_segment(doc_id)}/parallel" + _query({"on": on})


def search_url(lang: str, q: str = "", **params) -> str:
    """The search page; params are its filters and options (type, status, year, tag, issuer, sort, page,
    per_page, on), empty ones left out."""
    return f"/{lang}/search" + _query({"q": q, **params})


def browse_url(lang: str, facet: str = "", value: str = "") -> str:
    if not facet:
        return f"/{lang}/browse/"
    return f"/{lang}/browse/{facet}/" + (_segment(value) if value else "")


def glossary_url(lang: str, q: str = "", term: str | None = None) -> str:
    """The glossary, filtered by q; term: at that term's entry."""
    return at(f"/{lang}/glossary" + _query({"q": q}), term)


def translations_url(lang: str) -> str:
    return f"/{lang}/translations"


def static_url(name: str) -> str:
    return f"{STATIC}/{name}"


def api_page_url(lang: str | None = None) -> str:
    """The readable page of the API; without lang, in the reader's remembered language."""
    return API_PAGE + _query({"lang": lang})


def api_document_url(lang: str, doc_id: str, tail: str = "") -> str:
    """The JSON twin of a document page; tail: '/changes' or '/parallel'."""
    return f"/api/documents/{lang}/{_segment(doc_id)}{tail}"


def in_language(path: str, lang: str, other: str) -> str:
    """The same page in another language: '/vi/browse/' → '/lo/browse/'."""
    return f"/{other}" + path[len(lang) + 1:]


# What templates call: `{{ doc_url(lang, d.id) }}`, `{{ view.changes_url | at(row.anchor) }}`.
TEMPLATE_GLOBALS = {f.__name__: f for f in (home_url, doc_url, changes_url, parallel_url, search_url, browse_url,
                                              glossary_url, translations_url, static_url, api_page_url)}
TEMPLATE_GLOBALS["openapi_url"] = OPENAPI
TEMPLATE_FILTERS = {"at": at}
