"""Checks of article versions: ranges, the amending unit, translations and the document's status."""
from __future__ import annotations

import datetime as dt

from ..errors import Problem
from .documents import Document
from .metadata import NO_STATUS_TYPES
from .versions import Version, label

ONE_DAY = dt.timedelta(days=1)
IN_FORCE_STATUSES = ("in_force", "partly_in_force", "amended")


def _p(doc: Document, line: int, level: str, code: str, message: str) -> Problem:
    return Problem(doc.display_path, line, level, code, message)


def _start(v: Version) -> dt.date:
    return v.valid_from or dt.date.min


def check_ranges(docs: list[Document]) -> list[Problem]:
    """Each unit's versions: no range ends before it starts, none overlaps another, none leaves days without
    a text between two versions, and every version after the first names what made it."""
    out = []
    for doc in docs:
        for unit in doc.versioned_units:
            good = []
            for v in unit.versions:
                if v.valid_from and v.valid_to and v.valid_to < v.valid_from:
                    out.append(_p(doc, v.line, "error", "version-range-inverted",
                                  f"{unit.anchor}: 'until={v.valid_to}' is before 'from={v.valid_from}'"))
                else:
                    good.append(v)
            ordered = sorted(good, key=_start)
            for before, v in zip(ordered, ordered[1:]):
                if before.valid_to is None or before.valid_to >= _start(v):
                    out.append(_p(doc, v.line, "error", "version-overlap",
                                  f"{unit.anchor}: this version ({label(v)}) overlaps the one on line {before.line} "
                                  f"({label(before)}); on any day one version is the text"))
                elif v.valid_from - before.valid_to > ONE_DAY:
                    out.append(_p(doc, v.line, "warning", "version-gap",
                                  f"{unit.anchor}: no version from {before.valid_to + ONE_DAY} to {v.valid_from - ONE_DAY} "
                                  f"(between this one and the one on line {before.line})"))
            for v in sorted(unit.versions, key=_start)[1:]:
                if not v.amended_by:
                    out.append(_p(doc, v.line, "error", "version-attribute-invalid",
                                  f"{unit.anchor}: a version after the first needs amended-by=<doc-id>#<anchor>, "
                                  "the unit that made it"))
    return out


def _amending_unit(doc: Document, anchor: str):
    """The article or step holding an anchor (art-62, or its clause art-62-1-s), else the heading it names."""
    for unit in doc.units:
        if anchor == unit.anchor or anchor.startswith(unit.anchor + "-"):
            return unit
    return next((u for u in doc.parsed.headed if u.anchor == anchor), None)


def check_amended_by(docs: list[Document], lookup) -> list[Problem]:
    """lookup(lang, id): the document a link from that language goes to. 'amended-by' must name an existing
    document and anchor, and the amending unit must say what it amends: link to the document or name its number.
    A training guide or news page follows the law that changed it, which never names the guide: not asked."""
    out = []
    for doc in docs:
        for unit in doc.versioned_units:
            for v in unit.versions:
                if not v.amended_by:
                    continue
                target = lookup(doc.lang, v.amending_document)
                if target is None:
                    out.append(_p(doc, v.line, "error", "version-amended-by-unknown",
                                  f"{unit.anchor}: amended-by names unknown document '{v.amending_document}'"))
                    continue
                if v.amending_anchor not in target.parsed.anchors:
                    out.append(_p(doc, v.line, "error", "version-amended-by-unknown",
                                  f"{unit.anchor}: amended-by '{v.amended_by}': {target.display_path} has no anchor "
                                  f"'{v.amending_anchor}'"))
                    continue
                amending = _amending_unit(target, v.amending_anchor)
                if amending is None or doc.meta.type in NO_STATUS_TYPES:
                    continue
                links = any(link.target == doc.id for link in amending.links)
                number = doc.meta.number
                if not links and not (number and number in f"{amending.heading} {amending.text}"):
                    named = f"neither links to {doc.id} nor names its number {number}" if number else \
                        f"does not link to {doc.id}"
                    out.append(_p(doc, v.line, "warning", "version-amended-by-silent",
                                  f"{unit.anchor}: the amending unit {v.amended_by} ({target.display_path}:"
                                  f"{amending.line}) {named}; say there what it changes"))
    return out


