"""Issue 13 in a real browser at a phone's 390 px and a desktop's 1366 px: nothing scrolls sideways, results
and text come first on a phone, touch targets are 44 px, the parallel view stacks; the language switch
keeps the reader's place; copying works over plain HTTP on an intranet; pages arrive gzipped."""
from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from .conftest import CHROMIUM

WIDTHS = {"phone": (390, 844), "desktop": (1366, 900)}
PAGES = ["/vi/", "/lo/", "/vi/search?q=thanh+tra+chuyen+nganh", "/lo/search?q=ການກວດກາ", "/vi/docs/law-84-2025-qh15",
         "/lo/docs/qd-216-bhxh", "/vi/docs/law-84-2025-qh15/parallel", "/lo/docs/guide-complaints/parallel",
         "/vi/glossary", "/lo/glossary", "/vi/translations", "/lo/browse/tags/", "/api"]
SCROLLS_SIDEWAYS = "document.documentElement.scrollWidth > window.innerWidth"


@pytest.fixture(params=list(WIDTHS))
def screen(request, browser, server):
    width, height = WIDTHS[request.param]
    context = browser.new_context(base_url=server, viewport={"width": width, "height": height})
    pg = context.new_page()
    pg.kind = request.param
    yield pg
    context.close()


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 844}, java_script_enabled=False)
    pg = context.new_page()
    yield pg
    context.close()


def _top(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["y"]


# --- layout -----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", PAGES)
def test_nothing_scrolls_sideways(screen, path):
    screen.goto(path)
    assert not screen.evaluate(SCROLLS_SIDEWAYS), screen.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("path", ["/vi/search?q=thanh+tra+chuyen+nganh", "/lo/search?q=ການກວດກາ"])
def test_the_first_result_is_above_the_fold(screen, path):
    screen.goto(path)
    box = screen.locator("ol.hits li h2 a").first.bounding_box()
    assert box["y"] + box["height"] <= screen.viewport_size["height"]


def test_filters_are_folded_on_a_phone_and_open_without_javascript(phone):
    phone.goto("/vi/search?q=thanh+tra+chuyen+nganh")
    facets = phone.locator("details.facets")
    first_filter = facets.locator("section a").first
    assert not first_filter.is_visible()
    assert _top(phone, "ol.hits li") < 844
    facets.locator("summary").click()
    assert first_filter.is_visible()


def test_filters_are_shown_on_a_desktop(screen):
    screen.goto("/vi/search?q=thanh+tra+chuyen+nganh")
    first_filter = screen.locator("details.facets section a").first
    assert first_filter.is_visible() == (screen.kind == "desktop")
    if screen.kind == "desktop":
        assert not screen.locator("details.facets summary").is_visible()
        facets, results = (screen.locator(s).bounding_box() for s in ("details.facets", "section.results"))
        assert facets["x"] + facets["width"] <= results["x"]  # beside the results


def test_a_documents_text_comes_first_on_a_phone(phone):
    phone.goto("/vi/docs/law-84-2025-qh15")
    assert _top(phone, ".doc-body > *") < 844  # the text starts on the first screen
    assert not phone.locator("dl.facts").is_visible() and not phone.locator("nav.toc").is_visible()
    phone.locator("details.doc-meta summary").click()
    assert phone.locator("dl.facts").is_visible()


def test_a_documents_details_are_shown_on_a_desktop(screen):
    screen.goto("/vi/docs/law-84-2025-qh15")
    assert screen.locator("dl.facts").is_visible() == (screen.kind == "desktop")
    assert screen.locator("nav.toc").is_visible() == (screen.kind == "desktop")


TARGETS = {
    "/vi/docs/law-84-2025-qh15": [".unit-tools button", ".permalink", ".langs a", ".main-nav a", "header button",
                                  "details.fold summary"],
    "/vi/search?q=thanh+tra": ["details.facets summary", "ol.hits li h2 a", ".sort a", ".pager a"],
    "/lo/glossary": [".letters a", ".filter button"],
    "/vi/": [".chips a", ".doclist a"],
}


@pytest.fixture
def phone_with_script(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 844}, has_touch=True)
    pg = context.new_page()
    yield pg
    context.close()


@pytest.mark.parametrize("path", list(TARGETS))
def test_touch_targets_are_at_least_44_px_on_a_phone(phone_with_script, path):
    screen = phone_with_script  # with the copy buttons the script adds
    screen.goto(path)
    small = []
    for selector in TARGETS[path]:
        items = screen.locator(selector)
        assert items.count(), selector
        for i in range(items.count()):
            box = items.nth(i).bounding_box()
            if box and (box["height"] < 44 or box["width"] < 44):
                small.append((selector, round(box["width"]), round(box["height"])))
    assert small == []


def test_the_parallel_view_stacks_each_article_on_a_phone(screen):
    screen.goto("/vi/docs/law-84-2025-qh15/parallel")
    vi, lo = (screen.locator("tr#art-62 td").nth(i).bounding_box() for i in (0, 1))
    if screen.kind == "phone":
        assert lo["y"] >= vi["y"] + vi["height"] - 1  # Lao under Vietnamese
        assert vi["width"] > 340 and lo["width"] > 340  # each readable across the screen
        assert screen.locator("tr#art-62 td").nth(1).evaluate("e => getComputedStyle(e, '::before').content") == '"ພາສາລາວ"'
    else:
        assert abs(lo["y"] - vi["y"]) < 2 and lo["x"] > vi["x"] + vi["width"] - 2  # side by side


