"""create_app(settings): the FastAPI app with its pages, API, static files and error handlers."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from search import CrossLanguageSearch, SearchService

from ..i18n import load_translations
from ..settings import Settings
from ..urls import OPENAPI, STATIC, TEMPLATE_FILTERS, TEMPLATE_GLOBALS
from . import api, errors, openapi, pages
from .head import HeadAsGet
from .library import Library
from .security import SecurityHeaders

WEB_DIR = Path(__file__).resolve().parent


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="Vietnamese–Lao social-security knowledge base", version="0.1.0",
                  openapi_url=OPENAPI, docs_url=None, redoc_url=None)
    service = SearchService(settings.index_dir, recent_hits=settings.recent_hits)
    app.state.settings = settings
    app.state.service = service
    app.state.search = CrossLanguageSearch(service)
    app.state.library = Library(service)
    app.state.translations = load_translations()
    app.state.templates = Environment(loader=FileSystemLoader(WEB_DIR / "templates"),
                                      autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    app.state.templates.globals.update(TEMPLATE_GLOBALS)
    app.state.templates.filters.update(TEMPLATE_FILTERS)
    app.add_middleware(errors.CatchAll)  # added first: inside the security headers
    app.add_middleware(SecurityHeaders)
    app.add_middleware(GZipMiddleware, minimum_size=500)
    app.add_middleware(HeadAsGet)  # outermost: HEAD gets GET's headers, Content-Length included
    app.mount(STATIC, StaticFiles(directory=WEB_DIR / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    errors.install(app)
    openapi.install(app)
    return app
