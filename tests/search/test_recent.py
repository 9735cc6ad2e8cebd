"""Recent results kept per index generation: repeated searches are served from them, a new generation
never sees them, callers cannot spoil them, and they stay within their bound."""
from search import SearchService, build_index

from .conftest import corpus, rec, suggestions


def build(index_dir, records, full=False):
    return build_index(index_dir, records, suggestions(records), full=full)


def test_a_repeated_search_is_served_from_recent_results(built):
    service = SearchService(built, recent_hits=100)
    first = service.search("bảo hiểm xã hội")
    again = service.search("bảo hiểm xã hội")
    assert service.recent_results()["hits"] == 1
    assert [(h.id, h.score, h.snippet) for h in again.hits] == [(h.id, h.score, h.snippet) for h in first.hits]
    assert (again.total, again.facets, again.suggestion) == (first.total, first.facets, first.suggestion)


def test_other_parameters_are_other_searches(built):
    service = SearchService(built, recent_hits=100)
    service.search("bảo hiểm")
    assert service.search("bảo hiểm", lang="lo").total == 0
    assert service.search("bảo hiểm", page=2, per_page=1).page == 2
    assert service.search("bảo hiểm", facets={"type": "law"}).total < service.search("bảo hiểm").total
    assert service.recent_results()["hits"] == 1


def test_a_new_generation_never_gets_results_of_the_old_one(tmp_path):
    records = corpus()
    build(tmp_path, records, full=True)
    service = SearchService(tmp_path, recent_hits=100)
    assert service.search("kiểm toán độc lập").total == 0
    assert service.search("kiểm toán độc lập").total == 0  # now kept
    build(tmp_path, records + [rec("new", "vi", "Kiểm toán độc lập")])
    assert [h.id for h in service.search("kiểm toán độc lập").hits] == ["new"]
    assert service.recent_results() == {"hits": 0, "misses": 1, "entries": 1, "held_hits": 1, "limit_hits": 100}


def test_changing_returned_results_does_not_change_what_is_kept(built):
    service = SearchService(built, recent_hits=100)
    first = service.search("thanh tra")
    ids = [h.id for h in first.hits]
    first.hits[0].snippet = "changed"
    first.hits.clear()
    first.facets.clear()
    again = service.search("thanh tra")
    assert [h.id for h in again.hits] == ids and again.hits[0].snippet != "changed" and again.facets


def test_kept_results_stay_within_their_bound(built):
    service = SearchService(built, recent_hits=5)
    for q in ["bảo hiểm", "thanh tra", "quyết định", "ປະກັນສັງຄົມ", "thai sản", "216/QĐ-BHXH"]:
        service.search(q, per_page=3)
    info = service.recent_results()
    assert info["held_hits"] <= 5 and info["entries"] <= 5


def test_none_are_kept_by_default(built):
    service = SearchService(built)
    service.search("bảo hiểm")
    service.search("bảo hiểm")
    assert service.recent_results()["hits"] == 0 and service.recent_results()["entries"] == 0
