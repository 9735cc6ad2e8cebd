"""Search quality on the labelled development set: our engine against two naive peers.

    python bench/quality.py [--devset tests/quality/devset.yaml] [--content DIR ...] [--out FILE]

Loads the bundled content and the test content, merges their records, builds our index in a temporary
folder and runs every query of the development set through it and through two peers built over the same
documents (title + full plain text of each document):

- fts5: SQLite FTS5, tokenize='unicode61 remove_diacritics 2', bm25 ranking; the user text becomes an
  AND of quoted tokens (an OR when the AND finds nothing), so no query can raise a syntax error;
- whoosh-std: Whoosh with StandardAnalyzer, MultifieldParser over title and body with an OR group;
  a query the parser rejects finds nothing.

Metrics, per kind and overall (every query weighs the same in the overall row):
- nDCG@10 with gain 2^grade - 1; the ideal ranking uses the judged documents inside the query's language
  filter;
- MRR@10 and P@1 count a hit as right when it has the query's best grade (normally 3, "the answer");
- article-hit@1: the top hit is a best-grade document AND its anchor is the expected one; only over the
  queries that expect an article (the peers return no anchors, so they score 0).

`evaluate(index_dir)` scores our engine on an index that is already built (the floors test uses it).
"""
from __future__ import annotations

import argparse
import math
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kb.content.corpus import load_corpus  # noqa: E402
from kb.records import index_extras, to_records, to_suggestions  # noqa: E402
from search import CrossLanguageSearch, Record, SearchService, SuggestionRecord, build_index  # noqa: E402

DEVSET = ROOT / "tests" / "quality" / "devset.yaml"
CONTENT_DIRS = (ROOT / "content", ROOT / "tests" / "data" / "search" / "content")
KINDS = ("accented_vi", "unaccented_vi", "tone_placement_nfd", "doc_number", "lao_unspaced", "lao_variant",
         "article", "typo", "cross_language", "question_vi", "question_lo", "broad")
METRICS = ("ndcg@10", "mrr@10", "p@1", "article@1")
METRIC_TITLES = {"ndcg@10": "nDCG@10", "mrr@10": "MRR@10", "p@1": "P@1", "article@1": "Art@1"}
K = 10
OURS = "ours"
PEERS = ("fts5", "whoosh-std")


# ----------------------------------------------------------------------------- development set

@dataclass
class Query:
    id: str
    kind: str
    query: str
    judgments: dict[str, int]
    lang: str = "all"
    article: str | None = None
    note: str = ""

    def in_scope(self, key: str) -> bool:
        return self.lang == "all" or key.startswith(self.lang + ":")

    @property
    def scoped(self) -> dict[str, int]:
        """Judgments inside the query's language filter: what an ideal ranking can return."""
        return {k: g for k, g in self.judgments.items() if self.in_scope(k) and g > 0}

    @property
    def best_grade(self) -> int:
        return max(self.scoped.values(), default=0)

    @property
    def answers(self) -> list[str]:
        return [k for k, g in self.scoped.items() if g == self.best_grade]


def load_devset(path: Path = DEVSET) -> list[Query]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    queries, seen = [], set()
    for item in data["queries"]:
        q = Query(id=item["id"], kind=item["kind"], query=str(item["query"]),
                  judgments={str(k): int(v) for k, v in item["judgments"].items()},
                  lang=item.get("lang", "all"), article=item.get("article"), note=item.get("note", ""))
        if q.id in seen:
            raise ValueError(f"duplicate query id {q.id}")
        if q.kind not in KINDS:
            raise ValueError(f"{q.id}: unknown kind {q.kind!r}")
        if q.lang not in ("all", "vi", "lo"):
            raise ValueError(f"{q.id}: unknown lang {q.lang!r}")
        if not q.scoped:
            raise ValueError(f"{q.id}: no judged document inside lang={q.lang}")
        seen.add(q.id)
        queries.append(q)
    return queries


def check_judged_documents(queries: list[Query], records: list[Record]) -> list[str]:
    """Judged keys that name no loaded document (a typo in the devset or a removed document)."""
    keys = {r.key for r in records}
    return sorted({f"{q.id}: {k}" for q in queries for k in q.judgments if k not in keys})


