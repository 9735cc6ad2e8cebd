"""`kb translations`: what is translated, outdated or missing, per document and article; --accept records it."""
from __future__ import annotations

import json

from .content.corpus import Corpus, load_corpus
from .content.translations import DOC_STATES, FRONT, accept, translation_state
from .errors import ContentError, KbError, display_path
from .records import translation_report
from .settings import Settings


def _accept(corpus: Corpus, keys: list[str], articles: list[str] | None) -> list[str]:
    done = []
    for key in keys:
        lang, _, doc_id = key.partition("/")
        doc = corpus.get(lang, doc_id)
        if doc is None:
            raise KbError(f"no document {key!r} (write it as lang/id, e.g. lo/law-84-2025-qh15)")
        source = corpus.source_of(doc)
        if source is None:
            raise KbError(f"{key} has no 'translation_of' in its front matter: it is not a translation")
        unknown = [a for a in articles or [] if a != FRONT and a not in {u.anchor for u in source.units}]
        if unknown:
            raise KbError(f"{source.display_path} has no article {', '.join(unknown)}")
        previous = corpus.ledger.entries.get(key)
        before = previous.accepted if previous is not None and previous.source == source.lang else ""
        entry = accept(corpus.ledger, source, doc, articles)
        if articles and translation_state(source, doc, corpus.ledger, lang).state != "translated":
            # Part of it follows the source now, not all of it: the document's date stays the last day it
            # wholly did, so "brought up to date on" never claims more than was checked.
            entry.accepted = before
            done.append(f"{key}: {', '.join(articles)} follow {source.lang}/{source.id} now; the whole translation "
                        + (f"last did on {before}" if before else "has not yet"))
            continue
        done.append(f"{key}: follows {source.lang}/{source.id} as of {entry.accepted}"
                    + (f" ({', '.join(articles)})" if articles else " (every article)"))
    return done


def run_translations_command(settings: Settings, as_json: bool, keys: list[str], articles: list[str] | None,
                             accept_all: bool) -> int:
    corpus = load_corpus(settings.content_dir)
    if corpus.errors:
        raise ContentError(corpus.errors)
    if accept_all:
        keys = [f"{d.lang}/{d.id}" for d in corpus.documents.values() if d.meta.translation_of]
    if keys:
        for line in _accept(corpus, keys, articles):
            print(line)
        corpus.ledger.save()
        print(f"recorded in {display_path(str(corpus.ledger.path))}")
        return 0
    if as_json:
        print(json.dumps(translation_report(corpus), ensure_ascii=False, indent=2))
        return 0
    states = corpus.translation_states()
    for s in states:
        counts = {state: len(s.anchors(state)) for state in ("outdated", "missing")}
        detail = ", ".join(f"{n} {state}" for state, n in counts.items() if n)
        since = f", accepted {s.accepted}" if s.accepted else ""
        print(f"{s.lang}/{s.id} ← {s.source}: {s.state}" + (f" ({detail})" if detail else "") + since)
        for unit in s.units:
            if unit.state != "translated":
                print(f"    {unit.anchor:<12} {unit.state:<9} {unit.heading}")
    totals = {state: sum(1 for s in states if s.state == state) for state in DOC_STATES}
    print(", ".join(f"{n} {state}" for state, n in totals.items()))
    return 0
