"""The bilingual glossary: content/glossary.yaml, validated with the line of every problem."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from search import CODES, normalize

from ..errors import Problems
from .frontmatter import construct
from .metadata import ID_RE


@dataclass
class TermSide:
    term: str
    definition: str
    abbr: list[str] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)


@dataclass
class Term:
    id: str
    sides: dict[str, TermSide]
    see: list[str]
    line: int
    mark: bool = True  # linked where it appears in documents; false for everyday words (luật, điều, khoản)

    def forms(self, lang: str) -> list[str]:
        side = self.sides[lang]
        return [side.term, *side.abbr, *side.variants]


@dataclass
class Glossary:
    terms: list[Term] = field(default_factory=list)

    def get(self, term_id: str) -> Term | None:
        return next((t for t in self.terms if t.id == term_id), None)


def _mapping(node) -> dict[str, tuple]:
    return {str(k.value): (v, k.start_mark.line + 1) for k, v in node.value} if isinstance(node, MappingNode) else {}


def _strings(node) -> list[str] | None:
    if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
        return []
    if isinstance(node, SequenceNode) and all(isinstance(i, ScalarNode) for i in node.value):
        return [str(i.value).strip() for i in node.value]
    return None


def _side(node, line: int, where: str, problems: Problems) -> TermSide | None:
    fields = _mapping(node)
    if not fields:
        problems.error(line, "glossary-invalid", f"{where} must be a mapping with 'term' and 'definition'")
        return None
    values: dict[str, str] = {}
    for key in ("term", "definition"):
        value_node, key_line = fields.get(key, (None, line))
        text = str(value_node.value).strip() if isinstance(value_node, ScalarNode) and value_node.value else ""
        if not text:
            problems.error(key_line, "glossary-invalid", f"{where}.{key} is required")
        values[key] = text
    lists = {}
    for key in ("abbr", "variants"):
        value_node, key_line = fields.get(key, (None, line))
        items = [] if value_node is None else _strings(value_node)
        if items is None:
            problems.error(key_line, "glossary-invalid", f"{where}.{key} must be a list of text values")
        lists[key] = items or []
    for key, (_, key_line) in fields.items():
        if key not in ("term", "definition", "abbr", "variants"):
            problems.warning(key_line, "key-unknown", f"unknown key '{key}' in {where}")
    return TermSide(values["term"], values["definition"], lists["abbr"], lists["variants"]) if all(values.values()) else None


def load_glossary(path: Path) -> tuple[Glossary, Problems]:
    problems = Problems(str(path))
    glossary = Glossary()
    if not path.exists():
        return glossary, problems
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.error(mark.line + 1 if mark else 1, "yaml-invalid", f"not valid YAML: {getattr(exc, 'problem', exc)}")
        return glossary, problems
    terms_node, _ = _mapping(root).get("terms", (None, 1))
    if not isinstance(terms_node, SequenceNode):
        problems.error(1, "glossary-invalid", "the glossary must have a 'terms:' list")
        return glossary, problems
    seen_ids: dict[str, int] = {}
    seen_terms: dict[tuple[str, str], int] = {}
    for item in terms_node.value:
        line = item.start_mark.line + 1
        fields = _mapping(item)
        id_node, _ = fields.get("id", (None, line))
        term_id = str(id_node.value) if isinstance(id_node, ScalarNode) else ""
        if not ID_RE.match(term_id):
            problems.error(line, "glossary-invalid", f"term id '{term_id}' must be lowercase a-z, 0-9 and -")
        elif term_id in seen_ids:
            problems.error(line, "glossary-duplicate", f"term id '{term_id}' is used twice (first on line {seen_ids[term_id]})")
        seen_ids.setdefault(term_id, line)
        sides = {}
        for lang in CODES:
            side_node, side_line = fields.get(lang, (None, line))
            side = _side(side_node, side_line, f"{term_id}.{lang}", problems)
            if side:
                key = (lang, normalize(side.term).lower())
                if key in seen_terms:
                    problems.error(side_line, "glossary-duplicate",
                                   f"{lang} term '{side.term}' is defined twice (first on line {seen_terms[key]})")
                seen_terms.setdefault(key, side_line)
                sides[lang] = side
        see_node, see_line = fields.get("see", (None, line))
        see = [] if see_node is None else _strings(see_node)
        if see is None:
            problems.error(see_line, "glossary-invalid", f"{term_id}.see must be a list of term ids")
        mark_node, mark_line = fields.get("mark", (None, line))
        mark = True if mark_node is None else construct(mark_node)
        if not isinstance(mark, bool):
            problems.error(mark_line, "glossary-invalid", f"{term_id}.mark must be true or false")
            mark = True
        if len(sides) == len(CODES):
            glossary.terms.append(Term(term_id, sides, see or [], line, mark))
    known = {t.id for t in glossary.terms}
    for term in glossary.terms:
        for target in term.see:
            if target not in known:
                problems.error(term.line, "glossary-see-unknown", f"term '{term.id}' refers to unknown term '{target}'")
    return glossary, problems
