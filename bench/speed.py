"""Speed of our Whoosh index next to an SQLite FTS5 baseline on the same generated corpus and queries."""
from __future__ import annotations

import argparse
import cProfile
import dataclasses
import multiprocessing as mp
import os
import pickle
import pstats
import re
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # appended: a copy of search/ earlier on PYTHONPATH wins (a frozen snapshot)

import search  # noqa: E402
from bench import corpus  # noqa: E402
from search import SearchService, UnitRecord, build_index  # noqa: E402

SEARCH_DIR = Path(search.__file__).resolve().parent

TARGETS = {"p95": 50.0, "p99": 150.0, "build_s": 60.0, "visible_s": 2.0}  # at 10,000 documents
LONG_TARGETS = {"p95": 50.0, "build_s": 90.0}  # at 300 full-length laws (issue 11)
LONG_TARGET_SIZE = 300
WARMUP = 50
WHOOSH_ENTRIES = {("searching.py", "search"), ("collectors.py", "collect_matches")}
_PIECES = re.compile(r'(-?)"([^"]*)"?|(\S+)')


# ---------------------------------------------------------------- measuring helpers (run in child processes)
def _status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


class Peak:
    """Peak resident memory of a phase above the memory at its start (VmHWM, reset via clear_refs)."""

    def __init__(self):
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS (Linux ≥ 4.0)
        self.base = _status_mb("VmRSS")

    def mb(self) -> float:
        return _status_mb("VmHWM") - self.base


def _cpu_s() -> float:
    """CPU seconds of this process and its finished children (the build's workers): on a shared machine
    wall time also counts waiting for a core."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _load(data: Path) -> dict:
    with open(data, "rb") as fh:
        return pickle.load(fh)


def _disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def _percentiles(ms: list[float]) -> dict:
    s = sorted(ms)
    at = lambda p: s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]  # noqa: E731
    return {"p50": at(50), "p95": at(95), "p99": at(99), "max": s[-1]}


def _in_child(func, *args):
    """Runs func in a fresh interpreter so memory peaks and caches of phases do not mix. Not in a
    multiprocessing.Pool: its processes are daemonic, and may not start the build's worker processes."""
    with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as pool:
        return pool.submit(func, *args).result()


# ---------------------------------------------------------------- our index
def ours_build(data: Path, index_dir: Path) -> dict:
    d = _load(data)
    peak = Peak()
    t, cpu = time.perf_counter(), _cpu_s()
    build_index(index_dir, d["records"], d["suggestions"], full=True)
    seconds, cpu = time.perf_counter() - t, _cpu_s() - cpu
    # The largest worker process the build started, if any (its whole resident set, shared pages too).
    workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"build_s": seconds, "build_cpu_s": cpu, "size_mb": _disk_mb(index_dir), "build_peak_mb": peak.mb(),
            "build_workers_mb": workers_mb}


def ours_query(data: Path, index_dir: Path, profile: Path | None) -> dict:
    d = _load(data)
    peak = Peak()
    service = SearchService(index_dir)
    t = time.perf_counter()
    service.search(d["warmup"][0])
    first_s = time.perf_counter() - t
    for q in d["warmup"]:
        service.search(q, per_page=10)
    ms, cpu_ms, totals, tops = [], [], [], []
    for _, q in d["queries"]:
        t, c = time.perf_counter(), time.process_time()
        res = service.search(q, per_page=10)
        ms.append((time.perf_counter() - t) * 1000)
        cpu_ms.append((time.process_time() - c) * 1000)
        totals.append(res.total)
        tops.append((res.hits[0].id, res.hits[0].article) if res.hits else None)
    out = {"ms": ms, "cpu_ms": cpu_ms, "totals": totals, "tops": tops, "first_s": first_s,
           "query_peak_mb": peak.mb()}
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        for _, q in d["queries"]:
            service.search(q, per_page=10)
        prof.disable()
        prof.dump_stats(str(profile))
    out.update(_visible(service, index_dir, d))
    return out


