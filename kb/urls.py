"""Where things are on the site: the paths the pages, the API and `kb search` link to."""
from __future__ import annotations

from urllib.parse import urlencode


def doc_url(lang: str, doc_id: str, anchor: str | None = None) -> str:
    return f"/{lang}/docs/{doc_id}" + (f"#{anchor}" if anchor else "")


def search_url(lang: str, query: str) -> str:
    return f"/{lang}/search?" + urlencode({"q": query})
