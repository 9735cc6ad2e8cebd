"""The OpenAPI description as the API really answers: FastAPI's 422 validation answer never happens
(a bad parameter is a 400 with the one error shape, errors.py), so it and its schemas are taken out."""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

UNUSED_SCHEMAS = ("HTTPValidationError", "ValidationError")


def install(app: FastAPI) -> None:
    def openapi() -> dict:
        if app.openapi_schema is None:
            spec = get_openapi(title=app.title, version=app.version, routes=app.routes)
            for ops in spec["paths"].values():
                for op in ops.values():
                    op.get("responses", {}).pop("422", None)
            for name in UNUSED_SCHEMAS:
                spec.get("components", {}).get("schemas", {}).pop(name, None)
            app.openapi_schema = spec
        return app.openapi_schema
    app.openapi = openapi
