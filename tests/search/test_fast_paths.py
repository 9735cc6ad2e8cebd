"""The fast paths give exactly what Whoosh gives: postings, document sets, BM25F scores to the last bit,
candidates and spelling corrections, on a single segment and on segments with deleted documents."""
from dataclasses import replace
from itertools import pairwise

import pytest

from search import SearchService, build_index
from search.engine.docsets import members
from search.engine.postings import Postings, read_postings
from search.query.plan import build, plan
from search.engine.ranking import Ranker
from search.serve.searcher import whoosh_scores
from search.query.spelling import distance

from .conftest import corpus, rec, suggestions

QUERIES = ["bảo hiểm xã hội", "bao hiem y te", "thanh tra", "216/QĐ-BHXH", "qd 216", "quyết định 216",
           '"bảo hiểm y tế"', "bảo hiểm -thai", "ກອງທຶນ", "ມາດຕາ 7", "54/ສພຊ", "tro cap mai tang", "điều 30",
           "BHXH", "của bảo hiểm", "thanh tra bão lũ quỹ"]


@pytest.fixture(scope="module", params=["one segment", "segments with deletions"])
def service(request, tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("fast")
    records = corpus() + [rec(f"extra-{i}", "vi", f"Bảo hiểm xã hội {i}", intro="Thanh tra bảo hiểm y tế.")
                          for i in range(40)]
    build_index(index_dir, records, suggestions(records), full=True)
    if request.param == "segments with deletions":
        changed = [replace(r, intro=r.intro + " thanh tra lại") if r.id.endswith(("1", "7")) else r
                   for r in records if r.id != "extra-3"]
        build_index(index_dir, changed, suggestions(changed))
    service = SearchService(index_dir)
    with service._searcher() as (_, searcher):
        reader = searcher.reader()
        assert reader.has_deletions() == (request.param == "segments with deletions")
    return service


def test_postings_are_whoosh_postings(service):
    with service._searcher() as (_, searcher):
        reader = searcher.reader()
        for field in ("body_f", "title", "heads_fbi", "number"):
            for btext, _ in reader.iter_field(field):
                m, want = reader.postings(field, btext), []
                while m.is_active():
                    want.append((m.id(), m.weight()))
                    m.next()
                ids, weights = read_postings(reader, field, btext)
                assert list(zip(ids, weights)) == want


@pytest.mark.parametrize("query", QUERIES)
def test_document_sets_and_scores_are_whoosh_ones(service, query):
    with service._searcher() as (gen, searcher):
        ranker = Ranker(Postings())
        every = list(searcher.reader().all_doc_ids())
        for conjunctive in (True, False):
            built = build(plan(query), conjunctive, gen.synonyms)
            if built is None:
                continue
            docs = members(gen.docsets.evaluate(searcher.reader(), built.required))
            assert docs == sorted(whoosh_scores(searcher, built.required, every))
            for q in (built.required, built.ranked):
                want = whoosh_scores(searcher, q, docs)
                got = ranker.scores(searcher, q, docs)
                assert {d: s.hex() for d, s in got.items()} == {d: s.hex() for d, s in want.items()}


def test_strongest_candidates_are_the_highest_sums_then_the_lowest_numbers(service):
    with service._searcher() as (gen, searcher):
        reader = searcher.reader()
        for query in QUERIES:
            folded = plan(query).folded
            docs = gen.docsets.evaluate(reader, build(plan(query), False, gen.synonyms).required)
            weight = {}
            for word in dict.fromkeys(folded):
                for field, w in (("title_f", 3), ("heads_f", 1)):
                    for d in members(gen.docsets.term(reader, field, word) & docs):
                        weight[d] = weight.get(d, 0) + w
            for a, b in dict.fromkeys(pairwise(folded)):
                for field, w in (("body_fbi", 2), ("title_fbi", 4)):
                    for d in members(gen.docsets.term(reader, field, f"{a} {b}") & docs):
                        weight[d] = weight.get(d, 0) + w
            for limit in (1, 3, 10, 100):
                want = sorted(sorted(weight, key=lambda d: (-weight[d], d))[:limit])
                assert gen.docsets.strongest(reader, folded, docs, limit) == want


def test_spelling_corrections_are_the_nearest_known_words(service):
    with service._searcher() as (gen, searcher):
        speller = gen.speller(searcher)
    for word in ["bao", "hiemm", "thnah", "tarn", "quyetdinh", "ກອງທືນ", "sanr", "xyzzy", "lu", "tra"]:
        best = None
        if len(word) >= 3:
            limit = 1 if len(word) <= 5 else 2
            near = [c for length in range(len(word) - limit, len(word) + limit + 1)
                    for c in speller.freq if len(c) == length]
            for cand in near:
                d, df = distance(word, cand, limit), speller.freq[cand]
                rank = (d, cand[0] != word[0], -df)
                if d <= limit and (best is None or rank < best[0]):
                    best = (rank, cand)
        want = speller.written.get(best[1], (0, best[1]))[1] if best else None
        assert speller.correct(word) == want
