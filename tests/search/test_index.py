"""The index on disk: atomic swaps, failed builds, incremental updates, schema versions, threads."""
import json
import random
import threading
import tracemalloc
from dataclasses import replace

import pytest
from whoosh import index

from search import SearchService, build_index, current_generation, is_usable
from search.index.schema import SCHEMA_VERSION
from search.index.writer import META

from .conftest import corpus, rec, suggestions


def build(index_dir, records, **kw):
    return build_index(index_dir, records, suggestions(records), **kw)


def test_build_swaps_in_a_new_generation_and_keeps_one_previous(tmp_path):
    records = corpus()
    first = build(tmp_path, records, full=True)
    second = build(tmp_path, records, full=True)
    third = build(tmp_path, records, full=True)
    assert current_generation(tmp_path).name == third.generation
    gens = sorted(p.name for p in tmp_path.glob("gen-*"))
    assert gens == sorted([second.generation, third.generation]) and first.generation not in gens


def test_a_failed_build_leaves_the_serving_index_alone(tmp_path):
    records = corpus()
    good = build(tmp_path, records, full=True)
    service = SearchService(tmp_path)
    before = [h.id for h in service.search("bảo hiểm").hits]

    def explode(done, total):
        if done == 3:
            raise RuntimeError("killed mid-build")
    with pytest.raises(RuntimeError):
        build(tmp_path, records + [rec("extra", "vi", "Tài liệu thêm bảo hiểm")], full=True, progress=explode)
    assert current_generation(tmp_path).name == good.generation
    assert [h.id for h in service.search("bảo hiểm").hits] == before
    assert sorted(p.name for p in tmp_path.glob("gen-*")) == [good.generation]
    assert build(tmp_path, records).documents == len(records)  # the next build succeeds


def test_incremental_build_reindexes_only_what_changed(tmp_path):
    records = corpus()
    build(tmp_path, records, full=True)
    changed = [replace(r, intro=r.intro + " kiểm toán độc lập") if r.id == "bao-lu" else r for r in records]
    changed = [r for r in changed if r.id != "qd-1216"]
    report = build(tmp_path, changed)
    assert (report.full, report.added, report.removed, report.unchanged) == (False, 1, 1, len(changed) - 1)
    service = SearchService(tmp_path)
    assert [h.id for h in service.search("kiểm toán độc lập").hits] == ["bao-lu"]
    assert service.get("vi", "qd-1216") is None


def test_incremental_build_does_not_touch_the_previous_generation(tmp_path):
    records = corpus()
    old = build(tmp_path, records, full=True)
    build(tmp_path, [replace(r, title=r.title + " sửa đổi") for r in records])
    # Searchers still open on the old generation must keep reading the old documents.
    with index.open_dir(str(tmp_path / old.generation)).searcher() as s:
        docs = s.reader().column_reader("doc")
        titles = [json.loads(docs[n])["title"] for n in s.reader().all_doc_ids()]
        assert titles and all("sửa đổi" not in t for t in titles)


def test_a_running_service_sees_a_new_generation_without_restart(tmp_path):
    records = corpus()
    build(tmp_path, records, full=True)
    service = SearchService(tmp_path)
    assert service.search("kiểm toán độc lập").total == 0
    build(tmp_path, records + [rec("new", "vi", "Kiểm toán độc lập")])
    assert [h.id for h in service.search("kiểm toán độc lập").hits] == ["new"]


def test_an_index_of_another_schema_version_is_rebuilt_not_misread(tmp_path):
    records = corpus()
    report = build(tmp_path, records, full=True)
    meta_path = tmp_path / report.generation / META
    meta = json.loads(meta_path.read_text())
    meta_path.unlink()
    meta_path.write_text(json.dumps({**meta, "schema_version": SCHEMA_VERSION - 1}))
    assert not is_usable(current_generation(tmp_path))
    again = build(tmp_path, records)
    assert again.full and again.added == len(records)


def test_a_corrupted_index_is_detected_and_rebuilt(tmp_path):
    records = corpus()
    report = build(tmp_path, records, full=True)
    for f in (tmp_path / report.generation).glob("*.toc"):
        f.unlink()
    assert not is_usable(current_generation(tmp_path))
    assert build(tmp_path, records).full


def test_concurrent_searches_never_share_a_searcher(built):
    service = SearchService(built)
    queries = ["bảo hiểm", "thanh tra", "ການກວດກາ", "216/QĐ-BHXH", "tro cap mai tang", "54/NA"] * 10
    expected = {q: [h.id for h in service.search(q).hits] for q in set(queries)}
    errors = []

    def worker(chunk):
        for q in chunk:
            got = [h.id for h in service.search(q).hits]
            if got != expected[q]:
                errors.append((q, got))
    threads = [threading.Thread(target=worker, args=(queries[i::8],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_searching_does_not_copy_the_index_into_memory(tmp_path):
    # Whoosh copies every memory-mapped file it opens into the heap of each searcher: at 10,000 documents
    # that was ~95 MB per searcher. Read as needed, the files stay in the page cache the workers share.
    rnd = random.Random(7)
    vocab = [f"{a}{b}" for a in ("ba", "tho", "quy", "lao", "dong", "hiem", "tra", "phat") for b in range(400)]
    records = [rec(f"d{i}", "vi", f"Văn bản {i}", units=[
        (f"art-{j}", f"Điều {j}", " ".join(rnd.choice(vocab) for _ in range(300))) for j in range(1, 5)])
        for i in range(30)]
    build(tmp_path, records, full=True)
    size = sum(f.stat().st_size for f in current_generation(tmp_path).glob("*.seg"))
    tracemalloc.start()
    try:
        service = SearchService(tmp_path)
        assert service.search("ba1 tho2").total > 0
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size > 2**20
    assert held < size / 4
