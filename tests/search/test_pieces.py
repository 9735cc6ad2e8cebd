"""text_pieces: a text cut into words (Lao syllables) and what lies between, for word-by-word comparisons."""
from hypothesis import given, settings
from hypothesis import strategies as st

from search import normalize, text_pieces


def words(text):
    return [p for p, is_word in text_pieces(text) if is_word]


def test_vietnamese_is_cut_into_words_and_the_runs_between():
    assert text_pieces("Khoản 5 chỉ còn: câu") == [
        ("Khoản", True), (" ", False), ("5", True), (" ", False), ("chỉ", True), (" ", False), ("còn", True),
        (": ", False), ("câu", True)]


def test_lao_written_without_spaces_is_cut_into_syllables():
    assert words("ມີສິດກວດກາ") == ["ມີ", "ສິດ", "ກວດ", "ກາ"]


def test_a_number_and_latin_letters_inside_lao_are_words_of_their_own():
    assert words("ມາດຕາ 62 ກົດໝາຍ 84/2025/QH15") == ["ມາດ", "ຕາ", "62", "ກົດ", "ໝາຍ", "84", "2025", "QH15"]


def test_vietnamese_is_normalized_as_search_stores_it():
    decomposed = "ba\u0309o hie\u0302\u0309m"  # "bảo hiểm" typed with combining marks
    assert words(decomposed) == ["bảo", "hiểm"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(min_codepoint=0x0E80, max_codepoint=0x0EFF),
                                  st.sampled_from(list("aăâđêôơư bảo,.:;\"()/-0123456789\n\t")))))
def test_the_pieces_put_back_together_are_the_normalized_text(text):
    pieces = text_pieces(text)
    assert "".join(p for p, _ in pieces) == normalize(text)
    assert all(p for p, _ in pieces)  # no empty piece
