"""Vietnamese: NFC, one tone-placement convention, Ð→Đ, accent folding that leaves other scripts alone."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .base import Language, OfficialWords

TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
MODIFIERS = "\u0302\u0306\u031b"  # â ê ô, ă, ơ ư
VOWELS = "aeiouy"


def _build_fold_table() -> dict[int, str]:
    table = {ord("đ"): "d", ord("Đ"): "D", 0x00D0: "D"}
    for cp in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        base = "".join(c for c in unicodedata.normalize("NFD", chr(cp)) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii() and base.isalpha() and base != chr(cp):
            table[cp] = base
    return table


FOLD_TABLE = _build_fold_table()
_TONED = "".join(chr(c) for c in FOLD_TABLE if any(t in unicodedata.normalize("NFD", chr(c)) for t in TONES)
                 and unicodedata.normalize("NFD", chr(c))[0].lower() in VOWELS)
_ANY_VOWEL = "aeiouyăâêôơưAEIOUYĂÂÊÔƠƯ" + _TONED
# Only words where a toned vowel touches another vowel can have the tone in the wrong place.
_CANDIDATE = re.compile(f"[^\\W\\d_]*(?:[{_ANY_VOWEL}][{_TONED}]|[{_TONED}][{_ANY_VOWEL}])[^\\W\\d_]*")
# Marks NFC could not attach (uó\u0302) belong to their word, or tone placement would leave them
# behind. Rare, and the pattern that allows them is slower: used only when there are any.
_STRAY_MARK = re.compile("[\u0300-\u036f]")
_LETTER = "(?:[^\\W\\d_]|[\u0300-\u036f])"
_CANDIDATE_MARKS = re.compile(f"{_LETTER}*(?:[{_ANY_VOWEL}][{_TONED}]|[{_TONED}][{_ANY_VOWEL}]){_LETTER}*")


def _letters(nfd: str) -> list[list[str]]:
    """Groups an NFD word into letters: base character followed by its marks."""
    out: list[list[str]] = []
    for ch in nfd:
        if unicodedata.combining(ch) and out:
            out[-1].append(ch)
        else:
            out.append([ch])
    return out


@lru_cache(maxsize=200_000)
def place_tone(word: str) -> str:
    """Puts the tone mark of one syllable where the traditional convention puts it (hòa, thủy, quý)."""
    letters = _letters(unicodedata.normalize("NFD", word))
    tones = [(i, m) for i, L in enumerate(letters) for m in L[1:] if m in TONES]
    if len(tones) != 1:
        return word
    tone_at, tone = tones[0]
    letters[tone_at].remove(tone)
    low = [L[0].lower() for L in letters]
    idx = [i for i, c in enumerate(low) if c in VOWELS]
    if not idx:
        return word
    # 'qu' and 'gi' before another vowel: the u and i are consonants.
    if len(idx) > 1 and idx[0] > 0 and ((low[idx[0] - 1] == "q" and low[idx[0]] == "u")
                                        or (low[idx[0] - 1] == "g" and low[idx[0]] == "i")):
        idx = idx[1:]
    start, end = idx[0], idx[-1]
    nucleus = list(range(start, end + 1))
    if any(low[i] not in VOWELS for i in nucleus):
        return word  # not one Vietnamese syllable: leave it alone
    modified = [i for i in nucleus if any(m in MODIFIERS for m in letters[i][1:])]
    closed = end + 1 < len(letters)
    if modified:
        target = modified[-1]
    elif len(nucleus) == 1:
        target = nucleus[0]
    elif len(nucleus) == 3:
        target = nucleus[1]
    elif closed:
        target = nucleus[-1]
    else:
        target = nucleus[0]
    letters[target].append(tone)
    return unicodedata.normalize("NFC", "".join("".join(L) for L in letters))


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "Đ")
    candidate = _CANDIDATE_MARKS if _STRAY_MARK.search(text) else _CANDIDATE
    return candidate.sub(lambda m: place_tone(m.group(0)), text)


_FOLDABLE = re.compile(f"[{''.join(map(chr, FOLD_TABLE))}]")


def fold(token: str) -> str:
    # translate() with a dict walks non-ASCII text one character at a time: Lao text skips it.
    return token.translate(FOLD_TABLE) if _FOLDABLE.search(token) else token


# A syllable's shape, on its folded lowercase form: onset, a vowel group that Vietnamese writes, coda.
# Permissive (it accepts some syllables no one writes) but it rejects what typing slips most often make:
# a letter no syllable ends in (tar), doubled consonants (thanhh), vowels with no place (thaanh).
_NUCLEI = ("oai oay oeo uay uoi uou uya uye uyu ieu yeu ai ao au ay eo eu ia ie iu oa oe oi oo ua ue ui uo "
           "uu uy ye a e i o u y").split()
_SYLLABLE = re.compile(r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?"
                       rf"(?:{'|'.join(_NUCLEI)})(?:ch|ng|nh|[cmnpt])?")


def is_word(token: str) -> bool:
    """A well-formed Vietnamese syllable (or a token of another script, which this cannot judge)."""
    folded = fold(token)
    if not folded.isascii() or not folded.isalpha():
        return True
    return _SYLLABLE.fullmatch(folded) is not None


ALPHABET = "ABCDĐEFGHIJKLMNOPQRSTUVWXYZ"


def initial(term: str) -> str:
    """'đóng bảo hiểm' → 'Đ': the first letter without its accents (Ă and Â are under A), Đ after D."""
    first = normalize(term)[:1]
    if first in "đĐ":
        return "Đ"
    key = fold(first.lower()).upper()
    return key if key and key in ALPHABET else ""


LANGUAGE = Language(
    code="vi",
    name="Tiếng Việt",
    normalize=normalize,
    fold=fold,
    number_words={
        "quyết định": "qđ", "nghị định": "nđ", "thông tư": "tt", "chỉ thị": "ct",
        "công văn": "cv", "nghị quyết": "nq", "hướng dẫn": "hd"
    },
    letters="[A-Za-z\u00c0-\u024f\u1ea0-\u1ef9\u0300-\u036f]",
    official=OfficialWords(
        motto=(r"^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$", r"^Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc$"),
        number=r"^Số\s*[:.]?\s*",
        dated=r"(?:(?P<place>[^,\d]{2,40}),\s*)?ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})",
        types={"luật": ("law", "Luật"), "bộ luật": ("law", "Bộ luật"), "nghị định": ("decree", "Nghị định"),
               "quyết định": ("decision", "Quyết định"), "thông tư": ("circular", "Thông tư"),
               "chỉ thị": ("instruction", "Chỉ thị"), "hướng dẫn": ("guide", "Hướng dẫn"),
               "quy trình": ("procedure", "Quy trình")},
        basis=r"^Căn cứ\b",
        signer=r"^(?:(?:KT|TM|TL|TUQ|Q)\.|PHÓ |GIÁM ĐỐC|TỔNG GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|CHỦ TỊCH|"
               r"CHÁNH |TRƯỞNG |CỤC TRƯỞNG|VỤ TRƯỞNG)",
        signed=r"^[(\[]?\s*(?:đã ký|ký tên|ký)\b[^)\]]*[)\]]?$",
        recipients=r"^Nơi nhận\s*:?",
        clause=r"^Khoản\s+(?P<num>\d+)\s*[.:]\s*",
    ),
    function_words=frozenset("cua va cac nhung ve cho voi trong la duoc theo nay do thi mot nhu tai tu den".split()),
    question_words=(
        "bao nhiêu", "bao lâu", "bao giờ", "mấy", "là gì", "gì", "thế nào", "như thế nào", "ra sao",
        "có được không", "được không", "hay không", "có phải", "phải không", "khi nào", "lúc nào", "ai",
        "ở đâu", "đâu", "tại sao", "vì sao", "nào", "những", "cho hỏi", "xin hỏi", "cho biết",
        "muốn biết", "hỏi", "vậy", "thì sao", "có", "nhé", "ạ", "nhỉ", "hả",
    ),
    closing_words=("không", "chưa", "chứ"),
    term_question_words=("tiếng lào", "tiếng việt", "nghĩa là gì", "thuật ngữ", "dịch là", "dịch sang",
                         "tiếng lào là gì", "gọi là gì"),
    is_word=is_word,
    unit_words={"part": ("Phần thứ", "Phần"), "chapter": ("Chương",), "section": ("Mục",), "article": ("Điều",),
                "step": ("Bước",)},
    alphabet=ALPHABET,
    initial=initial,
)
