"""One error shape: {"error": {"code", "message"}} for the API, a page in the reader's language otherwise."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from search import NoIndex

from .pages import error_page
from .params import BadRequest


log = logging.getLogger("kb.web")


def error_json(code: str, message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _respond(request: Request, code: str, message: str, status: int):
    if request.url.path.startswith("/api") or request.url.path == "/healthz":
        return error_json(code, message, status)
    return error_page(request, status, code)


def install(app: FastAPI) -> None:
    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest):
        return _respond(request, exc.code, exc.message, exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ())[1:])
        # The same code as search_params gives a long query on the pages (params.py).
        code = "query_too_long" if (where, first.get("type")) == ("q", "string_too_long") else "invalid_parameter"
        return _respond(request, code, f"{where}: {first.get('msg', 'invalid value')}", 400)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "error"
        return _respond(request, code, message, exc.status_code)

    @app.exception_handler(NoIndex)
    async def no_index(request: Request, exc: NoIndex):
        return _respond(request, "index_unavailable", "the search index is not available yet", 503)


class CatchAll:
    """Inside the security headers: an exception no handler took becomes a 500 in the request's own
    format (the JSON envelope or a page), with the same headers as any answer, and its traceback logged."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def watch(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise  # half an answer is out: nothing better can be sent
            request = Request(scope)
            response = _respond(request, "internal_error", "an unexpected error; it has been logged", 500)
            await response(scope, receive, send)
