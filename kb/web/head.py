"""HEAD answers like GET without the body, on every route: link checkers and uptime monitors ask HEAD.

FastAPI routes only answer the methods they name, so a HEAD to a GET route would be a 405. This ASGI
layer runs the request as a GET and sends its status and headers (Content-Length included) without the
body; a route that names HEAD itself is never reached as HEAD, which is the same answer."""
from __future__ import annotations


class HeadAsGet:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message):
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # the rest of a streamed body: nothing to send
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)
