"""Which article a question opens at, which document a bare number means, and topics named by tags."""
import pytest

from search import SearchService

from .conftest import first, indexed, rec

_LONG_LIST = ("Danh sách các nhóm: người làm việc theo hợp đồng; người muốn nghỉ hưu sớm; cán bộ của cơ quan; "
              "người thay đổi nơi cư trú; người hưởng lương hưu; người đi làm ở nước ngoài; " * 6
              + "người có thời gian làm việc trong nhiều nhóm ngành; người quản lý doanh nghiệp; " * 4
              + "các trường hợp khác do đơn vị đề nghị.")


def _corpus():
    return [
        # A guide whose every step speaks of the audit plan: the words of what the guide is about say
        # nothing of which step answers.
        rec("kh-kt", "vi", "Lập kế hoạch kiểm toán nội bộ", type="guide", units=[
            ("step-1", "Bước 1. Thu thập số liệu", "Kế hoạch kiểm toán năm dựa trên số liệu thu từ sổ kế toán, "
                                                 "báo cáo tài chính và hồ sơ nhân sự."),
            ("step-2", "Bước 2. Chấm điểm rủi ro", "Kế hoạch kiểm toán xếp hạng các phòng ban theo rủi ro."),
            ("step-3", "Bước 3. Lập kế hoạch năm", "Kế hoạch kiểm toán năm được lập theo mẫu và trình ký."),
            ("step-4", "Bước 4. Công bố kế hoạch", "Kế hoạch kiểm toán được gửi cho các phòng ban.")]),
        # One long article with the question's words scattered, one short one with them together.
        rec("nhom", "vi", "Quy định về các nhóm người làm việc", type="decision", units=[
            ("art-1", "Điều 1. Các nhóm", _LONG_LIST),
            ("art-2", "Điều 2. Thay người", "Muốn thay người trong nhóm làm việc thì trưởng nhóm gửi đề nghị "
                                            "bằng văn bản cho người quản lý.")]),
        # 'công ty' asked; one step says 'công ty', the other only has the syllable 'tỷ' of 'tỷ lệ'.
        rec("ty-le", "vi", "Ghi chép về tiền thưởng", type="guide", units=[
            ("step-1", "Bước 1. Tính tỷ lệ", "Tính tỷ lệ thưởng của từng tháng theo bảng thưởng; gửi bảng "
                                           "tỷ lệ thưởng cho kế toán và gửi bảng thưởng cho trưởng phòng."),
            ("step-2", "Bước 2. Báo kết quả", "Bảng thưởng đã duyệt được gửi cho công ty.")]),
        # Three documents share the number 317; the collection cites one of them.
        rec("qd-317", "vi", "Quyết định 317/QĐ-KTNB về kiểm toán nội bộ", number="317/QĐ-KTNB",
            intro="Quy định tổ chức kiểm toán nội bộ."),
        rec("nd-317", "vi", "Nghị định 317/2021/NĐ-CP về đo đạc", number="317/2021/NĐ-CP", type="decree",
            intro="Quy định đo đạc bản đồ."),
        rec("tb-317", "vi", "Thông báo 317/TB-VP về lịch họp", number="317/TB-VP", type="notice",
            intro="Lịch họp quý ba."),
        rec("hd-a", "vi", "Hướng dẫn kiểm toán phòng ban", type="guide",
            intro="Thực hiện theo Quyết định 317/QĐ-KTNB về kiểm toán nội bộ."),
        rec("hd-b", "vi", "Hướng dẫn báo cáo kiểm toán", type="guide",
            intro="Báo cáo theo mẫu của Quyết định 317/QĐ-KTNB."),
        # A law and a page of questions that discusses its article 5 at length.
        rec("luat-kt", "vi", "Luật kiểm toán nội bộ 77/2020/QH14", number="77/2020/QH14", type="law", units=[
            ("art-4", "Điều 4. Phạm vi", "Luật này áp dụng cho các đơn vị có phòng kiểm toán."),
            ("art-5", "Điều 5. Quyền của kiểm toán viên", "Kiểm toán viên được yêu cầu cung cấp hồ sơ.")]),
        rec("hoi-dap-kt", "vi", "Hỏi đáp về Luật kiểm toán nội bộ", type="faq", units=[
            ("q-1", "Quyền của kiểm toán viên",
             "Quyền tại điều 5 của luật vẫn được giữ; các đơn vị áp dụng điều 5 khi kiểm toán, và điều 5 "
             "cũng được nhắc trong quy chế của từng đơn vị kiểm toán."),
            ("q-2", "Luật có hiệu lực từ khi nào?", "Luật kiểm toán nội bộ có hiệu lực từ năm 2021.")]),
        # Two pages with the same words: one is tagged with the topic.
        rec("tin-1", "vi", "Tin tức tháng năm", type="news", tags=["tin tức"],
            intro="Hội nghị bàn về thưởng sáng kiến và nhiều việc khác."),
        rec("tin-2", "vi", "Tin tức tháng sáu", type="news", tags=["thưởng sáng kiến"],
            intro="Hội nghị bàn về thưởng sáng kiến và nhiều việc khác."),
    ]


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return SearchService(indexed(_corpus(), tmp_path_factory.mktemp("articles")))



def test_the_words_that_tell_the_steps_apart_choose_the_step(service):
    # 'kế hoạch kiểm toán năm' is in every step; 'số liệu ... từ' only in the first
    assert first(service.search("lập kế hoạch kiểm toán năm thì lấy số liệu từ đâu", lang="vi")) == ("kh-kt", "step-1")


def test_words_close_together_beat_words_scattered_over_a_long_article(service):
    results = service.search("muốn thay người trong nhóm làm việc thì làm thế nào", lang="vi")
    assert first(results) == ("nhom", "art-2")
    assert "<mark>" in results.hits[0].snippet and "thay người" in results.hits[0].snippet


def test_a_syllable_of_another_word_does_not_answer(service):
    assert first(service.search("gửi bảng thưởng cho công ty thế nào", lang="vi")) == ("ty-le", "step-2")


@pytest.mark.parametrize("query", ["317", "qd 317"])
def test_a_bare_number_means_the_document_the_collection_cites(service, query):
    results = service.search(query, lang="vi")
    assert first(results) == ("qd-317", None)


def test_a_bare_number_still_finds_its_namesakes(service):
    ids = [h.id for h in service.search("317", lang="vi").hits]
    assert {"qd-317", "nd-317", "tb-317"} <= set(ids)


def test_a_topic_ranks_the_page_tagged_with_it_first(service):
    assert service.search("thưởng sáng kiến", lang="vi").hits[0].id == "tin-2"


def test_a_question_naming_an_article_opens_the_law_at_it(service):
    results = service.search("điều 5 luật kiểm toán nội bộ còn áp dụng không", lang="vi")
    assert first(results) == ("luat-kt", "art-5")
