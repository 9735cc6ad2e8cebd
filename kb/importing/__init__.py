"""kb import: a Word or PDF file → a content page (read → recognise → structure → write) and a review list."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kb.content.corpus import load_corpus
from kb.content.metadata import ID_RE, TYPES
from search import CODES, detect, get_language

from .recognise import numbers_of, recognise
from .source import ImportFailure, read
from .structure import to_markdown
from .write import make_id, render, target, write

__all__ = ["ImportFailure", "Imported", "import_file"]


@dataclass
class Imported:
    path: Path
    review: list[str] = field(default_factory=list)


def import_file(file: Path, content_dir: Path, lang: str | None = None, doc_id: str | None = None,
                doc_type: str | None = None, authoritative: bool = False, source: str = "",
                force: bool = False) -> Imported:
    if authoritative and not source:
        raise ImportFailure("--authoritative needs --source (where the official text can be found)")
    if doc_type is not None and doc_type not in TYPES:
        raise ImportFailure(f"unknown --type '{doc_type}' (one of: {', '.join(TYPES)})")
    if doc_id is not None and not ID_RE.match(doc_id):
        raise ImportFailure(f"--id '{doc_id}' must be lowercase a-z, 0-9 and '-'")
    paras = read(file)
    lang = lang or detect(" ".join(p.text for p in paras[:200]))
    if lang not in CODES:
        raise ImportFailure(f"{file.name}: cannot tell the language — pass --lang ({' or '.join(CODES)})")
    words = get_language(lang).official
    corpus = load_corpus(content_dir)
    found = recognise(paras, words, lang, numbers_of(corpus.documents.values()))
    body = to_markdown(found.body, words)
    if not any(a.startswith(("art-", "step-", "ch-", "part-")) for a, *_ in body.units):
        raise ImportFailure(f"{file.name}: no articles, chapters or steps found — not a structured legal text")
    if not found.number and doc_id is None:
        raise ImportFailure(f"{file.name}: no document number found in the header — pass --id to import it anyway")
    doc_type = doc_type or found.type or "page"
    doc_id = doc_id or make_id(found)
    path = target(content_dir, lang, doc_type, doc_id)
    other = [d.display_path for d in corpus.documents.values() if d.id == doc_id and d.lang != lang]
    text = render(found, body, lang, doc_id, doc_type, file.name, authoritative, source)
    warnings = write(path, text, lang, force)
    review = [f"{'found':8} {what:32} {value}  ({where})" for what, value, where in found.found]
    review += [f"{'unit':8} {'#' + anchor:32} {heading[:60]}  ({where})" for anchor, heading, where in body.units]
    review += [f"{'check':8} {what:32} {value}  ({where})" for what, value, where in body.notes]
    review += [f"{'missing':8} {what}" for what in found.missing]
    review += [f"{'note':8} id '{doc_id}' is also {p}: they are now one document in two languages" for p in other]
    review += [f"{'warning':8} {w}" for w in warnings]
    review.append(f"{'status':8} " + ("authoritative, source: " + source if authoritative
                                     else "unreviewed import (authoritative: false): compare it with the official text"))
    return Imported(path, review)
