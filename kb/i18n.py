"""UI translations: Babel catalogs compiled in memory at start-up; locale-aware dates and numbers."""
from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
UI_LOCALES = ("vi", "lo", "en")


def load_translations() -> dict[str, NullTranslations]:
    """Compiles every .po catalog to an in-memory .mo: no compiled files to keep in sync by hand."""
    out: dict[str, NullTranslations] = {}
    for locale in UI_LOCALES:
        po = LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po"
        if not po.exists():
            out[locale] = NullTranslations()
            continue
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=locale)
        buf = BytesIO()
        write_mo(buf, catalog)
        buf.seek(0)
        out[locale] = Translations(fp=buf)
    return out


def negotiate(accept_language: str | None, choices: tuple[str, ...]) -> str | None:
    """The first language in an Accept-Language header that we publish in."""
    weighted = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            weight = 0.0
        primary = tag.split("-")[0].strip().lower()
        if primary in choices and weight > 0:
            weighted.append((-weight, i, primary))
    return min(weighted)[2] if weighted else None


def date_text(value: str | dt.date | None, locale: str) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    return format_date(value, format="long", locale=locale)


def number_text(value: int | float, locale: str) -> str:
    return format_decimal(value, locale=locale)
