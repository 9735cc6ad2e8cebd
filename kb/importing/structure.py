"""Body paragraphs → Markdown in the content's heading scheme: units as headings, clauses as lists, tables, quotes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.content.structure import POINT, AnchorPlanner, Heading, classify, opens_quote, still_quoting
from search import OfficialWords

from .source import Para

ORDER = ("part", "chapter", "section", "article", "step")
CLAUSE = re.compile(r"^(?P<num>\d{1,3})[.)]\s+(?=\S)")
BULLET = re.compile(r"^[-+•–]\s+(?=\S)")
_MD_START = re.compile(r"^(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|=+\s*$|(?P<digits>\d{1,9})[.)](?:\s|$))")
_MD_INLINE = re.compile(r"([\\`*_\[\]<])")


@dataclass
class Body:
    markdown: str = ""
    units: list[tuple[str, str, str]] = field(default_factory=list)  # (anchor, heading, where)
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (what, value, where) for the review list


def escape(text: str, start: bool = True) -> str:
    """Text shown as written: nothing in it turns into Markdown (emphasis, links, headings, lists)."""
    text = _MD_INLINE.sub(r"\\\1", text)
    m = _MD_START.match(text) if start else None
    if m and m.group("digits"):
        return text[: m.end("digits")] + "\\" + text[m.end("digits"):]
    return "\\" + text if m else text


def _lines(paras: list[Para]) -> list[Para]:
    """A line break inside a paragraph starts a paragraph of its own (an article printed inside another)."""
    out = []
    for p in paras:
        parts = p.text.split("\n") if not p.rows else [p.text]
        for k, part in enumerate(parts):
            if part.strip() or p.rows:
                out.append(Para(part.strip(), p.where, p.style, p.bold if k == 0 else "", p.label if k == 0 else "",
                                p.rows, p.cells))
    return out


def _quoted(paras: list[Para], notes) -> set[int]:
    """Indices of the paragraphs inside a closed quotation; an unclosed one is left as ordinary text."""
    out: set[int] = set()
    i = 0
    while i < len(paras):
        if not paras[i].rows and opens_quote(paras[i].full):
            for j in range(i + 1, len(paras)):
                if not still_quoting(paras[j].full, True):
                    out.update(range(i, j + 1))
                    i = j
                    break
            else:
                notes.append(("quotation never closed", paras[i].text[:60], paras[i].where))
        i += 1
    return out


def _heading(p: Para, nxt: Para | None) -> tuple[Heading, str, str, bool] | None:
    """(heading, its text, text after it, whether the next paragraph is its title) for a legal unit's heading."""
    if p.rows or p.label:
        return None
    h = classify(0, p.text)
    if h.kind not in ORDER:
        return None
    rest = p.text[h.label_end:]
    bare = rest.lstrip(" .:-–—")
    if bare[:1].islower() or (bare and rest[:1] not in " .:-–—"):
        return None  # "Điều 5 của Luật này …" is a sentence, not a heading
    if not bare and nxt is not None and not nxt.rows and _heading(nxt, None) is None and len(nxt.text) < 150 \
            and not CLAUSE.match(nxt.full) and not nxt.text.endswith((".", ";", ":")):
        return h, f"{p.text.rstrip(' .:')}. {nxt.text}", "", True
    if p.bold and p.text.startswith(p.bold) and h.label_end <= len(p.bold) < len(p.text):
        return h, p.bold, p.text[len(p.bold):].strip(), False
    if h.kind in ("article", "step") and len(bare) > 120:
        cut = h.label_end + re.match(r"\s*[.:]?", rest).end()
        return h, p.text[:cut].strip(), p.text[cut:].strip(), False
    if len(p.text) > 250:
        return None
    return h, p.text, "", False


def _table(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    cells = [[escape(c, start=False).replace("|", "\\|") for c in r] + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in cells[1:]])


def to_markdown(paras: list[Para], words: OfficialWords) -> Body:
    body = Body()
    paras = _lines(paras)
    quoted = _quoted(paras, body.notes)
    heads: dict[int, tuple[Heading, str, str, bool]] = {}
    skip: set[int] = set()
    for i, p in enumerate(paras):
        if i in quoted or i in skip:
            continue
        found = _heading(p, paras[i + 1] if i + 1 < len(paras) and i + 1 not in quoted else None)
        if found:
            heads[i] = found
            if found[3]:
                skip.add(i + 1)
    present = [k for k in ORDER if any(h.kind == k for h, *_ in heads.values())]
    planner = AnchorPlanner([h for h, *_ in heads.values()])
    seen: dict[str, str] = {}
    blocks: list[str] = []
    indent, clauses, article = "", set(), False
    for i, p in enumerate(paras):
        if i in skip:
            continue
        text = p.full
        if i in heads:
            h, title, after, _ = heads[i]
            anchor, _fixed = planner.anchor(h)
            suffix = ""
            if anchor in seen:
                n = 2
                while f"{anchor}-dup{n}" in seen:
                    n += 1
                body.notes.append(("duplicate", f"{title[:40]} again (first at {seen[anchor]}): kept as "
                                   f"#{anchor}-dup{n} — check the official text", p.where))
                anchor, suffix = f"{anchor}-dup{n}", f" {{#{anchor}-dup{n}}}"
            seen[anchor] = p.where
            level = min(6, 2 + present.index(h.kind))
            blocks.append("#" * level + " " + escape(title, start=False).replace("{", "\\{") + suffix)
            body.units.append((anchor, title, p.where))
            indent, clauses, article = "", set(), h.kind == "article"
            if not after:
                continue
            text = after
        if p.rows:
            blocks.append(_table(p.rows))
            indent = ""
            continue
        if i in quoted:
            blocks.append(indent + "> " + escape(text))
            continue
        if p.style.startswith(("Heading", "Title")) and i not in heads:
            blocks.append("## " + escape(text, start=False).replace("{", "\\{"))
            indent = ""
            continue
        m = CLAUSE.match(text) or re.match(words.clause, text, re.I)
        if m:
            num = int(m.group("num"))
            if article and num in clauses:
                body.notes.append(("duplicate", f"clause {num} again in the same article: kept as text", p.where))
                blocks.append(indent + escape(text))
                continue
            clauses.add(num)
            marker = f"{num}. "
            blocks.append(marker + escape(text[m.end():].strip(), start=False))
            indent = " " * len(marker)
        elif BULLET.match(text):
            blocks.append(indent + "- " + escape(BULLET.sub("", text), start=False))
        elif POINT.match(text):
            blocks.append(indent + escape(text))
        else:
            blocks.append(indent + escape(text))
    body.markdown = "\n\n".join(blocks) + "\n"
    return body
