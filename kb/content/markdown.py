"""One configured Markdown renderer: HTML for reading, plain text and units (articles, steps) for indexing."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from ..errors import Problems
from .structure import (CUSTOM_ID, POINT, UNIT_KINDS, AnchorPlanner, classify, merged_article, opens_quote,
                        still_quoting)

LINK_SCHEME = "kb:"


def make_parser() -> MarkdownIt:
    # Raw HTML off: authors' HTML is shown as text, never executed.
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").use(footnote_plugin)


@dataclass
class TocEntry:
    level: int
    anchor: str
    text: str
    kind: str


@dataclass
class Unit:
    anchor: str
    kind: str
    heading: str
    text: str = ""
    line: int = 0


@dataclass
class Link:
    target: str
    anchor: str
    line: int


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
    for i, tok in enumerate(tokens):
        line = body_line + (tok.map[0] if tok.map else 0)
        quoted = quoting or i in in_blockquote
        if tok.type == "heading_open" and i in head_at:
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
                _set_anchor(tok, clause, line, out, fixed_lines, problems)
        elif (tok.type == "paragraph_open" and not depth and not quoted and unit is not None
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
                _set_anchor(tok, f"{clause}-{m.group('letter').replace('đ', 'dd')}", line, out, fixed_lines, problems)
        elif tok.type == "inline":
            text = _inline_text(tok)
            is_heading = i - 1 in head_at  # a heading inside a blockquote is quoted text
            if is_heading:
                text = head_at[i - 1].text
            _collect_links(tok, line, out)
            blocks.append(text)
            if is_heading:
                continue  # headings are indexed on their own, not inside the text they head
            if i not in in_blockquote:
                quoting = still_quoting(text, True) if quoting else opens_quote(text)
            if unit is not None:
                unit.text += (" " if unit.text else "") + text
            else:
                intro.append(text)
                _add_text(under, lead, text)
        elif tok.type in ("fence", "code_block"):
            blocks.append(tok.content)
            if unit is None:
                intro.append(tok.content)
                _add_text(under, lead, tok.content)
            else:
                unit.text += " " + tok.content
    out.plain = "\n".join(b for b in blocks if b)
    out.intro = " ".join(b for b in intro if b)
    out.lead = " ".join(b for b in lead if b)
    out.headed = [u for u in out.headed if u.text]
    return out


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


def _set_anchor(tok, anchor, line, out, fixed_lines, problems) -> None:
    if anchor in fixed_lines:
        problems.error(line, "anchor-duplicate", f"anchor '{anchor}' is used twice (first on line {fixed_lines[anchor]})")
    fixed_lines.setdefault(anchor, line)
    out.anchors.add(anchor)
    tok.attrSet("id", anchor)


def _strip_custom_id(inline: Token) -> None:
    for child in reversed(inline.children or []):
        if child.type == "text":
            child.content = CUSTOM_ID.sub("", child.content)
            break
    inline.content = CUSTOM_ID.sub("", inline.content)


def _collect_links(inline: Token, line: int, out: Parsed) -> None:
    for child in inline.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1  # a link is reported on its own line of a multi-line paragraph
        elif child.type == "link_open":
            href = str(child.attrGet("href") or "")
            if href.startswith(LINK_SCHEME):
                target, _, anchor = href[len(LINK_SCHEME):].partition("#")
                child.meta["kb"] = (target, anchor)
                out.links.append(Link(target, anchor, line))


def render_html(md: MarkdownIt, parsed: Parsed, resolve: Callable[[str, str], str | None], marking=None) -> str:
    """HTML of the body; kb: links become URLs via resolve(id, anchor) (None: left as plain text);
    marking (a TermMarking) links glossary terms."""
    for tok in parsed.tokens:
        for child in tok.children or []:
            if child.type == "link_open" and "kb" in child.meta:
                url = resolve(*child.meta["kb"])
                child.attrSet("href", url or "#")
                if url is None:
                    child.attrSet("class", "broken-link")
    if marking is not None:
        marking.apply(parsed.tokens)
    return md.renderer.render(parsed.tokens, md.options, {})
