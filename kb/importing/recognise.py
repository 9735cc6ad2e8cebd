"""Metadata from the layout of an official document: number, type, issuer, date, title, legal basis, signer."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kb.content.structure import classify
from search import OfficialWords, match_key
from search import NUMBER_RE, canonical, find_numbers

from .source import Para

SEPARATOR = re.compile(r"^[-_*=.~·o0\s]{3,}$")
UNIT_KINDS = ("part", "chapter", "section", "article", "step")


@dataclass
class Recognised:
    found: list[tuple[str, str, str]] = field(default_factory=list)  # (what, value, where)
    missing: list[str] = field(default_factory=list)
    number: str = ""
    type: str = ""
    type_name: str = ""  # how a title names the type: "Quyết định", "ຂໍ້ຕົກລົງ"
    issuer: str = ""
    issued: dt.date | None = None
    subject: str = ""
    signer: str = ""
    signer_title: str = ""
    cites: list[str] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    tail: list[Para] = field(default_factory=list)  # the signature block and distribution list

    def note(self, what: str, value: str, where: str) -> None:
        self.found.append((what, value, where))


def _is(pattern: str, text: str) -> re.Match | None:
    return re.search(pattern, text, re.I)


def _layout(table: Para, words: OfficialWords) -> bool:
    """A table that only lays out the header or the signature block side by side, not a table of data."""
    patterns = (*words.motto, words.number, words.dated, words.signer, words.recipients)
    return any(_is(p, c.text) for c in table.cells for p in patterns)


def _unit(p: Para) -> bool:
    return not p.rows and classify(0, p.text).kind in UNIT_KINDS


def recognise(paras: list[Para], words: OfficialWords, lang: str, known: dict[str, str]) -> Recognised:
    """known: canonical document number → id of the documents already in the content."""
    r = Recognised()
    flat: list[Para] = []
    for p in paras:
        flat.extend(p.cells if p.rows and _layout(p, words) else [p])
    flat = [p for p in flat if p.rows or not (SEPARATOR.match(p.text) or any(_is(m, p.text) for m in words.motto))]
    first_unit = next((i for i, p in enumerate(flat) if _unit(p)), len(flat))
    start = _header(r, flat[:first_unit], words)
    last_unit = max((i for i, p in enumerate(flat) if _unit(p)), default=len(flat) - 1)
    end = _signature(r, flat, last_unit + 1, words, lang)
    r.body, r.tail = flat[start:end], flat[end:]
    for p in flat[start:first_unit]:
        if _is(words.basis, p.text):
            _basis(r, p, known)
    for what, value in (("number", r.number), ("type", r.type), ("issuer", r.issuer), ("issue date", r.issued),
                        ("title", r.subject), ("signer", r.signer)):
        if not value:
            r.missing.append(what)
    return r


def _header(r: Recognised, head: list[Para], words: OfficialWords) -> int:
    """Reads the lines before the first chapter or article; returns where the body starts."""
    types = sorted(words.types.items(), key=lambda kv: -len(kv[0]))
    type_at = None
    for i, p in enumerate(head):
        key = match_key(p.text)
        if NUMBER_RE.search(p.text):
            continue  # "Luật số: 41/2024/QH15" is the number line, not the title
        for word, (kind, name) in types:
            w = match_key(word)
            if key == w or (key.startswith(w + " ") and len(p.text) < 200 and not _is(words.basis, p.text)):
                type_at, r.type, r.type_name = i, kind, name
                r.note("type", f"{kind} ({p.text})", p.where)
                rest = p.text[len(word):].strip()
                if rest and not NUMBER_RE.search(rest):
                    r.subject = rest
                break
        if type_at is not None:
            break
    top = head[:type_at] if type_at is not None else head[:8]
    number_at = None
    for i, p in enumerate(top):
        m = _is(words.number, p.text) or _is(r"(?:^|\s)(?:số|ເລກທີ)\s*[:.]?\s*", p.text)
        n = NUMBER_RE.search(p.text, m.end()) if m else None
        if n and not r.number:
            r.number, number_at = n.group(0).replace(" ", ""), i
            r.note("number", r.number, p.where)
        d = _is(words.dated, p.text)
        if d and r.issued is None:
            month = d.group("month")
            month = int(month) if month.isdecimal() else words.months.get(month)
            try:
                r.issued = dt.date(int(d.group("year")), month or 0, int(d.group("day")))
                place = (d.group("place") or "").strip()
                r.note("issue date", r.issued.isoformat() + (f" ({place})" if place else ""), p.where)
            except ValueError:
                r.note("issue date", f"not a real date: {d.group(0)}", p.where)
    others = [p for p in top if not (_is(words.number, p.text) or _is(words.dated, p.text)) and not p.rows]
    before = [p for p in others if number_at is not None and top.index(p) < number_at]
    issuer = (before or others or [None])[-1 if before else 0]
    if issuer is not None:
        r.issuer = issuer.text
        r.note("issuer", issuer.text, issuer.where)
    if type_at is None:
        return 0
    start = type_at + 1
    if not r.subject and start < len(head):
        p = head[start]
        if not (_is(words.basis, p.text) or _is(words.signer, p.text) or p.text.isupper() or p.rows):
            r.subject, start = p.text, start + 1
    if r.subject:
        r.note("title", r.subject, head[start - 1].where)
    return start


def _signature(r: Recognised, flat: list[Para], after: int, words: OfficialWords, lang: str) -> int:
    """Finds the signature block after the last legal unit; returns where it starts (the body's end)."""
    def title(p: Para) -> bool:
        return bool(_is(words.signer, p.text)) and (lang != "vi" or p.text.isupper()) and len(p.text) < 100

    start = next((i for i in range(after, len(flat)) if not flat[i].rows
                  and (title(flat[i]) or _is(words.recipients, flat[i].text))), None)
    if start is None:
        return len(flat)
    titles, name, listing = [], None, False
    for p in flat[start:]:
        if _is(words.recipients, p.text):
            listing = True
        elif title(p):
            titles.append(p)
            listing = False
        elif _is(words.signed, p.text) or p.rows:
            continue
        elif listing and (p.text[:1] in "-+•" or p.text.endswith((";", ".", ","))):
            continue
        elif len(p.text) <= 60 and not re.search(r"\d", p.text):
            name, listing = p, False
    if titles:
        r.signer_title = " / ".join(t.text for t in titles)
        r.note("signer's title", r.signer_title, titles[0].where)
    if name is not None:
        r.signer = name.text
        r.note("signer", name.text, name.where)
    return start


def _basis(r: Recognised, p: Para, known: dict[str, str]) -> None:
    for key in find_numbers(p.text, normalized=True):
        if key in known and known[key] not in r.cites:
            r.cites.append(known[key])
            r.note("cites", f"{known[key]} ({key})", p.where)
        elif key not in known:
            r.note("basis not in the knowledge base", key, p.where)


def numbers_of(documents) -> dict[str, str]:
    """canonical number → id, for documents that have a number."""
    return {canonical(d.meta.number): d.id for d in documents if d.meta.number}
