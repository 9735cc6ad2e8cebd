"""The fast engine's walls: only search/engine/ imports Whoosh's internals; the rest uses its public API."""
import ast
import re
from pathlib import Path

import search

SEARCH = Path(search.__file__).resolve().parent
# Whoosh's public API as its documentation presents it; everything else of Whoosh is an internal.
PUBLIC = {"whoosh", "whoosh.analysis", "whoosh.fields", "whoosh.columns", "whoosh.index", "whoosh.query",
          "whoosh.scoring", "whoosh.sorting", "whoosh.qparser", "whoosh.formats", "whoosh.filedb.filestore"}


def whoosh_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "whoosh":
            found.update(f"{node.module}.{a.name}" if node.module == "whoosh" else node.module for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "whoosh")
    return found


def test_only_the_engine_imports_whoosh_internals():
    outside = {}
    for path in SEARCH.rglob("*.py"):
        if "engine" in path.relative_to(SEARCH).parts:
            continue
        internal = {m for m in whoosh_imports(path) if m not in PUBLIC}
        if internal:
            outside[str(path.relative_to(SEARCH))] = sorted(internal)
    assert outside == {}


def test_the_engine_is_where_the_internals_are():
    # If this fails the boundary moved or the engine no longer needs internals: update the docs.
    engine = set().union(*(whoosh_imports(p) for p in (SEARCH / "engine").glob("*.py")))
    assert {"whoosh.codec.whoosh3", "whoosh.writing"} <= engine


def test_the_lao_code_range_is_written_only_in_its_language_module():
    # Everyone else asks the registry (search/text/languages): UNSPACED, DIGITS, get_language("lo").letters.
    kb = SEARCH.parent / "kb"
    own = SEARCH / "text" / "languages" / "lo.py"
    written = [str(p) for root in (SEARCH, kb) for p in root.rglob("*.py")
               if p != own and re.search(r"\\u0e[89a-f][0-9a-f]", p.read_text(encoding="utf-8"), re.I)]
    assert written == []
