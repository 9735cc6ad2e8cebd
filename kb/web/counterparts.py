"""The same place in the other language: a browse value, a search's filters, a heading's anchor.

Documents share their id and their article and step anchors across languages, but tags are words of
each language and other headings get anchors from their own text (`#hieu-luc`, `#ຜົນບັງຄັບໃຊ້`). A tag's
counterpart is the glossary's translation of it when the other language uses that as a tag, else the
other language's tag on the most nearly the same documents (at the same place in their tag lists); with
neither, the reader goes to the list of tags, the nearest page that exists. Headings pair by their place between the anchors both share."""
from __future__ import annotations

from search import facet_values, match_key

from .library import Library

WORDS = ("tags", "issuer")  # facets whose values are words of each language


def _docs_with(library: Library, lang: str, facet: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for d in library.documents(lang):
        for v in facet_values(d, facet):
            if v:
                out.setdefault(v, set()).add(d["id"])
    return out


def _glossary_tag(library: Library, lang: str, tag: str, other: str, tags: dict[str, set[str]]) -> str | None:
    """The glossary's translation of `tag`, when `other` has it as a value."""
    key = match_key(tag)
    by_key = {match_key(t): t for t in tags}
    for term in library.glossary:
        forms = [term[lang]["term"], *term[lang]["abbr"]]
        if any(match_key(f) == key for f in forms):
            for form in (term[other]["term"], *term[other]["abbr"]):
                if match_key(form) in by_key:
                    return by_key[match_key(form)]
    return None


def facet_value(library: Library, lang: str, facet: str, value: str, other: str) -> str | None:
    """The value of `facet` in `other` that means `value` in `lang`, or None when there is none."""
    there = _docs_with(library, other, facet)
    if facet not in WORDS:
        return value if value in there else None
    if (found := _glossary_tag(library, lang, value, other, there)) is not None:
        return found
    here = _docs_with(library, lang, facet).get(value, set())
    best, score = None, 0.0
    for tag, ids in sorted(there.items()):
        # Shared documents, and where a translation lists its tags in its original's order, the same place.
        shared = len(here & ids) / len(here | ids)
        placed = sum(1 for doc_id in here & ids if _place(library, lang, doc_id, facet, value)
                     == _place(library, other, doc_id, facet, tag)) / len(here) if here else 0.0
        if (shared + placed) / 2 > score:
            best, score = tag, (shared + placed) / 2
    return best if score >= 0.4 else None


def _place(library: Library, lang: str, doc_id: str, facet: str, value: str) -> int:
    return facet_values(library.doc(lang, doc_id), facet).index(value)


def anchor_map(source_toc: list[dict], target_toc: list[dict]) -> dict[str, str]:
    """Anchors of `source_toc` → the anchors of the same headings in `target_toc`, where they differ.

    Anchors both have (articles, steps, explicit ids) fix the alignment; between two of them, headings
    pair in order when they are at the same level."""
    shared = {e["anchor"] for e in source_toc} & {e["anchor"] for e in target_toc}

    def runs(toc):
        out, run = [], []
        for e in toc:
            if e["anchor"] in shared:
                out.append((run, e["anchor"]))
                run = []
            else:
                run.append(e)
        out.append((run, None))
        return out
    mapping: dict[str, str] = {}
    target_runs = dict((end, run) for run, end in runs(target_toc))
    for run, end in runs(source_toc):
        for a, b in zip(run, target_runs.get(end, [])):
            if a["level"] != b["level"]:
                break
            mapping[a["anchor"]] = b["anchor"]
    return mapping
