"""The glossary (docs/content.md, "The glossary"): both languages, unique ids and terms, known `see` targets."""
import unicodedata

from .helpers import report

GOOD = """
terms:
  - id: social-insurance
    vi:
      term: bảo hiểm xã hội
      abbr: [BHXH]
      definition: Chế độ bảo đảm thu nhập.
    lo:
      term: ປະກັນສັງຄົມ
      variants: [ການປະກັນສັງຄົມ]
      definition: ລະບົບຮັບປະກັນລາຍຮັບ.
    see: [health-insurance]
  - id: health-insurance
    vi:
      term: bảo hiểm y tế
      definition: Bảo hiểm chăm sóc sức khỏe.
    lo:
      term: ປະກັນສຸຂະພາບ
      definition: ການປະກັນສຸຂະພາບ.
"""


def term(term_id, vi="bảo hiểm", lo="ປະກັນ", extra=""):
    return (f"  - id: {term_id}\n"
            f"    vi:\n      term: {vi}\n      definition: Định nghĩa.\n"
            f"    lo:\n      term: {lo}\n      definition: ຄຳອະທິບາຍ.\n{extra}")


def test_valid_glossary_loads_every_term_with_its_forms(content):
    content.write("glossary.yaml", GOOD)
    corpus = content.load()
    assert corpus.problems == []
    assert [t.id for t in corpus.glossary.terms] == ["social-insurance", "health-insurance"]
    insurance = corpus.glossary.get("social-insurance")
    assert insurance.forms("vi") == ["bảo hiểm xã hội", "BHXH"]
    assert insurance.forms("lo") == ["ປະກັນສັງຄົມ", "ການປະກັນສັງຄົມ"]
    assert insurance.see == ["health-insurance"]


def test_missing_definition_in_one_language(content):
    content.write("glossary.yaml", """
        terms:
          - id: a
            vi:
              term: thanh tra
              definition: Hoạt động xem xét.
            lo:
              term: ການກວດກາ
        """)
    corpus = content.load()
    assert report(corpus) == ["content/glossary.yaml:6: error: a.lo.definition is required [glossary-invalid]"]
    assert corpus.glossary.terms == []


def test_empty_term_in_one_language(content):
    content.write("glossary.yaml", """
        terms:
          - id: a
            vi:
              term: ""
              definition: Hoạt động xem xét.
            lo:
              term: ການກວດກາ
              definition: ການກວດກາ.
        """)
    assert report(content.load()) == ["content/glossary.yaml:4: error: a.vi.term is required [glossary-invalid]"]


def test_missing_language_is_an_error(content):
    content.write("glossary.yaml", "terms:\n  - id: a\n    vi:\n      term: x\n      definition: y\n")
    assert report(content.load()) == [
        "content/glossary.yaml:2: error: a.lo must be a mapping with 'term' and 'definition' [glossary-invalid]"]


def test_invalid_term_id_is_an_error(content):
    content.write("glossary.yaml", "terms:\n" + term("Bảo_Hiểm"))
    assert report(content.load()) == [
        "content/glossary.yaml:2: error: term id 'Bảo_Hiểm' must be lowercase a-z, 0-9 and - [glossary-invalid]"]


def test_duplicate_term_id_names_the_first_line(content):
    content.write("glossary.yaml", "terms:\n" + term("a") + term("a", vi="thanh tra", lo="ການກວດກາ"))
    assert report(content.load()) == [
        "content/glossary.yaml:9: error: term id 'a' is used twice (first on line 2) [glossary-duplicate]"]


def test_duplicate_term_in_one_language_ignores_case_and_unicode_form(content):
    nfd = unicodedata.normalize("NFD", "Bảo Hiểm")
    content.write("glossary.yaml", "terms:\n" + term("a") + term("b", vi=nfd, lo="ການກວດກາ"))
    assert report(content.load()) == [
        f"content/glossary.yaml:10: error: vi term '{nfd}' is defined twice (first on line 3) [glossary-duplicate]"]


def test_same_term_in_the_two_languages_is_not_a_duplicate(content):
    content.write("glossary.yaml", "terms:\n" + term("a", vi="ASEAN", lo="ASEAN"))
    assert content.load().problems == []


def test_see_must_name_an_existing_term(content):
    content.write("glossary.yaml", "terms:\n" + term("a", extra="    see: [a-typo]\n"))
    assert report(content.load()) == [
        "content/glossary.yaml:2: error: term 'a' refers to unknown term 'a-typo' [glossary-see-unknown]"]


def test_invalid_yaml_is_reported_on_its_line(content):
    content.write("glossary.yaml", "terms:\n" + term("a").replace("Định nghĩa.", "Xem thêm: điều 5"))
    assert report(content.load()) == [
        "content/glossary.yaml:5: error: not valid YAML: mapping values are not allowed here [yaml-invalid]"]


def test_glossary_without_terms_list_is_an_error(content):
    content.write("glossary.yaml", "term:\n  - id: a\n")
    assert report(content.load()) == [
        "content/glossary.yaml:1: error: the glossary must have a 'terms:' list [glossary-invalid]"]


def test_glossary_problems_fail_kb_check(content):
    content.write("glossary.yaml", "terms:\n" + term("a", extra="    see: [nope]\n"))
    run = content.check()
    assert run.code == 1
    assert run.lines == ["content/glossary.yaml:2: error: term 'a' refers to unknown term 'nope' [glossary-see-unknown]"]
