"""`kb search`: ranked hits with their article anchors, as text or JSON."""
from __future__ import annotations

import json
import re

from search import CODES, NoIndex, SearchService

from .errors import KbError
from .settings import Settings

_TAGS = re.compile(r"</?mark>")


def hit_json(hit) -> dict:
    url = f"/{hit.lang}/docs/{hit.id}" + (f"#{hit.article}" if hit.article else "")
    return {"id": hit.id, "lang": hit.lang, "title": hit.title, "type": hit.type, "number": hit.number or None,
            "status": hit.status, "url": url, "article": hit.article, "article_title": hit.article_title,
            "snippet": hit.snippet, "score": hit.score}


def run_search_command(settings: Settings, query: str, lang: str, as_json: bool, limit: int) -> int:
    if lang != "all" and lang not in CODES:
        raise KbError(f"--lang must be one of {', '.join(CODES)} or all")
    try:
        results = SearchService(settings.index_dir).search(query, lang=lang, per_page=max(1, min(limit, 100)))
    except NoIndex as exc:
        raise KbError(str(exc)) from None
    if as_json:
        print(json.dumps({"query": query, "lang": lang, "total": results.total,
                          "suggestion": results.suggestion, "results": [hit_json(h) for h in results.hits]},
                         ensure_ascii=False, indent=2))
        return 0
    if results.suggestion:
        print(f"did you mean: {results.suggestion}" + (" (showing its results)" if results.corrected else ""))
    print(f"{results.total} result(s)")
    for n, hit in enumerate(results.hits, 1):
        where = f"#{hit.article} {hit.article_title}" if hit.article else ""
        print(f"{n:2}. [{hit.lang}] {hit.id}{where and ' ' + where}  ({hit.score:.2f})")
        print(f"    {hit.title}" + (f" — {hit.number}" if hit.number else ""))
        print(f"    {_TAGS.sub('*', hit.snippet)}")
    return 0
