"""Server-rendered pages: home, search, document, parallel view, browse, glossary; errors in the reader's language."""
from __future__ import annotations

from urllib.parse import urlencode

import segno
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from search import CODES, get_language
from search.text.languages import match_key as fold_key

from ..content.metadata import NO_STATUS_TYPES
from ..i18n import UI_LOCALES, date_text, negotiate, number_text
from .caching import etag_for, mark, not_modified
from .citations import decorate_units
from .parallel import align
from .params import NotFound, content_lang, search_params
from .views import doc_url, document_view, search_view, translations_view

router = APIRouter()
BROWSE_FACETS = ("type", "status", "year", "tags")
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
    langs = context.pop("available", CODES)
    relative = {c: "/" + c + path[len(lang) + 1:] for c in langs} if lang in CODES else {}
    context.setdefault("alternates", {c: base + p for c, p in relative.items()})
    context.setdefault("switch", {c: relative.get(c, f"/{c}/") for c in CODES})
    html = request.app.state.templates.get_template(name).render(
        _=translations.gettext, ngettext=translations.ngettext, lang=lang if lang in CODES else "vi", ui=ui,
        other_langs=other, path=path, canonical=base + path,
        date=lambda v: date_text(v, ui), num=lambda v: number_text(v, ui), CODES=CODES,
        LANGUAGE_NAMES=LANGUAGE_NAMES, NO_STATUS_TYPES=NO_STATUS_TYPES, **context)
    response = HTMLResponse(html, status_code=status)
    if lang in CODES:
        response.set_cookie("lang", lang, max_age=31536000, samesite="lax")
    if request.query_params.get("ui") in UI_LOCALES:
        response.set_cookie("ui", request.query_params["ui"], max_age=31536000, samesite="lax")
    return response


def error_page(request: Request, status: int, code: str):
    """The page says what went wrong in the reader's language, by error code."""
    first = request.url.path.strip("/").split("/")[0]
    lang = first if first in CODES else (request.cookies.get("lang") if request.cookies.get("lang") in CODES else "vi")
    return render(request, lang, "error.html", status=status, path=f"/{lang}/", code=code,
                  error_status=status, available=())


@router.get("/", include_in_schema=False)
def root(request: Request):
    remembered = request.cookies.get("lang")
    lang = remembered if remembered in CODES else negotiate(request.headers.get("accept-language"), CODES) or "vi"
    return RedirectResponse(f"/{lang}/", status_code=302)


@router.get("/{lang}", include_in_schema=False)
def lang_root(lang: str):
    return RedirectResponse(f"/{content_lang(lang)}/", status_code=301)


@router.get("/{lang}/", include_in_schema=False)
def home(request: Request, lang: str):
    content_lang(lang)
    docs = request.app.state.library.documents(lang)
    recent = sorted(docs, key=lambda d: (d["payload"].get("as_of") or "", d["payload"].get("issued") or ""),
                    reverse=True)[:8]
    counts = {}
    for d in docs:
        counts[d["type"]] = counts.get(d["type"], 0) + 1
    return render(request, lang, "home.html", recent=recent, type_counts=sorted(counts.items()))


@router.get("/{lang}/search", include_in_schema=False)
def search_page(request: Request, lang: str):
    content_lang(lang)
    sp = search_params(request.query_params, lang=lang)
    view = None
    if sp.q.strip():
        found = request.app.state.search.search(sp.q, lang=lang, facets=sp.facets, sort=sp.sort,
                                                page=sp.page, per_page=sp.per_page)
        view = search_view(found)
    base = {k: v for k, v in {"q": sp.q, "sort": sp.sort if sp.sort != "relevance" else "",
                              "per_page": sp.per_page if sp.per_page != 10 else "",
                              **{("tag" if k == "tags" else k): v for k, v in sp.facets.items()}}.items() if v}

    def link(**change) -> str:
        params = {**base, **change}
        return f"/{lang}/search?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})
    pages = (view["total"] + sp.per_page - 1) // sp.per_page if view else 0
    return render(request, lang, "search.html", params=sp, view=view, link=link, pages=pages,
                  facet_names=("type", "status", "year", "tags", "issuer"))


