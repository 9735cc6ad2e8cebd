"""Versions of an article (docs/content.md "Versions of an article"): parsing, the text on a day, the page
as on a day, a document's own validity, and the reverse links from the amending unit."""
import datetime as dt

from kb.content.sections import sections_html
from kb.content.versions import EXPIRED, IN_FORCE, NOT_YET, UNKNOWN, version_on

from .helpers import report

D = dt.date

ARTICLE = """
## Điều 17

Khoản chung.

::: version until=2025-06-30
Có thanh tra chuyên ngành.
:::

::: version from=2025-07-01 amended-by=amending#art-62 note="bãi bỏ một câu"
Chỉ còn kiểm tra.
:::

## Điều 18

Không đổi.
"""

AMENDING = "## Điều 62\n\nBãi bỏ một câu tại [Điều 17](kb:doc#art-17).\n"


def test_versions_are_read_with_their_dates_amending_unit_note_and_line(content, body):
    content.page("vi/amending.md", AMENDING)
    doc, problems = body(ARTICLE)
    assert problems == []
    art17, art18 = doc.units
    first, second = art17.versions
    assert (first.valid_from, first.valid_to, first.amended_by, first.line) == (None, D(2025, 6, 30), None, 8)
    assert (second.valid_from, second.valid_to, second.amended_by, second.note, second.line) == (
        D(2025, 7, 1), None, "amending#art-62", "bãi bỏ một câu", 12)
    assert (second.amending_document, second.amending_anchor) == ("amending", "art-62")
    assert (first.text, second.text, art17.common) == ("Có thanh tra chuyên ngành.", "Chỉ còn kiểm tra.", "Khoản chung.")
    assert art18.versions == [] and doc.versioned_units == [art17]


def test_both_ends_of_a_range_are_inclusive(content, body):
    content.page("vi/amending.md", AMENDING)
    art17 = body(ARTICLE)[0].units[0]
    assert version_on(art17, D(2025, 6, 30)) is art17.versions[0]
    assert version_on(art17, D(2025, 7, 1)) is art17.versions[1]
    assert version_on(art17, D(1990, 1, 1)) is art17.versions[0]  # no 'from': since the text began
    assert art17.text_on(D(2025, 6, 30)) == "Khoản chung. Có thanh tra chuyên ngành."
    assert art17.text_on(D(2030, 1, 1)) == "Khoản chung. Chỉ còn kiểm tra."


def test_no_version_on_a_day_outside_every_range(content, body):
    doc, _ = body("## Điều 3\n\n::: version from=2025-07-01 until=2025-12-31\nTạm thời.\n:::\n")
    unit = doc.units[0]
    assert version_on(unit, D(2025, 6, 30)) is None and version_on(unit, D(2026, 1, 1)) is None
    assert unit.text_on(D(2026, 1, 1)) == ""


def test_the_page_as_on_a_day_shows_the_common_text_and_that_days_version_only(content, body):
    content.page("vi/amending.md", AMENDING)
    body(ARTICLE)
    corpus = content.load()
    doc = corpus.get("vi", "doc")
    before, after = corpus.html(doc, on=D(2025, 6, 30)), corpus.html(doc, on=D(2025, 7, 1))
    assert "Khoản chung." in before and "Có thanh tra" in before and "Chỉ còn kiểm tra" not in before
    assert "Khoản chung." in after and "Chỉ còn kiểm tra" in after and "Có thanh tra" not in after
    assert 'id="art-17"' in before and 'id="art-17"' in after  # the anchor is the same in every version
    every = corpus.html(doc)
    assert '<div data-until="2025-06-30" class="version">' in every
    assert ('<div data-from="2025-07-01" data-amended-by="amending#art-62" data-note="bãi bỏ một câu" '
            'class="version">') in every


def test_a_clause_in_two_versions_is_one_anchor_and_one_id_on_the_page(content, body):
    doc, problems = body("""
        ## Điều 5

        ::: version until=2025-06-30
        1. Cũ.
        :::

        ::: version from=2025-07-01 amended-by=doc#art-9
        1. Mới.
        :::

        ## Điều 9

        Sửa khoản 1 [Điều 5](kb:doc#art-5).
        """)
    assert problems == [] and "art-5-1" in doc.parsed.anchors
    corpus = content.load()
    assert corpus.html(doc).count('id="art-5-1"') == 1
    assert '<li id="art-5-1">Mới.</li>' in corpus.html(doc, on=D(2025, 7, 1))


def test_the_same_clause_twice_in_one_version_is_still_a_duplicate(body):
    _, problems = body("## Điều 5\n\n::: version until=2025-06-30\n1. A\n\n<!-- -->\n\n1. B\n:::\n")
    assert any("[anchor-duplicate]" in p for p in problems)


