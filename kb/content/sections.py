"""The rendered body cut into sections: the text before the first unit, then each article or step, its heading apart."""
from __future__ import annotations

import re
from html import escape
from typing import Sequence

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

MARK = "\x00"  # never in rendered text: markdown-it turns NUL in the source into U+FFFD
PLACES = ("id", "aria-describedby")
UNIT_ID = re.compile(r"(?:art|step)-[0-9]+")  # the anchors of articles and steps (a string, not HTML)


def place(name: str, value: str) -> str:
    """An attribute naming a place on the page, marked so that a page can leave it out."""
    return f'{MARK} {name}="{escape(value)}"{MARK}'


class PlacesRenderer(RendererHTML):
    """markdown-it's HTML renderer, with place attributes (ids, also the footnotes') marked."""

    def renderAttrs(self, token: Token) -> str:  # noqa: N802 (markdown-it's name)
        return "".join(place(k, str(v)) if k in PLACES else f' {escapeHtml(k)}="{escapeHtml(str(v))}"'
                       for k, v in token.attrItems())

    def footnote_ref(self, tokens: Sequence[Token], idx: int, options, env) -> str:
        ident = self.rules["footnote_anchor_name"](tokens, idx, options, env)
        caption = self.rules["footnote_caption"](tokens, idx, options, env)
        sub = tokens[idx].meta.get("subId", -1)
        ref = ident + (f":{sub}" if sub > 0 else "")
        return f'<sup class="footnote-ref"><a href="#fn{ident}"{MARK} id="fnref{ref}"{MARK}>{caption}</a></sup>'

    def footnote_open(self, tokens: Sequence[Token], idx: int, options, env) -> str:
        ident = self.rules["footnote_anchor_name"](tokens, idx, options, env)
        sub = tokens[idx].meta.get("subId", -1)
        ident += f":{sub}" if sub > 0 else ""
        return f'<li{MARK} id="fn{ident}"{MARK} class="footnote-item">'


def use_places(md: MarkdownIt) -> None:
    """Plugin, after the footnote plugin: its two rules that write ids mark them (md made with
    renderer_cls=PlacesRenderer, which marks every other id)."""
    for name in ("footnote_ref", "footnote_open"):
        md.add_render_rule(name, getattr(PlacesRenderer, name))


def render_sections(md: MarkdownIt, tokens: list[Token]) -> list[dict]:
    """The token stream rendered section by section (md made by markdown.make_parser): cut where a unit's heading
    opens, so pages add a link and a citation to that heading, and with every attribute that names a place on
    the page (`id`, `aria-describedby`) marked, so the side-by-side view leaves the ids out, neither reading
    HTML back. A section is {"anchor", "level", "heading", "body"}: anchor None and level 0 for the text before
    the first unit; heading the heading's inner HTML; body the HTML after it, a list alternating plain HTML
    and marked attributes."""
    env: dict = {}
    starts = [i for i, t in enumerate(tokens)
              if t.type == "heading_open" and UNIT_ID.fullmatch(str(t.attrGet("id") or ""))]
    sections = [{"anchor": None, "level": 0, "heading": "",
                 "body": _pieces(md.renderer.render(tokens[:starts[0] if starts else len(tokens)], md.options, env))}]
    for n, i in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(tokens)
        inner = md.renderer.renderInline(tokens[i + 1].children or [], md.options, env)
        sections.append({"anchor": str(tokens[i].attrGet("id")), "level": int(tokens[i].tag[1]),
                         "heading": inner.replace(MARK, ""),
                         "body": _pieces(md.renderer.render(tokens[i + 3:end], md.options, env))})
    return sections


def _pieces(html: str) -> list[str]:
    return html.split(MARK)


def heading_html(section: dict, after: str = "", ids: bool = True) -> str:
    """A unit's heading ('' before the first unit); after: HTML added inside it, after its text."""
    if section["anchor"] is None:
        return ""
    level, opening = section["level"], f' id="{section["anchor"]}"' if ids else ""
    return f'<h{level}{opening}>{section["heading"]}{after}</h{level}>'


def body_html(section: dict, ids: bool = True) -> str:
    """What follows the heading; ids=False: without the attributes that name places."""
    return ("\n" if section["anchor"] else "") + "".join(section["body"] if ids else section["body"][0::2])


def section_html(section: dict, ids: bool = True) -> str:
    return heading_html(section, ids=ids) + body_html(section, ids)


def sections_html(sections: list[dict]) -> str:
    """The whole body, as a page shows it."""
    return "".join(section_html(s) for s in sections)
