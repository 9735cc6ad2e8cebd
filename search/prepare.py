"""Records → what the index writer takes, text fields already counted; in worker processes for big builds."""
from __future__ import annotations

import json
import multiprocessing
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from .languages import normalize
from .numbers import canonical, find_numbers, parts
from .postings import CountedTerms, count_postings
from .records import Record
from .schema import AnalyzedText, field_names

# Below this many documents starting processes costs more than it saves.
MIN_PARALLEL = 400
CHUNK = 250


def to_fields(rec: Record, fingerprint: str) -> dict:
    title = normalize(rec.title)
    heads = normalize("\n".join(rec.headings))
    units = [(u.anchor, normalize(u.heading), normalize(u.text)) for u in rec.units]
    intro = normalize(rec.intro)
    summary = normalize(rec.summary)
    body = "\n".join([summary, intro, *(u[2] for u in units)])
    own = canonical(rec.number) if rec.number else ""
    cited = [k for k in find_numbers(body) if k != own]
    doc = {"id": rec.id, "lang": rec.lang, "title": title, "number": rec.number, "summary": summary,
           "type": rec.type, "status": rec.status, "issuer": rec.issuer, "issued": rec.issued,
           "tags": rec.tags, "intro": intro, "units": units, "payload": rec.payload}
    out = {
        "key": rec.key, "id": rec.id, "lang": rec.lang, "type": rec.type, "status": rec.status,
        "issuer": rec.issuer, "year": rec.issued[:4], "tags": ",".join(rec.tags),
        "issued": int(rec.issued.replace("-", "")) if rec.issued else 0,
        "number": own, "numparts": " ".join(parts(own)), "cited": " ".join(cited),
        "fingerprint": fingerprint, "doc": json.dumps(doc, ensure_ascii=False).encode("utf-8"),
    }
    # The body fields hold all the text, title and headings too: a query then requires each word in
    # one field, which is much cheaper than in any of three.
    for base, text in (("title", title), ("heads", heads), ("body", "\n".join([title, heads, body]))):
        for name in field_names(base):
            out[name] = text
    return out


@dataclass
class Prepared:
    """Consecutive documents: per document the fields add_document takes minus the analyzed text
    fields, and those fields' lengths; per analyzed field, the postings of all these documents."""
    docs: list[tuple[dict, dict[str, int]]]
    counted: dict[str, CountedTerms]


def prepare(rows: list[tuple[Record, str]], docbase: int, schema) -> Prepared:
    """rows: (record, fingerprint) of documents numbered from docbase."""
    analyzed = {name: field for name, field in schema.items() if isinstance(field, AnalyzedText)}
    counts: dict[str, list] = {name: [] for name in analyzed}
    docs = []
    for docnum, (rec, fp) in enumerate(rows, docbase):
        fields = to_fields(rec, fp)
        lengths = {}
        for name, field in analyzed.items():
            terms = field.counts(fields.pop(name))
            counts[name].append((docnum, terms))
            lengths[name] = sum(terms.values())  # scorable: the length is the number of terms
        docs.append((fields, lengths))
    return Prepared(docs, {name: count_postings(c) for name, c in counts.items()})


def _workers(n: int) -> int:
    """How many processes to prepare n documents with; 0 to do it in this one."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if n < MIN_PARALLEL or cpus < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    # Forking copies the records for free, but is unsafe with other threads running (a lock one of them
    # holds stays locked forever in the child); daemonic processes may not have children.
    if threading.active_count() > 1 or multiprocessing.current_process().daemon:
        return 0
    return cpus


_job: tuple[list, object] | None = None  # in a worker: the rows and schema, inherited through fork


def _init_worker(rows: list, schema) -> None:
    global _job
    _job = (rows, schema)


def _prepare_range(span: tuple[int, int]) -> Prepared:
    rows, schema = _job
    return prepare(rows[span[0]:span[1]], span[0], schema)


@contextmanager
def prepared_chunks(rows: list[tuple[Record, str]], schema, workers: int | None = None) -> Iterator[Iterator[Prepared]]:
    """Prepared chunks of rows (numbered from 0), in order. Parallel when worth it (workers=None) or asked."""
    workers = _workers(len(rows)) if workers is None else workers
    spans = [(i, min(i + CHUNK, len(rows))) for i in range(0, len(rows), CHUNK)]
    if not workers:
        yield (prepare(rows[a:b], a, schema) for a, b in spans)
        return
    # fork: the workers get the rows without pickling them; only the prepared chunks travel back.
    with multiprocessing.get_context("fork").Pool(workers, _init_worker, (rows, schema)) as pool:
        yield pool.imap(_prepare_range, spans)