def _visible(service: SearchService, index_dir: Path, d: dict) -> dict:
    """Seconds from changing one document to a long-lived service finding its new word."""
    records, word = list(d["records"]), "zqxbenchword"
    i = len(records) // 2
    units = list(records[i].units)
    units[0] = UnitRecord(units[0].anchor, units[0].heading, units[0].text + f" {word}.")
    records[i] = dataclasses.replace(records[i], units=units)
    t0 = time.perf_counter()
    report = build_index(index_dir, records, d["suggestions"], full=False)
    t1 = time.perf_counter()
    res = service.search(word)
    t2 = time.perf_counter()
    found = any(h.id == records[i].id for h in res.hits)
    return {"visible_s": t2 - t0 if found else float("nan"), "incr_build_s": t1 - t0, "reopen_search_s": t2 - t1,
            "incr_added": report.added}


# ---------------------------------------------------------------- SQLite FTS5 baseline
def _body(rec) -> str:
    return "\n".join([rec.summary, rec.intro, *(f"{u.heading}\n{u.text}" for u in rec.units)])


def fts_build(data: Path, db: Path) -> dict:
    d = _load(data)
    peak = Peak()
    t = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')")
    with con:
        con.executemany("INSERT INTO docs(title, body) VALUES (?, ?)", ((r.title, _body(r)) for r in d["records"]))
        con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    con.close()
    seconds = time.perf_counter() - t
    return {"build_s": seconds, "size_mb": db.stat().st_size / 2**20, "build_peak_mb": peak.mb()}


def fts_match(text: str) -> str:
    """The naive peer's translation: every word or quoted phrase required, -word excluded."""
    pos, neg = [], []
    for m in _PIECES.finditer(text):
        minus, quoted, word = m.groups()
        if quoted is not None:
            (neg if minus else pos).append(quoted)
        elif word.startswith("-") and len(word) > 1:
            neg.append(word[1:])
        else:
            pos.append(word)
    quote = lambda s: '"' + s.replace('"', "") + '"'  # noqa: E731
    q = " AND ".join(quote(p) for p in pos if p.strip())
    if q and neg:
        q += " NOT (" + " OR ".join(quote(n) for n in neg) + ")"
    return q


def fts_query(data: Path, db: Path, or_fallback: bool = False) -> dict:
    """or_fallback: when every word together finds nothing, every word alone (OR), as bench/quality.py's
    FTS5 peer does; otherwise a query with one word no row has finds nothing."""
    d = _load(data)
    peak = Peak()
    con = sqlite3.connect(db)
    page = ("SELECT rowid, title, snippet(docs, 1, '<mark>', '</mark>', '…', 32) FROM docs "
            "WHERE docs MATCH ? ORDER BY rank LIMIT 10")
    count = "SELECT count(*) FROM docs WHERE docs MATCH ?"

    def run(text: str) -> tuple[int, int | None]:
        q = fts_match(text)
        try:
            rows = con.execute(page, (q,)).fetchall()
            total = con.execute(count, (q,)).fetchone()[0]
            if not total and or_fallback and " AND " in q:
                q = q.replace(" AND ", " OR ")
                rows = con.execute(page, (q,)).fetchall()
                total = con.execute(count, (q,)).fetchone()[0]
            return total, rows[0][0] if rows else None
        except sqlite3.OperationalError:
            return 0, None

    for q in d["warmup"]:
        run(q)
    ms, cpu_ms, totals, tops = [], [], [], []
    for _, q in d["queries"]:
        t, c = time.perf_counter(), time.process_time()
        total, top = run(q)
        ms.append((time.perf_counter() - t) * 1000)
        cpu_ms.append((time.process_time() - c) * 1000)
        totals.append(total)
        tops.append(top)
    return {"ms": ms, "cpu_ms": cpu_ms, "totals": totals, "tops": tops, "query_peak_mb": peak.mb()}


