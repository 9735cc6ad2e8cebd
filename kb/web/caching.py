"""ETag and Cache-Control for documents: a page changes only when a new index generation is served."""
from __future__ import annotations

import hashlib

from fastapi import Request, Response

MAX_AGE = 300


def etag_for(request: Request, *parts: str) -> str:
    seed = "|".join([request.app.state.library.generation, request.url.path, *parts])
    return '"' + hashlib.sha1(seed.encode()).hexdigest()[:20] + '"'


def not_modified(request: Request, etag: str) -> Response | None:
    if etag in (request.headers.get("if-none-match") or ""):
        return Response(status_code=304, headers={"ETag": etag, "Cache-Control": f"public, max-age={MAX_AGE}"})
    return None


def mark(response: Response, etag: str) -> Response:
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response
