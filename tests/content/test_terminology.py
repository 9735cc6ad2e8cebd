"""One terminology in both languages (docs/content.md, "Terminology checks"): a translated article carries
the glossary terms of its source article, and a marked term is used in both languages' pages or in neither."""
from .helpers import report
from .test_glossary import term

GLOSSARY = "terms:\n" + term("late-payment", vi="chậm đóng", lo="ການຖອກເງິນສົມທົບຊັກຊ້າ",
                             extra="    mark: true\n") + term(
    "inspection", vi="thanh tra", lo="ການກວດກາ") + term(
    "article", vi="điều", lo="ມາດຕາ", extra="    mark: false\n")

SOURCE = """
    Văn bản về thanh tra.

    ## Điều 3. Chậm đóng

    Đơn vị chậm đóng thì bị thanh tra.

    ### Bước 1: Ghi nhận

    Ghi nhận việc chậm đóng.
    """


def lao(article_3: str, step_1: str = "ບັນທຶກການຖອກເງິນສົມທົບຊັກຊ້າ.") -> str:
    return f"""
    ເອກະສານກ່ຽວກັບການກວດກາ.

    ## ມາດຕາ 3. ການຖອກເງິນສົມທົບຊັກຊ້າ

    {article_3}

    ### ຂັ້ນຕອນທີ 1: ບັນທຶກ

    {step_1}
    """


def pair(content, lao_body: str):
    content.write("glossary.yaml", GLOSSARY)
    content.page("vi/x.md", SOURCE)
    content.page("lo/x.md", lao_body, title="ລາວ", translation_of="vi")
    return report(content.load())


def test_translated_article_lacking_a_term_of_its_source_warns_at_its_heading(content):
    # Article 3 of the source says "thanh tra"; the Lao article says ກວດເບິ່ງ, not the glossary's ການກວດກາ.
    # The body starts on line 5 of lo/x.md; the heading of Article 3 is its line 3 → file line 7.
    assert pair(content, lao("ຫົວໜ່ວຍທີ່ຖອກເງິນສົມທົບຊັກຊ້າ ຈະຖືກກວດເບິ່ງ.")) == [
        "content/lo/x.md:7: warning: art-3 lacks the glossary term 'ການກວດກາ' (inspection): "
        "its source content/vi/x.md uses 'thanh tra' [translation-term-missing]"]


def test_a_step_is_checked_like_an_article(content):
    problems = pair(content, lao("ຫົວໜ່ວຍທີ່ຖອກເງິນສົມທົບຊັກຊ້າ ຈະມີການກວດກາ.", step_1="ບັນທຶກການຈ່າຍຊ້າ."))
    assert problems == [
        "content/lo/x.md:11: warning: step-1 lacks the glossary term 'ການຖອກເງິນສົມທົບຊັກຊ້າ' (late-payment): "
        "its source content/vi/x.md uses 'chậm đóng' [translation-term-missing]"]


def test_translation_using_every_term_of_its_source_articles_is_fine(content):
    # The heading's term counts too: Article 3's heading has ການຖອກເງິນສົມທົບຊັກຊ້າ, its text ການກວດກາ.
    assert pair(content, lao("ຫົວໜ່ວຍດັ່ງກ່າວ ຈະມີການກວດກາ.")) == []


def test_terms_with_mark_false_and_original_pairs_are_not_checked(content):
    content.write("glossary.yaml", GLOSSARY)
    content.page("vi/x.md", "## Điều 1\n\nĐiều này nói về thanh tra.\n")
    content.page("lo/x.md", "## ມາດຕາ 1\n\nເນື້ອໃນ ກ່ຽວກັບການກວດກາ.\n", title="ລາວ", translation_of="vi")
    # Parallel originals (no translation_of) may word an article their own way; the Lao pages use
    # ການຖອກເງິນສົມທົບຊັກຊ້າ elsewhere, so the term is used in both languages.
    content.page("vi/mou.md", "## Điều 1\n\nChậm đóng.\n")
    content.page("lo/mou.md", "ບົດບັນທຶກ ກ່ຽວກັບການຖອກເງິນສົມທົບຊັກຊ້າ.\n\n## ມາດຕາ 1\n\nການກວດກາ.\n", title="ລາວ")
    assert report(content.load()) == []


def test_term_used_in_one_language_only_warns_at_its_glossary_entry(content):
    content.write("glossary.yaml", GLOSSARY)
    content.page("vi/a.md", "Đơn vị chậm đóng.\n")
    content.page("lo/b.md", "ເອກະສານກ່ຽວກັບການກວດກາ.\n", title="ລາວ")
    # late-payment is the first term (line 2), inspection the second (line 10).
    assert report(content.load()) == [
        "content/glossary.yaml:2: warning: term 'late-payment' is used in vi pages ('chậm đóng') "
        "but its lo form 'ການຖອກເງິນສົມທົບຊັກຊ້າ' in none of the lo pages [term-unused-in-language]",
        "content/glossary.yaml:10: warning: term 'inspection' is used in lo pages ('ການກວດກາ') "
        "but its vi form 'thanh tra' in none of the vi pages [term-unused-in-language]"]


def test_term_used_in_both_languages_or_in_neither_is_fine(content):
    content.write("glossary.yaml", GLOSSARY)
    content.page("vi/a.md", "Đơn vị chậm đóng; điều 5.\n", title="Thanh tra")  # the title counts
    content.page("lo/b.md", "ເອກະສານກ່ຽວກັບການກວດກາ ແລະ ການຖອກເງິນສົມທົບຊັກຊ້າ.\n", title="ລາວ")
    assert report(content.load()) == []  # 'article' (mark: false) is never counted


def test_kb_check_strict_fails_on_a_terminology_warning(content):
    content.write("glossary.yaml", GLOSSARY)
    content.page("vi/a.md", "Đơn vị chậm đóng.\n")
    content.page("lo/b.md", "ເອກະສານ.\n", title="ລາວ")
    assert content.check().code == 0
    run = content.check("--strict")
    assert run.code == 1
    assert run.lines == [
        "content/glossary.yaml:2: warning: term 'late-payment' is used in vi pages ('chậm đóng') "
        "but its lo form 'ການຖອກເງິນສົມທົບຊັກຊ້າ' in none of the lo pages [term-unused-in-language]"]
