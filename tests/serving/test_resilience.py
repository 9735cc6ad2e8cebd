"""Nothing lost: broken files, rebuilds under load, killed builds, corrupted indexes, watched content."""
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kb.build import build
from kb.errors import ContentError
from kb.settings import Settings
from kb.web.serve import ensure_index, start_watching
from search import SearchService, current_generation, is_usable

DOC = "---\ntitle: {title}\ntype: guide\n---\n{body}\n"


def write(root: Path, rel: str, title: str, body: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DOC.format(title=title, body=body), encoding="utf-8")
    return path


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    for i in range(6):
        write(content, f"vi/doc-{i}.md", f"Tài liệu {i}", f"Nội dung bảo hiểm xã hội số {i}.")
    settings = Settings.make(str(content), str(tmp_path / "index"))
    build(settings, full=True)
    return settings


def wait_until(predicate, seconds=15.0):
    """Polls a condition with a deadline (the event comes from another thread or process)."""
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_a_broken_file_keeps_its_last_good_version_and_is_reported(site):
    content = site.content_dir
    (content / "vi/doc-1.md").write_text("---\ntitle: [broken\n---\nthanh tra mới\n", encoding="utf-8")
    write(content, "vi/doc-2.md", "Tài liệu 2", "Nội dung đã sửa: kiểm toán độc lập.")
    with pytest.raises(ContentError):
        build(site)  # `kb build` refuses and leaves everything as it was
    report = build(site, keep_going=True)  # the running site updates what it can
    service = SearchService(site.index_dir)
    assert [h.id for h in service.search("kiểm toán độc lập").hits] == ["doc-2"]
    assert service.get("vi", "doc-1")["title"] == "Tài liệu 1"
    problems = service.generation_problems()
    assert len(problems) == 1 and "doc-1.md:2: error:" in problems[0]
    assert report.documents == 5


def test_rebuilds_under_load_never_fail_a_query_or_show_a_partial_index(site):
    service = SearchService(site.index_dir)
    content = site.content_dir
    counts, errors, stop = set(), [], threading.Event()

    def client():
        while not stop.is_set():
            try:
                counts.add(service.search("bảo hiểm xã hội", per_page=50).total)
            except Exception as exc:  # noqa: BLE001 - the test counts every failure
                errors.append(repr(exc))
    clients = [threading.Thread(target=client) for _ in range(4)]
    for t in clients:
        t.start()
    extra = content / "vi/extra.md"
    for i in range(10):
        if i % 2 == 0:
            write(content, "vi/extra.md", "Tài liệu thêm", "Thêm bảo hiểm xã hội.")
        else:
            extra.unlink()
        build(site, full=(i % 3 == 0))
    stop.set()
    for t in clients:
        t.join()
    assert errors == []
    assert counts <= {6, 7} and counts


def test_a_killed_build_leaves_the_serving_index_intact(tmp_path, site):
    content = site.content_dir
    for i in range(300):
        write(content, f"vi/bulk/b-{i}.md", f"Văn bản {i}", "Quy định về đóng bảo hiểm xã hội. " * 80)
    before = current_generation(site.index_dir)
    proc = subprocess.Popen([sys.executable, "-m", "kb.cli", "build", "--full", "--content", str(content),
                             "--index", str(site.index_dir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = wait_until(lambda: len(list(site.index_dir.glob("gen-*"))) > 1 or proc.poll() is not None)
    assert started
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert current_generation(site.index_dir) == before and is_usable(before)
    assert SearchService(site.index_dir).search("bảo hiểm").total == 6
    report = build(site)
    assert report.documents == 306
    assert [p.name for p in site.index_dir.glob("gen-*") if p.name not in (report.generation, before.name)] == []


def test_a_corrupted_index_is_rebuilt_at_start(site, capsys):
    gen = current_generation(site.index_dir)
    for f in gen.glob("*.toc"):
        f.unlink()
    ensure_index(site)
    assert "corrupted or from another schema version: rebuilding" in capsys.readouterr().err
    assert SearchService(site.index_dir).search("bảo hiểm").total == 6


def test_a_missing_index_is_built_at_start(tmp_path, site, capsys):
    settings = Settings.make(str(site.content_dir), str(tmp_path / "fresh-index"))
    ensure_index(settings)
    assert "no index in" in capsys.readouterr().err
    assert SearchService(settings.index_dir).search("bảo hiểm").total == 6


def test_watch_reindexes_an_edited_file(site):
    stop = start_watching(site)
    try:
        service = SearchService(site.index_dir)
        started = time.monotonic()
        write(site.content_dir, "vi/doc-3.md", "Tài liệu 3", "Nay nói về truy thu tiền chậm đóng.")
        assert wait_until(lambda: service.search("truy thu tiền chậm đóng").total == 1)
        assert time.monotonic() - started < 5  # the issue asks for 2 s; CI machines vary, the bench measures it
    finally:
        stop.set()
