"""Changed articles: the wording valid on the day asked about first, former wording found and said so."""
import pytest

from search import Record, SearchService, UnitRecord, build_index

BEFORE = "Cơ quan bảo hiểm xã hội thanh tra chuyên ngành về đóng bảo hiểm xã hội và kiểm tra việc đóng."
AFTER = "Cơ quan bảo hiểm xã hội kiểm tra việc đóng bảo hiểm xã hội."


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("versions")
    units = [UnitRecord("art-16", "Điều 16. Chức năng", "Cơ quan bảo hiểm xã hội là cơ quan nhà nước."),
             UnitRecord("art-17", "Điều 17. Quyền hạn", BEFORE, "", "2025-06-30"),
             UnitRecord("art-17", "Điều 17. Quyền hạn", AFTER, "2025-07-01", ""),
             UnitRecord("art-18", "Điều 18. Trách nhiệm", "Cơ quan bảo hiểm xã hội báo cáo hằng năm.")]
    records = [Record("luat-bhxh", "vi", "Luật bảo hiểm xã hội", type="law", units=units,
                      headings=list(dict.fromkeys(u.heading for u in units)))]
    build_index(index_dir, records, [], full=True)
    return SearchService(index_dir)


def test_today_the_current_wording_is_shown_and_not_called_former(service):
    hit = service.search("kiểm tra việc đóng bảo hiểm xã hội", on="2026-01-01").hits[0]
    assert hit.article == "art-17" and hit.former is None
    assert "thanh tra chuyên ngành" not in hit.snippet


def test_former_wording_is_still_found_and_says_which_days_it_was_valid(service):
    hit = service.search("thanh tra chuyên ngành", on="2026-01-01").hits[0]
    assert hit.article == "art-17"
    assert hit.former == ("", "2025-06-30")
    assert "<mark>thanh tra chuyên ngành</mark>" in hit.snippet


@pytest.mark.parametrize("day,shown", [("2025-06-30", BEFORE), ("2025-07-01", AFTER)])
def test_on_a_day_the_wording_then_valid_is_the_one_shown(service, day, shown):
    # Both wordings have these words: the day decides.
    hit = service.search("kiểm tra việc đóng", on=day).hits[0]
    assert hit.article == "art-17" and hit.former is None
    assert ("chuyên ngành" in hit.snippet) == (shown is BEFORE)


def test_the_day_is_part_of_what_is_remembered(service):
    before = service.search("quyền hạn điều 17", on="2025-05-01").hits[0]
    after = service.search("quyền hạn điều 17", on="2025-08-01").hits[0]
    assert "thanh tra chuyên ngành" in before.snippet
    assert "thanh tra chuyên ngành" not in after.snippet
