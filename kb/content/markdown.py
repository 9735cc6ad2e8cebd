"""One configured Markdown renderer: HTML for reading, plain text and units (articles, steps) for indexing."""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from ..errors import Problems
from .sections import PlacesRenderer, render_sections, use_places
from .structure import (CUSTOM_ID, POINT, UNIT_KINDS, AnchorPlanner, classify, merged_article, opens_quote,
                        still_quoting)
from .versions import NAME as VERSION, Version, is_version_block, parse_version, version_on

LINK_SCHEME = "kb:"


def make_parser() -> MarkdownIt:
    # Raw HTML off: authors' HTML is shown as text, never executed.
    # Ids are marked as they are rendered (sections.py): pages cut and decorate the body by its units.
    return (MarkdownIt("commonmark", {"html": False, "linkify": False}, renderer_cls=PlacesRenderer)
            .enable("table").use(footnote_plugin).use(use_places)
            .use(container_plugin, VERSION, validate=is_version_block))


@dataclass
class TocEntry:
    level: int
    anchor: str
    text: str
    kind: str


@dataclass
class Link:
    target: str
    anchor: str
    line: int


@dataclass
class Unit:
    anchor: str
    kind: str
    heading: str
    text: str = ""  # every word of the unit: the common text and the text of every version
    line: int = 0
    versions: list[Version] = field(default_factory=list)  # empty: the unit never changed
    common: str = ""  # the text outside its versions, part of every version
    links: list[Link] = field(default_factory=list)  # the kb: links in its text

    def text_on(self, day: dt.date) -> str:
        """What the unit said on the day: its common text and the version then valid (if any)."""
        version = version_on(self, day) if self.versions else None
        return " ".join(t for t in (self.common, version.text if version else "") if t)


@dataclass
class Parsed:
    tokens: list[Token]
    toc: list[TocEntry] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    intro: str = ""  # the text outside articles and steps
    # Within the intro, the text under other headings (a summary's "Main points", "Sources"), one piece
    # per heading, and the text before the first heading: search lands on the heading that answers.
    headed: list[Unit] = field(default_factory=list)
    lead: str = ""
    plain: str = ""
    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)