# ---------------------------------------------------------------- report
def _profile_table(path: Path, top: int = 20) -> str:
    stats = pstats.Stats(str(path)).stats
    total = max(ct for _, _, _, ct, _ in stats.values())
    rows = []
    for (file, line, func), (_, calls, tt, ct, _) in stats.items():
        where = Path(file)
        if SEARCH_DIR in where.parents:
            rows.append((ct, calls, tt, f"search/{where.relative_to(SEARCH_DIR)}:{line} {func}"))
        elif where.parent.name == "whoosh" and (where.name, func) in WHOOSH_ENTRIES:
            rows.append((ct, calls, tt, f"whoosh/{where.name}:{line} {func}"))
    rows.sort(reverse=True)
    out = ["| function in search/ (and Whoosh's entry points) | calls | cumulative s | own s | share of loop |", "|---|---:|---:|---:|---:|"]
    out += [f"| `{name}` | {calls} | {ct:.2f} | {tt:.2f} | {ct / total:.0%} |" for ct, calls, tt, name in rows[:top]]
    own = sorted(((tt, calls, f"{Path(f).name}:{ln} {fn}") for (f, ln, fn), (_, calls, tt, _, _) in stats.items()),
                 reverse=True)[:12]
    out += ["", "| hottest functions anywhere (own time) | calls | own s |", "|---|---:|---:|"]
    out += [f"| `{name}` | {calls} | {tt:.2f} |" for tt, calls, name in own]
    return "\n".join(out)


