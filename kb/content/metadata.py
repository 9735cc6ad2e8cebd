"""The front-matter schema: types, enums, dates and relations, with every problem at its line."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from yaml.nodes import ScalarNode, SequenceNode

from search import CODES

from ..errors import Problems
from .frontmatter import FrontMatter, construct

TYPES = ("law", "decree", "decision", "circular", "instruction", "procedure", "agreement", "guide", "glossary",
         "news", "page")
STATUSES = ("in_force", "partly_in_force", "not_yet_in_force", "amended", "repealed", "unknown")
# Documents with no legal force of their own (training guides, news, the glossary): they have no status to
# show, so 'status' other than unknown on them is a warning (status-not-applicable). A 'page' is the default
# type of anything not yet classified, so it keeps the status it is given.
NO_STATUS_TYPES = ("guide", "glossary", "news")
RELATIONS = ("amends", "replaces", "implements", "cites", "related", "superseded_by")
# forward relation → the name of its derived reverse
REVERSE = {"amends": "amended_by", "replaces": "replaced_by", "implements": "implemented_by",
           "cites": "cited_by", "related": "related", "superseded_by": "supersedes"}
DATES = ("issued", "effective", "expires", "as_of")
TEXTS = ("title", "summary", "number", "issuer", "signer", "source")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KNOWN = {"id", "type", "status", "tags", "authoritative", "checked_against_official", "aliases", "translation_of",
         *TEXTS, *DATES, *RELATIONS}


@dataclass
class Metadata:
    id: str
    title: str = ""
    summary: str = ""
    type: str = "page"
    number: str = ""
    issuer: str = ""
    signer: str = ""
    issued: dt.date | None = None
    effective: dt.date | None = None
    expires: dt.date | None = None
    as_of: dt.date | None = None
    status: str = "unknown"
    tags: list[str] = field(default_factory=list)
    relations: dict[str, list[str]] = field(default_factory=dict)
    source: str = ""
    authoritative: bool = True
    # For a summary (authoritative: false): whether its text was compared with the official text.
    checked_against_official: bool = False
    aliases: list[str] = field(default_factory=list)
    translation_of: str | None = None  # the language of the source this document translates
    lines: dict[str, int] = field(default_factory=dict)

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)


def _text(key, node, line, problems) -> str | None:
    if not isinstance(node, ScalarNode) or node.tag.endswith((":bool", ":null", ":map", ":seq")):
        problems.error(line, "type-invalid", f"'{key}' must be text")
        return None
    return str(node.value).strip()


def _list(key, node, line, problems) -> list[str] | None:
    items = node.value if isinstance(node, SequenceNode) else [node] if isinstance(node, ScalarNode) else None
    if items is None or not all(isinstance(i, ScalarNode) for i in items):
        problems.error(line, "type-invalid", f"'{key}' must be a list of text values")
        return None
    return [str(i.value).strip() for i in items if str(i.value).strip()]


def _date(key, node, line, problems) -> dt.date | None:
    raw = str(node.value).strip() if isinstance(node, ScalarNode) else None
    try:
        if raw is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            raise ValueError
        return dt.date.fromisoformat(raw)
    except ValueError:
        problems.error(line, "date-invalid", f"'{key}' must be a date written YYYY-MM-DD, got {raw or node.tag!r}")
        return None


def _choice(key, node, line, problems, allowed) -> str | None:
    value = _text(key, node, line, problems)
    if value is not None and value not in allowed:
        problems.error(line, "enum-invalid", f"'{key}' must be one of {', '.join(allowed)}; got '{value}'")
        return None
    return value


def _ids(key, node, line, problems) -> list[str]:
    values = _list(key, node, line, problems) or []
    for value in values:
        if not ID_RE.match(value):
            problems.error(line, "id-invalid", f"'{key}' entry '{value}' is not an id (lowercase a-z, 0-9 and -)")
    return [v for v in values if ID_RE.match(v)]


def parse_metadata(fm: FrontMatter, default_id: str, problems: Problems) -> Metadata:
    """Validates front matter; wrong values are reported and left at their defaults."""
    meta = Metadata(id=default_id, lines=dict(fm.lines))
    present = {k: n for k, n in fm.nodes.items() if not (isinstance(n, ScalarNode) and n.tag.endswith(":null"))}
    invalid: set[str] = set()  # keys already reported as the wrong type
    for key in fm.nodes:
        if key not in KNOWN:
            problems.warning(fm.lines[key], "key-unknown", f"unknown key '{key}'")
    for key, node in present.items():
        line = fm.lines[key]
        if key in TEXTS:
            value = _text(key, node, line, problems)
            if value is None:
                invalid.add(key)
            else:
                setattr(meta, key, value)
        elif key in DATES:
            setattr(meta, key, _date(key, node, line, problems))
        elif key in RELATIONS:
            meta.relations[key] = _ids(key, node, line, problems)
        elif key == "tags":
            meta.tags = _list(key, node, line, problems) or []
        elif key == "aliases":
            meta.aliases = _ids(key, node, line, problems)
        elif key == "type" and (value := _choice(key, node, line, problems, TYPES)):
            meta.type = value
        elif key == "status" and (value := _choice(key, node, line, problems, STATUSES)):
            meta.status = value
        elif key == "authoritative":
            value = construct(node)
            if isinstance(value, bool):
                meta.authoritative = value
            else:
                problems.error(line, "type-invalid", "'authoritative' must be true or false")
        elif key == "checked_against_official":
            value = construct(node)
            if isinstance(value, bool):
                meta.checked_against_official = value
            else:
                problems.error(line, "type-invalid", "'checked_against_official' must be true or false")
        elif key == "translation_of" and (value := _choice(key, node, line, problems, CODES)):
            meta.translation_of = value
        elif key == "id" and (value := _text(key, node, line, problems)) is not None:
            meta.id = value
    if not ID_RE.match(meta.id):
        problems.error(meta.line("id"), "id-invalid",
                       f"id '{meta.id}' must be lowercase a-z, 0-9 and single dashes"
                       + ("" if "id" in fm.lines else " (it comes from the file name; set 'id' to choose one)"))
    if not meta.title and fm.readable and "title" not in invalid:
        problems.error(meta.line("title"), "title-missing", "'title' is required")
    if meta.type in NO_STATUS_TYPES and meta.status != "unknown":
        problems.warning(meta.line("status"), "status-not-applicable",
                         f"a {meta.type} has no legal status of its own; 'status: {meta.status}' is not shown "
                         "(leave it out)")
    if meta.authoritative and "checked_against_official" in present:
        problems.warning(meta.line("checked_against_official"), "checked-not-applicable",
                         "'checked_against_official' applies to summaries (authoritative: false); "
                         "an official text is the official text")
    if meta.effective and meta.expires and meta.expires < meta.effective:
        problems.error(meta.line("expires"), "date-order", "'expires' is before 'effective'")
    return meta
