"""`kb check` on article versions (docs/content.md "Versions of an article"): every problem at path:line with
its code, all reported together."""
import datetime as dt

from .helpers import report

TODAY = dt.date(2026, 1, 15)
AMENDING = "## Điều 62\n\nBãi bỏ một câu tại [luật này](kb:doc).\n"


def _load(content, body, today=TODAY, **front):
    content.page("vi/amending.md", AMENDING)
    content.page("vi/doc.md", body, **front)
    return report(content.load(today))


def test_well_formed_versions_give_no_problem(content):
    assert _load(content, """
        ## Điều 17

        ::: version until=2025-06-30
        Cũ.
        :::

        ::: version from=2025-07-01 amended-by=amending#art-62
        Mới.
        :::
        """, status="amended", effective="2025-07-01") == []


def test_a_range_that_ends_before_it_starts(content):
    assert _load(content, "## Điều 1\n\n::: version from=2025-07-01 until=2025-06-30\nX.\n:::\n") == [
        "content/vi/doc.md:6: error: art-1: 'until=2025-06-30' is before 'from=2025-07-01' [version-range-inverted]"]


def test_two_versions_covering_one_day_overlap(content):
    assert _load(content, """
        ## Điều 1

        ::: version until=2025-07-01
        A.
        :::

        ::: version from=2025-07-01 amended-by=amending#art-62
        B.
        :::
        """) == [
        "content/vi/doc.md:10: error: art-1: this version (from 2025-07-01) overlaps the one on line 6 "
        "(until 2025-07-01); on any day one version is the text [version-overlap]"]


def test_an_open_ended_version_followed_by_another_overlaps(content):
    problems = _load(content, """
        ## Điều 1

        ::: version
        A.
        :::

        ::: version from=2025-07-01 amended-by=amending#art-62
        B.
        :::
        """)
    assert [p.split(": ", 1)[0] + " " + p.rsplit(" ", 1)[1] for p in problems] == [
        "content/vi/doc.md:10 [version-overlap]"]


def test_days_without_any_version_between_two_are_a_warning(content):
    assert _load(content, """
        ## Điều 1

        ::: version until=2025-06-29
        A.
        :::

        ::: version from=2025-07-01 amended-by=amending#art-62
        B.
        :::
        """) == [
        "content/vi/doc.md:10: warning: art-1: no version from 2025-06-30 to 2025-06-30 (between this one and the one "
        "on line 6) [version-gap]"]


def test_a_later_version_must_name_what_amended_it(content):
    assert _load(content, "## Điều 1\n\n::: version until=2025-06-30\nA.\n:::\n\n::: version from=2025-07-01\nB.\n:::\n") == [
        "content/vi/doc.md:10: error: art-1: a version after the first needs amended-by=<doc-id>#<anchor>, the unit "
        "that made it [version-attribute-invalid]"]


def test_bad_dates_and_unknown_attributes_are_reported_on_the_version_line(content):
    assert _load(content, "## Điều 1\n\n::: version from=2025-02-30 untill=2025-06-30 amended-by=law-84\nA.\n:::\n") == [
        "content/vi/doc.md:6: error: 'from' must be a date written YYYY-MM-DD, got '2025-02-30' [version-attribute-invalid]",
        "content/vi/doc.md:6: error: unknown attribute 'untill' (a version has from, until, amended-by, note) "
        "[version-attribute-invalid]",
        "content/vi/doc.md:6: error: 'amended-by' must name a document and its unit, doc-id#anchor "
        "(e.g. law-84-2025-qh15#art-62), got 'law-84' [version-attribute-invalid]"]


def test_a_version_outside_an_article_or_step(content):
    assert _load(content, "## Hiệu lực\n\n::: version until=2025-06-30\nA.\n:::\n") == [
        "content/vi/doc.md:6: error: a ::: version block outside an article or step: put it under the heading "
        "(Điều …, ມາດຕາ …, Bước …) of the unit whose text changed [version-outside-unit]"]


def test_a_version_left_open_over_the_next_heading(content):
    assert _load(content, "## Điều 1\n\n::: version until=2025-06-30\nA.\n\n## Điều 2\n\nB.\n") == [
        "content/vi/doc.md:9: error: a heading inside the ::: version block of line 6: a version holds the text of "
        "one article or step; close it with ::: before the next heading [version-outside-unit]"]


def test_amended_by_an_unknown_document_or_anchor(content):
    assert _load(content, """
        ## Điều 1

        ::: version until=2025-06-30
        A.
        :::

        ::: version from=2025-07-01 amended-by=nope#art-62
        B.
        :::

        ## Điều 2

        ::: version until=2025-06-30
        A.
        :::

        ::: version from=2025-07-01 amended-by=amending#art-99
        B.
        :::
        """) == [
        "content/vi/doc.md:10: error: art-1: amended-by names unknown document 'nope' [version-amended-by-unknown]",
        "content/vi/doc.md:20: error: art-2: amended-by 'amending#art-99': content/vi/amending.md has no anchor "
        "'art-99' [version-amended-by-unknown]"]


def test_an_amending_unit_that_does_not_say_what_it_amends(content):
    content.page("vi/other.md", "## Điều 5\n\nMột nội dung khác.\n\n## Điều 6\n\nSửa Luật 41/2024/QH15.\n")
    problems = _load(content, """
        ## Điều 1

        ::: version until=2025-06-30
        A.
        :::

        ::: version from=2025-07-01 amended-by=other#art-5
        B.
        :::

        ## Điều 2

        ::: version until=2025-06-30
        A.
        :::

        ::: version from=2025-07-01 amended-by=other#art-6
        B.
        :::
        """, number="41/2024/QH15")
    # Article 6 names the number, so only Article 5 is silent.
    assert problems == [
        "content/vi/doc.md:11: warning: art-1: the amending unit other#art-5 (content/vi/other.md:4) neither links to "
        "doc nor names its number 41/2024/QH15; say there what it changes [version-amended-by-silent]"]


