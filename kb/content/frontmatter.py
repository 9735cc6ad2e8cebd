"""Splits a content file into YAML front matter and Markdown; keeps the line of every key."""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node

from ..errors import Problems


@dataclass
class FrontMatter:
    nodes: dict[str, Node] = field(default_factory=dict)  # key → value node
    lines: dict[str, int] = field(default_factory=dict)  # key → line in the file
    body: str = ""
    body_line: int = 1  # file line where the Markdown body starts
    readable: bool = True  # False when the front matter itself could not be parsed


def split(text: str, problems: Problems) -> FrontMatter:
    """Returns the front matter nodes and the body; problems get every syntax error with its line."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.error(1, "frontmatter-missing", "the file must start with '---' and YAML front matter")
        return FrontMatter(body=text, readable=False)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        problems.error(1, "frontmatter-unclosed", "front matter is not closed by a '---' line")
        return FrontMatter(body="", readable=False)
    fm = FrontMatter(body="\n".join(lines[end + 1:]), body_line=end + 2)
    try:
        root = yaml.compose("\n".join(lines[1:end]), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problems.error(line, "yaml-invalid", f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}")
        fm.readable = False
        return fm
    if root is None:
        return fm
    if not isinstance(root, MappingNode):
        problems.error(2, "frontmatter-not-mapping", "front matter must be a mapping of keys to values")
        fm.readable = False
        return fm
    for key_node, value_node in root.value:
        key = str(key_node.value)
        line = key_node.start_mark.line + 2
        if key in fm.nodes:
            problems.error(line, "key-duplicate", f"key '{key}' is given twice (first on line {fm.lines[key]})")
            continue
        fm.nodes[key] = value_node
        fm.lines[key] = line
    return fm


def construct(node: Node):
    """The Python value of a node, as YAML's safe loader would build it."""
    return yaml.SafeLoader("").construct_object(node, deep=True)
