"""Builds an index generation in a new folder, then swaps it in atomically; a failure leaves the old one."""
from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from whoosh import index
from whoosh.filedb.filestore import FileStorage

from search.engine.switch import ENGINE_VERSION, fast_paths, whoosh_version

from search.index.prepare import Preparation, to_fields
from search.records import Record, SuggestionRecord
from search.index.schema import SCHEMA_VERSION, make_schema
from search.engine.segment import BulkWriter

log = logging.getLogger("search.index")
CURRENT = "current"
META = "meta.json"
SUGGESTIONS = "suggestions.json"
SYNONYMS = "synonyms.json"


@dataclass
class BuildReport:
    generation: str
    documents: int
    added: int
    removed: int
    unchanged: int
    full: bool
    seconds: float

    def __str__(self) -> str:
        kind = "full build" if self.full else "incremental build"
        return (f"{kind}: {self.documents} documents ({self.added} indexed, {self.removed} removed, "
                f"{self.unchanged} unchanged) in {self.seconds:.2f}s → {self.generation}")


def current_generation(index_dir: Path) -> Path | None:
    """The folder of the generation being served, or None when there is no usable one."""
    link = index_dir / CURRENT
    try:
        target = index_dir / os.readlink(link)
    except OSError:
        return None
    return target if target.is_dir() else None


