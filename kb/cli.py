"""The kb command: a thin layer that parses arguments and maps errors to exit codes."""
from __future__ import annotations

import argparse
import sys

from .errors import KbError
from .settings import Settings


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--content", metavar="DIR", help="content folder (default: the bundled content/)")
    p.add_argument("--index", metavar="DIR", help="index folder (default: a cache folder outside the source tree)")


def cmd_check(args) -> int:
    from .content.corpus import load_corpus
    corpus = load_corpus(Settings.make(args.content, args.index).content_dir)
    for problem in corpus.problems:
        print(problem)
    errors = len(corpus.errors)
    warnings = len(corpus.problems) - errors
    failed = errors or (args.strict and warnings)
    print(f"{len(corpus.documents)} documents, {len(corpus.glossary.terms)} glossary terms: "
          f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if failed else 0


def cmd_build(args) -> int:
    from .build import build
    settings = Settings.make(args.content, args.index, strict=args.strict)
    report = build(settings, full=args.full, progress=sys.stderr.isatty())
    print(report)
    return 0


def cmd_search(args) -> int:
    from .searching import run_search_command
    settings = Settings.make(args.content, args.index)
    return run_search_command(settings, args.query, args.lang, args.json, args.limit)


def cmd_translations(args) -> int:
    from .translating import run_translations_command
    settings = Settings.make(args.content, args.index)
    return run_translations_command(settings, args.json, args.accept or [], args.article, args.accept_all)


def cmd_import(args) -> int:
    from pathlib import Path

    from .importing import ImportFailure, import_file
    settings = Settings.make(args.content, args.index)
    try:
        done = import_file(Path(args.file), settings.content_dir, args.lang, args.id, args.type,
                           args.authoritative, args.source or "", args.force)
    except ImportFailure as exc:
        print(f"kb import: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {done.path}")
    print("\n".join(done.review))
    return 0


def cmd_serve(args) -> int:
    from .web.serve import serve
    settings = Settings.make(args.content, args.index, host=args.host, port=args.port)
    if args.workers < 1:
        raise KbError("--workers must be at least 1")
    return serve(settings, workers=args.workers, watch_content=args.watch)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kb", description="Vietnamese–Lao social-security knowledge base")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="validate all content and print every problem")
    _common(c)
    c.add_argument("--strict", action="store_true", help="treat warnings as errors")
    c.set_defaults(func=cmd_check)
    b = sub.add_parser("build", help="build the search index (incremental; --full rebuilds)")
    _common(b)
    b.add_argument("--full", action="store_true", help="rebuild every document")
    b.add_argument("--strict", action="store_true", help="refuse to build on warnings too")
    b.set_defaults(func=cmd_build)
    s = sub.add_parser("search", help="search from the command line")
    _common(s)
    s.add_argument("query")
    s.add_argument("--lang", default="all", help="vi, lo or all")
    s.add_argument("--json", action="store_true", help="print JSON")
    s.add_argument("--limit", type=int, default=10)
    s.set_defaults(func=cmd_search)
    t = sub.add_parser("translations", help="translation status per document and article; --accept records "
                                            "that a translation follows its source")
    _common(t)
    t.add_argument("--json", action="store_true", help="print JSON")
    t.add_argument("--accept", metavar="LANG/ID", action="append",
                   help="record that this translation now follows its source (repeatable)")
    t.add_argument("--article", metavar="ANCHOR", action="append",
                   help="with --accept: only these articles (art-62, step-2; _front for the title and summary)")
    t.add_argument("--accept-all", action="store_true", help="record every translation as following its source")
    t.set_defaults(func=cmd_translations)
    m = sub.add_parser("import", help="turn a .docx or text-layer .pdf into a content page and print a review list")
    _common(m)
    m.add_argument("file", metavar="FILE")
    m.add_argument("--lang", choices=["vi", "lo"], help="the document's language (default: detected)")
    m.add_argument("--id", help="the page's id (default: made from the document number)")
    m.add_argument("--type", help="law, decree, decision, … (default: from the title)")
    m.add_argument("--authoritative", action="store_true", help="the page is the official text (needs --source)")
    m.add_argument("--source", help="where the official text can be found")
    m.add_argument("--force", action="store_true", help="overwrite an existing content file")
    m.set_defaults(func=cmd_import)
    v = sub.add_parser("serve", help="run the site (builds the index first if needed)")
    _common(v)
    v.add_argument("--host", default="127.0.0.1")
    v.add_argument("--port", type=int, default=8000)
    v.add_argument("--workers", type=int, default=1, help="worker processes serving one read-only index")
    v.add_argument("--watch", action="store_true", help="re-index content files when they change")
    v.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KbError as exc:
        print(f"kb {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
