"""Loads a whole content folder into documents, glossary and the problems found on the way."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from search import CODES

from ..errors import Problem
from ..urls import doc_url
from . import checks, terminology, version_checks
from .documents import Document, load_document
from .glossary import Glossary, load_glossary
from .markdown import Unit, make_parser, render_body
from .metadata import REVERSE
from .sections import sections_html
from .sources import GLOSSARY_FILE, TRANSLATIONS_FILE, find_sources
from .terms import TermMarking
from .translations import Ledger, TranslationState, load_ledger, translation_state
from .versions import IN_FORCE, Version


@dataclass
class Change:
    """A version of a unit, found from the unit that made it (its 'amended-by')."""
    document: Document  # the amended document
    unit: Unit
    version: Version


@dataclass
class Corpus:
    content_dir: Path
    documents: dict[str, Document] = field(default_factory=dict)  # "lang:id" → document
    glossary: Glossary = field(default_factory=Glossary)
    problems: list[Problem] = field(default_factory=list)
    ledger: Ledger | None = None  # content/translations.yaml: an empty one until load_corpus reads it
    _markings: dict[str, TermMarking] = field(default_factory=dict, repr=False)
    _amended: dict[str, list[str]] | None = field(default=None, repr=False)  # "doc#anchor" → amended ids

    def __post_init__(self):
        if self.ledger is None:
            self.ledger = Ledger(self.content_dir / TRANSLATIONS_FILE)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    def get(self, lang: str, doc_id: str) -> Document | None:
        return self.documents.get(f"{lang}:{doc_id}")

    def link_target(self, lang: str, doc_id: str) -> Document | None:
        """The reader's language first, then any translation."""
        return self.get(lang, doc_id) or next(
            (d for code in CODES if (d := self.get(code, doc_id)) is not None), None)

    def translations(self, doc: Document) -> list[Document]:
        return [d for code in CODES if code != doc.lang and (d := self.get(code, doc.id))]

    def source_of(self, doc: Document) -> Document | None:
        """The document this one translates (front matter 'translation_of'), or None for an original."""
        return self.get(doc.meta.translation_of, doc.id) if doc.meta.translation_of else None

    def translation_states(self) -> list[TranslationState]:
        """Every original in every other language: translated, outdated, partial or missing. Two documents
        with one id and no 'translation_of' are parallel originals (a bilingual agreement): not tracked."""
        out = []
        for doc in sorted(self.documents.values(), key=lambda d: (d.id, d.lang)):
            if doc.meta.translation_of:
                continue
            for code in CODES:
                other = self.get(code, doc.id)
                if code == doc.lang or (other is not None and other.meta.translation_of != doc.lang):
                    continue
                out.append(translation_state(doc, other, self.ledger, code))
        return out

    def state_of(self, doc: Document) -> TranslationState | None:
        source = self.source_of(doc)
        return None if source is None else translation_state(source, doc, self.ledger, doc.lang)

    def reverse_relations(self) -> dict[str, dict[str, list[str]]]:
        """Derived relations by id: {'law-58': {'replaced_by': ['law-41']}} (never written in content)."""
        out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for doc in self.documents.values():
            for rel, targets in doc.meta.relations.items():
                for target in targets:
                    if doc.id not in out[target][REVERSE[rel]]:
                        out[target][REVERSE[rel]].append(doc.id)
        return out

    def html(self, doc: Document, on: dt.date | None = None) -> str:
        """The body's HTML; on: as on that day (each changed unit shows the version then valid), None: every
        version, each in a <div class="version" data-from data-until data-amended-by>."""
        return sections_html(self.sections(doc, on))

    def sections(self, doc: Document, on: dt.date | None = None) -> list[dict]:
        """The body as html() has it, cut into its units (sections.py): what the index stores."""
        def resolve(target: str, anchor: str) -> str | None:
            found = self.link_target(doc.lang, target)
            if found is None:
                return None
            return doc_url(found.lang, found.id, anchor)
        return render_body(make_parser(), doc.parsed, resolve, self.marking(doc.lang), on)

    def changes_by(self, lang: str, doc_id: str, anchor: str | None = None) -> list[Change]:
        """Reverse links: every version, in any document, whose 'amended-by' names this document's unit
        (or any of its units when anchor is None); the amended document in the reader's language first."""
        if self._amended is None:
            self._amended = defaultdict(list)
            for doc in self.documents.values():
                for unit in doc.units:
                    for v in unit.versions:
                        if v.amended_by and doc.id not in self._amended[v.amended_by]:
                            self._amended[v.amended_by].append(doc.id)
        out = []
        for target, amended_ids in sorted(self._amended.items()):
            source, _, unit_anchor = target.partition("#")
            if source != doc_id or (anchor is not None and unit_anchor != anchor):
                continue
            for amended_id in amended_ids:
                amended = self.link_target(lang, amended_id)
                out += [Change(amended, u, v) for u in amended.units for v in u.versions if v.amended_by == target]
        return out

    def in_force_instead(self, doc: Document, day: dt.date) -> list[Document]:
        """The documents this one replaces ('replaces') that were in force on the day, in the reader's language
        when translated: which law applied before this one took effect."""
        found = (self.link_target(doc.lang, i) for i in doc.meta.relations.get("replaces", []))
        return [d for d in found if d is not None and d.valid_on(day) == IN_FORCE]

    def periods(self, doc: Document) -> list[tuple[dt.date | None, dt.date | None]]:
        """The date ranges (inclusive, None = open) over which the document reads the same: one range for a
        document that never changed; a new one wherever a version starts or ends."""
        starts = sorted({d for u in doc.units for v in u.versions
                         for d in (v.valid_from, v.valid_to and v.valid_to + dt.timedelta(days=1)) if d})
        edges = [None, *starts, None]
        return [(a, b - dt.timedelta(days=1) if b else None) for a, b in zip(edges, edges[1:])]

    def marking(self, lang: str) -> TermMarking:
        """The glossary marking of one language: what the pages link, and what the terminology checks count."""
        if lang not in self._markings:
            self._markings[lang] = TermMarking(self.glossary, lang)
        return self._markings[lang]


