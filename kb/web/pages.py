"""Server-rendered pages: home, search, document, parallel view, browse, glossary; errors in the reader's language."""
from __future__ import annotations

import segno
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from search import CODES, get_language

from ..content.metadata import NO_STATUS_TYPES
from ..i18n import UI_LOCALES, date_text, negotiate, number_text
from ..searching import search_view
from ..urls import browse_url, changes_url, doc_url, glossary_url, home_url, in_language, parallel_url, search_url
from . import counterparts
from .caching import PAGE_VARY, etag_for, mark, not_modified, vary
from .citations import after_headings, decorate_units, wording
from .finding import found_view
from .library import Library
from .listings import browse_view, glossary_view, home_view, recent_documents
from .parallel import parallel_columns, parallel_view
from .params import BadRequest, NotFound, content_lang, day, search_params
from .versions import changes_view, default_span, document_on, sections_on
from .views import translations_view

router = APIRouter()
LANGUAGE_NAMES = {code: get_language(code).name for code in CODES}  # each in its own language


def _ui(request: Request, lang: str) -> str:
    # Content languages show their own interface; English is the one extra, opted into by visitors.
    wanted = request.query_params.get("ui") or request.cookies.get("ui")
    return "en" if wanted == "en" else lang


def render(request: Request, lang: str, name: str, status: int = 200, path: str | None = None, **context):
    ui = _ui(request, lang) if lang in CODES else "en"
    translations = request.app.state.translations[ui]
    path = path if path is not None else request.url.path
    other = [c for c in CODES if c != lang]
    base = str(request.base_url).rstrip("/")
    # The same page in each language: the path with its language swapped, unless the page says what it
    # is called there (None: it has no counterpart, and the switch goes to the nearest page, `fallback`).
    langs = context.pop("available", CODES)
    same = {c: in_language(path, lang, c) for c in langs} if lang in CODES else {}
    relative = {**same, **context.pop("counterparts", {})}
    fallback = context.pop("fallback", {})
    canonical = base + context.pop("canonical_path", path)
    printed = context.pop("print_url", None)
    context.setdefault("alternates", {c: base + p for c, p in relative.items() if p})
    context.setdefault("switch", {c: relative.get(c) or fallback.get(c, home_url(c)) for c in CODES})
    context.setdefault("anchors", {})
    html = request.app.state.templates.get_template(name).render(
        _=translations.gettext, ngettext=translations.ngettext, lang=lang if lang in CODES else "vi", ui=ui,
        other_langs=other, path=path, canonical=canonical,
        print_url=base + printed if printed else canonical,
        date=lambda v: date_text(v, ui), num=lambda v: number_text(v, ui), CODES=CODES,
        LANGUAGE_NAMES=LANGUAGE_NAMES, NO_STATUS_TYPES=NO_STATUS_TYPES, **context)
    response = HTMLResponse(html, status_code=status)
    # A cookie is set only when its value changes: a page that sets none can be shared by a proxy cache.
    if lang in CODES and request.cookies.get("lang") != lang:
        response.set_cookie("lang", lang, max_age=31536000, samesite="lax")
    wanted_ui = request.query_params.get("ui")
    if wanted_ui in UI_LOCALES and request.cookies.get("ui") != wanted_ui:
        response.set_cookie("ui", wanted_ui, max_age=31536000, samesite="lax")
    return vary(response, PAGE_VARY)


def page_day(request: Request):
    """The day a page shows (?on=, default the site's today) and whether the reader chose it."""
    chosen = day(request.query_params, "on")
    return chosen or request.app.state.settings.clock(), chosen is not None


def error_page(request: Request, status: int, code: str):
    """The page says what went wrong in the reader's language, by error code."""
    first = request.url.path.strip("/").split("/")[0]
    lang = first if first in CODES else (request.cookies.get("lang") if request.cookies.get("lang") in CODES else "vi")
    return render(request, lang, "error.html", status=status, path=home_url(lang), code=code,
                  error_status=status, available=())


@router.get("/", include_in_schema=False)
def root(request: Request):
    remembered = request.cookies.get("lang")
    lang = remembered if remembered in CODES else negotiate(request.headers.get("accept-language"), CODES) or "vi"
    return vary(RedirectResponse(home_url(lang), status_code=302), ("Cookie", "Accept-Language"))