# ----------------------------------------------------------------------------- content

def load_content(dirs=CONTENT_DIRS) -> tuple[list[Record], list[SuggestionRecord], list[str], dict]:
    """Records and suggestions of every content folder, merged; the problems worth a warning; and the
    glossary extras of the index (synonyms, attachments), as `kb build` makes them."""
    records: dict[str, Record] = {}
    suggestions: list[SuggestionRecord] = []
    problems: list[str] = []
    extras: dict = {"synonyms": [], "attachments": {}}
    for d in dirs:
        corpus = load_corpus(Path(d))
        problems += [f"{d}: {p}" for p in corpus.errors]
        for rec in to_records(corpus):
            if rec.key in records:
                raise ValueError(f"{rec.key} exists in two content folders")
            records[rec.key] = rec
        suggestions += to_suggestions(corpus)
        mine = index_extras(corpus)  # as `kb build` makes them, merged over the folders
        extras["synonyms"] += mine["synonyms"]
        for name, items in mine["attachments"].items():
            extras["attachments"].setdefault(name, []).extend(items)
    return list(records.values()), suggestions, problems, extras


def plain_text(rec: Record) -> str:
    """Title + full plain text, for the peers (summary, text before the first unit, every unit)."""
    parts = [rec.summary, rec.intro]
    for unit in rec.units:
        parts += [unit.heading, unit.text]
    return "\n".join(p for p in parts if p)


def build_ours(index_dir: Path, dirs=CONTENT_DIRS) -> list[Record]:
    records, suggestions, _, extras = load_content(dirs)
    build_index(Path(index_dir), records, suggestions, full=True, **extras)
    return records


# ----------------------------------------------------------------------------- systems

@dataclass
class Ranked:
    """One system's answer to one query: document keys in rank order and the top hit's anchor."""
    keys: list[str]
    articles: list[str | None] = field(default_factory=list)


def run_ours(index_dir: Path, queries: list[Query]) -> dict[str, Ranked]:
    search = CrossLanguageSearch(SearchService(Path(index_dir)))
    out = {}
    for q in queries:
        hits = search.search(q.query, lang=q.lang, per_page=K, other=False).main.results.hits
        out[q.id] = Ranked([f"{h.lang}:{h.id}" for h in hits], [h.article for h in hits])
    return out


def fts5_query(text: str, op: str) -> str | None:
    """The user text as quoted FTS5 strings joined by AND or OR: nothing in it is FTS5 syntax."""
    # Tokens without a letter or digit ("/", "–") would be empty phrases, which match nothing.
    tokens = [t.replace('"', '""') for t in text.split() if any(c.isalnum() for c in t)]
    return f" {op} ".join(f'"{t}"' for t in tokens) or None


class Fts5Peer:
    name = "fts5"

    def __init__(self, records: list[Record]):
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE docs USING fts5(key UNINDEXED, lang UNINDEXED, title, body, "
                        "tokenize='unicode61 remove_diacritics 2')")
        self.db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)",
                            [(r.key, r.lang, r.title, plain_text(r)) for r in records])
        self.db.commit()

    def search(self, text: str, lang: str) -> Ranked:
        for op in ("AND", "OR"):
            match = fts5_query(text, op)
            if match is None:
                return Ranked([])
            sql = "SELECT key FROM docs WHERE docs MATCH ?" + (" AND lang = ?" if lang != "all" else "")
            sql += " ORDER BY bm25(docs) LIMIT ?"
            args = [match] + ([lang] if lang != "all" else []) + [K]
            try:
                keys = [row[0] for row in self.db.execute(sql, args)]
            except sqlite3.OperationalError:
                keys = []
            if keys:
                return Ranked(keys, [None] * len(keys))
        return Ranked([])


