"""The objects both the pages and the JSON API render for documents and the translation report
(search results: kb/searching.py, which `kb search` prints too)."""
from __future__ import annotations

from ..content.metadata import RELATIONS, REVERSE
from ..content.sections import sections_html
from ..content.translations import DOC_STATES, FRONT, STATES
from ..urls import doc_url
from .library import Library

# Relations in the order a reader looks for them: what replaced this first.
RELATION_ORDER = ("superseded_by", "replaced_by", "amended_by", "replaces", "amends", "implements",
                  "implemented_by", "supersedes", "cites", "cited_by", "related")


def document_link(library: Library, lang: str, doc_id: str) -> dict:
    target = library.doc(lang, doc_id) or library.any_language(doc_id)
    if target is None:
        return {"id": doc_id, "lang": lang, "title": doc_id, "number": None, "url": None, "status": None}
    p = target["payload"]
    return {"id": doc_id, "lang": target["lang"], "title": p["title"], "number": p["number"] or None,
            "url": doc_url(target["lang"], doc_id), "status": p["status"]}


def document_view(library: Library, doc: dict) -> dict:
    p = doc["payload"]
    lang = doc["lang"]
    relations = {}
    for rel, ids in p.get("relations", {}).items():
        relations.setdefault(rel, []).extend(ids)
    for rel, ids in p.get("derived", {}).items():
        relations.setdefault(rel, []).extend(i for i in ids if i not in relations.get(rel, []))
    ordered = [{"relation": rel, "documents": [document_link(library, lang, i) for i in relations[rel]]}
               for rel in RELATION_ORDER if relations.get(rel)]
    replaced_by = relations.get("superseded_by", []) + relations.get("replaced_by", [])
    return {
        "id": doc["id"], "lang": lang, "title": p["title"], "summary": p["summary"], "type": p["type"],
        "number": p["number"] or None, "issuer": p["issuer"] or None, "signer": p["signer"] or None,
        "issued": p["issued"] or None, "effective": p["effective"] or None, "expires": p["expires"] or None,
        "status": p["status"], "tags": p["tags"], "source": p["source"] or None,
        "authoritative": p["authoritative"], "as_of": p["as_of"] or None,
        "checked_against_official": p.get("checked_against_official", False),
        "url": doc_url(lang, doc["id"]),
        "toc": p["toc"], "html": sections_html(p["sections"]),
        "relations": ordered,
        "replaced_by": [document_link(library, lang, i) for i in replaced_by],
        "amended_by": [document_link(library, lang, i) for i in relations.get("amended_by", [])],
        "translations": [{"lang": t, "url": doc_url(t, doc["id"])} for t in doc["translations"]],
        "translation_of": _translation(doc),
    }


def _translation(doc: dict) -> dict | None:
    """Which source this translation follows and what of it is behind; None for an original."""
    t = doc["payload"].get("translation")
    if not t:
        return None
    headings = {e["anchor"]: e["text"] for e in doc["payload"]["toc"]}

    def units(anchors: list[str]) -> list[dict]:
        return [{"anchor": a, "heading": headings.get(a), "source_url": doc_url(t["source"], doc["id"], a)}
                for a in anchors]
    outdated = [a for a in t["outdated"] if a != FRONT]
    return {"lang": t["source"], "url": doc_url(t["source"], doc["id"]), "state": t["state"],
            "accepted": t["accepted"] or None, "front_outdated": FRONT in t["outdated"],
            "outdated": units(outdated), "missing": units(t["missing"])}


def translations_view(report: list[dict], library: Library) -> dict:
    """Every original in every other language, worst first: what maintainers have to translate next.
    Rows name documents by title (the translation's own, else the original's)."""
    order = {state: n for n, state in enumerate(reversed(DOC_STATES))}
    rows = []
    for s in sorted(report, key=lambda s: (order.get(s["state"], 9), s["id"], s["lang"])):
        rows.append({
            "id": s["id"], "lang": s["lang"], "source": s["source"],
            "title": _title(library, s["lang"], s["id"]) or _title(library, s["source"], s["id"]) or s["id"],
            "source_title": _title(library, s["source"], s["id"]) or s["id"],
            "state": s["state"], "accepted": s["accepted"] or None,
            "url": doc_url(s["lang"], s["id"]) if s["state"] != "missing" else None,
            "source_url": doc_url(s["source"], s["id"]),
            "articles": [{"anchor": u["anchor"], "heading": u["heading"], "state": u["state"],
                          "source_url": doc_url(s["source"], s["id"], None if u["anchor"] == FRONT else u["anchor"])}
                         for u in s["units"] if u["state"] != "translated"],
            "counts": {state: sum(1 for u in s["units"] if u["state"] == state) for state in STATES},
        })
    totals = {state: sum(1 for r in rows if r["state"] == state) for state in order}
    return {"totals": totals, "translations": rows}


def _title(library: Library, lang: str, doc_id: str) -> str | None:
    doc = library.doc(lang, doc_id)
    return doc["payload"]["title"] if doc else None


assert set(RELATION_ORDER) >= set(RELATIONS) | set(REVERSE.values())
