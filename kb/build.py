"""load → check → records → search index, swapped in atomically; content errors stop the build."""
from __future__ import annotations

import sys

from search import BuildReport, SearchService, build_index, current_generation, is_usable

from .content.corpus import load_corpus
from .errors import ContentError
from .records import index_extras, to_records, to_suggestions
from .settings import Settings


def _progress(done: int, total: int) -> None:
    if done == total or done % 50 == 0:
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\rindexing [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def build(settings: Settings, full: bool = False, progress: bool = False, keep_going: bool = False) -> BuildReport:
    """Builds the index. On a content error the serving index is left as it was; with keep_going
    (the running site), only the broken files keep their last good version and the rest is updated."""
    corpus = load_corpus(settings.content_dir, today=settings.clock())
    blocking = [p for p in corpus.problems if p.level == "error" or settings.strict]
    for problem in blocking:
        print(problem, file=sys.stderr)
    keep: set[str] = set()
    records = to_records(corpus)
    if blocking:
        if not keep_going or not is_usable(current_generation(settings.index_dir)):
            raise ContentError(blocking)
        broken = {p.path for p in blocking}
        records = [r for r in records if r.payload["path"] not in broken]
        # Only where each document came from: the whole documents of a big corpus would take hundreds of MB.
        previous = SearchService(settings.index_dir).all_documents(
            keep=lambda d: {"key": f"{d['lang']}:{d['id']}", "path": d["payload"]["path"]})
        keep = {d["key"] for d in previous if d["path"] in broken}
    return build_index(settings.index_dir, records, to_suggestions(corpus), full=full,
                       progress=_progress if progress else None, keep=keep,
                       problems=[str(p) for p in blocking], **index_extras(corpus))
