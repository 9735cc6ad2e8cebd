"""diff_words: two wordings as runs of equal, inserted and deleted text, word by word (Lao by syllable)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from search import normalize

from kb.web.diffs import counts, diff_words


def before(runs):
    return "".join(r["text"] for r in runs if r["op"] != "insert")


def after(runs):
    return "".join(r["text"] for r in runs if r["op"] != "delete")


def test_a_changed_word_is_deleted_then_inserted_between_equal_text():
    runs = diff_words("Khoản 5 có hai câu.", "Khoản 5 có một câu.")
    assert runs == [{"op": "equal", "text": "Khoản 5 có "}, {"op": "delete", "text": "hai"},
                    {"op": "insert", "text": "một"}, {"op": "equal", "text": " câu."}]


def test_a_removed_phrase_is_one_deletion():
    runs = diff_words("giao cả việc kiểm tra và việc thanh tra", "giao cả việc kiểm tra")
    assert runs == [{"op": "equal", "text": "giao cả việc kiểm tra"}, {"op": "delete", "text": " và việc thanh tra"}]


def test_a_removed_phrase_covers_the_words_a_reader_would_name():
    # "kiểm[ tra và thanh] tra" says the same, but "và thanh tra" is what was removed.
    runs = diff_words("quyền kiểm tra và thanh tra việc đóng", "quyền kiểm tra việc đóng")
    assert runs == [{"op": "equal", "text": "quyền kiểm tra"}, {"op": "delete", "text": " và thanh tra"},
                    {"op": "equal", "text": " việc đóng"}]


def test_a_rewritten_phrase_is_not_cut_at_every_matching_space():
    runs = diff_words("một hai ba", "bốn năm sáu")
    assert runs == [{"op": "delete", "text": "một hai ba"}, {"op": "insert", "text": "bốn năm sáu"}]


def test_lao_without_spaces_differs_by_syllable():
    runs = diff_words("ມີສິດກວດກາ ແລະ ກວດເບິ່ງ", "ມີສິດກວດເບິ່ງ")
    assert runs[0] == {"op": "equal", "text": "ມີສິດກວດ"}
    assert {"op": "delete", "text": "ກາ ແລະ ກວດ"} in runs
    assert runs[-1] == {"op": "equal", "text": "ເບິ່ງ"}


def test_a_new_or_removed_wording_is_all_inserted_or_all_deleted():
    assert diff_words("", "Văn bản mới.") == [{"op": "insert", "text": "Văn bản mới."}]
    assert diff_words("Văn bản cũ.", "") == [{"op": "delete", "text": "Văn bản cũ."}]
    assert diff_words("Như cũ.", "Như cũ.") == [{"op": "equal", "text": "Như cũ."}]


def test_counts():
    assert counts(diff_words("a b c d", "a x c")) == {"inserted": 1, "deleted": 2}


TEXT = st.lists(st.sampled_from(["a", "b", " ", "đ", ",", ".", "bảo", "hiểm", "ມີ", "ສິດ", "ກວດ", "ກາ", "62"]),
                max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_leaving_out_one_side_reads_the_other_wording(old, new):
    runs = diff_words(old, new)
    assert before(runs) == normalize(old) and after(runs) == normalize(new)
    assert all(r["text"] for r in runs)
    assert all(a["op"] != b["op"] for a, b in zip(runs, runs[1:]))  # neighbouring runs of one kind are merged
