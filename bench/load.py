"""HTTP load on loopback: requests/s and latency of /api/search at 1 and 2 workers over a generated corpus."""
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
from kb.web.serve import SETTINGS_ENV  # noqa: E402
from search import build_index, current_generation, is_usable  # noqa: E402


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


def _start(index: Path, content: Path, workers: int) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    env = dict(os.environ, **{SETTINGS_ENV: json.dumps({"content": str(content), "index": str(index),
                                                         "host": "127.0.0.1", "port": port})})
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "kb.web.serve:app_from_environment", "--factory",
                             "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
                             "--log-level", "warning"], env=env, cwd=ROOT)
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


def _load(port: int, queries: list[str], clients: int, seconds: float) -> dict:
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
            path = "/api/search?" + urllib.parse.urlencode({"q": q, "lang": "all"})
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
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=30)
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
    queries = query_mix(records, 500, args.seed)
    rows = []
    for workers in args.workers:
        proc, port = _start(index, content, workers)
        try:
            _load(port, queries[:50], 2, 3)  # warm-up: every worker opens its searchers
            result = _load(port, queries, args.clients, args.seconds)
            pids = _children(proc.pid) or [proc.pid]
            result["peak_mb"] = max(_peak_mb(p) for p in pids)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        rows.append((workers, result))
        print(f"{workers} worker(s): {result}", file=sys.stderr)
    table = [f"HTTP load: {args.docs:,} generated documents, {args.clients} keep-alive clients on loopback, "
             f"{args.seconds:.0f} s per run, `GET /api/search` with a realistic query mix (lang=all).", "",
             "| workers | requests/s | p50 ms | p95 ms | p99 ms | errors | peak memory per worker, MB |",
             "|---:|---:|---:|---:|---:|---:|---:|"]
    for workers, r in rows:
        table.append(f"| {workers} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} | "
                     f"{r['errors']} | {r['peak_mb']:.0f} |")
    text = "\n".join(table) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
