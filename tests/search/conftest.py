"""Small record sets built in code: search/ is tested without the content pipeline."""
import pytest

from search import Record, SuggestionRecord, UnitRecord, build_index


def rec(doc_id, lang, title, *, number="", units=(), intro="", status="in_force", type="decision",
        issued="", tags=(), summary=""):
    return Record(id=doc_id, lang=lang, title=title, number=number, summary=summary, intro=intro,
                  headings=[h for _, h, _ in units], units=[UnitRecord(a, h, t) for a, h, t in units],
                  type=type, status=status, issued=issued, tags=list(tags), payload={"note": doc_id})


def corpus():
    return [
        rec("qd-216", "vi", "Quyết định 216/QĐ-BHXH về Thanh tra Bảo hiểm xã hội", number="216/QĐ-BHXH",
            issued="2024-03-01", tags=["thanh tra"], units=[
                ("art-1", "Điều 1. Vị trí và chức năng", "Thanh tra là đơn vị thuộc bảo hiểm xã hội."),
                ("art-2", "Điều 2. Nhiệm vụ", "Thanh tra chuyên ngành đóng bảo hiểm xã hội, bảo hiểm y tế.")]),
        rec("qd-1216", "vi", "Quyết định 1216/QĐ-BHXH về chi tiêu nội bộ", number="1216/QĐ-BHXH",
            issued="2023-05-01", intro="Quy chế chi tiêu nội bộ của cơ quan bảo hiểm xã hội."),
        rec("nd-216", "vi", "Nghị định 216/2025/NĐ-CP hướng dẫn Luật Thanh tra", number="216/2025/NĐ-CP",
            type="decree", issued="2025-08-05", intro="Hướng dẫn Luật Thanh tra năm 2025."),
        rec("tt-05", "vi", "Thông tư 05/2024/TT-BLĐTBXH về tiền lương", number="05/2024/TT-BLĐTBXH",
            type="circular", status="repealed", issued="2024-02-01",
            intro="Tiền lương làm căn cứ đóng bảo hiểm xã hội, căn cứ Quyết định 216/QĐ-BHXH."),
        rec("bao-lu", "vi", "Hỗ trợ vùng bão lũ", type="news", intro="Bão lũ làm nhiều đơn vị tạm dừng đóng."),
        rec("luat", "vi", "Luật mẫu nhiều điều", type="law", number="99/2020/QH14", status="repealed", units=[
            ("art-1", "Điều 1. Phạm vi", "Luật này quy định chế độ bảo hiểm xã hội."),
            ("art-30", "Điều 30. Chế độ thai sản", "Lao động nữ sinh con được hưởng chế độ thai sản."),
            ("art-31", "Điều 31. Trợ cấp mai táng", "Người lo mai táng được nhận trợ cấp mai táng.")]),
        rec("law-54", "lo", "ກົດໝາຍວ່າດ້ວຍການປະກັນສັງຄົມ", number="54/ສພຊ", type="law", units=[
            ("art-1", "ມາດຕາ 1 ຈຸດປະສົງ", "ເພື່ອຄຸ້ມຄອງ ແລະ ການກວດກາວຽກງານປະກັນສັງຄົມ."),
            ("art-7", "ມາດຕາ 7 ກອງທຶນ", "ຫົວໜ່ວຍນຳໃຊ້ແຮງງານຈ່າຍເງິນສົມທົບເຂົ້າກອງທຶນ.")]),
        rec("nyo-123", "lo", "ຂໍ້ຕົກລົງເລກທີ ໑໒໓/ນຍ ວ່າດ້ວຍກອງທຶນ", number="໑໒໓/ນຍ",
            intro="ກອງທຶນປະກັນສັງຄົມແຫ່ງຊາດ."),
    ]


def suggestions(records):
    out = [SuggestionRecord(r.title, r.lang, "title", r.id) for r in records]
    return out + [SuggestionRecord(r.number, r.lang, "number", r.id) for r in records if r.number]


def indexed(records, index_dir):
    """A full index of the records (and their titles and numbers as suggestions) in index_dir."""
    build_index(index_dir, records, suggestions(records), full=True)
    return index_dir


def first(results):
    """The first hit's document and article."""
    hit = results.hits[0]
    return hit.id, hit.article


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return indexed(corpus(), tmp_path_factory.mktemp("index"))
