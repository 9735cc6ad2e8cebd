"""Cross-language search: a query in one language finds the other language's documents."""
import pytest

from search import TERMS, CrossLanguageSearch, SearchService, build_index
from search.serve.crosslang import Translator

from .conftest import rec, suggestions

TERM_GROUPS = [
    {"vi": ["bảo hiểm xã hội", "BHXH"], "lo": ["ປະກັນສັງຄົມ", "ການປະກັນສັງຄົມ"]},
    {"vi": ["bảo hiểm xã hội bắt buộc"], "lo": ["ການປະກັນສັງຄົມແບບບັງຄັບ"]},
    {"vi": ["thanh tra"], "lo": ["ການກວດກາ"]},
    {"vi": ["chế độ thai sản"], "lo": ["ນະໂຍບາຍເກີດລູກ"]},
]


def pair_corpus():
    return [
        rec("luat", "vi", "Luật bảo hiểm xã hội mẫu", type="law", number="41/2024/QH15", issued="2024-06-29", units=[
            ("art-1", "Điều 1. Phạm vi", "Luật này quy định chế độ bảo hiểm xã hội."),
            ("art-30", "Điều 30. Chế độ thai sản", "Lao động nữ sinh con được nghỉ sáu tháng.")]),
        rec("luat", "lo", "ກົດໝາຍວ່າດ້ວຍການປະກັນສັງຄົມ ຕົວຢ່າງ", type="law", number="41/2024/QH15",
            issued="2024-06-29", units=[
                ("art-1", "ມາດຕາ 1 ຂອບເຂດ", "ກົດໝາຍນີ້ກຳນົດນະໂຍບາຍປະກັນສັງຄົມ."),
                ("art-30", "ມາດຕາ 30 ນະໂຍບາຍເກີດລູກ", "ແມ່ຍິງທີ່ເກີດລູກໄດ້ພັກຫົກເດືອນ.")]),
        rec("huong-dan", "vi", "Hướng dẫn thanh tra đóng bảo hiểm xã hội", type="guide", issued="2025-01-10",
            units=[("step-1", "Bước 1. Chuẩn bị", "Lập danh sách đơn vị nợ đóng kéo dài.")]),
        rec("huong-dan", "lo", "ຄູ່ມືການກວດກາການຈ່າຍເງິນສົມທົບປະກັນສັງຄົມ", type="guide", issued="2025-01-10",
            units=[("step-1", "ຂັ້ນຕອນ 1 ການກະກຽມ", "ສ້າງລາຍຊື່ຫົວໜ່ວຍທີ່ຄ້າງຈ່າຍດົນ.")]),
        rec("tin-tuc", "vi", "Tin tức hội nghị", type="news", issued="2025-03-01",
            intro="Hội nghị bàn về công nghệ thông tin."),
    ]


def with_translations(records):
    langs = {}
    for r in records:
        langs.setdefault(r.id, []).append(r.lang)
    for r in records:
        r.translations = [code for code in langs[r.id] if code != r.lang]
    return records


