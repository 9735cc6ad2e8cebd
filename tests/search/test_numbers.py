"""Document numbers: every written form of one number shares one key; near misses do not."""
import pytest

from search.text.numbers import canonical, find_numbers, query_parts

SAME = [
    ("216/QĐ-BHXH", ["216/QD-BHXH", "216 / qđ – bhxh", "216/qđ—bhxh", "216/QĐ‑BHXH"]),
    ("05/2024/TT-BLĐTBXH", ["5/2024/TT-BLĐTBXH", "005/2024/tt-bldtbxh"]),
    ("54/ສພຊ", ["54/NA", "54/na", "໕໔/ສພຊ"]),
    ("໑໒໓/ນຍ", ["123/ນຍ"]),
    ("58/2014/QH13", ["58/2014/qh13"]),
]


@pytest.mark.parametrize("official,forms", SAME, ids=[s[0] for s in SAME])
def test_written_forms_share_one_key(official, forms):
    assert {canonical(f) for f in forms} == {canonical(official)}


def test_near_misses_have_other_keys():
    keys = {canonical(n) for n in ("216/QĐ-BHXH", "1216/QĐ-BHXH", "216/2025/NĐ-CP")}
    assert len(keys) == 3


def test_numbers_cited_in_text_are_found_in_order():
    text = ("Căn cứ Luật số 58/2014/QH13 và Quyết định 216/QĐ-BHXH; ngày 12/5/2025 "
            "(Nghị định 216/2025/NĐ-CP); ກົດໝາຍເລກທີ 54/ສພຊ.")
    assert find_numbers(text) == ["58/2014/qh13", "216/qd-bhxh", "216/2025/nd-cp", "54/ສພຊ"]


def test_dates_are_not_document_numbers():
    assert find_numbers("ngày 01/07/2025 và 26/2/2025") == []


@pytest.mark.parametrize("query,parts", [
    ("quyết định 216", ["qd", "216"]),
    ("qd 216", ["qd", "216"]),
    ("QĐ 0216", ["qd", "216"]),
    ("216", ["216"]),
    ("thanh tra", []),
])
def test_query_parts(query, parts):
    assert query_parts(query) == parts
