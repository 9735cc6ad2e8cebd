"""Adds a permanent link and a ready-made citation to every article and step of a rendered document."""
from __future__ import annotations

import re
from html import escape

from ..content.sections import body_html, heading_html
from ..i18n import date_text
from ..urls import doc_url

_LABEL_END = re.compile(r"[.:(（]")
TYPE_NAMES = {"law": "Law", "decree": "Decree", "decision": "Decision", "circular": "Circular",
              "instruction": "Instruction", "procedure": "Procedure", "agreement": "Agreement", "guide": "Guide", "glossary": "Glossary",
              "news": "News", "page": "Page"}


def unit_label(heading: str) -> str:
    """'Điều 5. Phạm vi' → 'Điều 5'; 'ມາດຕາ 1 (ສະຫຼຸບ)' → 'ມາດຕາ 1'."""
    m = _LABEL_END.search(heading)
    return (heading[: m.start()] if m else heading).strip()


def standing(doc: dict, gettext) -> str:
    """What the cited text is: the official text, a summary of it, or training material."""
    if doc.get("authoritative"):
        return gettext("official text")
    if doc.get("type") == "guide":
        return gettext("not a legal text")
    return gettext("summary, not the official text")


def wording(version: dict, gettext, date) -> str:
    """When a version was a unit's wording: 'wording from 1 July 2025', 'wording until 30 June 2025'.
    date formats an ISO day in the language of gettext."""
    start, end = version.get("from"), version.get("until")
    if start and end:
        return gettext("wording from %(start)s to %(end)s") % {"start": date(start), "end": date(end)}
    if start:
        return gettext("wording from %(date)s") % {"date": date(start)}
    return gettext("wording until %(date)s") % {"date": date(end)} if end else gettext("the only wording")


def citation(doc: dict, heading: str, gettext, version: dict | None = None) -> str:
    """'Điều 5, Quyết định 216/QĐ-BHXH “…title…” (tóm tắt, không phải văn bản chính thức)' in the
    document's language: the article, the document by type, number and title, and what the text is; for
    an article that changed, which of its wordings (version: the one shown)."""
    kind = gettext(TYPE_NAMES.get(doc["type"], "Page"))
    name = f"{kind} {doc['number']}" if doc.get("number") else kind
    cited = gettext("%(unit)s, %(document)s “%(title)s” (%(standing)s)") % {
        "unit": unit_label(heading), "document": name, "title": doc["title"], "standing": standing(doc, gettext)}
    if version is None:
        return cited
    return f"{cited}, {wording(version, gettext, lambda d: date_text(d, doc['lang']))}"


def decorate_units(doc: dict, sections: list[dict], gettext, base_url: str, dated: bool = False) -> list[dict]:
    """The body's sections (doc's, as on its day) as HTML, {"anchor", "heading", "body"}, each unit's heading with
    its link and citation. gettext is the document language's catalog: a citation is in the language of the
    text it cites. In a translation, an article whose original changed since it was translated says so. An
    article that changed is cited with its wording and linked as on the page's day (`doc["on"]`); every
    article is when the reader chose the day (dated)."""
    headings = {e["anchor"]: e["text"] for e in doc["toc"]}
    shown = {u["anchor"]: next((v for v in u["versions"] if v["in_force_on_date"]), None)
             for u in doc.get("versions", [])}
    link_label = escape(gettext("Link to this article"))
    behind = {u["anchor"]: u["source_url"] for u in (doc.get("translation_of") or {}).get("outdated", [])}
    behind_label = escape(gettext("Outdated translation"))
    behind_title = escape(gettext("The original has changed since this was translated."))

    def tools(anchor: str) -> str:
        on = doc.get("on") if dated or anchor in shown else None
        url = base_url + doc_url(doc["lang"], doc["id"], anchor, on=on)
        cite = citation(doc, headings.get(anchor, ""), gettext, shown.get(anchor))
        note = (f' <a class="badge outdated" href="{escape(behind[anchor])}" title="{behind_title}">{behind_label}</a>'
                if anchor in behind else "")
        return (f'{note} <a class="permalink" href="#{anchor}" aria-label="{link_label}">#</a>'
                f'<span class="unit-tools" data-url="{escape(url)}" data-cite="{escape(cite)} — {escape(url)}"></span>')
    return [{"anchor": s["anchor"], "heading": heading_html(s, tools(s["anchor"])) if s["anchor"] else "",
             "body": body_html(s)} for s in sections]


def after_headings(sections: list[dict], anchors: set[str]) -> list[dict]:
    """The body (decorate_units' sections) cut after the heading of each unit in anchors:
    [{"html", "after": anchor or None}], so a page can put a note under those headings."""
    parts, html = [], ""
    for s in sections:
        html += s["heading"]
        if s["anchor"] in anchors:
            parts.append({"html": html, "after": s["anchor"]})
            html = ""
        html += s["body"]
    parts.append({"html": html, "after": None})
    return parts
