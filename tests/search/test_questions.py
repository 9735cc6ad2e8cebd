"""Questions as staff type them, corrections that do no harm, numbers typed together, exact accents first."""
import pytest

from search import SearchService
from search.query.plan import plan
from search.text.numbers import query_parts

from .conftest import corpus, first, indexed, rec


def _questions_corpus():
    return corpus() + [
        rec("qt-tra", "vi", "Quy trình thanh tra đóng bảo hiểm", type="procedure", units=[
            ("step-1", "Bước 1. Chuẩn bị", "Đoàn thanh tra chuẩn bị hồ sơ và lịch làm việc."),
            ("step-2", "Bước 2. Thời hạn", "Thời hạn một cuộc thanh tra không quá 30 ngày làm việc."),
            ("step-3", "Bước 3. Quyền của trưởng đoàn", "Trưởng đoàn thanh tra có quyền yêu cầu cung cấp "
                                                     "tài liệu và lập biên bản.")]),
        rec("hop-dong", "vi", "Hợp đồng lao động và tiền lương", type="guide",
            intro="Hợp đồng lao động ghi tiền lương; đơn vị đóng bảo hiểm theo hợp đồng."),
        rec("lo-qt", "lo", "ຂັ້ນຕອນການກວດກາ", type="procedure", units=[
            ("step-1", "ຂັ້ນຕອນທີ 1 ກະກຽມ", "ຄະນະກວດກາກະກຽມເອກະສານ."),
            ("step-2", "ຂັ້ນຕອນທີ 2 ໄລຍະເວລາ", "ໄລຍະເວລາການກວດກາບໍ່ເກີນ 30 ວັນລັດຖະການ."),
            ("step-3", "ຂັ້ນຕອນທີ 3 ສິດຂອງຫົວໜ້າຄະນະ", "ຫົວໜ້າຄະນະກວດກາມີສິດຮຽກຮ້ອງເອກະສານ ແລະ ເຮັດບົດບັນທຶກ.")]),
        rec("glossary", "vi", "Thuật ngữ thanh tra bảo hiểm xã hội", type="glossary",
            intro="Thanh tra bảo hiểm xã hội: thanh tra chuyên ngành; bảo hiểm xã hội: ປະກັນສັງຄົມ."),
    ]


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return SearchService(indexed(_questions_corpus(), tmp_path_factory.mktemp("questions")))



@pytest.mark.parametrize("query,lang,answer", [
    ("thời hạn của một cuộc thanh tra là mấy ngày", "vi", ("qt-tra", "step-2")),
    ("trưởng đoàn thanh tra có những quyền gì", "vi", ("qt-tra", "step-3")),
    ("thoi han thanh tra la bao lau", "vi", ("qt-tra", "step-2")),
    ("ສິດຂອງຫົວໜ້າຄະນະກວດກາ ມີຫຍັງແດ່", "lo", ("lo-qt", "step-3")),
    ("ການກວດກາໃຊ້ໄລຍະເວລາໄດ້ຈັກວັນ", "lo", ("lo-qt", "step-2")),
])
def test_a_question_finds_the_step_that_answers_it(service, query, lang, answer):
    assert first(service.search(query, lang=lang)) == answer


def test_asking_words_are_never_required():
    p = plan("trưởng đoàn thanh tra có những quyền gì")
    assert {"gi", "co", "nhung"} <= p.asking and "quyen" in p.content
    # 'bảo' with its accents is a word asked for, not the 'bao' of 'bao nhiêu'
    assert "bao" not in plan("bảo hiểm bao nhiêu").asking


def test_a_word_no_document_uses_does_not_empty_a_long_question(service):
    # 'phường' is in no document: the unit with the other words still comes first.
    got = service.search("thời hạn thanh tra của phường là bao nhiêu ngày", lang="vi")
    assert got.total > 0 and first(got) == ("qt-tra", "step-2")


