"""JSON API: the same objects as the pages (each page has a JSON twin), one error shape.

Summaries and descriptions are English in the OpenAPI description; `_` marks them for the catalogs so
that the /api page shows them in the reader's language."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse

from search import CODES, SORTS, current_generation
from search import MAX_QUERY_CHARS
from search import MAX_PAGE, MAX_PER_PAGE

from ..content.metadata import STATUSES, TYPES
from ..i18n import negotiate
from ..searching import search_view
from ..urls import api_document_url, api_page_url, doc_url, glossary_url, home_url
from .caching import JSON_VARY, etag_for, mark, not_modified, vary
from .finding import found_view
from .listings import browse_view, glossary_view, home_view
from .parallel import parallel_columns, parallel_view
from .pages import changes_between, page_day, render
from .params import NotFound, content_lang, search_params
from .schemas import (BrowseAnswer, ChangesAnswer, DocumentAnswer, ErrorAnswer, GlossaryAnswer, HealthAnswer,
                      HomeAnswer, ParallelAnswer, SearchAnswer, SuggestAnswer, TranslationsAnswer)
from .versions import document_on
from .views import translations_view


def _(text: str) -> str:
    """Marks an English text for the catalogs; it is translated where the /api page shows it."""
    return text


router = APIRouter()
BAD = {400: {"model": ErrorAnswer, "description": _("A parameter is not valid")}}
MISSING = {404: {"model": ErrorAnswer, "description": _("No such language, document or page")}}


def _answer(model) -> dict:
    return {"model": model, "description": _("The answer")}


def _day_query(description: str):
    return Query(None, description=description, json_schema_extra={"format": "date", "example": "2025-07-01"})


ON = _("The day whose wording to show, YYYY-MM-DD (default: today)")


def _json(view: dict) -> JSONResponse:
    # Already plain JSON types: FastAPI's own encoding would walk the whole view again.
    return vary(JSONResponse(view), JSON_VARY)


@router.get("/api/search", tags=["search"], summary=_("Search documents; each hit links to its best article"),
            responses={200: _answer(SearchAnswer), **BAD})
def api_search(request: Request,
               q: str = Query("", max_length=MAX_QUERY_CHARS,
                              description=_("Any text; quotes make a phrase, -word excludes")),
               lang: str = Query("all", json_schema_extra={"enum": [*CODES, "all"]},
                                 description=_("vi or lo: results in that language, then the other language's "
                                               "best in `other`; all: both, mixed by score")),
               type: Literal[("", *TYPES)] | None = Query(None, description=_("Empty: any")),
               status: Literal[("", *STATUSES)] | None = Query(None, description=_("Empty: any")),
               year: str | None = Query(None, pattern=r"^([0-9]{4})?$", description=_("A four-digit year")),
               tag: str | None = Query(None, max_length=200), issuer: str | None = Query(None, max_length=200),
               sort: str = Query("relevance", json_schema_extra={"enum": list(SORTS)}),
               page: int | None = Query(None, ge=1, le=MAX_PAGE),
               per_page: int | None = Query(None, ge=1, le=MAX_PER_PAGE),
               on: str | None = _day_query(_("Search the wording as on that day, YYYY-MM-DD (default: today's)"))):
    sp = search_params(request.query_params)
    return _json(found_view(request.app.state.search, sp, request.app.state.settings.clock()))


def _alias(request: Request, lang: str, doc_id: str, tail: str = ""):
    """A former id answers 301 to the current URL, as pages do; an unknown id is a 404."""
    target = request.app.state.library.alias(lang, doc_id)
    if target is None:
        raise NotFound(f"no document '{doc_id[:100]}' in {lang}")
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(api_document_url(lang, target, tail) + query, status_code=301)


@router.get("/api/documents/{lang}/{doc_id}", tags=["documents"],
            summary=_("A document as on a day: metadata, contents, HTML, versions, relations, translations"),
            responses={200: _answer(DocumentAnswer), 301: {"description": _("A former id: the current URL")},
                       **BAD, **MISSING})
def api_document(request: Request, lang: str, doc_id: str, on: str | None = _day_query(ON)):
    library = request.app.state.library
    doc = library.doc(content_lang(lang), doc_id)
    if doc is None:
        return _alias(request, lang, doc_id)
    day, chosen = page_day(request)
    etag = etag_for(request, day.isoformat(), str(chosen))
    if (cached := not_modified(request, etag, JSON_VARY)) is not None:
        return cached
    return mark(JSONResponse(document_on(library, doc, day)), etag, JSON_VARY)


@router.get("/api/documents/{lang}/{doc_id}/changes", tags=["documents"],
            summary=_("What changed in a document between two days, article by article, word by word"),
            responses={200: _answer(ChangesAnswer), **BAD, **MISSING})
def api_changes(request: Request, lang: str, doc_id: str,
                start: str | None = Query(None, alias="from", description=_("The first day, YYYY-MM-DD (default: "
                                                                            "the day before the latest change)"),
                                          json_schema_extra={"format": "date"}),
                end: str | None = Query(None, alias="to", description=_("The second day, YYYY-MM-DD (default: "
                                                                        "the day of the latest change)"),
                                        json_schema_extra={"format": "date"})):
    library = request.app.state.library
    doc = library.doc(content_lang(lang), doc_id)
    if doc is None:
        return _alias(request, lang, doc_id, "/changes")
    return _json(changes_between(request, doc))


@router.get("/api/documents/{lang}/{doc_id}/parallel", tags=["documents"],
            summary=_("A document beside its translations, article by article"),
            responses={200: _answer(ParallelAnswer), **BAD, **MISSING})
def api_parallel(request: Request, lang: str, doc_id: str, on: str | None = _day_query(ON)):
    library = request.app.state.library
    if library.doc(content_lang(lang), doc_id) is None:
        return _alias(request, lang, doc_id, "/parallel")
    return _json(parallel_view(parallel_columns(library, lang, doc_id, page_day(request)[0])))


@router.get("/api/home/{lang}", tags=["pages"], summary=_("The home page: document types and recently checked documents"),
            responses={200: _answer(HomeAnswer), **MISSING})
def api_home(request: Request, lang: str):
    return _json(home_view(request.app.state.library, content_lang(lang)))


@router.get("/api/browse/{lang}", tags=["pages"], summary=_("Browse: the facets"),
            responses={200: _answer(BrowseAnswer), **MISSING})
@router.get("/api/browse/{lang}/{facet}", tags=["pages"], summary=_("Browse: one facet's values and counts"),
            responses={200: _answer(BrowseAnswer), **MISSING})
@router.get("/api/browse/{lang}/{facet}/{value:path}", tags=["pages"], summary=_("Browse: the documents with one value"),
            responses={200: _answer(BrowseAnswer), **MISSING})
def api_browse(request: Request, lang: str, facet: str = "", value: str = ""):
    return _json(browse_view(request.app.state.library, content_lang(lang), facet, value))


@router.get("/api/glossary/{lang}", tags=["pages"], summary=_("The bilingual glossary, in the order of one language"),
            responses={200: _answer(GlossaryAnswer), **BAD, **MISSING})
def api_glossary(request: Request, lang: str,
                 q: str = Query("", max_length=100, description=_("Filter: part of a term or abbreviation, "
                                                                   "accents optional"))):
    return _json(glossary_view(request.app.state.library, content_lang(lang), q))


@router.get("/api/suggest", tags=["search"], summary=_("Completions for a search box: titles, numbers, terms"),
            responses={200: _answer(SuggestAnswer), **BAD})
def api_suggest(request: Request, q: str = Query("", max_length=100), lang: str = Query("all", json_schema_extra={"enum": [*CODES, "all"]})):
    if lang != "all":
        content_lang(lang)
    found = request.app.state.service.suggest(q, None if lang == "all" else lang)
    return _json({"query": q, "suggestions": [
        {"text": s.text, "lang": s.lang, "kind": s.kind,
         "url": glossary_url(s.lang, term=s.target) if s.kind == "term" else doc_url(s.lang, s.target)}
        for s in found]})


@router.get("/api/translations", tags=["documents"],
            summary=_("Translation status: every original in every other language, article by article"),
            responses={200: _answer(TranslationsAnswer)})
def api_translations(request: Request):
    library = request.app.state.library
    return _json(translations_view(library.translations(), library))


@router.get("/healthz", tags=["service"], summary=_("Service health and the index being served"),
            responses={200: _answer(HealthAnswer), 503: {"model": HealthAnswer, "description": _("No index yet")}})
def healthz(request: Request):
    settings = request.app.state.settings
    gen = current_generation(settings.index_dir)
    if gen is None:
        return JSONResponse({"status": "unavailable", "index": None}, status_code=503)
    problems = request.app.state.service.generation_problems()
    # Degraded still serves: broken files keep their last good version; the problems say which.
    return JSONResponse({"status": "degraded" if problems else "ok", "index": gen.name, "languages": list(CODES),
                         "problems": problems})


@router.get("/api", include_in_schema=False)
def api_docs(request: Request):
    """The OpenAPI description as a page, in the language asked for (?lang=), remembered or accepted."""
    asked, remembered = request.query_params.get("lang"), request.cookies.get("lang")
    lang = (asked if asked in CODES else remembered if remembered in CODES
            else negotiate(request.headers.get("accept-language"), CODES) or "vi")
    return render(request, lang, "api.html", path=home_url(lang), canonical_path=api_page_url(), spec=request.app.openapi(),
                  available=(), switch={c: api_page_url(c) for c in CODES})
