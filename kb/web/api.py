"""JSON API: the same objects as the pages, one error shape."""
from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from search import CODES, current_generation

from .caching import etag_for, mark, not_modified
from .params import NotFound, content_lang, search_params
from .views import document_view, search_view, translations_view

router = APIRouter()


@router.get("/api/search", tags=["search"], summary="Search documents; each hit links to its best article")
def api_search(request: Request,
               q: str = Query("", description="Any text, at most 500 characters; quotes make a phrase, -word excludes"),
               lang: str = Query("all", description="vi or lo: results in that language, then the other "
                                                     "language's best in `other`; all: both, mixed by score"),
               type: str | None = None, status: str | None = None, year: str | None = None,
               tag: str | None = None, issuer: str | None = None,
               sort: str = Query("relevance", description="relevance, newest or oldest"),
               page: str | None = Query(None, description="1–1000"),
               per_page: str | None = Query(None, description="1–100")):
    sp = search_params(request.query_params)
    found = request.app.state.search.search(sp.q, lang=sp.lang, facets=sp.facets, sort=sp.sort,
                                            page=sp.page, per_page=sp.per_page)
    # Already plain JSON types: FastAPI's own encoding would walk the whole view again.
    return JSONResponse(search_view(found))


@router.get("/api/documents/{lang}/{doc_id}", tags=["documents"],
            summary="A document: metadata, table of contents, HTML, relations, translations")
def api_document(request: Request, lang: str, doc_id: str):
    library = request.app.state.library
    doc = library.doc(content_lang(lang), doc_id)
    if doc is None:
        raise NotFound(f"no document '{doc_id[:100]}' in {lang}")
    etag = etag_for(request)
    if (cached := not_modified(request, etag)) is not None:
        return cached
    return mark(JSONResponse(document_view(library, doc)), etag)


@router.get("/api/suggest", tags=["search"], summary="Completions for a search box: titles, numbers, terms")
def api_suggest(request: Request, q: str = Query("", max_length=100), lang: str = Query("all")):
    if lang != "all":
        content_lang(lang)
    found = request.app.state.service.suggest(q, None if lang == "all" else lang)
    return {"query": q, "suggestions": [
        {"text": s.text, "lang": s.lang, "kind": s.kind,
         "url": f"/{s.lang}/glossary#{s.target}" if s.kind == "term" else f"/{s.lang}/docs/{s.target}"}
        for s in found]}


@router.get("/api/translations", tags=["documents"],
            summary="Translation status: every original in every other language, article by article")
def api_translations(request: Request):
    return translations_view(request.app.state.library.translations())


@router.get("/healthz", tags=["service"], summary="Service health and the index being served")
def healthz(request: Request):
    settings = request.app.state.settings
    gen = current_generation(settings.index_dir)
    if gen is None:
        return JSONResponse({"status": "unavailable", "index": None}, status_code=503)
    problems = request.app.state.service.generation_problems()
    # Degraded still serves: broken files keep their last good version; the problems say which.
    return {"status": "degraded" if problems else "ok", "index": gen.name, "languages": list(CODES),
            "problems": problems}


@router.get("/api", include_in_schema=False, response_class=HTMLResponse)
def api_docs(request: Request):
    spec = request.app.openapi()
    template = request.app.state.templates.get_template("api.html")
    return HTMLResponse(template.render(spec=spec))