def _document(request: Request, lang: str, doc_id: str):
    content_lang(lang)
    library = request.app.state.library
    doc = library.doc(lang, doc_id)
    if doc is None:
        target = library.alias(lang, doc_id)
        if target:
            return None, RedirectResponse(doc_url(lang, target) + request.url.path[len(f"/{lang}/docs/{doc_id}"):],
                                          status_code=301)
        raise NotFound(f"no document '{doc_id[:100]}'")
    return doc, None


@router.get("/{lang}/docs/{doc_id}", include_in_schema=False)
def document_page(request: Request, lang: str, doc_id: str):
    doc, redirect = _document(request, lang, doc_id)
    if redirect:
        return redirect
    etag = etag_for(request, _ui(request, lang))
    if (cached := not_modified(request, etag)) is not None:
        return cached
    view = document_view(request.app.state.library, doc)
    translations = request.app.state.translations[lang].gettext
    base = str(request.base_url).rstrip("/")
    view["html"] = decorate_units(view, translations, base)
    qr = segno.make(base + view["url"], error="m").svg_inline(scale=3, omitsize=False)
    return mark(render(request, lang, "document.html", doc=view, qr=qr,
                       available=(lang, *(t["lang"] for t in view["translations"]))), etag)


@router.get("/{lang}/docs/{doc_id}/parallel", include_in_schema=False)
def parallel_page(request: Request, lang: str, doc_id: str):
    doc, redirect = _document(request, lang, doc_id)
    if redirect:
        return redirect
    library = request.app.state.library
    columns = [document_view(library, d) for c in [lang, *[c for c in CODES if c != lang]]
               if (d := library.doc(c, doc_id))]
    rows = align(columns)
    return render(request, lang, "parallel.html", doc=columns[0], columns=columns, rows=rows,
                  available=tuple(c["lang"] for c in columns))


@router.get("/{lang}/translations", include_in_schema=False)
def translations_page(request: Request, lang: str):
    content_lang(lang)
    return render(request, lang, "translations.html", view=translations_view(request.app.state.library.translations()))


@router.get("/{lang}/browse/", include_in_schema=False)
@router.get("/{lang}/browse/{facet}/", include_in_schema=False)
@router.get("/{lang}/browse/{facet}/{value}", include_in_schema=False)
def browse_page(request: Request, lang: str, facet: str = "", value: str = ""):
    content_lang(lang)
    if facet and facet not in BROWSE_FACETS:
        raise NotFound(f"cannot browse by '{facet[:40]}'")
    docs = request.app.state.library.documents(lang)

    def values_of(d):
        if facet == "tags":
            return d["payload"]["tags"]
        if facet == "year":
            return [d["payload"]["issued"][:4]] if d["payload"]["issued"] else []
        return [d["payload"][facet]]
    groups: dict[str, int] = {}
    listed = []
    if facet:
        for d in docs:
            for v in values_of(d):
                groups[v] = groups.get(v, 0) + 1
            if value and value in values_of(d):
                listed.append(d)
        if value and not listed:
            raise NotFound(f"no documents with {facet} '{value[:60]}'")
    listed.sort(key=lambda d: d["payload"].get("issued") or "", reverse=True)
    return render(request, lang, "browse.html", facet=facet, value=value, facets=BROWSE_FACETS,
                  groups=sorted(groups.items()), listed=listed)


@router.get("/{lang}/browse", include_in_schema=False)
@router.get("/{lang}/browse/{facet}", include_in_schema=False)
def browse_slash(request: Request, lang: str, facet: str = ""):
    content_lang(lang)
    return RedirectResponse(request.url.path + "/", status_code=301)


@router.get("/{lang}/glossary", include_in_schema=False)
def glossary_page(request: Request, lang: str):
    content_lang(lang)
    q = (request.query_params.get("q") or "")[:100]
    terms = request.app.state.library.glossary
    if q:
        key = fold_key(q)
        terms = [t for t in terms if any(key in fold_key(t[c]["term"] + " " + " ".join(t[c]["abbr"]))
                                         for c in CODES)]
    names = {t["id"]: t[lang]["term"] for t in request.app.state.library.glossary}
    terms = sorted(terms, key=lambda t: fold_key(t[lang]["term"]))
    return render(request, lang, "glossary.html", terms=terms, q=q, names=names)


@router.get("/{lang}/{rest:path}", include_in_schema=False)
def not_found(request: Request, lang: str, rest: str):
    raise NotFound("page not found")
