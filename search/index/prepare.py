"""Records → what the index writer takes, text fields already counted; in worker processes for big builds."""
from __future__ import annotations

import gc
from bisect import bisect_left
import json
import multiprocessing
import os
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Iterable, Iterator

from search.text.analysis import word_spans
from search.text.languages import normalize
from search.text.numbers import canonical, find_numbers, parts
from search.engine.posting_table import CountedTerms, add_counts
from search.records import Record, facet_values
from search.index.schema import AnalyzedText, field_names
from search.index import word_map
from search.index.unit_texts import outline, pack
from search.engine.segment import index_field

# Below this many pages' worth of text starting processes costs more than it saves. Work is counted in
# pages (PAGE_CHARS of text each), not documents: a law of 300 articles is the work of fifty pages.
MIN_PARALLEL = 400
PAGE_CHARS = 4000
CHUNK = 500  # pages' worth prepared in one piece, at most...
MIN_CHUNK = 50  # ...and at least


def to_fields(rec: Record, fingerprint: str) -> dict:
    title = normalize(rec.title)
    heads = normalize("\n".join(rec.headings))
    # A version of a unit that changed keeps the days it was the unit's wording (stored as two more items).
    units = [(u.anchor, normalize(u.heading), normalize(u.text)) + ((u.valid_from, u.valid_to) if u.valid_from or u.valid_to else ())
             for u in rec.units]
    intro = normalize(rec.intro)
    summary = normalize(rec.summary)
    pieces = [summary, intro, *(u[2] for u in units)]
    body = "\n".join(pieces)
    own = canonical(rec.number) if rec.number else ""
    # Every document number has a slash and none spans a line: scanning only the pieces with a slash
    # finds the same numbers in the same order, in half the text.
    cited = [k for k in find_numbers("\n".join(p for p in pieces if "/" in p), normalized=True) if k != own]
    text = "\n".join([title, heads, body])
    # Each unit's folded words, sliced from the words of the whole text (tokenized once, for every field).
    spans, exact, folded = word_spans(text)
    first, edges = len(text) - len(body) + len(summary) + len(intro) + 2, []
    for u in units:
        edges.append((first, first + len(u[2])))
        first += len(u[2]) + 1
    starts = [a for a, _ in spans]
    cuts = [(bisect_left(starts, a), bisect_left(starts, b)) for a, b in edges]
    unit_words = [(folded[a:b], exact[a:b]) for a, b in cuts]
    # The units' texts and word map are stored apart from the rest: a search reads the map and the few
    # units it scores, not the whole of a long law. The outline keeps each unit's length and folded heading.
    doc = {"id": rec.id, "lang": rec.lang, "title": title, "number": rec.number, "summary": summary,
           "type": rec.type, "status": rec.status, "issuer": rec.issuer, "issued": rec.issued,
           "tags": rec.tags, "translations": rec.translations, "intro": intro,
           "outline": outline(units, [len(w) for w, _ in unit_words]), "payload": rec.payload}
    out = {
        "key": rec.key, "id": rec.id,
        # Facet fields: one value each, but tags (a comma-separated KEYWORD field).
        **{name: ",".join(facet_values(doc, name)) for name in ("lang", "type", "status", "issuer", "year", "tags")},
        "issued": int(rec.issued.replace("-", "")) if rec.issued else 0,
        "number": own, "numparts": " ".join(parts(own)), "cited": " ".join(cited),
        "fingerprint": fingerprint, "doc": json.dumps(doc, ensure_ascii=False).encode("utf-8"),
        "where": word_map.pack(units, unit_words), "texts": pack([u[2] for u in units]),
    }
    # The body fields hold all the text, title and headings too: a query then requires each word in
    # one field, which is much cheaper than in any of three.
    for base, value in (("title", title), ("heads", heads), ("about", summary), ("body", text)):
        for name in field_names(base):
            out[name] = value
    return out


@dataclass
class PreparedChunk:
    """Consecutive documents: per document its fields and indexed fields as BulkWriter.add_prepared
    takes them (AnalyzedText fields as lengths only); per AnalyzedText field, the postings of all."""
    docs: list[tuple[dict, dict[str, tuple[int, list]]]]
    counted: dict[str, CountedTerms]


