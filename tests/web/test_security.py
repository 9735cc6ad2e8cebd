"""Stored and reflected XSS, path traversal, security headers and hostile search input."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote

import pytest

from .webhtml import assert_nothing_executable

XSS = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


# --- stored XSS (the hand-made content in conftest.py) ----------------------------------------

@pytest.mark.parametrize("url", ["/vi/docs/xss-doc", "/vi/search?q=bao+hiem", "/vi/search?q=script",
                                 "/vi/browse/tags/", "/vi/browse/type/guide", "/vi/"])
def test_stored_xss_is_escaped_on_pages(custom_client, url):
    r = custom_client.get(url)
    assert r.status_code == 200
    assert_nothing_executable(r.text)


def test_stored_xss_shows_as_text(custom_client):
    html = custom_client.get("/vi/docs/xss-doc").text
    assert "<h1>Tiêu đề &lt;script&gt;alert(1)&lt;/script&gt; nguy hiểm</h1>" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:" not in html.split("<body", 1)[1].replace("[bấm vào](javascript:alert(1))", "")


def test_stored_xss_in_the_api(custom_client):
    doc = custom_client.get("/api/documents/vi/xss-doc").json()
    assert_nothing_executable(doc["html"])
    assert "&lt;script&gt;" in doc["html"]
    hits = custom_client.get("/api/search", params={"q": "bao hiem"}).json()["results"]
    assert hits and all("<script" not in h["snippet"] and "<img" not in h["snippet"] for h in hits)


# --- reflected XSS ----------------------------------------------------------------------------

@pytest.mark.parametrize("payload", [XSS, IMG])
@pytest.mark.parametrize("lang", ["vi", "lo"])
def test_query_is_echoed_escaped(client, lang, payload):
    for url in (f"/{lang}/search", f"/{lang}/glossary"):
        r = client.get(url, params={"q": payload})
        assert r.status_code == 200
        assert_nothing_executable(r.text)
        assert payload not in r.text


def test_query_stays_inside_the_search_box(client):
    html = client.get("/vi/search", params={"q": IMG}).text
    assert 'value="&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"' in html


@pytest.mark.parametrize("payload", [XSS, IMG])
def test_empty_result_echo_is_escaped(client, payload):
    r = client.get("/vi/search", params={"q": payload + " xyzzyqwerty"})
    assert_nothing_executable(r.text)
    assert payload not in r.text


@pytest.mark.parametrize("payload", [XSS, IMG])
@pytest.mark.parametrize("prefix", ["/vi/docs/", "/lo/browse/tags/", "/vi/"])
def test_404_page_escapes_the_path(client, prefix, payload):
    r = client.get(prefix + payload)
    assert r.status_code == 404
    assert_nothing_executable(r.text)
    assert payload not in r.text


# --- path traversal ---------------------------------------------------------------------------

TRAVERSALS = ["/vi/docs/..%2F..%2Fetc%2Fpasswd", "/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
              "/static/..%2f..%2fpyproject.toml", "/static/..%5c..%5cpyproject.toml",
              "/static/%2e%2e%2f%2e%2e%2fapp.py", "/vi/docs/%2e%2e%2f%2e%2e%2fpyproject.toml"]


def _assert_no_file(status: int, body: bytes) -> None:
    assert status < 500
    assert status != 200 or b"[project]" not in body
    for secret in (b"[project]", b"root:x:0:0", b"def create_app", b"vilao-kb"):
        assert secret not in body


@pytest.mark.parametrize("url", TRAVERSALS)
def test_path_traversal_through_the_client(client, url):
    r = client.get(url)
    _assert_no_file(r.status_code, r.content)


def _raw_get(app, raw_path: bytes) -> tuple[int, bytes]:
    """Sends the path exactly as written (an HTTP client would normalise the dots away)."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "server": ("testserver", 80), "client": ("127.0.0.1", 1234), "root_path": "",
             "path": unquote(raw_path.decode("latin-1")), "raw_path": raw_path, "query_string": b"",
             "headers": [(b"host", b"testserver")]}
    sent: list[dict] = []

    async def run():
        requested, done = False, asyncio.Event()

        async def receive():
            nonlocal requested
            if not requested:
                requested = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await done.wait()  # like a server: the client goes away once the response is complete
            return {"type": "http.disconnect"}

        async def send(message):
            sent.append(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                done.set()

        await app(scope, receive, send)

    # Its own thread: a session-wide Playwright browser keeps an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, run()).result()
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def test_raw_requests_do_reach_static_files(app):
    status, body = _raw_get(app, b"/static/style.css")
    assert status == 200 and body


@pytest.mark.parametrize("url", TRAVERSALS + ["/static/../../pyproject.toml", "/static/../kb/web/app.py",
                                              "/vi/docs/../../../../etc/passwd"])
def test_path_traversal_raw(app, url):
    _assert_no_file(*_raw_get(app, url.encode()))


# --- headers ----------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/vi/", "/lo/docs/law-84-2025-qh15", "/api/search?q=x", "/vi/docs/nope",
                                 "/static/style.css", "/api/documents/vi/nope", "/healthz"])
def test_security_headers(client, url):
    headers = client.get(url).headers
    csp = headers["content-security-policy"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    script_src = directives.get("script-src", directives.get("default-src"))
    assert script_src and "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] in ("no-referrer", "same-origin", "strict-origin",
                                          "strict-origin-when-cross-origin")
    assert headers.get("x-frame-options") in ("DENY", "SAMEORIGIN") or "frame-ancestors" in directives


def test_redirects_carry_security_headers(client):
    r = client.get("/", follow_redirects=False)
    assert r.status_code in (301, 302, 307) and "content-security-policy" in r.headers


@pytest.mark.parametrize("url", ["/vi/", "/lo/docs/law-84-2025-qh15", "/vi/search?q=bao+hiem", "/vi/glossary"])
def test_pages_need_no_inline_script_or_style(client, url):
    """The CSP forbids inline code: a page that relied on it would break in the browser."""
    html = client.get(url).text
    assert_nothing_executable(html)
    assert " style=" not in html and "<style" not in html


# --- hostile search input ---------------------------------------------------------------------

NASTY = list('*?:"()~^{}[]') + ['"unclosed', "(a OR", "title:x", "a~2", "x^3", "{a TO b]", "[a TO", "AND",
                                 "OR NOT", "-", "--", '""', "*thanh*", "id:*", "\x01\x02", "\x00", "a\x7fb",
                                 "\t\n\r", "\u200b", "\ufeff", "%s%n", "\\", "/", "' OR 1=1 --"]


@pytest.mark.parametrize("q", NASTY, ids=[repr(q) for q in NASTY])
def test_no_500_for_query_syntax_or_control_characters(client, q):
    for url in ("/api/search", "/vi/search", "/lo/search", "/api/suggest", "/vi/glossary"):
        r = client.get(url, params={"q": q})
        assert r.status_code in (200, 400), (url, r.status_code, r.text[:200])
        if r.status_code == 400 and url.startswith("/api"):
            assert set(r.json()["error"]) == {"code", "message"}


@pytest.mark.parametrize("url", ["/vi/docs/law-84-2025-qh15", "/api/documents/lo/law-84-2025-qh15"])
def test_documents_carry_an_etag_and_answer_304(client, url):
    first = client.get(url)
    assert first.status_code == 200 and "max-age" in first.headers["cache-control"]
    again = client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
