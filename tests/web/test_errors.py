"""An error nobody foresaw still answers in the request's format, with the security headers, and is logged."""
import logging
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient


@pytest.fixture
def broken(app, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("a bug inside search")
    monkeypatch.setattr(app.state.search, "search", fail)
    return TestClient(app, raise_server_exceptions=False)


def test_an_api_error_is_the_json_envelope_with_security_headers(broken, caplog):
    with caplog.at_level(logging.ERROR, logger="kb.web"):
        r = broken.get("/api/search", params={"q": "thanh tra"})
    assert r.status_code == 500
    assert r.json()["error"]["code"] == "internal_error"
    assert "a bug inside search" not in r.text  # the reader is not shown internals
    assert r.headers["x-content-type-options"] == "nosniff" and "content-security-policy" in r.headers
    assert "RuntimeError: a bug inside search" in caplog.text  # the traceback is in the log


def test_a_page_error_is_a_page_in_the_readers_language(broken):
    r = broken.get("/lo/search", params={"q": "ກວດກາ"})
    assert r.status_code == 500 and r.headers["content-type"].startswith("text/html")
    assert 'lang="lo"' in r.text and "ເກີດຂໍ້ຜິດພາດຢູ່ຝ່າຍພວກເຮົາ" in r.text
    assert "content-security-policy" in r.headers
