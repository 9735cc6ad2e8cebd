"""Golden token tests: the analysis every query and every document goes through."""
import pickle
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search.text.analysis import CHAINS, EXACT, EXACT_BIGRAMS, FOLDED, FOLDED_BIGRAMS, terms, tokens
from search.text.languages import UnknownLanguage, get_language, normalize

GOLDEN = Path(__file__).parent / "golden"


def cases(name):
    return list(_cases(name))


def _cases(name):
    for line in (GOLDEN / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, expected = line.split("\t")
            yield pytest.param(source, expected.split(), id=source[:30])


@pytest.mark.parametrize("source,expected", cases("vi.tsv"))
def test_vietnamese_exact_tokens(source, expected):
    assert tokens(source, EXACT) == expected


@pytest.mark.parametrize("source,expected", cases("vi_folded.tsv"))
def test_folded_tokens(source, expected):
    assert tokens(source, FOLDED) == expected


@pytest.mark.parametrize("source,expected", cases("lo.tsv"))
def test_lao_tokens(source, expected):
    assert tokens(source, EXACT) == expected


def test_nfd_input_gives_the_same_tokens_as_nfc():
    text = "Bảo hiểm xã hội và thanh tra chuyên ngành"
    assert tokens(unicodedata.normalize("NFD", text), EXACT) == tokens(text, EXACT)


def test_folding_leaves_lao_marks_alone():
    # NFD + strip-marks would turn ກົດ, ກິດ, ກັດ into the same ກດ
    assert len({tokens(w, FOLDED)[0] for w in ("ກົດ", "ກິດ", "ກັດ")}) == 3


def test_lao_segmentation_never_drops_a_character():
    text = normalize("ກົດໝາຍວ່າດ້ວຍການປະກັນສັງຄົມ ສະບັບປັບປຸງ ເລກທີ 54/ສພຊ ນຍ xyz ໌ ່")
    spans = [(t.startchar, t.endchar) for t in EXACT(text, chars=True)]
    covered = "".join(text[s:e] for s, e in spans)
    assert covered == "".join(c for c in text if not c.isspace() and c != "/")


def test_bigrams_join_neighbouring_syllables():
    assert tokens("bảo hiểm xã hội", EXACT_BIGRAMS) == ["bảo hiểm", "hiểm xã", "xã hội"]
    assert tokens("bảo hiểm", FOLDED_BIGRAMS) == ["bao hiem"]
    assert tokens("ການກວດກາ", EXACT_BIGRAMS) == ["ການ ກວດ", "ກວດ ກາ"]


def test_normalization_is_idempotent():
    for text in ("hoà thuỷ qúy", "ຫນ່ວຍ ນໍ້າ ຕ້ັງ", "Ðiều 5", "ho\u00adà", "ນ\u0ec8\u0eb4\u0ec8"):
        once = normalize(text)
        assert normalize(once) == once


# Letters and marks of both scripts, the characters normalization removes or rewrites, and stray Latin
# accents: the mixtures careless typing and broken fonts produce.
_TRICKY = st.text(st.sampled_from(
    [chr(c) for c in range(0x0E81, 0x0EE0)] + list("aeouyAĐđÐqgh ") + list("\u200b\u00ad\ufeff\u2060")
    + ["\u0300", "\u0301", "\u0302", "\u0303", "\u0306", "\u0309", "\u031b", "\u0323"]), max_size=12)


@given(_TRICKY)
@settings(max_examples=3000, deadline=None)
def test_normalizing_normalized_text_changes_nothing(text):
    # Stored text is normalized once and then analyzed as it is; a second pass that changed it would
    # make indexed words differ from what a query normalizes to.
    once = normalize(text)
    assert normalize(once) == once


def test_a_soft_hyphen_does_not_hide_a_misplaced_tone():
    assert normalize("ho\u00adà") == normalize("hoà") == "hòa"


def test_lao_marks_get_one_order_and_appear_once():
    # tone before vowel sign, a doubled tone: the same word as typed correctly
    assert normalize("ກ\u0ec8\u0eb4\u0ec8ນ") == normalize("ກ\u0eb4\u0ec8ນ") == "ກ\u0eb4\u0ec8ນ"


def test_analyzers_survive_pickling_as_whoosh_stores_them():
    for analyzer in (EXACT, FOLDED, EXACT_BIGRAMS, FOLDED_BIGRAMS):
        again = pickle.loads(pickle.dumps(analyzer))
        assert tokens("Bảo hiểm ການກວດກາ", again) == tokens("Bảo hiểm ການກວດກາ", analyzer)


def test_unknown_language_is_an_error_not_a_fallback():
    with pytest.raises(UnknownLanguage, match="unknown language 'th'"):
        get_language("th")


@pytest.mark.parametrize("kind", sorted(CHAINS))
def test_the_indexing_fast_path_gives_the_same_terms_as_the_analyzer_chain(kind):
    text = ("Quyết định 216/QĐ-BHXH: thanh tra BẢO HIỂM xã hội, hoà bình; İstanbul "
            "ການກວດກາ ຫນ່ວຍງານ ມາດຕາ ໗ ເງິນ\u200bສົມທົບ bao gồm")
    # documents are normalized when read; the chains normalize what they are given (queries)
    assert terms(normalize(text), kind) == tokens(text, CHAINS[kind])
