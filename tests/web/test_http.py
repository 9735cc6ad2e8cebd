"""HTTP as link checkers, browsers and proxy caches expect it: HEAD, gzip, Vary and cookies, an OpenAPI
description that matches the answers, and a JSON twin for every page."""
from __future__ import annotations

import gzip
import re

import pytest
from pydantic import BaseModel

from kb.web import schemas

from .test_api import assert_error

LAW_84 = "law-84-2025-qh15"
LAW_41 = "law-41-2024-qh15"
PAGES = ["/vi/", "/lo/", f"/vi/docs/{LAW_84}", f"/lo/docs/{LAW_84}/parallel", "/vi/search?q=bao+hiem",
         "/lo/browse/", "/vi/browse/type/", "/vi/browse/type/law", "/lo/glossary", "/vi/translations", "/api",
         f"/lo/docs/{LAW_41}?on=2025-06-01", f"/vi/docs/{LAW_41}/changes"]
JSON = ["/api/search?q=bao+hiem", f"/api/documents/vi/{LAW_84}", "/api/translations", "/api/suggest?q=bao",
        "/healthz", "/api/home/vi", "/api/browse/lo", "/api/browse/vi/tags", "/api/browse/vi/type/law",
        f"/api/documents/lo/{LAW_84}/parallel", "/api/glossary/vi?q=bhxh", "/api/openapi.json",
        f"/api/documents/vi/{LAW_41}?on=2025-06-01", f"/api/documents/lo/{LAW_41}/changes"]


# --- HEAD -------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", PAGES + JSON + ["/static/style.css"])
def test_head_answers_like_get_without_a_body(client, url):
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]


def test_head_of_a_missing_page_is_404(client):
    assert client.head("/vi/docs/no-such-document").status_code == 404


