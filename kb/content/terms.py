"""Glossary terms in a rendered body: the first use in each article or step, and the first in the rest of
the document, links to the glossary, with a tip. Never inside a heading, a link or a document number
(`BHXH` of 216/QĐ-BHXH names the issuing agency, not social insurance)."""
from __future__ import annotations

from html import escape

from markdown_it.token import Token

from search import NUMBER_RE, TermFinder, normalize

from ..urls import glossary_url
from .glossary import Glossary
from .sections import place


UNIT_PREFIXES = ("art-", "step-")


class TermMarking:
    """Marks terms of one language in markdown-it tokens; the tip shows the other language and the definition.
    Works without JavaScript: the term is a link to its glossary entry; CSS shows the tip on hover and focus."""

    def __init__(self, glossary: Glossary, lang: str):
        self.lang = lang
        self.marked = {t.id: t for t in glossary.terms if t.mark and lang in t.sides}
        self.finder = TermFinder({t.id: t.forms(lang) for t in self.marked.values()})

    def terms_in(self, text: str) -> set[str]:
        """Ids of the terms this marking would link in a text: the same matching, every use counted."""
        return {term_id for _, _, term_id in self.finder.find(normalize(text))}

    def apply(self, tokens: list[Token]) -> None:
        """Rewrites text tokens in place; headings, links and code are left alone."""
        outside: set[str] = set()  # terms marked in the text outside articles and steps
        seen, unit_level = outside, 0
        count = 0
        for i, tok in enumerate(tokens):
            if tok.type == "heading_open":
                level = int(tok.tag[1:])
                if str(tok.attrGet("id") or "").startswith(UNIT_PREFIXES):
                    seen, unit_level = set(), level  # every article and step marks its own first uses
                elif level <= unit_level:
                    seen, unit_level = outside, 0  # a heading beside the article: the unit has ended
            if tok.type != "inline" or (i and tokens[i - 1].type == "heading_open"):
                continue
            children, in_link = [], 0
            for child in tok.children or []:
                in_link += child.type == "link_open"
                in_link -= child.type == "link_close"
                if child.type != "text" or in_link:
                    children.append(child)
                    continue
                html, count = self._mark(normalize(child.content), seen, count)
                if html is None:
                    children.append(child)
                else:
                    marked = Token("html_inline", "", 0)
                    marked.content = html
                    children.append(marked)
            tok.children = children

    def _mark(self, text: str, seen: set[str], count: int) -> tuple[str | None, int]:
        parts, pos = [], 0
        numbers = [m.span() for m in NUMBER_RE.finditer(text)]
        for start, end, term_id in self.finder.find(text):
            if term_id in seen or any(a < end and start < b for a, b in numbers):
                continue
            seen.add(term_id)
            count += 1
            parts += [escape(text[pos:start]), self._term(text[start:end], term_id, count)]
            pos = end
        if not parts:
            return None, count
        return "".join(parts) + escape(text[pos:]), count

    def _term(self, shown: str, term_id: str, n: int) -> str:
        term = self.marked[term_id]
        others = " · ".join(f'<span lang="{code}">{escape(side.term)}</span>'
                            for code, side in term.sides.items() if code != self.lang)
        tip = (others + " — " if others else "") + escape(term.sides[self.lang].definition)
        # The tip's id and the link's reference to it are places (sections.py): the side-by-side view drops them.
        return (f'<a class="term" href="{escape(glossary_url(self.lang, term=term_id))}"'
                f'{place("aria-describedby", f"term-tip-{n}")}>{escape(shown)}</a>'
                f'<span class="term-tip" role="tooltip"{place("id", f"term-tip-{n}")}>{tip}</span>')
