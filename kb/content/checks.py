"""Corpus checks: duplicate ids, aliases, relations, links and translation pairs."""
from __future__ import annotations

from ..errors import Problem
from .documents import Document
from .metadata import RELATIONS


def _p(doc: Document, line: int, level: str, code: str, message: str) -> Problem:
    return Problem(doc.display_path, line, level, code, message)


def check_ids(docs: list[Document]) -> list[Problem]:
    out, seen, aliases = [], {}, {}
    for doc in docs:
        first = seen.setdefault(doc.key, doc)
        if first is not doc:
            out.append(_p(doc, doc.meta.line("id"), "error", "id-duplicate",
                          f"id '{doc.id}' is already used by {first.display_path}"))
    for doc in docs:
        for alias in doc.meta.aliases:
            key = f"{doc.lang}:{alias}"
            owner = seen.get(key) or aliases.get(key)
            if owner is not None and owner is not doc:
                out.append(_p(doc, doc.meta.line("aliases"), "error", "alias-conflict",
                              f"alias '{alias}' is already the id or an alias of {owner.display_path}"))
            aliases.setdefault(key, doc)
    return out


def check_relations(docs: list[Document], ids: set[str]) -> list[Problem]:
    out = []
    by_id: dict[str, list[Document]] = {}
    for d in docs:
        by_id.setdefault(d.id, []).append(d)
    for doc in docs:
        for rel in RELATIONS:
            for target in doc.meta.relations.get(rel, []):
                if target == doc.id:
                    out.append(_p(doc, doc.meta.line(rel), "error", "relation-self", f"'{rel}' names the document itself"))
                elif target not in ids:
                    out.append(_p(doc, doc.meta.line(rel), "error", "relation-unknown",
                                  f"'{rel}' names unknown document '{target}'"))
        for target in doc.meta.relations.get("superseded_by", []):
            # Relations name ids, so a 'replaces' written in either language already says it.
            if any(doc.id in other.meta.relations.get("replaces", []) for other in by_id.get(target, [])):
                out.append(_p(doc, doc.meta.line("superseded_by"), "warning", "relation-duplicate",
                              f"'superseded_by: {target}' repeats what '{target}' already says with 'replaces'"))
    return out


def check_links(docs: list[Document], lookup) -> list[Problem]:
    """lookup(lang, id) returns the document a link from that language goes to, or None."""
    out = []
    for doc in docs:
        for link in doc.parsed.links:
            target = lookup(doc.lang, link.target)
            if target is None:
                out.append(_p(doc, link.line, "error", "link-broken", f"link to unknown document '{link.target}'"))
            elif link.anchor and link.anchor not in target.parsed.anchors:
                out.append(_p(doc, link.line, "error", "link-broken",
                              f"link to '{link.target}#{link.anchor}': {target.display_path} has no such anchor"))
    return out


def check_translations(docs: list[Document]) -> list[Problem]:
    out = []
    by_id: dict[str, list[Document]] = {}
    for doc in docs:
        by_id.setdefault(doc.id, []).append(doc)
    for group in by_id.values():
        for doc in group:
            have = {u.anchor for u in doc.units}
            for other in group:
                if other is doc:
                    continue
                for unit in other.units:
                    if unit.anchor not in have:
                        out.append(_p(doc, 1, "warning", "translation-unit-missing",
                                      f"{unit.anchor} missing in {doc.lang} (present in {other.display_path})"))
    return out


def check_translation_sources(docs: list[Document], lookup) -> list[Problem]:
    """lookup(lang, id) returns that language's document with this id, or None."""
    out = []
    for doc in docs:
        source_lang = doc.meta.translation_of
        if source_lang is None:
            continue
        line = doc.meta.line("translation_of")
        source = lookup(source_lang, doc.id)
        if source_lang == doc.lang:
            out.append(_p(doc, line, "error", "translation-source-invalid", "'translation_of' names the document's own language"))
        elif source is None:
            out.append(_p(doc, line, "error", "translation-source-missing",
                          f"'translation_of: {source_lang}' but there is no {source_lang} document with id '{doc.id}'"))
        elif source.meta.translation_of is not None:
            out.append(_p(doc, line, "error", "translation-source-invalid",
                          f"the {source_lang} document is itself a translation ({source.display_path})"))
    return out
