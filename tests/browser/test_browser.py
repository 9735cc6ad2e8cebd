"""What staff and trainers do in a real browser: search, land on the article, switch language, cite, print."""
import re

from .conftest import shot


def test_search_in_lao_and_open_a_result(page):
    page.goto("/lo/")
    page.fill("#q-home", "ການກວດກາສະເພາະຂະແໜງການ")
    page.press("#q-home", "Enter")
    page.wait_for_selector("ol.hits li")
    assert page.locator("ol.hits li mark").count() > 0
    assert page.locator("html").get_attribute("lang") == "lo"
    shot(page, "search-lo")
    page.locator("ol.hits li h2 a").first.click()
    page.wait_for_load_state()
    assert re.search(r"/lo/docs/[a-z0-9-]+", page.url)
    shot(page, "document-lo")


def test_unaccented_vietnamese_lands_on_the_article(page):
    page.goto("/vi/search?q=" + "dieu 62 luat thanh tra")
    first = page.locator("ol.hits li h2 a").first
    assert first.get_attribute("href") == "/vi/docs/law-84-2025-qh15#art-62"
    shot(page, "search-vi-unaccented")
    first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/vi/docs/law-84-2025-qh15#art-62")
    heading = page.locator("#art-62")
    assert heading.is_visible()
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == "art-62"
    box = heading.bounding_box()
    assert 0 <= box["y"] < 300  # scrolled to the article, not left at the top of the page


def test_language_switch_keeps_the_anchor(page):
    page.goto("/vi/docs/law-84-2025-qh15#art-62")
    page.locator("a.lang-switch[hreflang=lo]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/lo/docs/law-84-2025-qh15#art-62")
    assert page.locator("html").get_attribute("lang") == "lo"


def test_copy_citation(page, server):
    page.goto("/vi/docs/law-84-2025-qh15#art-62")
    page.locator("#art-62 .copy-cite").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Điều 62, Luật 84/2025/QH15")
    assert copied.endswith(server + "/vi/docs/law-84-2025-qh15#art-62")


def test_parallel_view(page):
    page.goto("/vi/docs/law-84-2025-qh15/parallel")
    row = page.locator("tr#art-62 td")
    assert row.count() == 2
    assert "Điều 62" in row.nth(0).inner_text() and "ມາດຕາ 62" in row.nth(1).inner_text()
    shot(page, "parallel")


def test_print_view(page):
    page.goto("/vi/docs/law-58-2014-qh13")
    page.emulate_media(media="print")
    assert not page.locator("header.site").is_visible()
    assert page.locator(".print-qr svg").is_visible()
    after = page.evaluate("getComputedStyle(document.querySelector('.doc-body a[href^=\"/\"]:not(.term)'), '::after').content")
    assert "/vi/docs/" in after
    term = page.evaluate("getComputedStyle(document.querySelector('.doc-body a.term'), '::after').content")
    assert term in ("none", "normal")  # glossary terms print as plain words, without their link
    shot(page, "print")


def test_home_and_glossary_screens(page):
    for path, name in [("/vi/", "home-vi"), ("/lo/", "home-lo"), ("/lo/glossary?q=ກວດກາ", "glossary-lo")]:
        page.goto(path)
        shot(page, name)
    assert page.locator("dl.glossary dt").count() > 0


def test_glossary_term_tip_on_focus_and_hover(page):
    page.goto("/lo/docs/law-84-2025-qh15")
    term = page.locator(".doc-body a.term").first
    tip = page.locator("#" + term.get_attribute("aria-describedby"))
    assert not tip.is_visible()
    term.focus()  # keyboard users get the tip too
    assert tip.is_visible()
    assert tip.locator("span[lang=vi]").inner_text()  # the Vietnamese term
    shot(page, "glossary-tip-lo")
    term.evaluate("e => e.blur()")
    assert not tip.is_visible()
    term.hover()
    assert tip.is_visible()
    term.click()  # without JavaScript too: the term is a link to its glossary entry
    page.wait_for_load_state()
    assert re.search(r"/lo/glossary#[a-z0-9-]+$", page.url)


def test_vietnamese_words_find_lao_documents(page):
    page.goto("/lo/search?q=" + "truy thu tiền đóng còn thiếu")
    first = page.locator("ol.hits li h2 a").first
    assert first.get_attribute("href").startswith("/lo/docs/guide-recovery-unpaid-contributions")
    assert page.locator(".searched-as q[lang=lo]").first.inner_text()
    assert page.locator("section.other-language li").count() > 0
    shot(page, "search-cross-language")
