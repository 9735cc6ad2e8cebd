"""A real server with two workers and --watch: an edit reaches every worker, no request fails."""
import json
import socket
import subprocess
import sys
import urllib.parse
import urllib.request

from .test_resilience import wait_until, write


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, json.loads(r.read())
    except OSError:
        return None, None


def test_two_workers_pick_up_an_edit_without_restart(tmp_path):
    content = tmp_path / "content"
    for i in range(3):
        write(content, f"vi/doc-{i}.md", f"Tài liệu {i}", "Nội dung bảo hiểm xã hội.")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kb.cli", "serve", "--workers", "2", "--watch",
                             "--content", str(content), "--index", str(tmp_path / "index"), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    search = base + "/api/search?" + urllib.parse.urlencode({"q": "kiểm toán độc lập"})
    try:
        assert wait_until(lambda: _get(base + "/healthz")[0] == 200, 60)
        assert _get(search)[1]["total"] == 0
        write(content, "vi/doc-1.md", "Tài liệu 1", "Nay về kiểm toán độc lập.")
        assert wait_until(lambda: (_get(search)[1] or {}).get("total") == 1, 20)
        answers = [_get(search) for _ in range(30)]  # spread over both workers
        assert all(status == 200 and body["total"] == 1 for status, body in answers)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
