"""Versions of an article or step (`::: version` blocks): their dates, and which one was the text on a day."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import Problems

NAME = "version"  # the container: ::: version from=… until=… amended-by=… note="…"
ATTRIBUTES = ("from", "until", "amended-by", "note")
_ATTR = re.compile(r'\s*(?P<key>[^\s=]+)=(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s"]+))')
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TARGET = re.compile(r"^(?P<doc>[a-z0-9]+(?:-[a-z0-9]+)*)#(?P<anchor>[A-Za-z0-9][\w-]*)$")

# A document's standing on a day, from its front matter 'effective' and 'expires' (both inclusive).
IN_FORCE, NOT_YET, EXPIRED, UNKNOWN = "in_force", "not_yet", "expired", "unknown"


@dataclass
class Version:
    """One wording of a unit, the text it had from valid_from to valid_to (inclusive; None = open)."""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    amended_by: str | None = None  # "doc-id#anchor": the unit that made this wording
    note: str = ""
    line: int = 0  # of the `::: version` line
    text: str = ""  # plain text, as Unit.text
    start: int = 0  # index of its container_version_open token in Parsed.tokens
    end: int = 0  # index of its container_version_close token

    @property
    def amending_document(self) -> str | None:
        return self.amended_by.partition("#")[0] if self.amended_by else None

    @property
    def amending_anchor(self) -> str | None:
        return self.amended_by.partition("#")[2] if self.amended_by else None

    def covers(self, day: dt.date) -> bool:
        return covers(self.valid_from, self.valid_to, day)


def covers(valid_from: dt.date | None, valid_to: dt.date | None, day: dt.date) -> bool:
    """Whether a range (inclusive at both ends, None = open) contains the day."""
    return (valid_from is None or valid_from <= day) and (valid_to is None or day <= valid_to)


def version_on(unit, day: dt.date) -> Version | None:
    """The version of a unit that was its text on the day; None when the unit never changed (no versions)
    or when no version covers the day (before the first, after a last one that ended, or in a gap)."""
    return next((v for v in unit.versions if v.covers(day)), None)


def validity(effective: dt.date | None, expires: dt.date | None, day: dt.date) -> str:
    """NOT_YET before 'effective', EXPIRED after 'expires', IN_FORCE from a known 'effective' to 'expires';
    UNKNOWN when the day is within 'expires' but no 'effective' date is known."""
    if effective is not None and day < effective:
        return NOT_YET
    if expires is not None and day > expires:
        return EXPIRED
    return IN_FORCE if effective is not None else UNKNOWN


def parse_date(raw: str | None) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) or None; ValueError for anything else, an impossible date included."""
    if raw in (None, ""):
        return None
    if not _DATE.fullmatch(raw):
        raise ValueError(raw)
    return dt.date.fromisoformat(raw)


def is_version_block(params: str, _markup: str = "") -> bool:
    return params.strip().split(" ", 1)[0] == NAME


def parse_version(info: str, line: int, problems: Problems) -> Version:
    """The attributes of a `::: version …` line; each bad one reported (version-attribute-invalid) and left out."""
    version = Version(line=line)
    rest = info.strip()[len(NAME):]
    seen: set[str] = set()
    pos = 0
    while rest[pos:].strip():
        m = _ATTR.match(rest, pos)
        if m is None:
            bad = rest[pos:].split()[0]
            problems.error(line, "version-attribute-invalid",
                           f"'{bad}' is not an attribute: write key=value ({', '.join(ATTRIBUTES)})")
            break
        pos = m.end()
        key, value = m.group("key"), m.group("quoted") if m.group("quoted") is not None else m.group("bare")
        if key not in ATTRIBUTES:
            problems.error(line, "version-attribute-invalid",
                           f"unknown attribute '{key}' (a version has {', '.join(ATTRIBUTES)})")
            continue
        if key in seen:
            problems.error(line, "version-attribute-invalid", f"'{key}' is given twice")
            continue
        seen.add(key)
        if key in ("from", "until"):
            try:
                setattr(version, "valid_from" if key == "from" else "valid_to", parse_date(value))
            except ValueError:
                problems.error(line, "version-attribute-invalid",
                               f"'{key}' must be a date written YYYY-MM-DD, got '{value}'")
        elif key == "amended-by":
            if _TARGET.match(value):
                version.amended_by = value
            else:
                problems.error(line, "version-attribute-invalid",
                               f"'amended-by' must name a document and its unit, doc-id#anchor "
                               f"(e.g. law-84-2025-qh15#art-62), got '{value}'")
        else:
            version.note = value.strip()
    return version


def label(version: Version) -> str:
    """The range as written: 'from 2025-07-01', 'until 2025-06-30', '2025-01-01 to 2025-06-30', 'always'."""
    a, b = version.valid_from, version.valid_to
    if a and b:
        return f"{a.isoformat()} to {b.isoformat()}"
    if a:
        return f"from {a.isoformat()}"
    return f"until {b.isoformat()}" if b else "with no dates"