def test_a_documents_validity_on_a_day_counts_effective_and_expires_inclusive(content):
    content.page("vi/old.md", effective="2016-01-01", expires="2025-06-30")
    content.page("vi/new.md", effective="2025-07-01", replaces="[old]")
    content.page("vi/undated.md")
    corpus = content.load()
    old, new, undated = (corpus.get("vi", i) for i in ("old", "new", "undated"))
    assert [old.valid_on(d) for d in (D(2015, 12, 31), D(2016, 1, 1), D(2025, 6, 30), D(2025, 7, 1))] == [
        NOT_YET, IN_FORCE, IN_FORCE, EXPIRED]
    assert (new.valid_on(D(2025, 6, 30)), new.valid_on(D(2025, 7, 1))) == (NOT_YET, IN_FORCE)
    assert undated.valid_on(D(2025, 1, 1)) == UNKNOWN
    # Before the new law took effect, the law it replaces was the one in force.
    assert corpus.in_force_instead(new, D(2025, 6, 30)) == [old]
    assert corpus.in_force_instead(new, D(2025, 7, 1)) == []


def test_the_amending_unit_lists_what_it_changed_in_the_readers_language(content):
    content.page("vi/amending.md", AMENDING)
    content.page("vi/doc.md", ARTICLE)
    content.page("lo/amending.md", "## ມາດຕາ 62\n\nຍົກເລີກ [ມາດຕາ 17](kb:doc#art-17).\n", title="ລາວ", translation_of="vi")
    content.page("lo/doc.md", ARTICLE.replace("Điều", "ມາດຕາ"), title="ລາວ", translation_of="vi")
    corpus = content.load()
    for lang in ("vi", "lo"):
        changes = corpus.changes_by(lang, "amending", "art-62")
        assert [(c.document.lang, c.document.id, c.unit.anchor, c.version.valid_from) for c in changes] == [
            (lang, "doc", "art-17", D(2025, 7, 1))]
    assert corpus.changes_by("vi", "amending", "art-1") == []
    assert len(corpus.changes_by("vi", "amending")) == 1


def test_a_document_reads_the_same_over_periods_split_where_a_version_starts_or_ends(content, body):
    content.page("vi/amending.md", AMENDING)
    body(ARTICLE)
    corpus = content.load()
    assert corpus.periods(corpus.get("vi", "doc")) == [(None, D(2025, 6, 30)), (D(2025, 7, 1), None)]
    assert corpus.periods(corpus.get("vi", "amending")) == [(None, None)]


def test_the_search_payload_carries_versions_periods_and_reverse_links(content):
    from kb.records import payload
    content.page("vi/amending.md", AMENDING)
    content.page("vi/doc.md", ARTICLE)
    corpus = content.load()
    p = payload(corpus, corpus.get("vi", "doc"), {})
    assert p["versions"] == {"art-17": [
        {"from": "", "until": "2025-06-30", "amended_by": "", "note": "", "text": "Có thanh tra chuyên ngành."},
        {"from": "2025-07-01", "until": "", "amended_by": "amending#art-62", "note": "bãi bỏ một câu",
         "text": "Chỉ còn kiểm tra."}]}
    assert [(x["from"], x["until"]) for x in p["html_periods"]] == [("", "2025-06-30"), ("2025-07-01", "")]
    assert "Chỉ còn kiểm tra" not in sections_html(p["html_periods"][0]["sections"])
    made = payload(corpus, corpus.get("vi", "amending"), {})["changes_made"]
    assert made == {"art-62": [{"id": "doc", "lang": "vi", "anchor": "art-17", "heading": "Điều 17", "number": "",
                                "from": "2025-07-01", "until": ""}]}
    assert report(corpus) == []


def test_bundled_law_41_reads_as_passed_before_and_as_amended_from_1_july_2025():
    from kb.content.corpus import load_corpus
    from kb.settings import BUNDLED_CONTENT
    corpus = load_corpus(BUNDLED_CONTENT)
    changed = ["art-16", "art-17", "art-136", "art-137"]
    for lang in ("vi", "lo"):
        law41 = corpus.get(lang, "law-41-2024-qh15")
        assert [u.anchor for u in law41.versioned_units] == changed
        art17 = next(u for u in law41.units if u.anchor == "art-17")
        # The sentence Article 62 struck is in the text as passed only.
        struck = "Thanh tra chuyên ngành về đóng bảo hiểm xã hội, bảo hiểm thất nghiệp, bảo hiểm y tế."
        assert struck in art17.text_on(D(2025, 6, 30)) and struck not in art17.text_on(D(2025, 7, 1))
        # Passed but not yet in force on 30 Jun 2025: Law 58/2014/QH13 applied.
        assert law41.valid_on(D(2025, 6, 30)) == NOT_YET
        assert [d.id for d in corpus.in_force_instead(law41, D(2025, 6, 30))] == ["law-58-2014-qh13"]
        assert [c.unit.anchor for c in corpus.changes_by(lang, "law-84-2025-qh15", "art-62")
                if c.document.id == "law-41-2024-qh15"] == changed
