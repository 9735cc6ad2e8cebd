"""`kb search`: ranked hits with their article anchors, as text or JSON (the API's objects)."""
from __future__ import annotations

import json
import re

from search import CODES, CrossLanguageSearch, NoIndex, SearchService

from .errors import KbError
from .settings import Settings
from .web.views import search_view

_TAGS = re.compile(r"</?mark>")


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
            query, lang=lang, per_page=max(1, min(limit, 100)))
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
