"""HTTP load on loopback: requests/s and latency of /api/search at 1 and 2 workers over a generated corpus,
without and with each worker keeping recent results (the recent_hits setting, KB_RECENT_HITS), and their hit rate;
searching both languages at once (lang=all) or, as the search page does, in the query's own language with
the other language's block below (lang=reader)."""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import generate, query_mix, suggestions  # noqa: E402
from kb.web.serve import SETTINGS_ENV, app_from_environment  # noqa: E402
from search import build_index, current_generation, is_usable  # noqa: E402
from search.text.languages import detect  # noqa: E402

STATS_PATH = "/_bench/recent"


def bench_app():
    """The app `kb serve` runs (the settings, recent hits kept included, travel in the environment to each
    worker), plus a path that reports the worker's hits and misses."""
    app = app_from_environment()
    service = app.state.service

    async def with_stats(scope, receive, send):
        if scope["type"] == "http" and scope["path"] == STATS_PATH:
            body = json.dumps({"pid": os.getpid(), **service.recent_results()}).encode()
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"application/json")]})
            await send({"type": "http.response.body", "body": body})
            return
        await app(scope, receive, send)
    return with_stats


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().split()
            except OSError:
                continue
            if int(stat[3]) == pid:
                out.append(int(entry.name))
    return out


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _start(index: Path, content: Path, workers: int, recent_hits: int) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    env = dict(os.environ, **{SETTINGS_ENV: json.dumps({"content": str(content), "index": str(index),
                                                         "host": "127.0.0.1", "port": port,
                                                         "recent_hits": recent_hits})})
    # As `kb serve --workers N` runs it (its protocol class, which only uvicorn.run takes).
    run = ("import uvicorn; from kb.web.serve import NoDelayHTTP; uvicorn.run('bench.load:bench_app', "
           f"factory=True, host='127.0.0.1', port={port}, workers={workers}, log_level='warning', "
           "http=NoDelayHTTP)")
    proc = subprocess.Popen([sys.executable, "-c", run], env=env, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


def _recent(port: int, pids: set[int]) -> dict[int, dict]:
    """Each worker's recent-results counters (new connections until every worker has answered)."""
    out: dict[int, dict] = {}
    for _ in range(200):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", STATS_PATH)
        info = json.loads(conn.getresponse().read())
        conn.close()
        out[info.pop("pid")] = info
        if set(out) >= pids:
            break
    return out


def _hit_rate(before: dict[int, dict], after: dict[int, dict]) -> float | None:
    hits = sum(a["hits"] - before.get(pid, {}).get("hits", 0) for pid, a in after.items())
    misses = sum(a["misses"] - before.get(pid, {}).get("misses", 0) for pid, a in after.items())
    return hits / (hits + misses) if hits + misses else None


def _lang(query: str, mode: str) -> str:
    return (detect(query) or "vi") if mode == "reader" else mode


def _load(port: int, queries: list[str], clients: int, seconds: float, lang: str = "all") -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(seed: int):
        rnd = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, bad = [], []
        while time.monotonic() < stop_at:
            q = rnd.choice(queries)
            path = "/api/search?" + urllib.parse.urlencode({"q": q, "lang": _lang(q, lang)})
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    bad.append(f"{response.status} {q}")
            except OSError as exc:
                bad.append(repr(exc))
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)
            errors.extend(bad)
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    pick = lambda f: latencies[min(len(latencies) - 1, int(f * len(latencies)))] if latencies else 0.0  # noqa: E731
    return {"requests": len(latencies), "rps": len(latencies) / elapsed, "p50": pick(0.5), "p95": pick(0.95),
            "p99": pick(0.99), "errors": len(errors), "error_samples": errors[:3]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=10_000, help="0 measures the HTTP side alone (an empty index)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--recent", type=int, nargs="+", default=[0, 3000],
                    help="hits of recent results each worker keeps, one run per value (0: none)")
    ap.add_argument("--langs", nargs="+", default=["all"], choices=["all", "reader"],
                    help="all: both languages mixed; reader: the query's own language plus the other "
                         "language's block, as the search page asks (one run per value)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--pool", type=int, default=10_000,
                    help="queries drawn from bench/corpus.py's mix; clients pick among them at random, so "
                         "queries repeat only as often as the mix itself repeats them (500 was the old pool)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--workdir", type=Path, default=None, help="keep the index here between runs")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kb-load-"))
    index, content = work / f"index-{args.docs}-{args.seed}", work / "content"
    (content / "vi").mkdir(parents=True, exist_ok=True)
    records = generate(args.docs, args.seed)
    if not is_usable(current_generation(index)):
        print(f"building an index of {args.docs} documents…", file=sys.stderr)
        build_index(index, records, suggestions(records), full=True)
    queries = query_mix(records, args.pool, args.seed)
    rows = []
    for workers in args.workers:
        for recent in args.recent:
            for lang in args.langs:
                proc, port = _start(index, content, workers, recent)
                try:
                    _load(port, queries[:50], 2, 3, lang)  # warm-up: every worker opens its searchers
                    pids = set(_children(proc.pid)) or {proc.pid}
                    before = _recent(port, pids)
                    result = _load(port, queries, args.clients, args.seconds, lang)
                    result["hit_rate"] = _hit_rate(before, _recent(port, pids)) if recent else None
                    result["peak_mb"] = max(_peak_mb(p) for p in pids)
                finally:
                    proc.terminate()
                    proc.wait(timeout=30)
                rows.append((workers, recent, lang, result))
                print(f"{workers} worker(s), recent hits {recent}, lang={lang}: {result}", file=sys.stderr)
    intro = (f"HTTP load: {args.docs:,} generated documents, {args.clients} keep-alive clients on loopback, "
             f"{args.seconds:.0f} s per run, `GET /api/search` with queries picked at random among "
             f"{len(queries):,} of bench/corpus.py's mix ({len(set(queries)):,} distinct); lang=all searches "
             "both languages at once, lang=reader the query's own language plus the other language's block, "
             "as the search page does.")
    header = ("| workers | recent hits kept | lang | requests/s | p50 ms | p95 ms | p99 ms | errors | hit rate | "
              "peak memory per worker, MB |")
    table = [intro, "", header, "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for workers, recent, lang, r in rows:
        rate = f"{r['hit_rate']:.0%}" if r["hit_rate"] is not None else "–"
        table.append(f"| {workers} | {recent or 'none'} | {lang} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | "
                     f"{r['p99']:.0f} | {r['errors']} | {rate} | {r['peak_mb']:.0f} |")
    text = "\n".join(table) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