@router.get("/{lang}", include_in_schema=False)
def lang_root(lang: str):
    return RedirectResponse(home_url(content_lang(lang)), status_code=301)


@router.get("/{lang}/", include_in_schema=False)
def home(request: Request, lang: str):
    content_lang(lang)
    library = request.app.state.library
    return render(request, lang, "home.html", view=home_view(library, lang), recent=recent_documents(library, lang))


@router.get("/{lang}/search", include_in_schema=False)
def search_page(request: Request, lang: str):
    content_lang(lang)
    sp = search_params(request.query_params, lang=lang)
    view = found_view(request.app.state.search, sp, request.app.state.settings.clock()) if sp.q.strip() else None
    base = {k: v for k, v in {"q": sp.q, "sort": sp.sort if sp.sort != "relevance" else "",
                              "per_page": sp.per_page if sp.per_page != 10 else "",
                              "on": sp.on.isoformat() if sp.on else "",
                              **{("tag" if k == "tags" else k): v for k, v in sp.facets.items()}}.items() if v}

    def link(**change) -> str:
        return search_url(lang, **{**base, **change})
    pages = (view["total"] + sp.per_page - 1) // sp.per_page if view else 0
    return render(request, lang, "search.html", params=sp, view=view, link=link, pages=pages, base=base,
                  facet_names=("type", "status", "year", "tags", "issuer"),
                  counterparts={c: _search_elsewhere(request.app.state.library, lang, c, base) if c != lang else link()
                                for c in CODES})


def _search_elsewhere(library: Library, lang: str, other: str, params: dict) -> str:
    """The same search in the other language: the query and its filters, words of a language (tags,
    issuers) through their counterparts there; a filter with none is left out rather than finding nothing."""
    moved = {}
    for key, value in params.items():
        if key in ("tag", "issuer"):
            value = counterparts.facet_value(library, lang, "tags" if key == "tag" else key, value, other)
        elif key in ("year", "type", "status"):
            value = value if counterparts.facet_value(library, lang, key, value, other) else None
        if value not in (None, ""):
            moved[key] = value
    return search_url(other, **moved)


def _document(request: Request, lang: str, doc_id: str, url=doc_url):
    """The stored document, or a 301 from a former id to url(lang, current id) with the query kept."""
    content_lang(lang)
    library = request.app.state.library
    doc = library.doc(lang, doc_id)
    if doc is None:
        target = library.alias(lang, doc_id)
        if target:
            query = f"?{request.url.query}" if request.url.query else ""
            return None, RedirectResponse(url(lang, target) + query, status_code=301)
        raise NotFound(f"no document '{doc_id[:100]}'")
    return doc, None


@router.get("/{lang}/docs/{doc_id}", include_in_schema=False)
def document_page(request: Request, lang: str, doc_id: str):
    doc, redirect = _document(request, lang, doc_id)
    if redirect:
        return redirect
    on, chosen = page_day(request)
    ui = _ui(request, lang)
    etag = etag_for(request, ui, on.isoformat(), str(chosen))
    if (cached := not_modified(request, etag)) is not None:
        return cached
    library = request.app.state.library
    view = document_on(library, doc, on)
    translations = request.app.state.translations[lang].gettext
    base = str(request.base_url).rstrip("/")
    notes = {u["anchor"]: u for u in view["versions"]}  # under a changed unit's heading: who changed it
    made = {c["anchor"]: c for c in view["changes_made"]}  # under an amending unit's: what it changed
    sections = decorate_units(view, sections_on(doc["payload"], on), translations, base, dated=chosen)
    parts = after_headings(sections, set(notes) | set(made))
    # A printed handout points at the wording it shows.
    shown_url = doc_url(lang, doc["id"], on=view["on"] if chosen else None)
    qr = segno.make(base + shown_url, error="m").svg_inline(scale=3, omitsize=False)
    anchors = {t["lang"]: counterparts.anchor_map(view["toc"], library.doc(t["lang"], doc["id"])["payload"]["toc"])
               for t in view["translations"]}
    return mark(render(request, lang, "document.html", doc=view, parts=parts, notes=notes, made=made, qr=qr,
                       anchors=anchors, chosen=chosen, shown_url=shown_url, wording=_wording(request, ui),
                       **_dated_links(view, chosen), available=(lang, *(t["lang"] for t in view["translations"]))),
                etag)


