"""Front matter (docs/content.md, "Front matter" and "Files"): every rule reported at its line."""
import datetime as dt

import pytest

from .helpers import codes, report


def test_file_without_front_matter_is_an_error(content):
    content.write("vi/x.md", "# Tiêu đề\n\nVăn bản.\n")
    assert "content/vi/x.md:1: error: the file must start with '---' and YAML front matter " \
           "[frontmatter-missing]" in report(content.load())


def test_unclosed_front_matter_is_an_error(content):
    content.write("vi/x.md", "---\ntitle: T\n\n# Tiêu đề\n")
    assert "content/vi/x.md:1: error: front matter is not closed by a '---' line " \
           "[frontmatter-unclosed]" in report(content.load())


def test_invalid_yaml_is_reported_on_its_line(content):
    content.write("vi/x.md", """
        ---
        title: T
        summary: Hiệu lực: từ ngày 1/7
        type: law
        ---
        """)
    assert "content/vi/x.md:3: error: front matter is not valid YAML: mapping values are not allowed here " \
           "[yaml-invalid]" in report(content.load())


def test_id_defaults_to_the_file_name_and_ignores_sub_folders(content):
    content.page("vi/law/luat-bhxh.md")
    corpus = content.load()
    assert corpus.problems == []
    assert corpus.get("vi", "luat-bhxh").meta.title == "T"


def test_id_in_front_matter_wins_over_the_file_name(content):
    content.page("vi/x.md", id="qd-216-bhxh")
    corpus = content.load()
    assert corpus.get("vi", "qd-216-bhxh") is not None
    assert corpus.get("vi", "x") is None


@pytest.mark.parametrize("bad", ["Qd-216", "qd 216", "qd_216", "qd--216", "-qd", "qd-", "quyết-định"])
def test_invalid_id_is_an_error_on_the_id_line(content, bad):
    content.write("vi/x.md", f"---\ntitle: T\nid: \"{bad}\"\n---\n")
    assert report(content.load()) == [
        f"content/vi/x.md:3: error: id '{bad}' must be lowercase a-z, 0-9 and single dashes [id-invalid]"]


def test_invalid_file_name_says_where_the_id_comes_from(content):
    content.page("vi/QD_216.md")
    assert report(content.load()) == [
        "content/vi/QD_216.md:1: error: id 'QD_216' must be lowercase a-z, 0-9 and single dashes "
        "(it comes from the file name; set 'id' to choose one) [id-invalid]"]


def test_duplicate_key_names_both_lines(content):
    content.write("vi/x.md", "---\ntitle: A\ntype: law\ntitle: B\n---\n")
    assert report(content.load()) == [
        "content/vi/x.md:4: error: key 'title' is given twice (first on line 2) [key-duplicate]"]


@pytest.mark.parametrize("front,line", [("type: law\n", 1), ("title:\n", 2), ('title: ""\n', 2), ("title: '  '\n", 2)])
def test_title_is_required(content, front, line):
    content.write("vi/x.md", f"---\n{front}---\n")
    assert report(content.load()) == [f"content/vi/x.md:{line}: error: 'title' is required [title-missing]"]


@pytest.mark.parametrize("front,message", [
    ("tags: {thanh tra: 1}", "'tags' must be a list of text values"),
    ("tags: [[a, b]]", "'tags' must be a list of text values"),
    ('authoritative: "yes"', "'authoritative' must be true or false"),
    ("authoritative: 1", "'authoritative' must be true or false"),
    ("summary: [a, b]", "'summary' must be text"),
    ("number: true", "'number' must be text"),
    ("cites: {a: b}", "'cites' must be a list of text values"),
])
def test_values_of_the_wrong_type_are_errors(content, front, message):
    content.write("vi/x.md", f"---\ntitle: T\n{front}\n---\n")
    assert report(content.load()) == [f"content/vi/x.md:3: error: {message} [type-invalid]"]


def test_title_as_a_list_is_a_type_error(content):
    content.write("vi/x.md", "---\ntitle: [Luật, BHXH]\n---\n")
    assert "content/vi/x.md:2: error: 'title' must be text [type-invalid]" in report(content.load())


