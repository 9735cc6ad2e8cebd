"""load → check → records → search index, swapped in atomically; content errors stop the build."""
from __future__ import annotations

import sys

from search import BuildReport, build_index

from .content.corpus import load_corpus
from .errors import ContentError
from .records import glossary_data, synonym_groups, to_records, to_suggestions
from .settings import Settings


def _progress(done: int, total: int) -> None:
    if done == total or done % 50 == 0:
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\rindexing [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def build(settings: Settings, full: bool = False, progress: bool = False) -> BuildReport:
    """Builds the index; on any content error the serving index is left as it was."""
    corpus = load_corpus(settings.content_dir)
    blocking = [p for p in corpus.problems if p.level == "error" or settings.strict]
    if blocking:
        for problem in corpus.problems:
            print(problem, file=sys.stderr)
        raise ContentError(blocking)
    return build_index(settings.index_dir, to_records(corpus), to_suggestions(corpus), full=full,
                       progress=_progress if progress else None,
                       attachments={"glossary": glossary_data(corpus.glossary)},
                       synonyms=synonym_groups(corpus.glossary))
