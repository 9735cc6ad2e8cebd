"""A document as on a day: each changed unit's wording then, the document's standing then, who amended what
(both ways), and the word-by-word changes between two days. Read from the payload kb/records.py writes."""
from __future__ import annotations

import datetime as dt

from ..content.sections import sections_html
from ..content.versions import IN_FORCE, NOT_YET, covers, parse_date, validity
from .citations import unit_label
from .diffs import counts, diff_words
from .library import Library
from ..urls import changes_url, doc_url
from .views import document_link, document_view

ONE_DAY = dt.timedelta(days=1)


def _day(iso: str | None) -> dt.date | None:
    return parse_date(iso) if iso else None  # the payload writes "" for an open end


def day_before(day: dt.date) -> dt.date:
    return day - ONE_DAY if day > dt.date.min else day


def sections_on(payload: dict, day: dt.date) -> list[dict]:
    """The body's sections as on the day: the period that covers it (a document without versions has one body)."""
    for period in payload.get("html_periods") or []:
        if covers(_day(period["from"]), _day(period["until"]), day):
            return period["sections"]
    return payload["sections"]


def _heading(payload: dict, anchor: str) -> str | None:
    return next((e["text"] for e in payload["toc"] if e["anchor"] == anchor), None)


def amending_unit(library: Library, lang: str, target: str) -> dict | None:
    """'law-84-2025-qh15#art-62' as a reader is told it: the unit ('Điều 62') and its document, in the
    reader's language when translated."""
    if not target:
        return None
    doc_id, _, anchor = target.partition("#")
    found = library.doc(lang, doc_id) or library.any_language(doc_id)
    if found is None:
        return {"id": doc_id, "anchor": anchor, "lang": lang, "url": None, "unit": anchor, "type": None,
                "number": None, "title": doc_id}
    p = found["payload"]
    return {"id": doc_id, "anchor": anchor, "lang": found["lang"], "url": doc_url(found["lang"], doc_id, anchor),
            "unit": unit_label(_heading(p, anchor) or anchor), "type": p["type"], "number": p["number"] or None,
            "title": p["title"]}


def _version(library: Library, doc: dict, anchor: str, v: dict, day: dt.date) -> dict:
    start, end = _day(v["from"]), _day(v["until"])
    return {"from": v["from"] or None, "until": v["until"] or None, "note": v["note"] or None,
            "amended_by": amending_unit(library, doc["lang"], v["amended_by"]),
            "in_force_on_date": covers(start, end, day), "url": doc_url(doc["lang"], doc["id"], anchor, on=start or end)}


def unit_versions(library: Library, doc: dict, day: dt.date) -> list[dict]:
    """Every changed unit in page order, with all its versions and which one was its wording on the day."""
    p = doc["payload"]
    return [{"anchor": anchor, "heading": _heading(p, anchor),
             "versions": [_version(library, doc, anchor, v, day) for v in versions]}
            for anchor, versions in (p.get("versions") or {}).items()]


def changes_made(library: Library, doc: dict) -> list[dict]:
    """Reverse links: for each unit of this document that amended others, the units it changed and from when."""
    out = []
    for anchor, changes in (doc["payload"].get("changes_made") or {}).items():
        items = []
        for c in changes:
            start = _day(c["from"])
            amended = library.doc(c["lang"], c["id"])
            items.append({"id": c["id"], "lang": c["lang"], "anchor": c["anchor"], "heading": c["heading"],
                          "unit": unit_label(c["heading"]), "number": c["number"] or None,
                          "type": amended["payload"]["type"] if amended else None,
                          "title": amended["payload"]["title"] if amended else c["id"],
                          "from": c["from"] or None, "until": c["until"] or None,
                          "url": doc_url(c["lang"], c["id"], c["anchor"], on=start or _day(c["until"])),
                          "changes_url": changes_url(c["lang"], c["id"], start and day_before(start), start,
                                                     c["anchor"])})
        out.append({"anchor": anchor, "heading": _heading(doc["payload"], anchor), "changes": items})
    return out


def standing(library: Library, doc: dict, day: dt.date) -> tuple[str, list[dict]]:
    """The document's own standing on the day (in_force, not_yet, expired, unknown) and, when it was not yet
    in force, the documents it replaces that were."""
    p = doc["payload"]
    state = validity(_day(p.get("effective")), _day(p.get("expires")), day)
    instead = []
    if state == NOT_YET:
        for other in p.get("relations", {}).get("replaces", []):
            found = library.doc(doc["lang"], other) or library.any_language(other)
            if found and validity(_day(found["payload"].get("effective")), _day(found["payload"].get("expires")),
                                  day) == IN_FORCE:
                instead.append(document_link(library, doc["lang"], other))
    return state, instead


def document_on(library: Library, doc: dict, day: dt.date) -> dict:
    """The document view (views.document_view) as on the day: its body then, and the versions around it."""
    view = document_view(library, doc)
    state, instead = standing(library, doc, day)
    versions = unit_versions(library, doc, day)
    view.update(on=day.isoformat(), validity=state, in_force_instead=instead, versions=versions,
                changes_made=changes_made(library, doc), html=sections_html(sections_on(doc["payload"], day)),
                changes_url=changes_url(doc["lang"], doc["id"]) if versions else None)
    return view


def change_days(payload: dict) -> list[dt.date]:
    """The days on which some unit's wording changed: a version starts, or the day after one ends."""
    days = set()
    for versions in (payload.get("versions") or {}).values():
        for v in versions:
            start, end = _day(v["from"]), _day(v["until"])
            days.update(d for d in (start, end and end < dt.date.max and end + ONE_DAY) if d)
    return sorted(days)


def default_span(payload: dict, today: dt.date, start: dt.date | None, end: dt.date | None):
    """Days left out: `to` is the latest change (today for a document that never changed), `from` the day before."""
    days = change_days(payload)
    end = end or (days[-1] if days else today)
    start = start or day_before(end)
    return start, end


def _index_on(versions: list[dict], day: dt.date) -> int | None:
    return next((n for n, v in enumerate(versions) if covers(_day(v["from"]), _day(v["until"]), day)), None)


def changes_view(library: Library, doc: dict, start: dt.date, end: dt.date) -> dict:
    """Each unit whose wording on `end` differs from its wording on `start`, with the word-by-word difference
    of the two versions (the unit's text outside its versions is the same on both days)."""
    p, lang = doc["payload"], doc["lang"]
    articles = []
    for anchor, versions in (p.get("versions") or {}).items():
        before, after = _index_on(versions, start), _index_on(versions, end)
        if before == after:
            continue
        old = versions[before] if before is not None else None
        new = versions[after] if after is not None else None
        runs = diff_words(old.get("text", "") if old else "", new.get("text", "") if new else "")
        articles.append({"anchor": anchor, "heading": _heading(p, anchor), "url": doc_url(lang, doc["id"], anchor, on=end),
                         "before": _version(library, doc, anchor, old, start) if old else None,
                         "after": _version(library, doc, anchor, new, end) if new else None,
                         "runs": runs, **counts(runs)})
    return {"id": doc["id"], "lang": lang, "title": p["title"], "type": p["type"], "number": p["number"] or None,
            "authoritative": p["authoritative"], "url": doc_url(lang, doc["id"]),
            "from": start.isoformat(), "to": end.isoformat(),
            "days": [{"day": d.isoformat(), "url": changes_url(lang, doc["id"], day_before(d), d)}
                     for d in change_days(p)],
            "articles": articles}
