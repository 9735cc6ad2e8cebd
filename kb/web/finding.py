"""The one place the pages and the API call the searcher, so what they ask of it is said once."""
from __future__ import annotations

import inspect

from search import Bilingual

from .params import SearchParams
from ..searching import search_view


def takes_day(searcher) -> bool:
    """Whether the searcher can search the wording as on a day (its search() has an `on` parameter)."""
    return "on" in inspect.signature(searcher.search).parameters


def find(searcher, sp: SearchParams) -> Bilingual:
    """sp.on goes to the searcher, as an ISO day, only if it takes one: a day it cannot use is not an error
    (the results view says which day, if any, was searched)."""
    options = {"on": sp.on.isoformat()} if sp.on is not None and takes_day(searcher) else {}
    return searcher.search(sp.q, lang=sp.lang, facets=sp.facets, sort=sp.sort, page=sp.page, per_page=sp.per_page,
                           **options)


def found_view(searcher, sp: SearchParams) -> dict:
    """The results view of a search, with the day whose wording was searched (None: today's)."""
    view = search_view(find(searcher, sp))
    view["on"] = sp.on.isoformat() if sp.on is not None and takes_day(searcher) else None
    return view