def _kinds_table(n: int, kinds: list[str], ours: dict, fts: dict) -> str:
    out = [f"Per query kind at {n:,} documents (ms; zero = queries with no hit):", "",
           "| kind | queries | ours p50 | ours p95 | ours max | ours zero | FTS5 p50 | FTS5 p95 | FTS5 zero |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for kind in dict.fromkeys(kinds):
        idx = [i for i, k in enumerate(kinds) if k == kind]
        a = _percentiles([ours["ms"][i] for i in idx])
        b = _percentiles([fts["ms"][i] for i in idx])
        za = sum(ours["totals"][i] == 0 for i in idx)
        zb = sum(fts["totals"][i] == 0 for i in idx)
        out.append(f"| {kind} | {len(idx)} | {a['p50']:.1f} | {a['p95']:.1f} | {a['max']:.1f} | {za} | "
                   f"{b['p50']:.1f} | {b['p95']:.1f} | {zb} |")
    return "\n".join(out)


def _row(n: int, ours: dict, fts: dict, targets: dict | None = None, unit: str = "docs") -> list[str]:
    """targets: shown next to the numbers (default: TARGETS, at 10,000 documents only)."""
    if targets is None:
        targets = TARGETS if n == 10_000 else {}
    a, b = _percentiles(ours["ms"]), _percentiles(fts["ms"])
    value = {"p95": a["p95"], "p99": a["p99"], "build_s": ours["build_s"], "visible_s": ours["visible_s"]}

    def ratio(x: float, y: float) -> str:
        r = x / y if y else float("nan")
        return f"{r:.1f}×" if r >= 1 else f"{r:.2f}×" if r >= 0.1 else f"1/{1 / r:.0f}" if r > 0 else "–"

    def tgt(key: str) -> str:  # the target next to the number
        return f" (target ≤{targets[key]:.0f} {'✓' if value[key] <= targets[key] else '✗'})" if key in targets else ""

    return [
        f"| full build, {unit}/s | {n / ours['build_s']:.0f} ({ours['build_s']:.1f} s){tgt('build_s')} | "
        f"{n / fts['build_s']:.0f} ({fts['build_s']:.1f} s) | {ratio(fts['build_s'], ours['build_s'])} |",
        f"| index size on disk, MB | {ours['size_mb']:.1f} | {fts['size_mb']:.1f} | {ratio(ours['size_mb'], fts['size_mb'])} |",
        f"| query p50, ms | {a['p50']:.1f} | {b['p50']:.2f} | {ratio(a['p50'], b['p50'])} |",
        f"| query p95, ms | {a['p95']:.1f}{tgt('p95')} | {b['p95']:.2f} | {ratio(a['p95'], b['p95'])} |",
        f"| query p99, ms | {a['p99']:.1f}{tgt('p99')} | {b['p99']:.2f} | {ratio(a['p99'], b['p99'])} |",
        f"| query max, ms | {a['max']:.1f} | {b['max']:.2f} | {ratio(a['max'], b['max'])} |",
        f"| peak memory, build, MB | {ours['build_peak_mb']:.0f}{_workers_note(ours)} | {fts['build_peak_mb']:.0f} | "
        f"{ratio(ours['build_peak_mb'], fts['build_peak_mb'])} |",
        f"| peak memory, open + queries, MB | {ours['query_peak_mb']:.0f} | {fts['query_peak_mb']:.0f} | "
        f"{ratio(ours['query_peak_mb'], fts['query_peak_mb'])} |",
        f"| queries with no hit | {sum(t == 0 for t in ours['totals'])} | {sum(t == 0 for t in fts['totals'])} | |",
        f"| first search on a fresh service, s | {ours['first_s']:.2f} | – | |",
        f"| one changed document visible, s | {ours['visible_s']:.2f}{tgt('visible_s')} "
        f"(build {ours['incr_build_s']:.2f} + reopen and search {ours['reopen_search_s']:.2f}) | – | |",
    ]


def _workers_note(ours: dict) -> str:
    mb = ours.get("build_workers_mb", 0)
    return f" (+ worker processes, each ≤{mb:.0f} resident)" if mb else ""


def _measure(label: str, data: Path, index_dir: Path, db: Path, profile: Path | None, fts_builder,
             or_fallback: bool = False) -> tuple[dict, dict]:
    """Our build and queries, then FTS5's, each phase in a fresh child process, from empty folders."""
    shutil.rmtree(index_dir, ignore_errors=True)
    db.unlink(missing_ok=True)
    ours = _in_child(ours_build, data, index_dir)
    print(f"{label} ours built in {ours['build_s']:.1f}s", flush=True)
    ours.update(_in_child(ours_query, data, index_dir, profile))
    print(f"{label} ours queried", flush=True)
    fts = _in_child(fts_builder, data, db)
    fts.update(_in_child(fts_query, data, db, or_fallback))
    print(f"{label} FTS5 done", flush=True)
    return ours, fts


def run_size(n: int, args, work: Path) -> str:
    t = time.perf_counter()
    records = corpus.generate(n, args.seed)
    labelled = corpus.labelled_queries(records, args.queries, args.seed)
    data = work / f"corpus-{n}.pickle"
    with open(data, "wb") as fh:
        pickle.dump({"records": records, "suggestions": corpus.suggestions(records), "queries": labelled,
                     "warmup": corpus.query_mix(records, WARMUP, args.seed + 1)}, fh)
    chars = sum(len(u.text) for r in records for u in r.units) / n
    del records
    print(f"[{n}] corpus generated in {time.perf_counter() - t:.1f}s", flush=True)
    profile = work / f"query-profile-{n}.prof" if args.profile and n == max(args.sizes) else None
    index_dir, db = work / f"index-{n}", work / f"fts-{n}.db"
    ours, fts = _measure(f"[{n}]", data, index_dir, db, profile, fts_build)
    kinds = [k for k, _ in labelled]
    lines = [f"### {n:,} documents", "",
             f"{n:,} documents (~{chars:,.0f} characters of article text each), {args.queries} queries, "
             f"seed {args.seed}.", "",
             "| measure | ours (Whoosh) | SQLite FTS5 | ours / FTS5 |", "|---|---:|---:|---:|",
             *_row(n, ours, fts), "", _kinds_table(n, kinds, ours, fts), ""]
    if profile:
        lines += [f"Profile of the query loop at {n:,} documents (cProfile, {args.queries} queries; a second pass, "
                  f"so cProfile's overhead does not touch the latencies above; stats in `{profile.name}`):", "",
                  _profile_table(profile), ""]
    if not args.workdir:
        shutil.rmtree(index_dir, ignore_errors=True)
        db.unlink(missing_ok=True)
    return "\n".join(lines)


# ---------------------------------------------------------------- full-length laws (issue 11)
def fts_articles_build(data: Path, db: Path) -> dict:
    """The naive peer over the same articles: one row per article, the law's title and number as its title."""
    d = _load(data)
    peak = Peak()
    t, cpu = time.perf_counter(), _cpu_s()
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')")
    with con:
        con.executemany("INSERT INTO docs(title, body) VALUES (?, ?)",
                        ((f"{r.title} {r.number}", f"{u.heading}\n{u.text}") for r in d["records"] for u in r.units))
        con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    con.close()
    seconds, cpu = time.perf_counter() - t, _cpu_s() - cpu
    return {"build_s": seconds, "build_cpu_s": cpu, "size_mb": db.stat().st_size / 2**20,
            "build_peak_mb": peak.mb()}


def _answers(kinds: list[str], expected: list, ours: dict, fts: dict, rows: list[tuple[str, str]]) -> str:
    """Whether the first hit is the law a number names, or the article a query names (ours: the hit's
    document and the article it opens at; FTS5: the article of the first row)."""
    out = ["First hit right, where a query has one answer (a law's number: that law; `điều 17 luật …`: "
           "article 17 of a law of that name or number):", "",
           "| kind | queries | ours: right law | ours: right law and article | FTS5: right law | "
           "FTS5: right law and article |", "|---|---:|---:|---:|---:|---:|"]
    for kind in dict.fromkeys(k for k, e in zip(kinds, expected) if e):
        idx = [i for i, k in enumerate(kinds) if k == kind and expected[i]]
        ours_top = [ours["tops"][i] for i in idx]
        fts_top = [rows[fts["tops"][i] - 1] if fts["tops"][i] else None for i in idx]

        def count(tops: list, article: bool) -> int:
            return sum(1 for i, top in zip(idx, tops) if top and top[0] in expected[i][0]
                       and (not article or top[1] == expected[i][1]))
        art = expected[idx[0]][1] is not None
        dash = lambda x: str(x) if art else "–"  # noqa: E731
        out.append(f"| {kind} | {len(idx)} | {count(ours_top, False)} | {dash(count(ours_top, True))} | "
                   f"{count(fts_top, False)} | {dash(count(fts_top, True))} |")
    return "\n".join(out)


def _cumulative(path: Path, top: int = 15) -> str:
    """The profile's top functions anywhere by cumulative time (pstats' own listing), and how much of the
    query loop the article choice and the snippets take."""
    stats = pstats.Stats(str(path))
    raw = stats.stats
    total = max(ct for _, _, _, ct, _ in raw.values())
    rows = sorted(((ct, tt, nc, f"{Path(f).parent.name}/{Path(f).name}:{ln} {fn}")
                   for (f, ln, fn), (_, nc, tt, ct, _) in raw.items()), reverse=True)[:top]
    out = [f"Top {top} functions by cumulative time (everything, not only search/):", "",
           "| function | calls | cumulative s | own s | share of loop |", "|---|---:|---:|---:|---:|"]
    out += [f"| `{name}` | {nc} | {ct:.2f} | {tt:.2f} | {ct / total:.0%} |" for ct, tt, nc, name in rows]
    watch = {"best_match", "_base_score"}
    shares = [(fn, ct) for (f, _, fn), (_, _, _, ct, _) in raw.items()
              if fn in watch and Path(f).name == "highlight.py"]
    if shares:
        out += ["", "In `search/serve/highlight.py`: " + ", ".join(
            f"`{fn}` {ct:.2f} s ({ct / total:.0%} of the loop)" for fn, ct in sorted(shares, key=lambda x: -x[1]))
            + f"; loop total {total:.2f} s."]
    return "\n".join(out)


def _cpu_rows(ours: dict, fts: dict) -> list[str]:
    """The same run in CPU time: on a shared machine, what the work itself costs."""
    a, b = _percentiles(ours["cpu_ms"]), _percentiles(fts["cpu_ms"])
    r = lambda x, y: f"{x / y:.1f}×" if y else "–"  # noqa: E731
    return [f"| full build, CPU s (workers included) | {ours['build_cpu_s']:.1f} | {fts['build_cpu_s']:.1f} | "
            f"{r(ours['build_cpu_s'], fts['build_cpu_s'])} |",
            *(f"| query {k}, CPU ms | {a[k]:.1f} | {b[k]:.2f} | {r(a[k], b[k])} |" for k in ("p50", "p95", "p99"))]


def run_long(n: int, args, work: Path) -> str:
    t = time.perf_counter()
    records = corpus.long_laws(n, args.seed)
    triples = corpus.long_law_queries(records, args.queries, args.seed)
    labelled = [(k, q) for k, q, _ in triples]
    expected = [e for _, _, e in triples]
    data = work / f"laws-{n}.pickle"
    with open(data, "wb") as fh:
        pickle.dump({"records": records, "suggestions": corpus.suggestions(records), "queries": labelled,
                     "warmup": [q for _, q, _ in corpus.long_law_queries(records, WARMUP, args.seed + 1)]}, fh)
    rows = [(r.id, u.anchor) for r in records for u in r.units]
    chars = [sum(len(u.text) for u in r.units) for r in records]
    arts = [len(r.units) for r in records]
    langs = sum(r.lang == "vi" for r in records)
    del records
    print(f"[{n} laws] corpus generated in {time.perf_counter() - t:.1f}s", flush=True)
    profile = work / f"query-profile-laws-{n}.prof" if args.profile and n == max(args.long_laws) else None
    index_dir, db = work / f"index-laws-{n}", work / f"fts-laws-{n}.db"
    ours, fts = _measure(f"[{n} laws]", data, index_dir, db, profile, fts_articles_build, or_fallback=True)
    kinds = [k for k, _ in labelled]
    targets = LONG_TARGETS if n == LONG_TARGET_SIZE else {}
    lines = [f"### {n:,} full-length laws ({len(rows):,} articles)", "",
             f"{n:,} synthetic laws ({langs} Vietnamese, {n - langs} Lao), {len(rows):,} articles "
             f"({min(arts)}–{max(arts)} per law, mean {len(rows) / n:.0f}), {min(chars) / 1000:.0f}–"
             f"{max(chars) / 1000:.0f} k characters of article text per law (mean {sum(chars) / n / 1000:.0f} k, "
             f"{sum(chars) / 1e6:.1f} M in all); {args.queries} queries, seed {args.seed}.", "",
             "| measure | ours (Whoosh) | SQLite FTS5, one row per article | ours / FTS5 |", "|---|---:|---:|---:|",
             *_row(len(rows), ours, fts, targets, unit="articles"), *_cpu_rows(ours, fts), "",
             _kinds_table(n, kinds, ours, fts).replace(" documents (ms;", " laws (ms;"), "",
             _answers(kinds, expected, ours, fts, rows), ""]
    if profile:
        lines += [f"Profile of the query loop at {n:,} laws (cProfile, {args.queries} queries; a second pass, so "
                  f"cProfile's overhead does not touch the latencies above; stats in `{profile.name}`):", "",
                  _cumulative(profile), "", _profile_table(profile), ""]
    if not args.workdir:
        shutil.rmtree(index_dir, ignore_errors=True)
        db.unlink(missing_ok=True)
    return "\n".join(lines)


LONG_HEADER = """## Full-length laws (`--long-laws`)

Synthetic laws as long as real ones (`bench/corpus.py` `long_laws`: chapters `Chương I` / `ໝວດທີ 1`, articles
`Điều N. …` / `ມາດຕາ N …` of numbered clauses and lettered points, generated from the vocabulary above; the text
is not the wording of any law and every record's summary says so). Queries (`long_law_queries`): words and
short phrases, unaccented words, questions with asking words (`… có những quyền gì`, `…ມີສິດຫຍັງແດ່`), law
numbers as typed (`luật 45/2019`, `໓໒/ສພຊ`), Lao without spaces, and articles of a named law
(`điều 17 luật bảo hiểm xã hội`, `ມາດຕາ 17 ກົດໝາຍ ເລກທີ 32/ສພຊ`).

- Ours as above: `build_index(full=True)`, one long-lived `SearchService`, `per_page=10`, every call with its
  hits' highlighted snippets. FTS5: one row per article (title = the law's title and number, body = the
  article's heading and text), `unicode61 remove_diacritics 2`, bm25 (`ORDER BY rank LIMIT 10`) with
  `snippet()` and `count(*)`; every word required, and when that finds nothing every word alone (OR).
- Targets at {size} laws: query p95 ≤ {p95:.0f} ms with highlights, full build ≤ {build_s:.0f} s.
"""


HEADER = """# Search speed: our Whoosh index vs SQLite FTS5

Generated by `python bench/speed.py {argv}` (bench/corpus.py, synthetic Vietnamese and Lao regulations).

- Ours: `build_index(full=True)` into a temporary folder; queries through one long-lived `SearchService`
  (warmed up with {warmup} other queries), `per_page=10`, every call cutting highlighted snippets and counting
  facets, as the application does. FTS5: `unicode61 remove_diacritics 2` over title + body (summary, intro,
  headings, articles), every word or quoted phrase required, `-word` as NOT, `ORDER BY rank LIMIT 10` with
  `snippet()`, plus `count(*)` for the total.
- Peak memory: the highest resident set size (VmHWM, after resetting it through `/proc/self/clear_refs`) minus
  the resident size when the phase began, each phase in its own fresh process with the corpus already loaded.
- One changed document: one article of one document gets a new word; `build_index(full=False)` of the whole
  record list, then the already-open service searches that word (it reopens the new generation itself).
- Targets (at 10,000 documents): query p95 ≤ {p95:.0f} ms, p99 ≤ {p99:.0f} ms, full build ≤ {build_s:.0f} s, one changed
  document visible ≤ {visible_s:.0f} s. Shown as ✓/✗ next to the 10,000-document numbers; nothing is asserted.
- Machine: {cpus} CPUs, Python {py}, SQLite {sqlite}; search/ imported from `{search_dir}`, run started {started}.
"""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", help="generated documents, e.g. 1000 10000 50000 "
                        "(default 1000 10000, or none when --long-laws is given)")
    parser.add_argument("--long-laws", type=int, nargs="+", default=[],
                        help="full-length laws (100–400 articles each), e.g. 20 300")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, help="also write the Markdown report here")
    parser.add_argument("--profile", action="store_true", help="cProfile the query loop at the largest size")
    parser.add_argument("--workdir", type=Path, help="keep corpora, indexes and profiles here (default: a temp dir)")
    args = parser.parse_args(argv)
    if args.sizes is None:
        args.sizes = [] if args.long_laws else [1000, 10000]
    header = HEADER.format(argv=" ".join(sys.argv[1:] if argv is None else argv), warmup=WARMUP,
                           cpus=os.cpu_count(), py=sys.version.split()[0], sqlite=sqlite3.sqlite_version,
                           search_dir=SEARCH_DIR, started=time.strftime("%Y-%m-%d %H:%M"), **TARGETS)
    sections = [header]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kb-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    runs = [(run_size, n) for n in args.sizes] + [(run_long, n) for n in args.long_laws]
    try:
        for i, (func, n) in enumerate(runs):
            if func is run_long and (i == 0 or runs[i - 1][0] is not run_long):
                sections.append(LONG_HEADER.format(size=LONG_TARGET_SIZE, **LONG_TARGETS))
            sections.append(func(n, args, work))
            print(sections[-1], flush=True)
            if args.out:
                args.out.parent.mkdir(parents=True, exist_ok=True)
                args.out.write_text("\n".join(sections), encoding="utf-8")
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
