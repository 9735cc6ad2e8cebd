"""Security and caching headers on every response."""
from __future__ import annotations

from ..urls import STATIC

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = ((b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY"))
STATIC_CACHE = (b"cache-control", b"public, max-age=3600")


class SecurityHeaders:
    """Adds the headers a response does not set itself. Plain ASGI, not BaseHTTPMiddleware: that one
    runs every request through an extra task and stream, which cost more than the rest of a page."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = HEADERS + ((STATIC_CACHE,) if scope["path"].startswith(STATIC + "/") else ())

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in extra if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
