"""Versions of articles in a real browser on a 390 px phone without JavaScript: the date form shows the law
as on the day chosen, with its banner; the changes page marks inserted and deleted words with text marks."""
from __future__ import annotations

import pytest

from .conftest import shot

SCROLLS_SIDEWAYS = "document.documentElement.scrollWidth > window.innerWidth"


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 844}, java_script_enabled=False)
    pg = context.new_page()
    yield pg
    context.close()


def test_the_date_form_shows_the_law_as_on_that_day_with_a_banner(phone):
    phone.goto("/vi/docs/law-41-2024-qh15")
    assert not phone.locator(".banner-as-on").count()
    phone.fill("form.as-on input[name=on]", "2025-06-01")
    phone.locator("form.as-on button[type=submit]").click()
    phone.wait_for_load_state()
    assert phone.url.endswith("/vi/docs/law-41-2024-qh15?on=2025-06-01")
    banner = phone.locator(".banner-as-on")
    assert banner.is_visible()
    assert "Văn bản như có hiệu lực ngày 1 tháng 6, 2025." in banner.inner_text()
    assert banner.locator('a[href="/vi/docs/law-58-2014-qh13?on=2025-06-01"]').is_visible()
    note = phone.locator("#art-17 + .version-note")
    assert "Đây là nội dung đến hết ngày 30 tháng 6, 2025." in note.inner_text()
    assert not phone.evaluate(SCROLLS_SIDEWAYS)
    shot(phone, "versions-as-on-phone")


def test_the_changes_page_marks_insertions_and_deletions_in_text(phone):
    phone.goto("/vi/docs/law-41-2024-qh15/changes")
    deleted = phone.locator("#art-17 .diff del").first
    inserted = phone.locator("#art-17 .diff ins").first
    for mark, opening, closing in ((deleted, "[-", "-]"), (inserted, "[+", "+]")):
        marks = mark.locator(".diff-mark")
        assert marks.first.is_visible() and marks.first.inner_text() == opening
        assert marks.last.inner_text() == closing
    assert "line-through" in deleted.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "underline" in inserted.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert not phone.evaluate(SCROLLS_SIDEWAYS)
    shot(phone, "versions-changes-phone")