@pytest.mark.parametrize("written", ["2025-13-01", "2025-02-30", '"1/7/2025"', "2025-7-1", "01-07-2025", "hôm nay"])
def test_impossible_or_misspelled_dates_are_errors(content, written):
    content.write("vi/x.md", f"---\ntitle: T\nstatus: in_force\neffective: {written}\n---\n")
    shown = written.strip('"')
    assert report(content.load()) == [
        f"content/vi/x.md:4: error: 'effective' must be a date written YYYY-MM-DD, got '{shown}' [date-invalid]"]


def test_valid_and_empty_dates(content):
    content.write("vi/x.md", "---\ntitle: T\nissued: 2024-06-29\neffective: '2025-07-01'\nexpires:\n---\n")
    corpus = content.load()
    meta = corpus.get("vi", "x").meta
    assert corpus.problems == []
    assert (meta.issued, meta.effective, meta.expires) == (dt.date(2024, 6, 29), dt.date(2025, 7, 1), None)


def test_unknown_type_is_an_error_with_the_allowed_values(content):
    content.write("vi/x.md", "---\ntitle: T\ntype: statute\n---\n")
    assert report(content.load()) == [
        "content/vi/x.md:3: error: 'type' must be one of law, decree, decision, circular, instruction, procedure, "
        "agreement, guide, glossary, news, page; got 'statute' [enum-invalid]"]


def test_unknown_status_is_an_error_with_the_allowed_values(content):
    content.write("vi/x.md", "---\ntitle: T\nstatus: active\n---\n")
    assert report(content.load()) == [
        "content/vi/x.md:3: error: 'status' must be one of in_force, partly_in_force, not_yet_in_force, amended, "
        "repealed, unknown; got 'active' [enum-invalid]"]


def test_defaults_for_type_status_and_authoritative(content):
    content.page("vi/x.md")
    meta = content.load().get("vi", "x").meta
    assert (meta.type, meta.status, meta.authoritative) == ("page", "unknown", True)


def test_a_cooperation_agreement_is_its_own_type(content):
    content.page("vi/x.md", type="agreement", status="unknown")
    corpus = content.load()
    assert report(corpus) == [] and corpus.get("vi", "x").meta.type == "agreement"


@pytest.mark.parametrize("doc_type", ["guide", "news", "glossary"])
def test_a_status_on_a_document_without_legal_force_is_a_warning(content, doc_type):
    content.page("vi/x.md", type=doc_type, status="in_force")
    assert report(content.load()) == [
        f"content/vi/x.md:4: warning: a {doc_type} has no legal status of its own; 'status: in_force' is not shown "
        "(leave it out) [status-not-applicable]"]
    assert content.check("--strict").code == 1


def test_a_regulation_keeps_its_status_and_a_guide_may_leave_it_out(content):
    content.page("vi/law.md", type="law", status="repealed")
    content.page("vi/guide.md", type="guide")
    corpus = content.load()
    assert report(corpus) == []
    assert (corpus.get("vi", "law").meta.status, corpus.get("vi", "guide").meta.status) == ("repealed", "unknown")


def test_checked_against_official_defaults_to_false_and_must_be_a_boolean(content):
    content.page("vi/a.md", authoritative="false")
    content.page("vi/b.md", authoritative="false", checked_against_official="true")
    content.page("vi/c.md", authoritative="false", checked_against_official="yesterday")
    corpus = content.load()
    assert corpus.get("vi", "a").meta.checked_against_official is False
    assert corpus.get("vi", "b").meta.checked_against_official is True
    assert report(corpus) == [
        "content/vi/c.md:4: error: 'checked_against_official' must be true or false [type-invalid]"]


def test_checked_against_official_on_an_official_text_is_a_warning(content):
    content.page("vi/x.md", authoritative="true", checked_against_official="true")
    assert report(content.load()) == [
        "content/vi/x.md:4: warning: 'checked_against_official' applies to summaries (authoritative: false); "
        "an official text is the official text [checked-not-applicable]"]


def test_unknown_key_is_a_warning_and_fails_only_with_strict(content):
    content.write("vi/x.md", "---\ntitle: T\ncolour: red\n---\n")
    assert report(content.load()) == ["content/vi/x.md:3: warning: unknown key 'colour' [key-unknown]"]
    assert content.check().code == 0
    assert content.check("--strict").code == 1


def test_expires_before_effective_is_an_error(content):
    content.write("vi/x.md", "---\ntitle: T\neffective: 2025-07-01\nexpires: 2025-06-30\n---\n")
    assert report(content.load()) == ["content/vi/x.md:4: error: 'expires' is before 'effective' [date-order]"]


