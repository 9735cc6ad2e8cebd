"""Search results as the pages, the JSON API and `kb search` show them: ranked hits with their article anchors."""
from __future__ import annotations

import json
import re

from search import CODES, Bilingual, CrossLanguageSearch, NoIndex, SearchResults, SearchService

from .errors import KbError
from .settings import Settings
from .urls import doc_url, search_url

_TAGS = re.compile(r"</?mark>")


def results_view(results: SearchResults, via: dict[str, list[str]] | None = None) -> dict:
    return {
        "query": results.query,
        "lang": results.lang,
        "total": results.total,
        "page": results.page,
        "per_page": results.per_page,
        "results": [{
            "id": h.id, "lang": h.lang, "title": h.title, "type": h.type, "number": h.number or None,
            "status": h.status, "url": doc_url(h.lang, h.id, h.article), "article": h.article,
            "article_title": h.article_title, "snippet": h.snippet, "score": h.score,
            "found_by": (via or {}).get(f"{h.lang}:{h.id}", ["query"]),
            # The snippet is a changed article's wording of other days than the one searched: those days.
            "former_wording": {"from": h.former[0] or None, "until": h.former[1] or None} if h.former else None,
        } for h in results.hits],
        "facets": {name: [{"value": v, "count": c} for v, c in values] for name, values in results.facets.items()},
        "suggestion": results.suggestion,
        "corrected": results.corrected,
    }


def search_view(found: Bilingual) -> dict:
    """The reader's results, then the other language's best ones (None when it has none)."""
    out = results_view(found.main.results, found.main.via)
    out["searched_as"] = found.main.searched_as
    other = found.other
    out["other"] = None if other is None else {
        "lang": other.lang, "total": other.results.total, "searched_as": other.searched_as,
        "url": search_url(other.lang, found.main.results.query),
        "results": results_view(other.results, other.via)["results"],
    }
    return out


def _print_hits(hits: list[dict]) -> None:
    for n, hit in enumerate(hits, 1):
        where = f" #{hit['article']} {hit['article_title']}" if hit["article"] else ""
        how = "" if "query" in hit["found_by"] else f"  [via {', '.join(hit['found_by'])}]"
        print(f"{n:2}. [{hit['lang']}] {hit['id']}{where}  ({hit['score']:.2f}){how}")
        print(f"    {hit['title']}" + (f" — {hit['number']}" if hit["number"] else ""))
        print(f"    {_TAGS.sub('*', hit['snippet'])}")


def run_search_command(settings: Settings, query: str, lang: str, as_json: bool, limit: int) -> int:
    if lang != "all" and lang not in CODES:
        raise KbError(f"--lang must be one of {', '.join(CODES)} or all")
    try:
        found = CrossLanguageSearch(SearchService(settings.index_dir)).search(
            query, lang=lang, per_page=max(1, min(limit, 100)), on=settings.clock().isoformat())
    except NoIndex as exc:
        raise KbError(str(exc)) from None
    view = search_view(found)
    if as_json:
        print(json.dumps(view, ensure_ascii=False, indent=2))
        return 0
    if view["suggestion"]:
        print(f"did you mean: {view['suggestion']}" + (" (showing its results)" if view["corrected"] else ""))
    for code, text in view["searched_as"].items():
        print(f"searched the {code} documents for: {text}")
    print(f"{view['total']} result(s)")
    _print_hits(view["results"])
    if view["other"]:
        other = view["other"]
        print(f"\nin {other['lang']}: {other['total']} result(s), the best {len(other['results'])}:")
        _print_hits(other["results"])
    return 0
