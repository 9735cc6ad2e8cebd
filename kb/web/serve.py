"""`kb serve`: brings the index up to date, then runs the site; --watch re-indexes edited files."""
from __future__ import annotations

import json
import logging
import os
import socket
import sys
import threading
from pathlib import Path

import uvicorn
from uvicorn.protocols.http.auto import AutoHTTPProtocol

from search import current_generation, is_usable

from ..build import build
from ..errors import ContentError
from ..settings import Settings
from .app import create_app

log = logging.getLogger("kb.serve")
SETTINGS_ENV = "KB_SERVE_SETTINGS"
WATCH_INTERVAL = 0.5


class NoDelayHTTP(AutoHTTPProtocol):
    """uvicorn's HTTP protocol with Nagle's algorithm off. With --workers uvicorn binds the socket
    itself (protocol 0), asyncio then leaves Nagle on, and every keep-alive response after the first
    waits about 40 ms for the client's delayed ACK."""

    def connection_made(self, transport):
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def ensure_index(settings: Settings) -> None:
    """Incremental build at start: a missing, corrupted or outdated index is rebuilt from content;
    broken files keep their last good version when there is one."""
    gen = current_generation(settings.index_dir)
    if gen is None:
        print(f"kb serve: no index in {settings.index_dir}: building it from {settings.content_dir}", file=sys.stderr)
    elif not is_usable(gen):
        print(f"kb serve: index {gen} is corrupted or from another schema version: rebuilding it", file=sys.stderr)
    report = build(settings, full=not is_usable(gen), progress=sys.stderr.isatty(), keep_going=True)
    print(f"kb serve: {report}", file=sys.stderr)


def snapshot(content_dir: Path) -> dict[str, tuple[float, int]]:
    out = {}
    for path in content_dir.rglob("*"):
        if path.suffix in (".md", ".yaml") and path.is_file():
            st = path.stat()
            out[str(path)] = (st.st_mtime, st.st_size)
    return out


def start_watching(settings: Settings) -> threading.Event:
    """Snapshots the content folder now, then polls it in a thread and re-indexes what changed;
    every worker sees the new generation. Set the returned event to stop."""
    stop = threading.Event()
    seen = snapshot(settings.content_dir)

    def loop(seen=seen):
        while not stop.wait(WATCH_INTERVAL):
            now = snapshot(settings.content_dir)
            if now != seen:
                seen = now
                try:
                    print(f"kb serve: {build(settings, keep_going=True)}", file=sys.stderr)
                except ContentError as exc:
                    print(f"kb serve: not re-indexed: {exc}", file=sys.stderr)
    threading.Thread(target=loop, name="kb-watch", daemon=True).start()
    return stop


def app_from_environment():
    """The app factory each worker process calls (settings travel in the environment)."""
    data = json.loads(os.environ[SETTINGS_ENV])
    return create_app(Settings.make(data["content"], data["index"], host=data["host"], port=data["port"],
                                    recent_hits=data.get("recent_hits")))


def serve(settings: Settings, workers: int = 1, watch_content: bool = False) -> int:
    ensure_index(settings)
    stop = start_watching(settings) if watch_content else threading.Event()
    print(f"kb serve: http://{settings.host}:{settings.port}/ ({workers} worker(s)"
          f"{', watching content' if watch_content else ''})", file=sys.stderr)
    try:
        if workers > 1:
            os.environ[SETTINGS_ENV] = json.dumps({"content": str(settings.content_dir), "index": str(settings.index_dir),
                                                   "host": settings.host, "port": settings.port,
                                                   "recent_hits": settings.recent_hits})
            uvicorn.run("kb.web.serve:app_from_environment", factory=True, host=settings.host, port=settings.port,
                        workers=workers, log_level="info", http=NoDelayHTTP)
        else:
            uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info",
                        http=NoDelayHTTP)
    finally:
        stop.set()
    return 0