class WhooshStandardPeer:
    name = "whoosh-std"

    def __init__(self, records: list[Record], folder: Path):
        from whoosh import fields, index
        from whoosh.analysis import StandardAnalyzer

        schema = fields.Schema(key=fields.ID(stored=True, unique=True), lang=fields.ID(stored=True),
                               title=fields.TEXT(analyzer=StandardAnalyzer()),
                               body=fields.TEXT(analyzer=StandardAnalyzer()))
        folder.mkdir(parents=True, exist_ok=True)
        self.ix = index.create_in(str(folder), schema)
        writer = self.ix.writer()
        for r in records:
            writer.add_document(key=r.key, lang=r.lang, title=r.title, body=plain_text(r))
        writer.commit()
        self.searcher = self.ix.searcher()

    def search(self, text: str, lang: str) -> Ranked:
        from whoosh import query as Q
        from whoosh.qparser import MultifieldParser, OrGroup

        parser = MultifieldParser(["title", "body"], self.ix.schema, group=OrGroup)
        try:
            q = parser.parse(text)
            flt = Q.Term("lang", lang) if lang != "all" else None
            keys = [hit["key"] for hit in self.searcher.search(q, limit=K, filter=flt)]
        except Exception:  # a query the parser or searcher rejects finds nothing
            keys = []
        return Ranked(keys, [None] * len(keys))

    def close(self):
        self.searcher.close()


def run_peer(peer, queries: list[Query]) -> dict[str, Ranked]:
    return {q.id: peer.search(q.query, q.lang) for q in queries}


# ----------------------------------------------------------------------------- metrics

def dcg(grades: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:K]))


def score_query(q: Query, ranked: Ranked) -> dict[str, float | None]:
    keys = ranked.keys[:K]
    grades = [q.judgments.get(k, 0) if q.in_scope(k) else 0 for k in keys]
    ideal = dcg(sorted(q.scoped.values(), reverse=True))
    answers = set(q.answers)
    first = next((i for i, k in enumerate(keys) if k in answers), None)
    top_right = bool(keys) and keys[0] in answers
    article = None
    if q.article:
        top_article = ranked.articles[0] if ranked.articles else None
        article = float(top_right and top_article == q.article)
    return {"ndcg@10": dcg(grades) / ideal if ideal else 0.0,
            "mrr@10": 1.0 / (first + 1) if first is not None else 0.0,
            "p@1": float(top_right),
            "article@1": article}


def aggregate(queries: list[Query], runs: dict[str, Ranked]) -> dict[str, dict[str, float | None]]:
    """{kind or 'overall': {metric: mean, 'n': count}}; article@1 is None where no query expects one."""
    per_query = {q.id: score_query(q, runs[q.id]) for q in queries}
    groups = {kind: [q for q in queries if q.kind == kind] for kind in KINDS}
    groups = {k: v for k, v in groups.items() if v}
    groups["overall"] = list(queries)
    out: dict[str, dict[str, float | None]] = {}
    for name, qs in groups.items():
        row: dict[str, float | None] = {"n": len(qs)}
        for metric in METRICS:
            values = [per_query[q.id][metric] for q in qs if per_query[q.id][metric] is not None]
            row[metric] = sum(values) / len(values) if values else None
        row["n_article"] = sum(1 for q in qs if q.article)
        out[name] = row
    return out


def evaluate(index_dir: Path, devset: Path = DEVSET) -> dict[str, dict[str, float | None]]:
    """Our engine on an index that is already built: {kind or 'overall': {metric: value}}."""
    queries = load_devset(devset)
    return aggregate(queries, run_ours(Path(index_dir), queries))


def mistakes(queries: list[Query], runs: dict[str, Ranked]) -> list[dict]:
    """Queries whose top hit is not the answer, or points to the wrong article."""
    out = []
    for q in queries:
        r = runs[q.id]
        s = score_query(q, r)
        if s["p@1"] == 1.0 and s["article@1"] in (None, 1.0):
            continue
        top = r.keys[0] if r.keys else None
        top_article = r.articles[0] if r.articles else None
        answers = set(q.answers)
        rank = next((i + 1 for i, k in enumerate(r.keys[:K]) if k in answers), None)
        out.append({"id": q.id, "kind": q.kind, "lang": q.lang, "query": q.query,
                    "expected": sorted(answers), "article": q.article,
                    "top": top, "top_article": top_article, "top_grade": q.judgments.get(top, 0) if top else None,
                    "answer_rank": rank, "ndcg": s["ndcg@10"]})
    return out


# ----------------------------------------------------------------------------- report

