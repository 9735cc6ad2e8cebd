"""`kb serve`: brings the index up to date with the content, then runs the site with uvicorn."""
from __future__ import annotations

import logging
import sys

import uvicorn

from search import current_generation, is_usable

from ..build import build
from ..errors import ContentError
from ..settings import Settings
from .app import create_app

log = logging.getLogger("kb.serve")


def ensure_index(settings: Settings) -> None:
    """Incremental build at start; with broken content an existing good index keeps serving."""
    usable = is_usable(current_generation(settings.index_dir))
    try:
        report = build(settings, full=not usable, progress=sys.stderr.isatty())
        print(f"kb serve: {report}", file=sys.stderr)
    except ContentError:
        if not usable:
            raise
        print("kb serve: content has errors (listed above); serving the last good index", file=sys.stderr)


def serve(settings: Settings) -> int:
    ensure_index(settings)
    print(f"kb serve: http://{settings.host}:{settings.port}/", file=sys.stderr)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")
    return 0