def load_corpus(content_dir: Path, today: dt.date | None = None) -> Corpus:
    """today: the day the status checks judge by (default: the clock's)."""
    corpus = Corpus(content_dir)
    sources, problems = find_sources(content_dir)
    corpus.problems.extend(problems)
    md = make_parser()
    loaded = []
    for source in sources:
        doc, doc_problems = load_document(source, md)
        corpus.problems.extend(doc_problems)
        if doc is not None:
            loaded.append(doc)
    corpus.problems.extend(checks.check_ids(loaded))
    for doc in loaded:
        corpus.documents.setdefault(doc.key, doc)
    ids = {d.id for d in loaded}
    corpus.problems.extend(checks.check_relations(loaded, ids))
    corpus.problems.extend(checks.check_links(loaded, corpus.link_target))
    corpus.problems.extend(checks.check_translations(loaded))
    corpus.problems.extend(checks.check_translation_sources(loaded, corpus.get))
    corpus.problems.extend(version_checks.check_ranges(loaded))
    corpus.problems.extend(version_checks.check_amended_by(loaded, corpus.link_target))
    corpus.problems.extend(version_checks.check_translations(loaded, corpus.source_of))
    corpus.problems.extend(version_checks.check_status(loaded, today or dt.date.today()))
    corpus.ledger, ledger_problems = load_ledger(content_dir / TRANSLATIONS_FILE)
    corpus.problems.extend(ledger_problems)
    corpus.glossary, glossary_problems = load_glossary(content_dir / GLOSSARY_FILE)
    corpus.problems.extend(glossary_problems)
    markings = {code: corpus.marking(code) for code in CODES}
    corpus.problems.extend(terminology.check_translation_terms(loaded, corpus.source_of, corpus.glossary, markings))
    corpus.problems.extend(terminology.check_term_languages(
        loaded, corpus.glossary, content_dir / GLOSSARY_FILE, markings))
    corpus.problems.sort(key=lambda p: (p.path, p.line, p.code))
    return corpus