def _fmt(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def table(results: dict[str, dict[str, dict]]) -> str:
    systems = list(results)
    head = ["kind", "n"] + [f"{s} {METRIC_TITLES[m]}" for s in systems for m in METRICS]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    rows = [k for k in (*KINDS, "overall") if k in results[systems[0]]]
    for kind in rows:
        first = results[systems[0]][kind]
        n = f"{first['n']}" + (f" ({first['n_article']} art.)" if first["n_article"] else "")
        cells = [f"**{kind}**" if kind == "overall" else kind, n]
        for s in systems:
            cells += [_fmt(results[s][kind][m]) for m in METRICS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _visible(text: str) -> str:
    """Shows invisible and combining characters of a query as \\u escapes."""
    out = []
    for ch in text:
        cp = ord(ch)
        if 0x0300 <= cp <= 0x036F or cp in (0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
            out.append(f"\\u{cp:04X}")
        else:
            out.append(ch)
    return "".join(out)


def mistakes_table(items: list[dict]) -> str:
    if not items:
        return "Our engine puts the answer first for every query."
    lines = ["| id | kind | lang | query | expected (grade 3) | came first | answer at |", "|---|---|---|---|---|---|---|"]
    for m in items:
        expected = ", ".join(m["expected"]) + (f" #{m['article']}" if m["article"] else "")
        top = "(nothing)" if m["top"] is None else (
            f"{m['top']}" + (f" #{m['top_article']}" if m["top_article"] else "") + f" (grade {m['top_grade']})")
        rank = m["answer_rank"] or "not in top 10"
        query = _visible(m["query"]).replace("|", "\\|")
        lines.append(f"| {m['id']} | {m['kind']} | {m['lang']} | `{query}` | {expected} | {top} | {rank} |")
    return "\n".join(lines)


def report(results, ours_mistakes, n_docs: int, n_queries: int, seconds: float) -> str:
    return "\n".join([
        "# Search quality",
        "",
        f"{n_queries} labelled queries (tests/quality/devset.yaml) over {n_docs} documents "
        "(content/ + tests/data/search/content/). Generated by `bench/quality.py`.",
        "",
        "nDCG@10 uses gain 2^grade − 1; MRR@10 and P@1 count a hit as right when it has the query's best "
        "grade (3 = the answer); Art@1 = the top hit is the answer and points to the expected article or step "
        "(only over queries that expect one; the peers return no anchors). The overall row weighs every query "
        "the same. Peers index title + full plain text: `fts5` = SQLite FTS5 unicode61 remove_diacritics 2, "
        "AND of quoted tokens (OR when AND finds nothing), bm25; `whoosh-std` = Whoosh StandardAnalyzer, "
        "MultifieldParser(title, body) with OrGroup.",
        "",
        table(results),
        "",
        "## Queries our engine gets wrong",
        "",
        mistakes_table(ours_mistakes),
        "",
        f"_Run time {seconds:.1f}s._",
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--devset", type=Path, default=DEVSET)
    ap.add_argument("--content", type=Path, action="append", help="content folder (repeatable); "
                    "default: content/ and tests/data/search/content/")
    ap.add_argument("--out", type=Path, help="also write the Markdown report to this file")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    dirs = args.content or list(CONTENT_DIRS)
    queries = load_devset(args.devset)
    records, suggestions, problems, extras = load_content(dirs)
    for p in problems:
        print(f"warning: {p}", file=sys.stderr)
    for missing in check_judged_documents(queries, records):
        print(f"warning: judged document not found: {missing}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="kb-quality-") as tmp:
        tmp = Path(tmp)
        build_index(tmp / "ours", records, suggestions, full=True, **extras)
        runs = {OURS: run_ours(tmp / "ours", queries)}
        fts = Fts5Peer(records)
        runs["fts5"] = run_peer(fts, queries)
        std = WhooshStandardPeer(records, tmp / "whoosh-std")
        runs["whoosh-std"] = run_peer(std, queries)
        std.close()
    results = {name: aggregate(queries, r) for name, r in runs.items()}
    text = report(results, mistakes(queries, runs[OURS]), len(records), len(queries),
                  time.perf_counter() - started)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
