"""The one place the pages and the API call the searcher, so what they ask of it is said once."""
from __future__ import annotations

import datetime as dt

from search import Bilingual

from .params import SearchParams
from ..searching import search_view


def find(searcher, sp: SearchParams, today: dt.date) -> Bilingual:
    """The wording searched is that of sp.on, or of the site's today (its clock), never the machine's."""
    return searcher.search(sp.q, lang=sp.lang, facets=sp.facets, sort=sp.sort, page=sp.page, per_page=sp.per_page,
                           on=(sp.on or today).isoformat())


def found_view(searcher, sp: SearchParams, today: dt.date) -> dict:
    """The results view of a search, with the day the reader chose to search (None: today's wording)."""
    view = search_view(find(searcher, sp, today))
    view["on"] = sp.on.isoformat() if sp.on is not None else None
    return view
