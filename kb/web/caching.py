"""ETag, Cache-Control and Vary: what a proxy cache may keep, for how long, and for which readers.

A document page changes only when a new index generation is served, so it is `public` with an ETag
that changes with the generation. Every page depends on the `ui` cookie (the interface language) and
every answer may be gzipped, so pages say `Vary: Cookie, Accept-Encoding` (GZipMiddleware adds the
second to every answer long enough to compress; a 304 says it here). An answer that sets a cookie
belongs to one reader: it is `private`, so a shared cache never replays its `Set-Cookie` to another."""
from __future__ import annotations

import hashlib

from fastapi import Request, Response

MAX_AGE = 300
PAGE_VARY = ("Cookie",)
JSON_VARY = ()
COMPRESSED = ("Accept-Encoding",)


def etag_for(request: Request, *parts: str) -> str:
    seed = "|".join([request.app.state.library.generation, request.url.path, *parts])
    return '"' + hashlib.sha1(seed.encode()).hexdigest()[:20] + '"'


def vary(response: Response, names: tuple[str, ...]) -> Response:
    have = [v.strip() for v in response.headers.get("vary", "").split(",") if v.strip()]
    if not names:
        return response
    for name in names:
        if name.lower() not in {h.lower() for h in have}:
            have.append(name)
    response.headers["Vary"] = ", ".join(have)
    return response


def not_modified(request: Request, etag: str, names: tuple[str, ...] = PAGE_VARY) -> Response | None:
    if etag in (request.headers.get("if-none-match") or ""):
        response = Response(status_code=304, headers={"ETag": etag, "Cache-Control": f"public, max-age={MAX_AGE}"})
        return vary(response, (*names, *COMPRESSED))
    return None


def mark(response: Response, etag: str, names: tuple[str, ...] = PAGE_VARY) -> Response:
    response.headers["ETag"] = etag
    shared = "set-cookie" not in response.headers
    response.headers["Cache-Control"] = f"{'public' if shared else 'private'}, max-age={MAX_AGE}"
    return vary(response, names)