def test_a_glossary_tip_stays_on_the_screen(screen):
    screen.goto("/lo/docs/law-84-2025-qh15")
    term = screen.locator(".doc-body a.term").first
    term.focus()
    tip = screen.locator("#" + term.get_attribute("aria-describedby")).bounding_box()
    assert tip["x"] >= 0 and tip["x"] + tip["width"] <= screen.viewport_size["width"]


# --- HTTP -------------------------------------------------------------------------------------

def test_pages_arrive_gzipped_and_api_page_fits_a_phone(screen):
    response = screen.goto("/vi/docs/law-84-2025-qh15")
    assert response.headers.get("content-encoding") == "gzip"
    assert "cookie" in response.headers.get("vary", "").lower()
    screen.goto("/api?lang=lo")
    assert screen.locator("html").get_attribute("lang") == "lo"
    assert screen.locator("meta[name=viewport]").count() == 1
    assert not screen.evaluate(SCROLLS_SIDEWAYS)


# --- the language switch keeps the reader's place ----------------------------------------------

def test_the_switch_keeps_a_search_and_its_filters(screen):
    screen.goto("/vi/search?q=thanh+tra&tag=thanh+tra&type=law")
    screen.locator("a.lang-switch[hreflang=lo]").click()
    screen.wait_for_load_state()
    url = urlsplit(screen.url)
    assert url.path == "/lo/search"
    assert parse_qs(url.query) == {"q": ["thanh tra"], "tag": ["ການກວດກາ"], "type": ["law"]}
    assert screen.locator("ol.hits li").count() > 0


def test_the_switch_keeps_a_heading_anchored_by_its_text(screen):
    screen.goto("/vi/docs/law-84-2025-qh15#hieu-luc")
    screen.locator("a.lang-switch[hreflang=lo]").click()
    screen.wait_for_load_state()
    assert unquote(screen.url).endswith("/lo/docs/law-84-2025-qh15#ຜົນສັກສິດ")
    heading = screen.locator("[id='ຜົນສັກສິດ']")
    assert 0 <= heading.bounding_box()["y"] < 300  # scrolled to the same heading, not the top


def test_the_switch_on_a_tag_page_lands_on_a_page_that_exists(screen):
    screen.goto("/vi/browse/tags/" + "bảo hiểm xã hội")
    screen.locator("a.lang-switch[hreflang=lo]").click()
    screen.wait_for_load_state()
    assert unquote(screen.url).endswith("/lo/browse/tags/ປະກັນສັງຄົມ")
    assert screen.locator("ul.doclist li").count() > 0


def test_the_glossary_index_jumps_to_its_letter(screen):
    screen.goto("/lo/glossary")
    screen.locator(".letters a", has_text="ສ").click()
    heading = screen.locator("[id='letter-ສ-h']")
    assert 0 <= heading.bounding_box()["y"] < 200


# --- copying on an intranet over plain HTTP -------------------------------------------------------

@pytest.fixture(scope="module")
def intranet_browser(browser):
    """Chromium that reaches the test server under a plain-HTTP intranet name: not a secure context,
    so navigator.clipboard is missing, as on an office network."""
    b = browser.browser_type.launch(executable_path=CHROMIUM, args=[
        "--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP kb.intranet 127.0.0.1"])
    yield b
    b.close()


@pytest.fixture(params=list(WIDTHS))
def intranet(request, intranet_browser, server):
    port = urlsplit(server).port
    width, height = WIDTHS[request.param]
    context = intranet_browser.new_context(viewport={"width": width, "height": height})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    pg = context.new_page()
    pg.base = f"http://kb.intranet:{port}"
    pg.secure_origin = server
    yield pg
    context.close()


def test_copy_citation_works_without_the_clipboard_api(intranet):
    intranet.goto(intranet.base + "/vi/docs/law-84-2025-qh15#art-62")
    assert intranet.evaluate("window.isSecureContext") is False
    assert intranet.evaluate("typeof navigator.clipboard") == "undefined"
    button = intranet.locator("#art-62 .copy-cite")
    button.click()
    assert button.inner_text() == "Đã sao chép"
    reader = intranet.context.new_page()  # a secure page of the same browser reads what was copied
    reader.goto(intranet.secure_origin + "/vi/")
    copied = reader.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Điều 62, Luật 84/2025/QH15 “Luật Thanh tra số 84/2025/QH15”")
    assert "(tóm tắt, không phải văn bản chính thức)" in copied
    assert copied.endswith(intranet.base + "/vi/docs/law-84-2025-qh15#art-62")


def test_when_copying_fails_the_text_is_shown_selected_and_never_called_copied(intranet):
    intranet.add_init_script("document.execCommand = function () { return false; };")
    intranet.goto(intranet.base + "/lo/docs/law-84-2025-qh15")
    button = intranet.locator("#art-62 .copy-link")
    button.click()
    assert button.inner_text() != "ສຳເນົາແລ້ວ"
    box = intranet.locator("#art-62 input.copy-manual")
    assert box.is_visible()
    assert box.input_value() == intranet.base + "/lo/docs/law-84-2025-qh15#art-62"
    selected = intranet.evaluate("(() => { const e = document.activeElement; return e.value.slice(e.selectionStart, e.selectionEnd); })()")
    assert selected == box.input_value()  # ready for Ctrl+C or the phone's copy menu
    assert not intranet.evaluate(SCROLLS_SIDEWAYS)
