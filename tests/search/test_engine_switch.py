"""The fast paths on and off: the same results either way, and indexes of another Whoosh are rebuilt."""
import json
import logging

import pytest

from search import SearchService, build_index, current_generation, is_usable
from search.engine import switch
from search.index.writer import META

from .conftest import corpus, suggestions

QUERIES = ["thanh tra", "216/QĐ-BHXH", "bao hiem xa hoi", "ກອງທຶນ", "chế độ thai sản", "Điều 30",
           "thời hạn thanh tra là bao lâu", "thanh tra -chuyên", '"bảo hiểm xã hội"']


def _built(path, fast):
    records = corpus()
    build_index(path, records, suggestions(records), full=True, fast=fast)
    return SearchService(path, fast=fast)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    return (_built(tmp_path_factory.mktemp("fast"), True), _built(tmp_path_factory.mktemp("public"), False))


@pytest.mark.parametrize("query", QUERIES)
def test_fast_paths_off_give_the_same_results(both, query):
    fast, public = (s.search(query, lang="all") for s in both)
    assert [(h.id, h.lang, h.article) for h in fast.hits] == [(h.id, h.lang, h.article) for h in public.hits]
    assert [h.score for h in fast.hits] == pytest.approx([h.score for h in public.hits], rel=1e-6)
    assert (fast.total, fast.facets) == (public.total, public.facets)


def test_the_fast_paths_run_only_on_the_whoosh_they_were_proven_on(monkeypatch):
    assert switch.fast_paths(True)
    monkeypatch.setenv(switch.ENV, "0")
    assert not switch.fast_paths()
    monkeypatch.delenv(switch.ENV)
    monkeypatch.setattr(switch, "whoosh_version", lambda: "3.51.0")
    assert not switch.fast_paths(True)


def test_an_index_of_another_whoosh_is_rebuilt_with_a_log_line(tmp_path, caplog):
    records = corpus()
    build_index(tmp_path, records, suggestions(records), full=True)
    gen = current_generation(tmp_path)
    meta = json.loads((gen / META).read_text())
    (gen / META).write_text(json.dumps({**meta, "whoosh": "3.51.0"}))
    assert not is_usable(gen)
    with caplog.at_level(logging.WARNING, logger="search.index"):
        report = build_index(tmp_path, records, suggestions(records))
    assert report.full and "Whoosh 3.51.0" in caplog.text and "rebuilding it in full" in caplog.text
    assert SearchService(tmp_path).search("thanh tra").hits
