"""Arbitrary input at every parameter: never a 500, always a bounded answer (hypothesis, schemathesis)."""
import time
from urllib.parse import quote, urlencode

import pytest
import schemathesis
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from kb.web.app import create_app

# Lao and Vietnamese letters, stray combining marks, controls, Whoosh syntax characters, anything.
NASTY = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x0E80, max_codepoint=0x0EFF),
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),
    st.sampled_from(list("*?:\"()~^{}[]-+/\\%&#<>'`|!") + ["\x00", "\x01", "\x1b", "\u200b", "\ufeff", "Đ", "ư"]),
    st.characters(exclude_categories=("Cs",))), max_size=80)
LONG = st.text(min_size=480, max_size=10_000)
ROUTES = ["/api/search", "/vi/search", "/lo/search", "/api/suggest", "/vi/glossary"]
PARAMS = ["q", "lang", "type", "status", "year", "tag", "issuer", "sort", "page", "per_page", "on"]


@pytest.fixture(scope="module")
def fuzz_client(settings_):
    from fastapi.testclient import TestClient
    return TestClient(create_app(settings_))


@pytest.fixture(scope="module")
def settings_(app):
    return app.state.settings


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(route=st.sampled_from(ROUTES), params=st.dictionaries(st.sampled_from(PARAMS), st.one_of(NASTY, LONG),
                                                              max_size=4))
def test_no_parameter_value_causes_a_server_error(fuzz_client, route, params):
    assume(len(urlencode(params)) < 60_000)  # the HTTP client refuses longer URLs before they reach us
    started = time.monotonic()
    response = fuzz_client.get(route, params=params)
    assert response.status_code < 500, (route, params, response.text[:300])
    assert time.monotonic() - started < 5


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lang=NASTY, doc_id=NASTY, rest=NASTY)
def test_no_path_causes_a_server_error(fuzz_client, lang, doc_id, rest):
    lang, doc_id, rest = (quote(x, safe="") for x in (lang, doc_id, rest))
    for path in (f"/{lang}/docs/{doc_id}", f"/api/documents/{lang}/{doc_id}", f"/{lang}/browse/{rest}/{doc_id}",
                 f"/vi/docs/{doc_id}/parallel", f"/{lang}/{rest}"):
        response = fuzz_client.get(path)
        assert response.status_code < 500, (path, response.text[:300])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.integers(min_value=-10**12, max_value=10**12), per_page=st.integers(min_value=-10**6, max_value=10**6))
def test_huge_page_numbers_are_a_clear_400(fuzz_client, page, per_page):
    response = fuzz_client.get("/api/search", params={"q": "bảo hiểm", "page": page, "per_page": per_page})
    if 1 <= page <= 1000 and 1 <= per_page <= 100:
        assert response.status_code == 200
    else:
        assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_parameter"


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


def test_openapi_schema_holds_without_server_errors(api_schema):
    """schemathesis generates requests from our OpenAPI description, operation by operation."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/search", "/api/documents/{lang}/{doc_id}", "/api/suggest"}
    for operation in operations:
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def check(case):
            case.call_and_validate(checks=[not_a_server_error])
        check()
