"""Adds a permanent link and a ready-made citation to every article and step of a rendered document."""
from __future__ import annotations

import re
from html import escape

_UNIT_HEADING = re.compile(r'<h([1-6]) id="((?:art|step)-[0-9]+)">(.*?)</h\1>', re.S)
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


def citation(doc: dict, heading: str, gettext) -> str:
    """'Điều 5, Quyết định 216/QĐ-BHXH “…title…” (tóm tắt, không phải văn bản chính thức)' in the
    document's language: the article, the document by type, number and title, and what the text is."""
    kind = gettext(TYPE_NAMES.get(doc["type"], "Page"))
    name = f"{kind} {doc['number']}" if doc.get("number") else kind
    return gettext("%(unit)s, %(document)s “%(title)s” (%(standing)s)") % {
        "unit": unit_label(heading), "document": name, "title": doc["title"], "standing": standing(doc, gettext)}


def decorate_units(doc: dict, gettext, base_url: str) -> str:
    """gettext is the document language's catalog: a citation is in the language of the text it cites.
    In a translation, an article whose original changed since it was translated says so."""
    headings = {e["anchor"]: e["text"] for e in doc["toc"]}
    link_label = escape(gettext("Link to this article"))
    behind = {u["anchor"]: u["source_url"] for u in (doc.get("translation_of") or {}).get("outdated", [])}
    behind_label = escape(gettext("Outdated translation"))
    behind_title = escape(gettext("The original has changed since this was translated."))

    def add(m: re.Match) -> str:
        level, anchor, inner = m.group(1), m.group(2), m.group(3)
        url = f"{base_url}{doc['url']}#{anchor}"
        cite = citation(doc, headings.get(anchor, ""), gettext)
        note = (f' <a class="badge outdated" href="{escape(behind[anchor])}" title="{behind_title}">{behind_label}</a>'
                if anchor in behind else "")
        return (f'<h{level} id="{anchor}">{inner}{note} <a class="permalink" href="#{anchor}" '
                f'aria-label="{link_label}">#</a>'
                f'<span class="unit-tools" data-url="{escape(url)}" data-cite="{escape(cite)} — {escape(url)}"></span>'
                f'</h{level}>')
    return _UNIT_HEADING.sub(add, doc["html"])