def _inline_text(token: Token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def parse(md: MarkdownIt, body: str, body_line: int, problems: Problems) -> Parsed:
    """Parses the body once: anchors on headings, clauses and points; units; plain text; kb: links.
    Quoted text (a blockquote, or blocks between an opening and a closing quotation mark: an amending
    article quoting what it inserts into another law) gives no anchors of this document."""
    tokens = md.parse(body)
    out = Parsed(tokens)
    in_blockquote = _blockquoted(tokens)
    heads = [(i, classify(int(t.tag[1]), _inline_text(tokens[i + 1])))
             for i, t in enumerate(tokens) if t.type == "heading_open" and i not in in_blockquote]
    planner = AnchorPlanner([h for _, h in heads])
    head_at = dict(heads)
    fixed_lines: dict[str, int] = {}
    unit: Unit | None = None
    unit_level = 0
    clause = ""
    depth = 0
    blocks: list[str] = []
    intro: list[str] = []
    lead: list[str] = []
    under: Unit | None = None  # the other heading whose text this is, outside articles and steps
    quoting = False  # inside a quotation that spans blocks
    version: Version | None = None  # the ::: version block the text is in
    blocks_open: list[Version | None] = []  # every open ::: version block, None for one not kept
    scopes: dict[str, tuple[str, int]] = {}  # anchor set inside a version → (its unit, which version)
    for i, tok in enumerate(tokens):
        line = body_line + (tok.map[0] if tok.map else 0)
        quoted = quoting or i in in_blockquote
        scope = (unit.anchor, len(unit.versions)) if version is not None and unit is not None else None
        if tok.type == f"container_{VERSION}_open":
            version = _open_version(tok, i, line, unit, blocks_open, problems)
        elif tok.type == f"container_{VERSION}_close":
            closed = blocks_open.pop() if blocks_open else None
            if closed is not None and closed is version:
                closed.end, version = i, None
        elif tok.type == "heading_open" and i in head_at:
            if version is not None:
                problems.error(line, "version-outside-unit",
                               f"a heading inside the ::: version block of line {version.line}: a version holds the "
                               "text of one article or step; close it with ::: before the next heading")
                version.end, version = i - 1, None
            h = head_at[i]
            anchor, fixed = planner.anchor(h)
            if fixed and anchor in planner.used:
                problems.error(line, "anchor-duplicate",
                               f"anchor '{anchor}' is used twice (first on line {planner.used[anchor]})")
            if fixed:
                fixed_lines.setdefault(anchor, line)
            planner.used.setdefault(anchor, line)
            out.anchors.add(anchor)
            tok.attrSet("id", anchor)
            if h.custom_id:
                _strip_custom_id(tokens[i + 1])
            out.toc.append(TocEntry(h.level, anchor, h.text, h.kind))
            if h.kind in UNIT_KINDS:
                unit = Unit(anchor, h.kind, h.text, line=line)
                unit_level = h.level
                out.units.append(unit)
            elif unit is not None and (h.level <= unit_level or h.kind != "other"):
                unit = None
            if unit is None:
                under = Unit(anchor, "heading", h.text, line=line)
                out.headed.append(under)
            clause = ""
            quoting = False  # a heading ends any quotation left open
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            clause = clause if depth else ""
        elif tok.type == "list_item_open" and unit is not None and unit.kind == "article" and tok.info:
            if depth == 1 and not quoted:
                clause = f"{unit.anchor}-{int(tok.info)}"
                _set_anchor(tok, clause, line, out, fixed_lines, problems, scope, scopes)
        elif (tok.type == "paragraph_open" and not depth and not quoted and unit is not None and version is None
              and unit.kind == "article" and (number := merged_article(_inline_text(tokens[i + 1]))) is not None
              and f"art-{number}" != unit.anchor):
            # An article printed inside the one before it keeps its own anchors: art-115, art-115-1, …
            unit = Unit(f"art-{number}", "article", _inline_text(tokens[i + 1]).strip(), line=line)
            out.units.append(unit)
            out.toc.append(TocEntry(unit_level, unit.anchor, unit.heading, "article"))
            if unit.anchor in planner.used and unit.anchor not in fixed_lines:
                fixed_lines[unit.anchor] = planner.used[unit.anchor]
            _set_anchor(tok, unit.anchor, line, out, fixed_lines, problems)
            planner.used.setdefault(unit.anchor, line)
            clause = ""
        elif tok.type == "paragraph_open" and clause and not quoted and i + 1 < len(tokens):
            m = POINT.match(_inline_text(tokens[i + 1]))
            if m:
                _set_anchor(tok, f"{clause}-{m.group('letter').replace('đ', 'dd')}", line, out, fixed_lines, problems,
                            scope, scopes)
        elif tok.type == "inline":
            text = _inline_text(tok)
            is_heading = i - 1 in head_at  # a heading inside a blockquote is quoted text
            if is_heading:
                text = head_at[i - 1].text
            _collect_links(tok, line, out, unit)
            blocks.append(text)
            if is_heading:
                continue  # headings are indexed on their own, not inside the text they head
            if i not in in_blockquote:
                quoting = still_quoting(text, True) if quoting else opens_quote(text)
            if unit is not None:
                _unit_text(unit, version, text)
            else:
                intro.append(text)
                _add_text(under, lead, text)
        elif tok.type in ("fence", "code_block"):
            blocks.append(tok.content)
            if unit is None:
                intro.append(tok.content)
                _add_text(under, lead, tok.content)
            else:
                _unit_text(unit, version, tok.content)
    for u in out.units:
        for v in u.versions:
            v.end = v.end if v.end > v.start else len(tokens) - 1  # a block left open runs to the end
    out.plain = "\n".join(b for b in blocks if b)
    out.intro = " ".join(b for b in intro if b)
    out.lead = " ".join(b for b in lead if b)
    out.headed = [u for u in out.headed if u.text]
    return out


def _open_version(tok: Token, i: int, line: int, unit: Unit | None, blocks_open: list, problems: Problems):
    """A `::: version` line: kept as a version of the unit it is in, or reported and rendered as plain text."""
    version = parse_version(tok.info, line, problems)
    version.start = i
    if blocks_open:
        problems.error(line, "version-outside-unit", "a ::: version block inside another one: close the first with :::")
    elif unit is None:
        problems.error(line, "version-outside-unit",
                       "a ::: version block outside an article or step: put it under the heading "
                       "(Điều …, ມາດຕາ …, Bước …) of the unit whose text changed")
    else:
        unit.versions.append(version)
        for key, value in (("from", version.valid_from), ("until", version.valid_to)):
            if value:
                tok.attrSet(f"data-{key}", value.isoformat())
        if version.amended_by:
            tok.attrSet("data-amended-by", version.amended_by)
        if version.note:
            tok.attrSet("data-note", version.note)
        blocks_open.append(version)
        return version
    blocks_open.append(None)
    return None


def _unit_text(unit: Unit, version: Version | None, text: str) -> None:
    unit.text += (" " if unit.text else "") + text
    if version is not None:
        version.text += (" " if version.text else "") + text
    else:
        unit.common += (" " if unit.common else "") + text


def _blockquoted(tokens: list[Token]) -> set[int]:
    """Indices of the tokens inside a blockquote."""
    out, depth = set(), 0
    for i, tok in enumerate(tokens):
        depth += tok.type == "blockquote_open"
        depth -= tok.type == "blockquote_close"
        if depth:
            out.add(i)
    return out


def _add_text(under: Unit | None, lead: list[str], text: str) -> None:
    if under is None:
        lead.append(text)
    elif text:
        under.text += (" " if under.text else "") + text


def _set_anchor(tok, anchor, line, out, fixed_lines, problems, scope=None, scopes=None) -> None:
    """scope: (unit, version) when inside a version; the same clause in two versions of one unit is one anchor."""
    first = (scopes or {}).get(anchor)
    other_version = scope is not None and first is not None and first[0] == scope[0] and first[1] != scope[1]
    if anchor in fixed_lines and not other_version:
        problems.error(line, "anchor-duplicate", f"anchor '{anchor}' is used twice (first on line {fixed_lines[anchor]})")
    fixed_lines.setdefault(anchor, line)
    if scope is not None and scopes is not None:
        scopes.setdefault(anchor, scope)
    out.anchors.add(anchor)
    tok.attrSet("id", anchor)


def _strip_custom_id(inline: Token) -> None:
    for child in reversed(inline.children or []):
        if child.type == "text":
            child.content = CUSTOM_ID.sub("", child.content)
            break
    inline.content = CUSTOM_ID.sub("", inline.content)


def _collect_links(inline: Token, line: int, out: Parsed, unit: Unit | None) -> None:
    for child in inline.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1  # a link is reported on its own line of a multi-line paragraph
        elif child.type == "link_open":
            href = str(child.attrGet("href") or "")
            if href.startswith(LINK_SCHEME):
                target, _, anchor = href[len(LINK_SCHEME):].partition("#")
                child.meta["kb"] = (target, anchor)
                out.links.append(Link(target, anchor, line))
                if unit is not None:
                    unit.links.append(out.links[-1])


def render_body(md: MarkdownIt, parsed: Parsed, resolve: Callable[[str, str], str | None], marking=None,
                on: dt.date | None = None) -> list[dict]:
    """The body's sections (sections.py); kb: links become URLs via resolve(id, anchor) (None: left as plain text);
    marking (a TermMarking) links glossary terms. on: the document as on that day (the common text and, of
    each changed unit, the version then valid); None: every version, each in its <div class="version">."""
    skip: set[int] = set()
    for unit in parsed.units if on is not None else []:
        for v in unit.versions:
            if not v.covers(on):
                skip.update(range(v.start, v.end + 1))
    tokens = [copy.deepcopy(t) for i, t in enumerate(parsed.tokens) if i not in skip]
    ids: set[str] = set()
    for tok in tokens:
        anchor = tok.attrGet("id")
        if anchor in ids:
            del tok.attrs["id"]  # a clause of two versions shown together: its anchor goes to the first
        elif anchor:
            ids.add(str(anchor))
        for child in tok.children or []:
            if child.type == "link_open" and "kb" in child.meta:
                url = resolve(*child.meta["kb"])
                child.attrSet("href", url or "#")
                if url is None:
                    child.attrSet("class", "broken-link")
    if marking is not None:
        marking.apply(tokens)
    return render_sections(md, tokens)