def prepare(records: list[Record], docbase: int, schema) -> PreparedChunk:
    """Records of documents numbered from docbase."""
    analyzed = {name: field for name, field in schema.items() if isinstance(field, AnalyzedText)}
    postings: dict[str, dict] = {name: {} for name in analyzed}
    docs = []
    for docnum, rec in enumerate(records, docbase):
        fields = to_fields(rec, rec.fingerprint())
        indexed = {}
        for name, field in analyzed.items():
            terms = field.counts(fields.pop(name))
            add_counts(postings[name], docnum, terms)
            indexed[name] = sum(terms.values()), []  # scorable: the length is the number of terms
        for name, value in fields.items():
            if schema[name].indexed and value is not None:
                indexed[name] = index_field(schema[name], value)
        docs.append((fields, indexed))
    return PreparedChunk(docs, {name: CountedTerms(p) for name, p in postings.items()})


def _pages(rec: Record) -> int:
    """How much work a record is, in pages."""
    return 1 + (len(rec.intro) + len(rec.summary) + sum(len(u.text) for u in rec.units)) // PAGE_CHARS


def _workers(n: int) -> int:
    """How many processes to prepare n pages' worth of documents with; 0 to do it in this one."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if n < MIN_PARALLEL or cpus < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    # Forked workers start at once, with everything imported, but forking is unsafe with other threads
    # running (a lock one of them holds stays locked forever in the child); daemonic processes may not
    # have children.
    if threading.active_count() > 1 or multiprocessing.current_process().daemon:
        return 0
    return cpus


def _chunk_ranges(pages: list[int], workers: int) -> list[tuple[int, int]]:
    """Consecutive ranges of documents (of these sizes in pages), each at most CHUNK pages' worth or one
    document, smaller towards the end so that the workers finish together."""
    ranges, start, n = [], 0, len(pages)
    left = sum(pages)
    while start < n:
        size = max(MIN_CHUNK, min(CHUNK, left // (2 * workers))) if workers else CHUNK
        end, taken = start, 0
        while end < n and (end == start or taken + pages[end] <= size):
            taken += pages[end]
            end += 1
        ranges.append((start, end))
        left -= taken
        start = end
    return ranges


_schema = None  # in a worker: the index schema, inherited through fork


def _init_worker(schema, close_fds: tuple[int, ...]) -> None:
    global _schema
    _schema = schema
    for fd in close_fds:
        os.close(fd)
    # The cycle collector only costs time here: what the worker inherited lives as long as it does (and
    # the collector's passes would write to, so copy, the memory pages shared with this process), and
    # preparing and encoding make no reference cycles.
    gc.freeze()
    gc.disable()


def _prepare_chunk(task: tuple[list[Record], int]) -> PreparedChunk:
    return prepare(*task, _schema)


class Preparation:
    """Prepares records (numbered from 0) chunk by chunk, in worker processes when it pays; the workers
    can then run other jobs (map) for the writer. A context manager: leaving it stops the workers.
    close_fds: descriptors the workers must not keep open (the index lock: should this process be
    killed, the workers it leaves behind for a moment must not hold the index locked)."""

    def __init__(self, records: list[Record], schema, workers: int | None = None, close_fds: tuple[int, ...] = ()):
        self.records, self.schema, self.close_fds = records, schema, close_fds
        self.pages = [_pages(rec) for rec in records]
        self.workers = _workers(sum(self.pages)) if workers is None else workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Preparation:
        if self.workers:
            # Each chunk's records travel pickled: workers reading the records they inherit through fork
            # would copy every memory page they touch (reference counts), half the records per worker.
            # Unlike multiprocessing.Pool, the executor fails (BrokenProcessPool) if a worker dies.
            self._pool = ProcessPoolExecutor(self.workers, multiprocessing.get_context("fork"), _init_worker,
                                             (self.schema, self.close_fds))
        return self

    def __exit__(self, *exc) -> None:
        if self._pool:
            self._pool.shutdown(cancel_futures=True)

    def chunks(self) -> Iterator[PreparedChunk]:
        ranges = _chunk_ranges(self.pages, self.workers)
        if self._pool:
            return self.map(_prepare_chunk, ((self.records[a:b], a) for a, b in ranges))
        return (prepare(self.records[a:b], a, self.schema) for a, b in ranges)

    def map(self, func, jobs: Iterable) -> Iterator:
        """func over jobs, results in order; in the workers when there are any."""
        if not self._pool:
            yield from map(func, jobs)
            return
        # A few jobs ahead of the results taken, not all: finished results would pile up in memory
        # whenever this process falls behind.
        pending: deque = deque()
        for job in jobs:
            pending.append(self._pool.submit(func, job))
            if len(pending) > 2 * self.workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