def _signature(unit) -> list[tuple]:
    return [(v.valid_from, v.valid_to, v.amended_by) for v in unit.versions]


def _describe(signature: list[tuple]) -> str:
    if not signature:
        return "no versions"
    return "; ".join(label(Version(a, b)) + (f" amended-by {m}" if m else "") for a, b, m in signature)


def check_translations(docs: list[Document], source_of) -> list[Problem]:
    """A translation's changed units have the same versions as its source's: ranges and amended-by."""
    out = []
    for doc in docs:
        source = source_of(doc)
        if source is None:
            continue
        theirs = {u.anchor: u for u in source.units}
        for unit in doc.units:
            original = theirs.get(unit.anchor)
            if original is None or _signature(original) == _signature(unit):
                continue
            line = unit.versions[0].line if unit.versions else unit.line
            out.append(_p(doc, line, "warning", "version-translation-mismatch",
                          f"{unit.anchor}: versions differ from its source {source.display_path}:{original.line} "
                          f"(here: {_describe(_signature(unit))}; there: {_describe(_signature(original))})"))
    return out


def _successors(docs: list[Document]) -> dict[str, list[Document]]:
    """id → the documents that replace it ('replaces' on them, or 'superseded_by' on it)."""
    by_id = {d.id: d for d in docs}
    out: dict[str, list[Document]] = {}
    for doc in docs:
        for old in doc.meta.relations.get("replaces", []):
            out.setdefault(old, []).append(doc)
        for new in doc.meta.relations.get("superseded_by", []):
            if new in by_id:
                out.setdefault(doc.id, []).append(by_id[new])
    return out


def check_status(docs: list[Document], today: dt.date) -> list[Problem]:
    """The status a document states against its dates and its versions on the day of the check. A repealed
    document without 'expires' is reported only when what replaced it has a known 'effective' date: an
    unconfirmed date stays empty."""
    out = []
    successors = _successors(docs)
    for doc in docs:
        meta, status = doc.meta, doc.meta.status
        at = meta.line("status")
        known = sorted(d.meta.effective for d in successors.get(doc.id, []) if d.meta.effective)
        if status == "repealed" and meta.expires is None and known:
            out.append(_p(doc, at, "warning", "version-status-conflict",
                          f"status repealed, but no 'expires' date: what replaced it took effect on {known[0]}, "
                          f"so this was in force until {known[0] - ONE_DAY} (expires: {known[0] - ONE_DAY})"))
        elif status == "repealed" and meta.expires is not None and meta.expires >= today:
            out.append(_p(doc, at, "warning", "version-status-conflict",
                          f"status repealed, but the document is in force until {meta.expires}"))
        elif status in IN_FORCE_STATUSES and meta.expires and meta.expires < today:
            out.append(_p(doc, at, "warning", "version-status-conflict",
                          f"status {status}, but it expired on {meta.expires}"))
        elif status in IN_FORCE_STATUSES and meta.effective and meta.effective > today:
            out.append(_p(doc, at, "warning", "version-status-conflict",
                          f"status {status}, but it takes effect only on {meta.effective} (not_yet_in_force)"))
        elif status == "not_yet_in_force" and meta.effective and meta.effective <= today:
            out.append(_p(doc, at, "warning", "version-status-conflict",
                          f"status not_yet_in_force, but it took effect on {meta.effective}"))
        if status not in IN_FORCE_STATUSES:
            continue
        for unit in doc.versioned_units:
            if all(v.valid_to is not None and v.valid_to < today for v in unit.versions):
                last = max(unit.versions, key=lambda v: v.valid_to)
                out.append(_p(doc, last.line, "warning", "version-status-conflict",
                              f"{unit.anchor}: every version ended (the last on {last.valid_to}) but the document's "
                              f"status is {status}: add the version in force now, or change the status"))
    return out
