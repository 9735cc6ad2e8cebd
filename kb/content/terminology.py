"""One terminology in both languages: the glossary terms of a source article are in its translation, and a
marked term used in one language's pages is used in the other's too. Both checks match terms exactly as
the glossary marking does (TermMarking), so what they report is what a reader sees linked, or not."""
from __future__ import annotations

from pathlib import Path

from search import CODES

from ..errors import Problem, display_path
from .documents import Document
from .glossary import Glossary
from .terms import TermMarking


def _unit_text(unit) -> str:
    return f"{unit.heading}\n{unit.text}"


def _doc_text(doc: Document) -> str:
    """What a reader of the page reads: title, summary and the body (headings included)."""
    return "\n".join((doc.meta.title or "", doc.meta.summary or "", doc.parsed.plain))


def check_translation_terms(docs: list[Document], source_of, glossary: Glossary,
                            markings: dict[str, TermMarking]) -> list[Problem]:
    """Warns at an article's or step's heading in a translation when its source article uses a glossary
    term the translation does not (source_of(doc) gives the document a translation follows, or None)."""
    out = []
    for doc in docs:
        source = source_of(doc)
        if source is None:
            continue
        source_units = {u.anchor: u for u in source.units}
        for unit in doc.units:
            original = source_units.get(unit.anchor)
            if original is None:
                continue  # translation-unit-missing reports that
            missing = (markings[source.lang].terms_in(_unit_text(original))
                       - markings[doc.lang].terms_in(_unit_text(unit)))
            for term_id in sorted(missing):
                sides = glossary.get(term_id).sides
                out.append(Problem(doc.display_path, unit.line, "warning", "translation-term-missing",
                                   f"{unit.anchor} lacks the glossary term '{sides[doc.lang].term}' ({term_id}): "
                                   f"its source {source.display_path} uses '{sides[source.lang].term}'"))
    return out


def check_term_languages(docs: list[Document], glossary: Glossary, glossary_path: Path,
                         markings: dict[str, TermMarking]) -> list[Problem]:
    """Warns at a glossary entry when its term (mark: true) is used in one language's pages and never in
    another's: search across languages and the marking then find it on one side only."""
    used: dict[str, set[str]] = {}
    for doc in docs:
        used.setdefault(doc.lang, set()).update(markings[doc.lang].terms_in(_doc_text(doc)))
    langs = [code for code in CODES if code in used]
    out = []
    for term in glossary.terms:
        if not term.mark:
            continue
        having = [code for code in langs if term.id in used[code]]
        if not having:
            continue
        for code in langs:
            if code not in having:
                out.append(Problem(display_path(str(glossary_path)), term.line, "warning", "term-unused-in-language",
                                   f"term '{term.id}' is used in {', '.join(having)} pages ('{term.sides[having[0]].term}') "
                                   f"but its {code} form '{term.sides[code].term}' in none of the {code} pages"))
    return out
