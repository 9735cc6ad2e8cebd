"""Documents → the plain records search/ indexes, with what the pages need as an opaque payload."""
from __future__ import annotations

from dataclasses import asdict

from search import TERMS, Record, SuggestionRecord, UnitRecord

from .content.corpus import Corpus
from .content.documents import Document
from .content.metadata import DATES


def _iso(value) -> str:
    return value.isoformat() if value else ""


def payload(corpus: Corpus, doc: Document, reverse: dict) -> dict:
    meta = doc.meta
    return {
        "id": doc.id, "lang": doc.lang, "title": meta.title, "summary": meta.summary, "type": meta.type,
        "number": meta.number, "issuer": meta.issuer, "signer": meta.signer, "status": meta.status,
        "tags": meta.tags, "source": meta.source, "authoritative": meta.authoritative,
        "checked_against_official": meta.checked_against_official,
        **{key: _iso(getattr(meta, key)) for key in DATES},
        "aliases": meta.aliases,
        "relations": {k: v for k, v in meta.relations.items() if v},
        "derived": {k: list(v) for k, v in reverse.get(doc.id, {}).items()},
        "toc": [asdict(entry) for entry in doc.parsed.toc],
        "units": [u.anchor for u in doc.units],
        "sections": corpus.sections(doc),
        **versions_payload(corpus, doc),
        "path": doc.display_path,
        "translation": translation_payload(corpus, doc),
    }


def versions_payload(corpus: Corpus, doc: Document) -> dict:
    """Versions of changed units (with their plain text, for the pages' word-by-word changes), the body as on
    each period it read the same, and what this document's units changed elsewhere (reverse links). Days are
    ISO dates, "" for an open end."""
    versions = {u.anchor: [{"from": _iso(v.valid_from), "until": _iso(v.valid_to), "amended_by": v.amended_by or "",
                            "note": v.note, "text": v.text} for v in u.versions] for u in doc.versioned_units}
    periods = []
    if versions:
        for start, end in corpus.periods(doc):
            day = start or end  # the first period has no start: it ends the day before the first change
            periods.append({"from": _iso(start), "until": _iso(end), "sections": corpus.sections(doc, on=day)})
    changes: dict[str, list[dict]] = {}
    for change in corpus.changes_by(doc.lang, doc.id):
        v = change.version
        changes.setdefault(v.amending_anchor, []).append(
            {"id": change.document.id, "lang": change.document.lang, "anchor": change.unit.anchor,
             "heading": change.unit.heading, "number": change.document.meta.number,
             "from": _iso(v.valid_from), "until": _iso(v.valid_to)})
    return {"versions": versions, "html_periods": periods, "changes_made": changes}


def unit_records(unit) -> list[UnitRecord]:
    """One record per wording of a unit. A unit that changed is its common text (part of every version)
    and each version's own text with the days it was valid: every wording is found, the common text
    counts once, and search shows the version of the day first."""
    if not unit.versions:
        return [UnitRecord(unit.anchor, unit.heading, unit.text)]
    common = [UnitRecord(unit.anchor, unit.heading, unit.common)] if unit.common else []
    return common + [UnitRecord(unit.anchor, unit.heading, v.text, _iso(v.valid_from), _iso(v.valid_to))
                     for v in unit.versions]


def translation_payload(corpus: Corpus, doc: Document) -> dict | None:
    """For a translation: its source's language, when it was last brought up to date, what is behind."""
    state = corpus.state_of(doc)
    if state is None:
        return None
    return {"source": state.source, "state": state.state, "accepted": state.accepted,
            "outdated": state.anchors("outdated"), "missing": state.anchors("missing")}


def translation_report(corpus: Corpus) -> list[dict]:
    return [asdict(s) for s in corpus.translation_states()]


def to_records(corpus: Corpus) -> list[Record]:
    reverse = corpus.reverse_relations()
    records = []
    for doc in corpus.documents.values():
        meta = doc.meta
        records.append(Record(
            id=doc.id, lang=doc.lang, title=meta.title, number=meta.number, summary=meta.summary,
            intro=doc.parsed.lead, headings=[e.text for e in doc.parsed.toc],
            # Articles and steps, and the text under other headings: a hit lands where its words are.
            units=[r for u in sorted(doc.units + doc.parsed.headed, key=lambda u: u.line) for r in unit_records(u)],
            type=meta.type, status=meta.status, issuer=meta.issuer, issued=_iso(meta.issued),
            tags=meta.tags, translations=[t.lang for t in corpus.translations(doc)],
            payload=payload(corpus, doc, reverse)))
    return records


def to_suggestions(corpus: Corpus) -> list[SuggestionRecord]:
    out = []
    for doc in corpus.documents.values():
        out.append(SuggestionRecord(doc.meta.title, doc.lang, "title", doc.id))
        if doc.meta.number:
            out.append(SuggestionRecord(doc.meta.number, doc.lang, "number", doc.id))
    for term in corpus.glossary.terms:
        for lang, side in term.sides.items():
            for form in (side.term, *side.abbr):
                out.append(SuggestionRecord(form, lang, "term", term.id))
    return out


def glossary_data(glossary) -> list[dict]:
    return [{"id": t.id, "see": t.see, **{lang: asdict(side) for lang, side in t.sides.items()}}
            for t in glossary.terms]


def synonym_groups(glossary) -> list[list[str]]:
    """Each term's forms within one language (term, abbreviations, variants) are searched as one."""
    return [forms for t in glossary.terms for lang in t.sides if len(forms := t.forms(lang)) > 1]


def term_groups(glossary) -> list[dict[str, list[str]]]:
    """Each term in every language, its main form first: what cross-language search translates through."""
    return [{lang: t.forms(lang) for lang in t.sides} for t in glossary.terms]


def index_extras(corpus: Corpus) -> dict:
    """What the index carries besides documents (build_index's synonyms and attachments): the glossary,
    its term groups for cross-language search, and the translation report."""
    return {"synonyms": synonym_groups(corpus.glossary),
            "attachments": {"glossary": glossary_data(corpus.glossary), TERMS: term_groups(corpus.glossary),
                            "translations": translation_report(corpus)}}