@pytest.fixture(scope="module")
def cross(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("cross-index")
    records = with_translations(pair_corpus())
    build_index(index_dir, records, suggestions(records), full=True, attachments={TERMS: TERM_GROUPS})
    return CrossLanguageSearch(SearchService(index_dir))


def keys(block):
    return [f"{h.lang}:{h.id}" for h in block.results.hits]


def test_translation_takes_the_longest_term_and_keeps_numbers():
    t = Translator(TERM_GROUPS)
    assert t.translate("bảo hiểm xã hội bắt buộc", "lo") == "ການປະກັນສັງຄົມແບບບັງຄັບ"
    assert t.translate("bao hiem xa hoi", "lo") == "ປະກັນສັງຄົມ"  # typed without accents
    assert t.translate("Điều 30 chế độ thai sản", "lo") == "30 ນະໂຍບາຍເກີດລູກ"
    assert t.translate("ການກວດກາປະກັນສັງຄົມ", "vi") == "thanh tra bảo hiểm xã hội"  # unspaced Lao
    assert t.translate("công nghệ thông tin", "lo") is None  # no glossary term: nothing to search with
    assert t.translate("bảo hiểm xã hội -thanh tra", "lo") == "ປະກັນສັງຄົມ"


def test_vietnamese_query_finds_lao_documents(cross):
    found = cross.search("thanh tra bảo hiểm xã hội", lang="lo")
    assert found.main.searched_as == {"lo": "ການກວດກາ ປະກັນສັງຄົມ"}
    # Only the guide has both terms; with so few hits, the law (ປະກັນສັງຄົມ, but no ການກວດກາ) follows it.
    assert keys(found.main) == ["lo:huong-dan", "lo:luat"]
    assert found.main.via["lo:huong-dan"] == ["glossary", "translation"]
    assert all(h.lang == "lo" for h in found.main.results.hits)
    law = next(h for h in cross.search("bảo hiểm xã hội", lang="lo").main.results.hits if h.id == "luat")
    assert "<mark>ປະກັນສັງຄົມ</mark>" in law.snippet  # the translated term is highlighted


def test_lao_query_finds_vietnamese_documents(cross):
    found = cross.search("ນະໂຍບາຍເກີດລູກ", lang="vi")
    assert keys(found.main)[0] == "vi:luat"
    assert found.main.results.hits[0].article == "art-30"


def test_a_hit_brings_its_translation_at_the_same_article(cross):
    # "nghỉ sáu tháng" is in no glossary: only the Vietnamese hit's translation can answer in Lao.
    found = cross.search("nghỉ sáu tháng", lang="lo")
    assert found.main.searched_as == {}
    assert keys(found.main) == ["lo:luat"]
    hit = found.main.results.hits[0]
    assert hit.article == "art-30" and hit.article_title == "ມາດຕາ 30 ນະໂຍບາຍເກີດລູກ"
    assert found.main.via["lo:luat"] == ["translation"]


def test_translations_are_the_records_field_and_the_payload_stays_opaque(tmp_path):
    # A payload that happens to have a "translations" key says nothing to search: only the field does.
    records = pair_corpus()
    for r in records:
        r.payload = {"translations": ["vi", "lo"]}
    build_index(tmp_path, records, suggestions(records), full=True, attachments={TERMS: TERM_GROUPS})
    found = CrossLanguageSearch(SearchService(tmp_path)).search("nghỉ sáu tháng", lang="lo")
    assert found.main.results.total == 0
    assert found.other is not None and keys(found.other) == ["vi:luat"]


def test_reader_language_first_then_the_other_block(cross):
    found = cross.search("chế độ thai sản", lang="vi")
    assert keys(found.main) == ["vi:luat"]
    assert found.other is not None and found.other.lang == "lo"
    assert keys(found.other) == ["lo:luat"]
    assert cross.search("công nghệ thông tin", lang="vi").other is None  # nothing relevant in Lao


def test_all_mixes_both_languages_with_the_query_language_first(cross):
    found = cross.search("bảo hiểm xã hội", lang="all")
    got = keys(found.main)
    assert {"vi:luat", "lo:luat", "vi:huong-dan", "lo:huong-dan"} <= set(got)
    assert got[0].startswith("vi:")
    assert found.main.results.total == len(got)
    assert dict(found.main.results.facets["lang"]) == {"vi": 2, "lo": 2}


def test_filters_apply_to_translations_too(cross):
    found = cross.search("nghỉ sáu tháng", lang="lo", facets={"type": "guide"})
    assert keys(found.main) == []
    found = cross.search("thanh tra bảo hiểm xã hội", lang="lo", facets={"type": "law"})
    assert keys(found.main) == ["lo:luat"]


def test_document_numbers_work_across_languages(cross):
    found = cross.search("41/2024/QH15", lang="lo")
    assert keys(found.main) == ["lo:luat"]
