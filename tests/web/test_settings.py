"""Settings the app is made with: each worker keeps recent results unless KB_RECENT_HITS=0 says not to."""
from __future__ import annotations

import json
import warnings

from search import RECENT_HITS

from kb.cli import main as kb_main
from kb.settings import RECENT_HITS_ENV, Settings
from kb.web.app import create_app
from kb.web.serve import SETTINGS_ENV, app_from_environment

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

QUERY = {"q": "thanh tra bảo hiểm xã hội", "lang": "vi"}


def _search_twice(app) -> tuple[dict, dict, dict]:
    client = TestClient(app)
    first = client.get("/api/search", params=QUERY)
    before = app.state.service.recent_results()
    second = client.get("/api/search", params=QUERY)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    return before, app.state.service.recent_results(), first.json()


def test_the_app_keeps_recent_results_by_default(app, monkeypatch):
    monkeypatch.delenv(RECENT_HITS_ENV, raising=False)
    settings = Settings.make(str(app.state.settings.content_dir), str(app.state.settings.index_dir))
    assert settings.recent_hits == RECENT_HITS
    before, after, found = _search_twice(create_app(settings))
    assert found["total"] > 0
    assert after["hits"] > before["hits"]  # the repeated search was a look-up
    assert after["limit_hits"] == RECENT_HITS


def test_kb_recent_hits_0_turns_the_cache_off(app, monkeypatch):
    monkeypatch.setenv(RECENT_HITS_ENV, "0")
    settings = Settings.make(str(app.state.settings.content_dir), str(app.state.settings.index_dir))
    _, after, _ = _search_twice(create_app(settings))
    assert after["hits"] == 0 and after["entries"] == 0


def test_workers_get_the_setting_through_the_environment(app, monkeypatch):
    settings = app.state.settings
    monkeypatch.setenv(SETTINGS_ENV, json.dumps({"content": str(settings.content_dir), "index": str(settings.index_dir),
                                                 "host": "127.0.0.1", "port": 8000, "recent_hits": 40}))
    _, after, _ = _search_twice(app_from_environment())
    assert after["limit_hits"] == 40 and after["hits"] > 0


def test_a_bad_value_is_a_clear_error_before_serving(app, monkeypatch, capsys):
    monkeypatch.setenv(RECENT_HITS_ENV, "lots")
    settings = app.state.settings
    assert kb_main(["serve", "--content", str(settings.content_dir), "--index", str(settings.index_dir)]) == 1
    err = capsys.readouterr().err
    assert "KB_RECENT_HITS: 'lots' is not a number of hits" in err