def test_expiring_on_the_effective_day_is_allowed(content):
    content.write("vi/x.md", "---\ntitle: T\neffective: 2025-07-01\nexpires: 2025-07-01\n---\n")
    assert content.load().problems == []


def test_relation_to_an_unknown_document_is_an_error(content):
    content.write("vi/x.md", "---\ntitle: T\ncites: [law-41-2024-qh15, nghi-dinh-khong-co]\n---\n")
    content.page("vi/law-41-2024-qh15.md")
    assert report(content.load()) == [
        "content/vi/x.md:3: error: 'cites' names unknown document 'nghi-dinh-khong-co' [relation-unknown]"]


def test_relation_target_may_exist_only_in_the_other_language(content):
    content.page("vi/x.md", implements="lao-law-54-na")  # a single id is accepted
    content.page("lo/lao-law-54-na.md", title="ກົດໝາຍ")
    corpus = content.load()
    assert corpus.problems == []
    assert corpus.get("vi", "x").meta.relations["implements"] == ["lao-law-54-na"]


def test_relation_entry_that_is_not_an_id_is_an_error(content):
    content.page("vi/x.md", related="[Luật BHXH]")
    assert report(content.load()) == [
        "content/vi/x.md:3: error: 'related' entry 'Luật BHXH' is not an id (lowercase a-z, 0-9 and -) [id-invalid]"]


def test_relation_naming_the_document_itself_is_an_error(content):
    content.page("vi/x.md", replaces="[x]")
    assert report(content.load()) == ["content/vi/x.md:3: error: 'replaces' names the document itself [relation-self]"]


def test_superseded_by_repeating_a_replaces_is_a_warning(content):
    content.page("vi/old.md", superseded_by="[new]")
    content.page("vi/new.md", replaces="[old]")
    assert report(content.load()) == [
        "content/vi/old.md:3: warning: 'superseded_by: new' repeats what 'new' already says with 'replaces' "
        "[relation-duplicate]"]


def test_superseded_by_repeating_a_replaces_written_in_the_other_language_is_a_warning(content):
    # Relations name ids, not files: new (only in Vietnamese) already replaces old, whatever old's language.
    content.page("lo/old.md", superseded_by="[new]", title="ລາວ")
    content.page("vi/new.md", replaces="[old]")
    assert codes(content.load()) == ["relation-duplicate"]


def test_superseded_by_alone_is_fine(content):
    content.page("vi/old.md", superseded_by="[new]")
    content.page("vi/new.md")
    assert content.load().problems == []


def test_only_language_folders_and_the_glossary_belong_under_content(content):
    content.page("en/x.md")
    content.write("README.md", "notes\n")
    content.write("glossary.yaml", "terms: []\n")
    content.page("vi/x.md")
    corpus = content.load()
    assert report(corpus) == [
        "content/README.md:1: error: 'README.md' is not a language folder: content goes under vi/ or lo/ "
        "[unknown-language]",
        "content/en:1: error: 'en' is not a language folder: content goes under vi/ or lo/ [unknown-language]",
    ]
    assert list(corpus.documents) == ["vi:x"]


def test_non_utf8_file_is_an_error_and_other_files_still_load(content):
    content.write("vi/x.md", "---\ntitle: T\n---\nDòng một\n".encode() + "Dòng hai\n".encode("latin-1"))
    content.page("vi/y.md")
    corpus = content.load()
    assert report(corpus) == ["content/vi/x.md:5: error: the file is not valid UTF-8 [encoding-invalid]"]
    assert list(corpus.documents) == ["vi:y"]


def test_windows_line_endings_and_byte_order_mark_are_accepted(content):
    content.write("vi/x.md", "\ufeff---\r\ntitle: T\r\ncolour: red\r\n---\r\n## Điều 1\r\n")
    corpus = content.load()
    assert report(corpus) == ["content/vi/x.md:3: warning: unknown key 'colour' [key-unknown]"]
    assert corpus.get("vi", "x").parsed.anchors == {"art-1"}


def test_every_front_matter_problem_of_a_file_is_reported_at_once(content):
    content.write("vi/x.md", "---\ntitle: [a]\ntype: statute\nissued: 2025-02-30\ncolour: red\n---\n")
    # A title of the wrong type is reported once, not again as missing.
    assert sorted(codes(content.load())) == ["date-invalid", "enum-invalid", "key-unknown", "type-invalid"]