def _wording(request: Request, ui: str):
    translations = request.app.state.translations[ui].gettext
    return lambda version: wording(version, translations, lambda d: date_text(d, ui))


def _dated_links(view: dict, chosen: bool) -> dict:
    """A day the reader chose stays when they switch language; the print URL names it too."""
    if not chosen:
        return {}
    return {"counterparts": {t["lang"]: doc_url(t["lang"], view["id"], on=view["on"]) for t in view["translations"]},
            "print_url": doc_url(view["lang"], view["id"], on=view["on"])}


@router.get("/{lang}/docs/{doc_id}/changes", include_in_schema=False)
def changes_page(request: Request, lang: str, doc_id: str):
    doc, redirect = _document(request, lang, doc_id, changes_url)
    if redirect:
        return redirect
    view = changes_between(request, doc)
    ui = _ui(request, lang)
    start, end = day(request.query_params, "from"), day(request.query_params, "to")
    return render(request, lang, "changes.html", view=view, wording=_wording(request, ui),
                  counterparts={t: changes_url(t, doc_id, start, end) for t in doc["translations"]},
                  available=(lang, *doc["translations"]))


def changes_between(request: Request, doc: dict) -> dict:
    """The changes view for ?from=&to= (defaults: the day before the latest change, and that day)."""
    start, end = day(request.query_params, "from"), day(request.query_params, "to")
    start, end = default_span(doc["payload"], request.app.state.settings.clock(), start, end)
    if start > end:
        raise BadRequest("invalid_date", "'from' must not be after 'to'")
    return changes_view(request.app.state.library, doc, start, end)


@router.get("/{lang}/docs/{doc_id}/parallel", include_in_schema=False)
def parallel_page(request: Request, lang: str, doc_id: str):
    doc, redirect = _document(request, lang, doc_id, parallel_url)
    if redirect:
        return redirect
    on, chosen = page_day(request)
    view = parallel_view(parallel_columns(request.app.state.library, lang, doc_id, on))
    return render(request, lang, "parallel.html", view=view, chosen=chosen,
                  counterparts={c["lang"]: parallel_url(c["lang"], doc_id, on if chosen else None)
                                for c in view["columns"]},
                  available=tuple(c["lang"] for c in view["columns"]))


@router.get("/{lang}/translations", include_in_schema=False)
def translations_page(request: Request, lang: str):
    content_lang(lang)
    library = request.app.state.library
    return render(request, lang, "translations.html", view=translations_view(library.translations(), library))


@router.get("/{lang}/browse/", include_in_schema=False)
@router.get("/{lang}/browse/{facet}/", include_in_schema=False)
@router.get("/{lang}/browse/{facet}/{value:path}", include_in_schema=False)
def browse_page(request: Request, lang: str, facet: str = "", value: str = ""):
    content_lang(lang)
    library = request.app.state.library
    view = browse_view(library, lang, facet, value)
    if not value:
        return render(request, lang, "browse.html", view=view)
    there = {c: counterparts.facet_value(library, lang, facet, value, c) for c in CODES if c != lang}
    return render(request, lang, "browse.html", view=view,
                  counterparts={c: browse_url(c, facet, v) if v else None for c, v in there.items()},
                  fallback={c: browse_url(c, facet) for c in there})


@router.get("/{lang}/browse", include_in_schema=False)
@router.get("/{lang}/browse/{facet}", include_in_schema=False)
def browse_slash(request: Request, lang: str, facet: str = ""):
    content_lang(lang)
    return RedirectResponse(request.url.path + "/", status_code=301)


@router.get("/{lang}/glossary", include_in_schema=False)
def glossary_page(request: Request, lang: str):
    content_lang(lang)
    q = (request.query_params.get("q") or "")[:100]
    return render(request, lang, "glossary.html", view=glossary_view(request.app.state.library, lang, q),
                  counterparts={c: glossary_url(c, q) for c in CODES})


@router.get("/{lang}/{rest:path}", include_in_schema=False)
def not_found(request: Request, lang: str, rest: str):
    raise NotFound("page not found")
