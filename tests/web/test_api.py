"""The JSON API: response shapes, parameter checking and the one error shape."""
from __future__ import annotations

import pytest

SEARCH_KEYS = {"query", "lang", "total", "page", "per_page", "results", "facets", "suggestion", "searched_as",
               "other", "on"}
OPTIONAL_SEARCH_KEYS = {"corrected"}  # in kb/searching.py: whether `suggestion` was applied to the query
HIT_KEYS = {"id", "lang", "title", "type", "number", "status", "url", "article", "article_title", "snippet",
            "score", "found_by", "former_wording"}


def assert_error(r, status: int, code: str | None = None) -> None:
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code


def test_search_response_shape(client):
    r = client.get("/api/search", params={"q": "thanh tra chuyen nganh", "lang": "vi"})
    assert r.status_code == 200
    body = r.json()
    assert SEARCH_KEYS <= set(body) <= SEARCH_KEYS | OPTIONAL_SEARCH_KEYS
    assert (body["query"], body["lang"], body["page"], body["per_page"]) == ("thanh tra chuyen nganh", "vi", 1, 10)
    assert body["total"] >= len(body["results"]) > 0
    for hit in body["results"]:
        assert set(hit) == HIT_KEYS
        assert isinstance(hit["score"], (int, float))
    assert {f["value"] for f in body["facets"]["type"]} >= {"law", "guide"}
    assert all(set(f) == {"value", "count"} for values in body["facets"].values() for f in values)
    other = body["other"]
    assert set(other) == {"lang", "total", "searched_as", "url", "results"} and other["lang"] == "lo"
    assert other["url"] == "/lo/search?q=thanh+tra+chuyen+nganh"
    assert 0 < len(other["results"]) <= 5 and all(set(h) == HIT_KEYS for h in other["results"])


def test_vietnamese_query_finds_lao_documents(client):
    body = client.get("/api/search", params={"q": "thanh tra chuyên ngành bảo hiểm xã hội", "lang": "lo"}).json()
    assert body["searched_as"]["lo"]  # the glossary's Lao terms, shown to the reader
    assert body["results"] and all(h["lang"] == "lo" for h in body["results"])
    assert body["results"][0]["id"] in ("guide-specialised-checking-2025", "faq-vss-powers-after-2025")
    assert body["other"]["lang"] == "vi" and body["other"]["results"][0]["lang"] == "vi"


def test_lao_query_finds_vietnamese_documents_at_the_article(client):
    body = client.get("/api/search", params={"q": "ມາດຕາ 62 ກົດໝາຍວ່າດ້ວຍການກວດກາ", "lang": "vi"}).json()
    top = body["results"][0]
    assert (top["lang"], top["id"], top["article"]) == ("vi", "law-84-2025-qh15", "art-62")
    assert "translation" in top["found_by"]


def test_all_mixes_languages(client):
    body = client.get("/api/search", params={"q": "kiểm tra chuyên ngành", "lang": "all"}).json()
    assert {h["lang"] for h in body["results"]} == {"vi", "lo"}
    assert body["results"][0]["lang"] == "vi" and body["other"] is None


def test_hit_url_points_at_the_best_article(client):
    hits = client.get("/api/search", params={"q": "dieu 62", "lang": "vi"}).json()["results"]
    for hit in hits:
        base = f"/{hit['lang']}/docs/{hit['id']}"
        assert hit["url"] == (f"{base}#{hit['article']}" if hit["article"] else base)
    best = hits[0]
    # Article 62 of Law 84/2025 is summarised on the law's page and on the page about its Articles 61-64
    assert best["id"] in {"law-84-2025-qh15", "law-84-2025-articles-61-64"}
    assert (best["article"], best["url"]) == ("art-62", f"/vi/docs/{best['id']}#art-62")
    assert best["article_title"].startswith("Điều 62")
    assert "<mark>" in best["snippet"]


@pytest.mark.parametrize("q, lang", [("thanh tra chuyen nganh", "vi"), ("quy bao hiem", "vi"),
                                     ("ກອງທຶນ", "lo"), ("ຜູ້ເຂົ້າຮ່ວມ", "lo")])
def test_every_hit_lands_on_a_place_its_page_has(client, q, lang):
    # Articles, steps, and the text under other headings ("Main points", "Participants"): the
    # link opens the document where the snippet's words are.
    found = client.get("/api/search", params={"q": q, "lang": lang}).json()
    hits = found["results"] + (found.get("other") or {}).get("results", [])
    assert any(h["article"] and not h["article"].startswith(("art-", "step-")) for h in hits)
    for hit in hits:
        if hit["article"]:
            page = client.get(f"/{hit['lang']}/docs/{hit['id']}").text
            assert f'id="{hit["article"]}"' in page, (hit["id"], hit["article"])


@pytest.mark.parametrize("lang, expected", [("vi", {"vi"}), ("lo", {"lo"}), ("all", {"vi", "lo"})])
def test_search_language(client, lang, expected):
    body = client.get("/api/search", params={"q": "84/2025/QH15", "lang": lang, "per_page": 50}).json()
    assert body["lang"] == lang
    assert {h["lang"] for h in body["results"]} == expected