def read_meta(gen: Path) -> dict | None:
    try:
        meta = json.loads((gen / META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def unusable(gen: Path | None) -> str | None:
    """Why a generation cannot be searched by this code, or None when it can."""
    meta = read_meta(gen) if gen else None
    if not meta or not index.exists_in(str(gen)):
        return "no index"
    built = (meta.get("schema_version"), meta.get("whoosh"), meta.get("engine"))
    here = (SCHEMA_VERSION, whoosh_version(), ENGINE_VERSION)
    if built != here:
        # Another Whoosh could misread what this one wrote (and the fast paths read its private layout).
        return ("built with schema {}, Whoosh {}, engine {}; this is schema {}, Whoosh {}, engine {}"
                .format(*built, *here))
    return None


def is_usable(gen: Path | None) -> bool:
    return unusable(gen) is None


def open_generation(gen: Path):
    """A generation's index, opened for searching. Its files are read as needed rather than memory-mapped:
    Whoosh copies each mapped file it opens (postings, terms, stored documents: about the index's size)
    into the heap of every searcher, while read files stay in the page cache all workers share."""
    return FileStorage(str(gen), supports_mmap=False, readonly=True).open_index()


@contextmanager
def _lock(index_dir: Path):
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield fh.fileno()
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _write_new(path: Path, text: str) -> None:
    """Writes a fresh file: the copied generation shares inodes with the serving one (hard links)."""
    path.unlink(missing_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy_generation(src: Path, dst: Path) -> None:
    # Segment files are never rewritten in place, so hard links are safe and make the copy cheap.
    try:
        shutil.copytree(src, dst, copy_function=os.link)
    except OSError:
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(src, dst)


def build_index(index_dir: Path, records: Iterable[Record], suggestions: list[SuggestionRecord],
                full: bool = False, progress: Callable[[int, int], None] | None = None,
                attachments: dict[str, object] | None = None,
                synonyms: list[list[str]] | None = None, keep: set[str] | None = None,
                problems: list[str] | None = None, fast: bool | None = None) -> BuildReport:
    """Indexes records into a new generation and swaps it in; incremental unless full or unusable.

    attachments: JSON-able data shipped with this generation (read back with SearchService.attachment).
    synonyms: groups of phrases that mean the same (abbreviations, variants); queries match any of them.
    keep: keys whose documents stay as the previous generation has them (their source is broken now).
    problems: messages about the source, stored with the generation for health checks.
    fast: write full builds with the engine's bulk writer (see engine/switch.py); None: VILAO_FAST_PATHS."""
    started = time.perf_counter()
    records = list(records)
    with _lock(index_dir) as lock_fd:
        old = current_generation(index_dir)
        reason = unusable(old)
        if old and reason:
            log.warning("index %s was %s: rebuilding it in full", old, reason)
        full = (full and not keep) or reason is not None
        gen = index_dir / f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        try:
            added, removed, unchanged = _write(gen, old, records, full, progress, keep or set(), lock_fd,
                                               fast_paths(fast))
            _write_new(gen / SYNONYMS, json.dumps(synonyms or [], ensure_ascii=False))
            _write_new(gen / SUGGESTIONS, json.dumps([s.__dict__ for s in suggestions], ensure_ascii=False))
            for name, value in (attachments or {}).items():
                _write_new(gen / f"attachment-{name}.json", json.dumps(value, ensure_ascii=False))
            _write_new(gen / META, json.dumps({"schema_version": SCHEMA_VERSION, "whoosh": whoosh_version(),
                                               "engine": ENGINE_VERSION, "documents": len(records),
                                               "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
                                               "problems": problems or []}, ensure_ascii=False))
            _swap(index_dir, gen)
        except BaseException:
            shutil.rmtree(gen, ignore_errors=True)
            raise
        _clean(index_dir, keep={gen.name, old.name if old else ""})
    return BuildReport(gen.name, len(records), added, removed, unchanged, full, time.perf_counter() - started)


def _write(gen: Path, old: Path | None, records: list[Record], full: bool, progress,
           keep: set[str], lock_fd: int, fast: bool) -> tuple[int, int, int]:
    if full:
        gen.mkdir(parents=True)
        todo = list({r.key: r for r in records}.values())  # the last record of a key wins
        ix = index.create_in(str(gen), make_schema())
        if fast:
            _write_all(ix, todo, progress, close_fds=(lock_fd,))
        else:
            _write_public(ix, todo, progress)
        return len(todo), 0, len(records) - len(todo)
    wanted = {r.key: (r, r.fingerprint()) for r in records}
    _copy_generation(old, gen)
    ix = index.open_dir(str(gen))
    with ix.reader() as reader:
        existing = {f["key"]: f["fingerprint"] for _, f in reader.iter_docs()}
    writer = ix.writer(limitmb=256)
    try:
        removed = 0
        for key, fp in existing.items():
            if key in keep and key not in wanted:
                continue
            if key not in wanted or wanted[key][1] != fp:
                writer.delete_by_term("key", key)
                removed += key not in wanted
        todo = [(r, fp) for key, (r, fp) in wanted.items() if existing.get(key) != fp]
        for n, (rec, fp) in enumerate(todo, 1):
            writer.add_document(**to_fields(rec, fp))
            if progress:
                progress(n, len(todo))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    return len(todo), removed, len(records) - len(todo)


def _write_all(ix, todo: list[Record], progress, workers: int | None = None, close_fds: tuple[int, ...] = ()) -> None:
    """A full build: analysis and posting encoding in worker processes when it pays (workers=None) or
    in that many, postings kept in memory rather than in Whoosh's external-sort pool."""
    with Preparation(todo, ix.schema, workers, close_fds) as prep:
        writer = BulkWriter(ix, encode_map=prep.map)
        try:
            n = 0
            for chunk in prep.chunks():
                for fields, indexed in chunk.docs:
                    writer.add_prepared(fields, indexed)
                    n += 1
                    if progress:
                        progress(n, len(todo))
                for name, postings in chunk.counted.items():
                    writer.add_counted(name, postings)
            writer.commit(optimize=True)
        except BaseException:
            writer.cancel()
            raise


def _write_public(ix, todo: list[Record], progress) -> None:
    """A full build through Whoosh's own writer only: what runs where the fast paths do not."""
    writer = ix.writer(limitmb=256)
    try:
        for n, rec in enumerate(todo, 1):
            writer.add_document(**to_fields(rec, rec.fingerprint()))
            if progress:
                progress(n, len(todo))
        writer.commit(optimize=True)
    except BaseException:
        writer.cancel()
        raise


def _swap(index_dir: Path, gen: Path) -> None:
    tmp = index_dir / f".{CURRENT}.{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(gen.name, tmp)
    os.replace(tmp, index_dir / CURRENT)  # atomic: readers see the old or the new generation, never half


def _clean(index_dir: Path, keep: set[str]) -> None:
    # The previous generation stays one round, for searchers that still have it open.
    for path in index_dir.glob("gen-*"):
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)
