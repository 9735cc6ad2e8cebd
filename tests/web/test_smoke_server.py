"""One real server: `kb serve` builds the index, answers /healthz, a page and a search, then stops."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

READY_TIMEOUT = 60.0
POLL = 0.1
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def _wait_ready(proc: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        try:
            if _get(base + "/healthz")[0] == 200:
                return
        except OSError:
            pass  # not listening yet
        try:
            proc.wait(timeout=POLL)  # the poll interval; returns at once if the server died
        except subprocess.TimeoutExpired:
            continue
        raise AssertionError(f"kb serve exited with {proc.returncode}")
    raise AssertionError(f"kb serve not ready after {READY_TIMEOUT:.0f} s")


def test_kb_serve(tmp_path, bundled_content):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "kb.cli", "serve", "--content", str(bundled_content),
                             "--index", str(tmp_path / "index"), "--port", str(port)],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_ready(proc, base)
        health = json.loads(_get(base + "/healthz")[1])
        assert health["status"] == "ok" and health["index"]

        status, html = _get(base + "/vi/")
        assert status == 200 and '<html lang="vi">' in html and "Tìm kiếm" in html

        status, body = _get(base + "/api/search?q=bao+hiem")
        results = json.loads(body)
        assert status == 200 and results["total"] > 0
        assert all(hit["url"].startswith(f"/{hit['lang']}/docs/") for hit in results["results"])
    except AssertionError:
        log.flush()
        print((tmp_path / "serve.log").read_text(errors="replace")[-3000:])
        raise
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()