# --- gzip -------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [f"/vi/docs/{LAW_84}", "/api/search?q=bao+hiem", "/lo/glossary"])
def test_compressed_when_the_client_accepts_gzip(client, url):
    plain = client.get(url, headers={"accept-encoding": "identity"})
    packed = client.get(url, headers={"accept-encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert packed.content == plain.content  # httpx decodes it: the same page
    assert int(packed.headers["content-length"]) < len(plain.content) / 2
    assert "accept-encoding" in plain.headers["vary"].lower()  # a cache keeps the two apart


def test_gzip_body_is_real_gzip(client):
    with client.stream("GET", f"/vi/docs/{LAW_84}", headers={"accept-encoding": "gzip"}) as r:
        raw = b"".join(r.iter_raw())
    assert gzip.decompress(raw).decode().startswith("<!doctype html>")


# --- Vary and cookies -------------------------------------------------------------------------

def _vary(response) -> set[str]:
    return {v.strip().lower() for v in response.headers.get("vary", "").split(",") if v.strip()}


@pytest.mark.parametrize("url", PAGES)
def test_pages_vary_on_the_cookie_that_picks_their_interface(client, url):
    assert "cookie" in _vary(client.get(url))


def test_the_ui_cookie_changes_the_page_so_a_cache_must_not_share_it(client):
    url = f"/vi/docs/{LAW_84}"
    vi = client.get(url)
    client.cookies.set("ui", "en")
    en = client.get(url)
    assert "Contents" in en.text and "Contents" not in vi.text
    assert en.headers["etag"] != vi.headers["etag"]
    assert vi.headers["vary"].count("Accept-Encoding") <= 1  # no header repeated


def test_a_cookie_is_set_only_when_its_value_changes(client):
    url = f"/vi/docs/{LAW_84}"
    first = client.get(url)
    assert "lang=vi" in first.headers["set-cookie"]
    assert first.headers["cache-control"].startswith("private")  # never replayed to another reader
    again = client.get(url)
    assert "set-cookie" not in again.headers
    assert again.headers["cache-control"].startswith("public")
    other = client.get(f"/lo/docs/{LAW_84}")
    assert "lang=lo" in other.headers["set-cookie"]


def test_ui_parameter_sets_the_cookie_once(client):
    assert "ui=en" in client.get("/vi/?ui=en").headers["set-cookie"]
    assert "set-cookie" not in client.get("/vi/?ui=en").headers


def test_not_modified_keeps_the_vary(client):
    url = f"/vi/docs/{LAW_84}"
    client.get(url)
    first = client.get(url)
    again = client.get(url, headers={"if-none-match": first.headers["etag"]})
    assert again.status_code == 304
    assert {"cookie", "accept-encoding"} <= _vary(again)


def test_root_redirect_varies_on_what_picked_the_language(client):
    r = client.get("/", follow_redirects=False)
    assert {"cookie", "accept-language"} <= _vary(r)


# --- OpenAPI matches reality ------------------------------------------------------------------

@pytest.fixture(scope="module")
def spec(app):
    from fastapi.testclient import TestClient
    return TestClient(app).get("/api/openapi.json").json()


def _param(spec, path, name):
    return next(p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == name)


def test_integer_parameters_are_integers(spec):
    for name in ("page", "per_page"):
        types = {s.get("type") for s in _param(spec, "/api/search", name)["schema"]["anyOf"]}
        assert "integer" in types


def test_choices_are_listed(spec):
    assert set(_param(spec, "/api/search", "sort")["schema"]["enum"]) == {"relevance", "newest", "oldest"}
    choices = [s for s in _param(spec, "/api/search", "type")["schema"]["anyOf"] if "enum" in s][0]["enum"]
    assert "law" in choices and "" in choices  # empty: no filter


def test_every_answer_has_a_schema_and_errors_have_the_real_shape(spec):
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for path, ops in spec["paths"].items():
        for op in ops.values():
            responses = op["responses"]
            assert "422" not in responses, path
            ref = responses["200"]["content"]["application/json"]["schema"].get("$ref")
            assert ref, f"{path}: 200 has no schema"
            for status in ("400", "404"):
                if status in responses:
                    assert responses[status]["content"]["application/json"]["schema"]["$ref"].endswith(
                        "/ErrorAnswer"), path
    assert "400" in spec["paths"]["/api/search"]["get"]["responses"]
    assert "404" in spec["paths"]["/api/documents/{lang}/{doc_id}"]["get"]["responses"]


def _model_for(spec, path: str) -> type[BaseModel]:
    ref = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    return getattr(schemas, ref.rsplit("/", 1)[1])


@pytest.mark.parametrize("url, path", [
    ("/api/search?q=bao+hiem&lang=vi", "/api/search"),
    ("/api/search?q=ການກວດກາ&lang=vi", "/api/search"),
    (f"/api/documents/lo/{LAW_84}", "/api/documents/{lang}/{doc_id}"),
    (f"/api/documents/vi/{LAW_84}/parallel", "/api/documents/{lang}/{doc_id}/parallel"),
    (f"/api/documents/vi/{LAW_41}?on=2025-06-01", "/api/documents/{lang}/{doc_id}"),
    (f"/api/documents/lo/{LAW_84}", "/api/documents/{lang}/{doc_id}"),
    (f"/api/documents/lo/{LAW_41}/parallel?on=2025-07-01", "/api/documents/{lang}/{doc_id}/parallel"),
    (f"/api/documents/vi/{LAW_41}/changes", "/api/documents/{lang}/{doc_id}/changes"),
    ("/api/translations", "/api/translations"),
    ("/api/suggest?q=bao", "/api/suggest"),
    ("/healthz", "/healthz"),
    ("/api/home/lo", "/api/home/{lang}"),
    ("/api/browse/vi", "/api/browse/{lang}"),
    ("/api/browse/vi/year", "/api/browse/{lang}/{facet}"),
    ("/api/browse/vi/type/law", "/api/browse/{lang}/{facet}/{value}"),
    ("/api/glossary/lo", "/api/glossary/{lang}"),
])
def test_answers_match_their_described_schema(client, spec, url, path):
    r = client.get(url)
    assert r.status_code == 200
    _model_for(spec, path).model_validate(r.json())  # extra="forbid": an undescribed field fails too


@pytest.mark.parametrize("url, status", [
    ("/api/search?q=x&page=abc", 400), ("/api/search?q=x&per_page=101", 400), ("/api/search?q=x&sort=best", 400),
    ("/api/glossary/vi?q=" + "a" * 101, 400), ("/api/home/en", 404), ("/api/browse/vi/colour", 404),
    ("/api/browse/vi/type/statute", 404), ("/api/documents/vi/no-such-doc/parallel", 404),
])
def test_errors_have_the_described_shape(client, url, status):
    r = client.get(url)
    assert_error(r, status)
    schemas.ErrorAnswer.model_validate(r.json())


def test_a_long_query_keeps_its_error_code(client):
    assert_error(client.get("/api/search", params={"q": "a" * 501}), 400, "query_too_long")


def test_api_page_is_translated_with_a_viewport(client):
    vi = client.get("/api", headers={"accept-language": "vi"}).text
    lo = client.get("/api?lang=lo").text
    assert 'name="viewport"' in vi and '<html lang="vi">' in vi and '<html lang="lo">' in lo
    assert "Tìm văn bản" in vi and "ຊອກຫາເອກະສານ" in lo  # the search route's summary, translated
    assert "/api/home/{lang}" in vi  # every route is listed


# --- JSON twins: the same objects as the pages ------------------------------------------------

def test_home_twin_lists_what_the_page_lists(client):
    view = client.get("/api/home/vi").json()
    html = client.get("/vi/").text
    for d in view["recent"]:
        assert f'href="{d["url"]}"' in html
    for t in view["types"]:
        assert f'href="{t["url"]}"' in html


def test_browse_twin_lists_what_the_page_lists(client):
    view = client.get("/api/browse/lo/type/law").json()
    html = client.get("/lo/browse/type/law").text
    assert view["documents"] and all(d["type"] == "law" for d in view["documents"])
    assert [d["url"] for d in view["documents"]] == re.findall(r'<li><a href="(/lo/docs/[^"#]+)"', html)


def test_glossary_twin_filters_like_the_page(client):
    view = client.get("/api/glossary/vi", params={"q": "bhxh"}).json()
    html = client.get("/vi/glossary", params={"q": "bhxh"}).text
    assert view["total"] >= 1
    assert [t["id"] for t in view["terms"]] == re.findall(r'<dt id="([^"]+)"', html)


def test_changes_twin_has_the_pages_articles_and_marks(client):
    view = client.get(f"/api/documents/vi/{LAW_41}/changes").json()
    html = client.get(f"/vi/docs/{LAW_41}/changes").text
    assert [a["anchor"] for a in view["articles"]] == re.findall(r'<section class="changed-unit" id="([^"]+)"', html)
    for article in view["articles"]:
        assert html.count("<ins>") >= article["inserted"] and html.count("<del>") >= article["deleted"]
    assert sum(a["inserted"] for a in view["articles"]) == html.count("<ins>") - 1  # and the legend's one
    assert sum(a["deleted"] for a in view["articles"]) == html.count("<del>") - 1


def test_document_twin_on_a_day_has_the_pages_versions(client):
    view = client.get(f"/api/documents/vi/{LAW_41}", params={"on": "2025-06-01"}).json()
    html = client.get(f"/vi/docs/{LAW_41}", params={"on": "2025-06-01"}).text
    assert [u["anchor"] for u in view["versions"]] == ["art-16", "art-17", "art-136", "art-137"]
    assert html.count('<div class="version-note"') == len(view["versions"])
    for unit in view["versions"]:
        for v in unit["versions"]:
            if not v["in_force_on_date"]:
                assert f'href="{v["url"]}"' in html


def test_parallel_twin_has_the_pages_rows(client):
    view = client.get(f"/api/documents/vi/{LAW_84}/parallel").json()
    html = client.get(f"/vi/docs/{LAW_84}/parallel").text
    assert [c["lang"] for c in view["columns"]] == ["vi", "lo"]
    anchors = [r["anchor"] for r in view["rows"] if r["anchor"]]
    assert "art-62" in anchors and anchors == re.findall(r'<tr id="([^"]+)"', html)


def test_api_documents_follow_aliases_like_pages(custom_client):
    r = custom_client.get("/api/documents/vi/van-ban-cu", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == "/api/documents/vi/pair-doc"
    r = custom_client.get("/api/documents/vi/van-ban-cu/parallel", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == "/api/documents/vi/pair-doc/parallel"
    assert custom_client.get("/api/documents/vi/van-ban-cu").json()["id"] == "pair-doc"