@pytest.mark.parametrize("query", ["sức khỏe", "ນາຍຈ້າງ", "ການຖອກ"])
def test_a_valid_word_is_never_replaced(service, query):
    got = service.search(query)
    assert not got.corrected and got.suggestion is None


def test_a_slip_that_is_no_word_is_corrected_and_said_so(service):
    got = service.search("thanh tar", lang="vi")
    assert got.suggestion == "thanh tra"  # not 'thanh trả': the unaccented form is the commoner
    assert got.corrected and got.hits  # no document has 'tar': the corrected query's hits, marked as such


def test_valid_words_are_searched_as_typed_even_when_one_is_unknown(service):
    got = service.search("thời hạn thanh tra phường", lang="vi")  # 'phường' is a word, in no document
    assert not got.corrected and got.suggestion is None and got.hits


@pytest.mark.parametrize("query", ["qd216", "QĐ216", "216QĐ-BHXH", "qđ 216"])
def test_numbers_typed_together_find_their_document_first_at_its_top(service, query):
    got = service.search(query, lang="vi")
    assert first(got) == ("qd-216", None)


def test_type_abbreviations_are_cut_off_but_other_parts_are_kept():
    assert query_parts("nd12/2022") == ["nd", "12", "2022"]
    assert query_parts("216QĐ-BHXH") == ["216", "qd", "bhxh"]
    assert query_parts("58/2014/QH13") == ["58", "2014", "qh13"]


def test_exact_accents_rank_first_and_are_the_ones_marked(service):
    got = service.search("đồng", lang="vi")
    assert got.hits[0].id == "hop-dong"
    assert "<mark>đồng</mark>" in got.hits[0].snippet.lower() or "<mark>Đồng</mark>" in got.hits[0].snippet
    assert "<mark>đóng</mark>" not in got.hits[0].snippet


def test_a_term_list_comes_after_documents_about_the_topic(service):
    assert service.search("thanh tra bảo hiểm xã hội", lang="vi").hits[0].id != "glossary"
    asked = service.search("thanh tra bảo hiểm xã hội tiếng Lào là gì", lang="vi")
    assert asked.hits[0].id == "glossary"


def test_a_long_law_opens_at_the_article_with_the_rare_words(tmp_path):
    filler = "Đơn vị sử dụng lao động đóng bảo hiểm xã hội cho người lao động theo quy định."
    units = [(f"art-{n}", f"Điều {n}. Quy định chung {n}", filler) for n in range(1, 201)]
    units[141] = ("art-142", "Điều 142. Trợ cấp mai táng", "Người lo mai táng được nhận trợ cấp mai táng "
                  "khi người lao động đóng bảo hiểm xã hội qua đời.")
    records = [rec("luat-dai", "vi", "Luật dài", type="law", units=units)]
    hit = SearchService(indexed(records, tmp_path)).search("người lao động đóng bảo hiểm được trợ cấp mai táng không").hits[0]
    assert hit.article == "art-142" and "<mark>mai táng</mark>" in hit.snippet


@pytest.mark.parametrize("lang,label,query", [
    ("vi", "Điều {n}. Quy định chung", "điều 187 luật dài"),
    ("lo", "ມາດຕາ {n} ບົດບັນຍັດທົ່ວໄປ", "ມາດຕາ 187 ກົດໝາຍຍາວ"),
])
def test_a_long_law_opens_at_the_article_the_query_names(tmp_path, lang, label, query):
    # Every article has the same words: only the number in its heading tells them apart.
    filler = {"vi": "Người lao động đóng bảo hiểm xã hội theo quy định.", "lo": "ຜູ້ອອກແຮງງານຈ່າຍເງິນສົມທົບ."}[lang]
    units = [(f"art-{n}", label.format(n=n), filler) for n in range(1, 301)]
    title = {"vi": "Luật dài", "lo": "ກົດໝາຍຍາວ"}[lang]
    records = [rec("luat-dai", lang, title, type="law", units=units)]
    assert SearchService(indexed(records, tmp_path)).search(query, lang=lang).hits[0].article == "art-187"