def test_a_guide_step_that_follows_a_law_need_not_be_named_by_that_law(content):
    content.page("vi/other.md", "## Điều 5\n\nMột nội dung khác.\n")
    assert _load(content, """
        ## Bước 1

        ::: version until=2025-06-30
        A.
        :::

        ::: version from=2025-07-01 amended-by=other#art-5
        B.
        :::
        """, type="guide") == []


def test_a_translation_with_other_ranges_or_amending_unit(content):
    content.page("vi/amending.md", AMENDING)
    content.page("lo/amending.md", "## ມາດຕາ 62\n\nຍົກເລີກ [ມາດຕາ 17](kb:doc#art-17).\n", title="ລາວ", translation_of="vi")
    content.page("vi/doc.md", "## Điều 17\n\n::: version until=2025-06-30\nA.\n:::\n\n"
                              "::: version from=2025-07-01 amended-by=amending#art-62\nB.\n:::\n")
    content.page("lo/doc.md", "## ມາດຕາ 17\n\n::: version until=2025-06-29\nກ.\n:::\n\n"
                              "::: version from=2025-06-30 amended-by=amending#art-62\nຂ.\n:::\n",
                 title="ລາວ", translation_of="vi")
    assert report(content.load(TODAY)) == [
        "content/lo/doc.md:7: warning: art-17: versions differ from its source content/vi/doc.md:4 (here: until "
        "2025-06-29; from 2025-06-30 amended-by amending#art-62; there: until 2025-06-30; from 2025-07-01 amended-by "
        "amending#art-62) [version-translation-mismatch]"]


def test_a_translation_without_the_versions_of_its_source(content):
    content.page("vi/amending.md", AMENDING)
    content.page("vi/doc.md", "## Điều 17\n\n::: version until=2025-06-30\nA.\n:::\n\n"
                              "::: version from=2025-07-01 amended-by=amending#art-62\nB.\n:::\n")
    content.page("lo/doc.md", "## ມາດຕາ 17\n\nຂ.\n", title="ລາວ", translation_of="vi")
    problems = report(content.load(TODAY))
    assert [p for p in problems if "version-translation-mismatch" in p] == [
        "content/lo/doc.md:5: warning: art-17: versions differ from its source content/vi/doc.md:4 (here: no "
        "versions; there: until 2025-06-30; from 2025-07-01 amended-by amending#art-62) [version-translation-mismatch]"]


def test_a_document_in_force_whose_every_version_of_an_article_ended(content):
    assert _load(content, "## Điều 1\n\n::: version until=2025-06-30\nA.\n:::\n", status="in_force") == [
        "content/vi/doc.md:7: warning: art-1: every version ended (the last on 2025-06-30) but the document's status "
        "is in_force: add the version in force now, or change the status [version-status-conflict]"]


def test_status_against_the_documents_own_dates(content):
    content.page("vi/new.md", effective="2025-07-01", replaces="[old]")
    content.page("vi/old.md", status="repealed")
    content.page("vi/later.md", status="repealed", expires="2026-06-30")
    content.page("vi/gone.md", status="in_force", expires="2025-12-31")
    content.page("vi/soon.md", status="in_force", effective="2027-01-01")
    content.page("vi/began.md", status="not_yet_in_force", effective="2026-01-15")
    content.page("vi/undated-successor.md", replaces="[undated-old]")
    content.page("vi/undated-old.md", status="repealed")  # when it ended is not known: nothing to fix
    assert report(content.load(TODAY)) == [
        "content/vi/began.md:3: warning: status not_yet_in_force, but it took effect on 2026-01-15 "
        "[version-status-conflict]",
        "content/vi/gone.md:3: warning: status in_force, but it expired on 2025-12-31 [version-status-conflict]",
        "content/vi/later.md:3: warning: status repealed, but the document is in force until 2026-06-30 "
        "[version-status-conflict]",
        "content/vi/old.md:3: warning: status repealed, but no 'expires' date: what replaced it took effect on "
        "2025-07-01, so this was in force until 2025-06-30 (expires: 2025-06-30) [version-status-conflict]",
        "content/vi/soon.md:3: warning: status in_force, but it takes effect only on 2027-01-01 (not_yet_in_force) "
        "[version-status-conflict]"]


def test_every_version_problem_of_a_run_is_printed_together(content):
    content.page("vi/doc.md", "## Hiệu lực\n\n::: version until=2025\nA.\n:::\n\n## Điều 1\n\n"
                              "::: version from=2025-07-01 until=2025-01-01\nB.\n:::\n")
    run = content.check()
    assert run.lines == [
        "content/vi/doc.md:6: error: 'until' must be a date written YYYY-MM-DD, got '2025' [version-attribute-invalid]",
        "content/vi/doc.md:6: error: a ::: version block outside an article or step: put it under the heading "
        "(Điều …, ມາດຕາ …, Bước …) of the unit whose text changed [version-outside-unit]",
        "content/vi/doc.md:12: error: art-1: 'until=2025-01-01' is before 'from=2025-07-01' [version-range-inverted]"]
    assert run.code == 1 and "3 error(s), 0 warning(s)" in run.summary
