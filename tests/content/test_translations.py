"""Translation status (docs/content.md, "Translations"): a translation follows the version of its source it was
last brought up to date with; `kb translations` reports and records it."""
import json

from kb.cli import main

SOURCE = """
    Mở đầu.

    ## Điều 1. Phạm vi

    Nội dung điều một.

    ## Điều 2. Đối tượng

    Nội dung điều hai.
    """
TRANSLATION = """
    ບົດນຳ.

    ## ມາດຕາ 1. ຂອບເຂດ

    ເນື້ອໃນມາດຕາໜຶ່ງ.

    ## ມາດຕາ 2. ຜູ້ກ່ຽວຂ້ອງ

    ເນື້ອໃນມາດຕາສອງ.
    """


def pair(content, translation=TRANSLATION):
    content.page("vi/luat.md", SOURCE, title="Luật mẫu")
    content.page("lo/luat.md", translation, title="ກົດໝາຍຕົວຢ່າງ", translation_of="vi")


def report(capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["translations", "--content", "content", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def states(capsys) -> dict[str, str]:
    (entry,) = report(capsys)
    return {u["anchor"]: u["state"] for u in entry["units"]}


def test_a_translation_never_accepted_is_outdated_everywhere(content, capsys):
    pair(content)
    (entry,) = report(capsys)
    assert (entry["lang"], entry["source"], entry["state"], entry["accepted"]) == ("lo", "vi", "outdated", None)


def test_accepted_then_a_source_article_changes(content, capsys):
    pair(content)
    assert main(["translations", "--content", "content", "--accept", "lo/luat"]) == 0
    assert set(states(capsys).values()) == {"translated"}
    ledger = (content.root / "translations.yaml").read_text(encoding="utf-8")
    assert ledger.startswith("# Which version") and "lo/luat:" in ledger
    content.page("vi/luat.md", SOURCE.replace("điều hai.", "điều hai, đã sửa."), title="Luật mẫu")
    assert states(capsys) == {"_front": "translated", "art-1": "translated", "art-2": "outdated"}
    # The translator updates Article 2 and records just that article.
    assert main(["translations", "--content", "content", "--accept", "lo/luat", "--article", "art-2"]) == 0
    assert set(states(capsys).values()) == {"translated"}


def test_an_article_missing_from_the_translation(content, capsys):
    pair(content, TRANSLATION.split("## ມາດຕາ 2")[0])
    assert main(["translations", "--content", "content", "--accept-all"]) == 0
    (entry,) = report(capsys)
    assert entry["state"] == "partial"
    assert {u["anchor"]: u["state"] for u in entry["units"]}["art-2"] == "missing"


def test_text_report_names_each_article_behind(content, capsys):
    pair(content)
    main(["translations", "--content", "content", "--accept-all"])
    content.page("vi/luat.md", SOURCE.replace("Phạm vi", "Phạm vi điều chỉnh"), title="Luật mẫu")
    capsys.readouterr()
    assert main(["translations", "--content", "content"]) == 0
    out = capsys.readouterr().out
    assert "lo/luat ← vi: outdated (1 outdated)" in out
    assert "art-1" in out and "Điều 1. Phạm vi điều chỉnh" in out and "art-2" not in out


def test_an_original_without_translation_is_reported_missing(content, capsys):
    content.page("vi/luat.md", SOURCE, title="Luật mẫu")
    (entry,) = report(capsys)
    assert (entry["lang"], entry["state"]) == ("lo", "missing")


def test_translation_of_must_name_an_existing_source(content):
    content.page("lo/a.md", "ບົດນຳ.\n", title="ກ", translation_of="vi")
    content.page("lo/b.md", "ບົດນຳ.\n", title="ຂ", translation_of="lo")
    content.page("lo/c.md", "ບົດນຳ.\n", title="ຄ", translation_of="fr")
    run = content.check()
    assert run.code == 1
    assert "content/lo/a.md:3: error: 'translation_of: vi' but there is no vi document with id 'a' " \
           "[translation-source-missing]" in run.lines
    assert any(line.startswith("content/lo/b.md:3: error:") and "own language" in line for line in run.lines)
    assert any(line.startswith("content/lo/c.md:3: error:") and "'translation_of' must be one of vi, lo" in line
               for line in run.lines)


def test_accepting_something_that_is_not_a_translation_says_why(content, capsys):
    pair(content)
    assert main(["translations", "--content", "content", "--accept", "vi/luat"]) == 1
    assert "vi/luat has no 'translation_of'" in capsys.readouterr().err
    assert main(["translations", "--content", "content", "--accept", "lo/luat", "--article", "art-9"]) == 1
    assert not (content.root / "translations.yaml").exists()  # nothing half-written


def test_a_broken_ledger_is_reported_with_its_line(content):
    pair(content)
    content.write("translations.yaml", "lo/luat: [unclosed\n")
    run = content.check()
    assert run.code == 1
    assert any(line.startswith("content/translations.yaml:") and "[yaml-invalid]" in line for line in run.lines)


def test_an_incremental_build_marks_the_translation_outdated(content, tmp_path):
    from kb.build import build
    from kb.settings import Settings
    from search import SearchService

    pair(content)
    main(["translations", "--content", "content", "--accept-all"])
    settings = Settings.make(content="content", index=str(tmp_path / "index"))
    build(settings)
    service = SearchService(settings.index_dir)
    assert service.get("lo", "luat")["payload"]["translation"]["outdated"] == []
    content.page("vi/luat.md", SOURCE.replace("điều hai.", "điều hai, đã sửa."), title="Luật mẫu")
    report = build(settings)
    assert report.added == 2  # the source, and its translation whose state changed
    assert service.get("lo", "luat")["payload"]["translation"]["outdated"] == ["art-2"]
