"""Corpus checks and `kb check` (docs/content.md): ids, aliases, translations, output, and the bundled content."""
import re

import pytest

from search import get_language

from kb.cli import main
from kb.content.corpus import load_corpus
from kb.settings import BUNDLED_CONTENT

from .helpers import report

LAO = re.compile(get_language("lo").letters)


def test_duplicate_id_in_one_language_names_the_other_file(content):
    content.page("vi/law/x.md")
    content.page("vi/news/y.md", id="x")
    assert report(content.load()) == [
        "content/vi/news/y.md:3: error: id 'x' is already used by content/vi/law/x.md [id-duplicate]"]


def test_same_id_in_both_languages_is_a_translation_pair(content):
    content.page("vi/law/x.md")
    content.page("lo/x.md", title="ລາວ")
    corpus = content.load()
    assert corpus.problems == []
    assert [d.lang for d in corpus.translations(corpus.get("vi", "x"))] == ["lo"]


def test_alias_that_is_another_documents_id_is_an_error(content):
    content.page("vi/a.md", aliases="[b]")
    content.page("vi/b.md")
    assert report(content.load()) == [
        "content/vi/a.md:3: error: alias 'b' is already the id or an alias of content/vi/b.md [alias-conflict]"]


def test_alias_claimed_by_two_documents_is_an_error(content):
    content.page("vi/a.md", aliases="[quyet-dinh-cu]")
    content.page("vi/b.md", aliases="[quyet-dinh-cu]")
    content.page("lo/b.md", aliases="[quyet-dinh-cu]", title="ລາວ")  # the translation may share it
    assert report(content.load()) == [
        "content/vi/b.md:3: error: alias 'quyet-dinh-cu' is already the id or an alias of content/vi/a.md "
        "[alias-conflict]"]


def test_translation_missing_an_article_is_a_warning(content):
    content.page("vi/law.md", "## Điều 1\n## Điều 7\n## Bước 2\n")
    content.page("lo/law.md", "## ມາດຕາ 1\n## ຂັ້ນຕອນທີ 2\n", title="ລາວ")
    assert report(content.load()) == [
        "content/lo/law.md:1: warning: art-7 missing in lo (present in content/vi/law.md) [translation-unit-missing]"]


def test_translation_with_the_same_units_in_lao_digits_is_fine(content):
    content.page("vi/law.md", "## Điều 5\n## Điều 12\n")
    content.page("lo/law.md", "## ມາດຕາ ໕\n## ມາດຕາ ໑໒\n", title="ລາວ")
    assert content.load().problems == []


def test_kb_check_prints_every_problem_of_every_file(content):
    content.write("vi/a.md", "---\ntitle: A\ntype: statute\n---\n")
    content.write("vi/b.md", "# no front matter\n")
    content.write("lo/c.md", "---\ntitle: ລາວ\nissued: 2025-02-30\n---\n[x](kb:nope)\n")
    content.write("glossary.yaml", "terms:\n  - id: a\n    vi: {term: x, definition: y}\n")
    run = content.check()
    assert run.lines == [
        "content/glossary.yaml:2: error: a.lo must be a mapping with 'term' and 'definition' [glossary-invalid]",
        "content/lo/c.md:3: error: 'issued' must be a date written YYYY-MM-DD, got '2025-02-30' [date-invalid]",
        "content/lo/c.md:5: error: link to unknown document 'nope' [link-broken]",
        "content/vi/a.md:3: error: 'type' must be one of law, decree, decision, circular, instruction, procedure, "
        "agreement, guide, glossary, news, page; got 'statute' [enum-invalid]",
        "content/vi/b.md:1: error: the file must start with '---' and YAML front matter [frontmatter-missing]",
    ]
    assert run.code == 1
    assert "5 error(s), 0 warning(s)" in run.summary


def test_kb_check_line_format(content):
    content.write("vi/x.md", "---\ntitle: T\ncolour: red\n---\n")
    run = content.check()
    assert run.lines == ["content/vi/x.md:3: warning: unknown key 'colour' [key-unknown]"]
    assert re.fullmatch(r"\S+:\d+: (error|warning): .+ \[[a-z-]+\]", run.lines[0])


@pytest.mark.parametrize("files,flags,exit_code", [
    ({"vi/x.md": "---\ntitle: T\n---\n"}, [], 0),
    ({"vi/x.md": "---\ntitle: T\n---\n"}, ["--strict"], 0),
    ({"vi/x.md": "---\ntitle: T\nfoo: 1\n---\n"}, [], 0),
    ({"vi/x.md": "---\ntitle: T\nfoo: 1\n---\n"}, ["--strict"], 1),
    ({"vi/x.md": "---\ntitle:\n---\n"}, [], 1),
], ids=["clean", "clean-strict", "warning", "warning-strict", "error"])
def test_kb_check_exit_codes(content, files, flags, exit_code):
    for rel, text in files.items():
        content.write(rel, text)
    assert content.check(*flags).code == exit_code


def test_kb_check_on_a_missing_folder_fails(content, capsys):
    assert main(["check", "--content", "no-such-folder"]) == 1
    assert "no-such-folder" in capsys.readouterr().err


# --- the bundled content -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled():
    return load_corpus(BUNDLED_CONTENT)


def test_bundled_content_passes_strict_check(capsys):
    assert main(["check", "--content", str(BUNDLED_CONTENT), "--strict"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "0 error(s), 0 warning(s)" in err


@pytest.mark.parametrize("lang", ["vi", "lo"])
def test_bundled_content_has_enough_documents(bundled, lang):
    assert len([d for d in bundled.documents.values() if d.lang == lang]) >= 14


def test_lao_titles_are_in_lao_script(bundled):
    missing = [d.key for d in bundled.documents.values() if d.lang == "lo" and not LAO.search(d.meta.title)]
    assert missing == []


SAYS_SUMMARY = {"vi": ("tóm tắt", "tài liệu đào tạo"), "lo": ("ບົດສະຫຼຸບ", "ເອກະສານຝຶກອົບຮົມ")}


def _opening(doc) -> str:
    """The body text before its first heading, where a reader sees it first."""
    text = []
    for tok in doc.parsed.tokens:
        if tok.type == "heading_open":
            break
        if tok.type == "inline":
            text.append(tok.content)
    return " ".join(text).lower()


def test_non_authoritative_documents_say_they_are_summaries(bundled):
    docs = [d for d in bundled.documents.values() if not d.meta.authoritative]
    assert docs
    silent = [d.key for d in docs if not any(w in _opening(d) for w in SAYS_SUMMARY[d.lang])]
    assert silent == []


def test_guides_are_non_authoritative_and_cite_their_legal_basis(bundled):
    guides = [d for d in bundled.documents.values() if d.meta.type == "guide"]
    assert guides
    assert [d.key for d in guides if d.meta.authoritative or not d.meta.relations.get("cites")] == []


def test_bundled_glossary_has_enough_bilingual_terms(bundled):
    terms = bundled.glossary.terms
    assert len(terms) >= 120
    for term in terms:
        assert set(term.sides) == {"vi", "lo"}
        assert all(side.term and side.definition for side in term.sides.values()), term.id
        assert LAO.search(term.sides["lo"].term), term.id
