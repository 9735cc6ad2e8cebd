"""The objects of the pages that list documents or terms (home, browse, glossary), for the pages and
their JSON twins alike."""
from __future__ import annotations

from search import CODES, facet_values
from search import match_key as fold_key

from ..urls import browse_url, doc_url, glossary_url, search_url
from . import alphabets
from .library import Library
from .params import NotFound

BROWSE_FACETS = ("type", "status", "year", "tags")
RECENT = 8


def doc_ref(d: dict) -> dict:
    """One document in a list: enough to show and link it."""
    p = d["payload"]
    return {"id": d["id"], "lang": d["lang"], "title": p["title"], "type": p["type"], "number": p["number"] or None,
            "status": p["status"], "issued": p["issued"] or None, "as_of": p["as_of"] or None,
            "url": doc_url(d["lang"], d["id"])}


def recent_documents(library: Library, lang: str) -> list[dict]:
    """The most recently checked documents, newest first (ties: the most recently issued)."""
    docs = library.documents(lang)
    return sorted(docs, key=lambda d: (d["payload"].get("as_of") or "", d["payload"].get("issued") or "",
                                       d["id"]), reverse=True)[:RECENT]


def home_view(library: Library, lang: str) -> dict:
    counts: dict[str, int] = {}
    dates = set()
    docs = library.documents(lang)
    for d in docs:
        counts[d["type"]] = counts.get(d["type"], 0) + 1
        if d["payload"].get("as_of"):
            dates.add(d["payload"]["as_of"])
    dated = sum(1 for d in docs if d["payload"].get("as_of"))
    return {"lang": lang,
            "types": [{"type": t, "count": n, "url": browse_url(lang, "type", t)} for t, n in sorted(counts.items())],
            "recent": [doc_ref(d) for d in recent_documents(library, lang)],
            "checked": {"latest": max(dates) if dates else None, "dated": dated,
                        "same_date": len(dates) == 1 and dated == len(docs)},
            "search_url": search_url(lang), "glossary_url": glossary_url(lang)}


def browse_view(library: Library, lang: str, facet: str = "", value: str = "") -> dict:
    """The facets; with a facet, its values and counts; with a value, its documents, newest first."""
    if facet and facet not in BROWSE_FACETS:
        raise NotFound(f"cannot browse by '{facet[:40]}'")
    groups: dict[str, int] = {}
    listed = []
    if facet:
        for d in library.documents(lang):
            values = facet_values(d, facet)
            for v in values:
                groups[v] = groups.get(v, 0) + 1
            if value and value in values:
                listed.append(d)
        if value and not listed:
            raise NotFound(f"no documents with {facet} '{value[:60]}'")
    listed.sort(key=lambda d: (d["payload"].get("issued") or "", d["id"]), reverse=True)
    return {"lang": lang, "facet": facet or None, "value": value or None,
            "facets": [{"facet": f, "url": browse_url(lang, f)} for f in BROWSE_FACETS],
            "groups": [{"value": v, "count": n, "url": browse_url(lang, facet, v)} for v, n in sorted(groups.items())],
            "documents": [doc_ref(d) for d in listed]}


def glossary_view(library: Library, lang: str, q: str = "") -> dict:
    """Every term in both languages, in the alphabetical order of the page's language, with an index of
    the letters they start with; q filters (accents optional)."""
    terms = library.glossary
    names = {t["id"]: t[lang]["term"] for t in terms}
    if q:
        key = fold_key(q)
        terms = [t for t in terms if any(key in fold_key(t[c]["term"] + " " + " ".join(t[c]["abbr"])) for c in CODES)]
    terms = sorted(terms, key=lambda t: alphabets.sort_key(t[lang]["term"], lang))
    letters = list(dict.fromkeys(alphabets.letter(t[lang]["term"], lang) for t in terms))
    return {"lang": lang, "query": q, "total": len(terms),
            "letters": [{"letter": x, "anchor": f"letter-{x}"} for x in letters],
            "terms": [{"id": t["id"], "url": glossary_url(lang, term=t["id"]),
                       "letter": alphabets.letter(t[lang]["term"], lang),
                       **{c: {"term": t[c]["term"], "abbr": list(t[c]["abbr"]), "definition": t[c]["definition"]}
                          for c in CODES},
                       "see": [{"id": s, "term": names.get(s, s), "url": glossary_url(lang, term=s)} for s in t["see"]]}
                      for t in terms]}