def test_search_default_language_is_all(client):
    assert client.get("/api/search", params={"q": "84/2025/QH15"}).json()["lang"] == "all"


@pytest.mark.parametrize("params", [
    {"per_page": "0"}, {"per_page": "101"}, {"per_page": "ten"}, {"per_page": "-1"},
    {"page": "0"}, {"page": "1001"}, {"page": "1.5"},
    {"sort": "best"}, {"type": "statute"}, {"status": "alive"}, {"lang": "en"}, {"year": "25"},
])
def test_bad_search_parameters_are_400(client, params):
    assert_error(client.get("/api/search", params={"q": "bao hiem", **params}), 400, "invalid_parameter")


def test_parameter_bounds_are_inclusive(client):
    body = client.get("/api/search", params={"q": "bao hiem", "per_page": 100, "page": 1}).json()
    assert body["per_page"] == 100 and len(body["results"]) == body["total"]
    assert client.get("/api/search", params={"q": "bao hiem", "per_page": 1, "page": 1000}).json()["results"] == []


def test_query_longer_than_500_characters_is_400(client):
    assert client.get("/api/search", params={"q": "a" * 500}).status_code == 200
    assert_error(client.get("/api/search", params={"q": "a" * 501}), 400)


def test_document(client):
    r = client.get("/api/documents/vi/law-84-2025-qh15")
    assert r.status_code == 200
    doc = r.json()
    assert (doc["id"], doc["lang"], doc["type"], doc["number"], doc["status"]) == (
        "law-84-2025-qh15", "vi", "law", "84/2025/QH15", "in_force")
    assert (doc["issued"], doc["effective"], doc["authoritative"]) == ("2025-06-25", "2025-07-01", False)
    assert {"level": 3, "anchor": "art-62", "text": "Điều 62 (tóm tắt)", "kind": "article"} in doc["toc"]
    assert '<h3 id="art-62">' in doc["html"]
    relations = {g["relation"]: [d["id"] for d in g["documents"]] for g in doc["relations"]}
    assert relations["amends"] == ["law-41-2024-qh15"]
    assert "guide-complaints" in relations["cited_by"]
    assert doc["translations"] == [{"lang": "lo", "url": "/lo/docs/law-84-2025-qh15"}]


def test_document_replaced_and_amended_by(client):
    law58 = client.get("/api/documents/lo/law-58-2014-qh13").json()
    assert [(r["id"], r["url"]) for r in law58["replaced_by"]] == [("law-41-2024-qh15", "/lo/docs/law-41-2024-qh15")]
    law41 = client.get("/api/documents/vi/law-41-2024-qh15").json()
    assert [r["id"] for r in law41["amended_by"]] == ["law-84-2025-qh15"]


def test_unknown_document_is_404_json(client):
    assert_error(client.get("/api/documents/vi/no-such-doc"), 404, "not_found")


def test_unknown_language_is_404_json(client):
    assert_error(client.get("/api/documents/en/law-84-2025-qh15"), 404, "not_found")
    assert_error(client.get("/api/suggest", params={"q": "216", "lang": "en"}), 404, "not_found")


def test_unknown_api_path_is_404_json(client):
    assert_error(client.get("/api/no-such-endpoint"), 404, "not_found")


def test_suggest_vietnamese_prefix(client):
    r = client.get("/api/suggest", params={"q": "thanh", "lang": "vi"})
    assert r.status_code == 200
    body = r.json()
    assert body["query"] == "thanh" and body["suggestions"]
    assert all(set(s) == {"text", "lang", "kind", "url"} and s["lang"] == "vi" for s in body["suggestions"])
    assert "thanh tra" in [s["text"] for s in body["suggestions"]]
    term = next(s for s in body["suggestions"] if s["kind"] == "term")
    page, anchor = term["url"].split("#")
    assert page == "/vi/glossary" and f'id="{anchor}"' in client.get(page).text


def test_suggest_number_prefix(client):
    suggestions = client.get("/api/suggest", params={"q": "216"}).json()["suggestions"]
    numbers = {(s["lang"], s["url"]) for s in suggestions if s["kind"] == "number" and s["text"] == "216/QĐ-BHXH"}
    assert numbers == {("vi", "/vi/docs/qd-216-bhxh"), ("lo", "/lo/docs/qd-216-bhxh")}
    for _, url in numbers:
        assert client.get(url).status_code == 200


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["index"] and body["languages"] == ["vi", "lo"]


def test_openapi_document(client):
    r = client.get("/api/openapi.json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    spec = r.json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/search", "/api/documents/{lang}/{doc_id}", "/api/suggest", "/healthz"} <= set(spec["paths"])
    assert not any(p.startswith("/{lang}") for p in spec["paths"]), "HTML pages are not part of the API"


def test_api_page_is_html(client):
    r = client.get("/api")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    for path in ("GET /api/search", "GET /api/documents/{lang}/{doc_id}", "GET /api/suggest", "GET /healthz"):
        assert f"<code>{path}</code>" in r.text
    assert 'href="/api/openapi.json"' in r.text
