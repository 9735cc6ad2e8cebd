"""Lao: spelling-variant normalization and a regex syllable segmenter that never drops a character."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .base import Language, OfficialWords

# Lao's block of Unicode but its digits (letters, vowel signs, tone marks), inside a regex character class:
# the one definition of Lao text, which the registry gives everyone else (search.get_language("lo").letters).
LETTERS = "\u0e80-\u0ecf\u0edc-\u0eff"
DIGITS = "໐໑໒໓໔໕໖໗໘໙"
TONE = "\u0ec8-\u0ecb"
ABOVE_BELOW = "\u0eb1\u0eb4-\u0ebc\u0ecd"  # vowel signs above/below, ຼ, ໍ
MARKS = f"{ABOVE_BELOW}{TONE}\u0ecc"
# Where each mark goes in a run on one letter: vowel sign (ັ ິ-ຼ ໍ), then tone, then the cancel sign.
_ORDER = {**dict.fromkeys("\u0eb1" + "".join(map(chr, range(0x0EB4, 0x0EBD))) + "\u0ecd", 0),
          **dict.fromkeys("\u0ec8\u0ec9\u0eca\u0ecb", 1), "\u0ecc": 2}
_AM = re.compile(f"([{TONE}]?)\u0ecd([{TONE}]?)\u0eb2")
_MARK_RUN = re.compile(f"[{MARKS}]{{2,}}")
_LAO = re.compile(f"[{LETTERS}]")
_LATIN_ON_LAO = re.compile(f"[{LETTERS}][\u0300-\u036f]|[\u0300-\u036f][{LETTERS}]")

LEAD_VOWELS = "ເແໂໃໄ"
CONSONANTS = set(chr(c) for c in range(0x0E81, 0x0EAF)) | {"ໜ", "ໝ", "ໞ", "ໟ"}
FOLLOW_VOWELS = set("ະາຳຽ")
MARK_SET = set(chr(c) for c in range(0x0EB1, 0x0EBD) if c not in (0x0EB2, 0x0EB3)) | set("\u0ec8\u0ec9\u0eca\u0ecb\u0ecc\u0ecd")
FINALS = set("ກງຍດນບມວ")
VOWEL_PARTS = set("ວອຍ")
SONORANTS = set("ງຍນມລວຣ")
# Marks after which a ວ/ອ/ຍ can still be part of the vowel (ເມືອງ, ບ່ອນ, ຫົວ).
_VOWEL_PART_OK = set("\u0ec8\u0ec9\u0eca\u0ecb\u0eb7\u0eb6\u0ebb")


@lru_cache(maxsize=4096)  # a handful of distinct runs, met on nearly every Lao word
def _mark_order(run: str) -> str:
    """One order for a run of marks on one letter: vowel signs, then tone, then the cancel sign, each
    in Unicode's canonical order (so NFC keeps it); each mark once (doubled marks are typing slips)."""
    marks = sorted(run, key=lambda c: (_ORDER[c], unicodedata.combining(c)))
    return "".join(c for i, c in enumerate(marks) if c not in marks[:i])


def _reorder(m: re.Match) -> str:
    return _mark_order(m.group(0))


def _rules(text: str) -> str:
    text = text.replace("ຫນ", "ໜ").replace("ຫມ", "ໝ")
    text = _MARK_RUN.sub(_reorder, text)
    return _AM.sub(lambda m: (m.group(1) or m.group(2)) + "\u0eb3", text)


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    if not _LAO.search(text):
        return text
    out = _rules(text)
    # Latin accents among Lao marks (broken fonts, stray keys) make NFC and the mark order move each
    # other's marks: repeat until nothing moves, so that normalizing twice changes nothing. NFC only
    # moves the Latin marks rightwards, so this ends; the bound is for safety.
    for _ in range(8):
        if not _LATIN_ON_LAO.search(out) or (again := _rules(unicodedata.normalize("NFC", out))) == out:
            break
        out = again
    return out


def fold(token: str) -> str:
    # ໃ and ໄ sound the same and ໃ is written in a score of words only: a slip between them is the
    # commonest misspelling (ປັບໃໝ, ປັບໄໝ), so the folded fields hold ໄ for both.
    return token.replace("ໃ", "ໄ") if "ໃ" in token else token


def _vowel_from(s: str, j: int) -> bool:
    """True when a vowel starts at j: a mark or following vowel, or ວ/ອ as the vowel of a closed
    syllable (ກວດ, ຂອງ), which is what they are before a final: no syllable is ວດ or ອງ."""
    if j < len(s) and (s[j] in MARK_SET or s[j] in FOLLOW_VOWELS):
        return True
    return (j + 1 < len(s) and s[j] in "ວອ" and s[j + 1] in FINALS and s[j + 1] != s[j]
            and not (j + 2 < len(s) and (s[j + 2] in MARK_SET or s[j + 2] in FOLLOW_VOWELS)))


def _onset_next(s: str, i: int) -> bool:
    """True when the consonant at i starts a syllable of its own (ມາ|ກວດ, ທີ່|ຂອງ, never ມາກ|ວດ)."""
    j = i + 1
    if j < len(s) and s[i] == "ຫ" and s[j] in SONORANTS:
        j += 1
    return _vowel_from(s, j)


def segment(s: str):
    """Yields (start, end) spans of Lao syllables in a run of Lao script."""
    i, n = 0, len(s)
    while i < n:
        start = i
        lead = s[i] in LEAD_VOWELS
        if lead:
            i += 1
        if i < n and s[i] in CONSONANTS:
            if s[i] == "ຫ" and i + 1 < n and s[i + 1] in SONORANTS and (lead or _vowel_from(s, i + 2)):
                i += 1  # ຫ-cluster: ຫວຽດ, ເຫລືອ
            elif i + 2 < n and s[i + 1] == "ວ" and s[i + 2] in FOLLOW_VOWELS | {"\u0ec8", "\u0ec9"}:
                i += 1  # ວ-cluster: ຄວາມ, ກວ້າງ
            i += 1
            if i < n and s[i] == "\u0ebc":
                i += 1  # subscript ລ belongs to the onset: ເຫຼືອ
        elif i == start:
            i += 1  # a mark or sign with no consonant: its own token, never dropped
            yield start, i
            continue
        vowel_marks = []
        while i < n and (s[i] in MARK_SET or s[i] in FOLLOW_VOWELS):
            vowel_marks.append(s[i])
            i += 1
        tails = 0
        if (vowel_marks and vowel_marks[-1] in "ະຳ") or s[start] in "ໄໃ" or (
                lead and vowel_marks and vowel_marks[-1] == "າ" and "\u0ebb" in vowel_marks):
            yield start, i  # -a, -am, ai and ao take no final consonant: the syllable ends here
            continue
        while i < n and s[i] in CONSONANTS and not _onset_next(s, i) and tails < 2:
            c = s[i]
            plain = all(m in _VOWEL_PART_OK for m in vowel_marks)
            if tails == 0 and c in VOWEL_PARTS and plain and not (lead and c == "ຍ"):
                if c == "ຍ" or (c == "ອ" and vowel_marks and not set(vowel_marks) & set("\u0eb7\u0eb6")
                                and not set(vowel_marks) <= set("\u0ec8\u0ec9\u0eca\u0ecb")):
                    i += 1
                    break
                i += 1
                tails = 1
                # ວ/ອ as vowel part: a final may follow
                continue
            if c in FINALS or tails == 1:
                if c not in FINALS:
                    break
                i += 1
                break
            break
        yield start, i


_VOWEL_SIGNS = set("\u0eb1\u0eb4\u0eb5\u0eb6\u0eb7\u0eb8\u0eb9\u0ebb\u0ecd") | FOLLOW_VOWELS | set(LEAD_VOWELS)


def _has_vowel(syllable: str) -> bool:
    """Every written Lao syllable has a vowel: a sign, a leading vowel, or ວ/ອ between an onset and
    its final (ກວດ, ຂອງ). A run of consonants alone (ວນ of a dropped ັ) is a typing slip."""
    if any(c in _VOWEL_SIGNS for c in syllable):
        return True
    return len(syllable) >= 3 and any(c in "ວອຍ" for c in syllable[1:])


def is_word(token: str) -> bool:
    """A run of well-formed Lao syllables (or a token of another script, which this cannot judge)."""
    if not _LAO.search(token):
        return True
    return all(_has_vowel(token[a:b]) for a, b in segment(token))


ALPHABET = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ"
_FILED_UNDER = {"ໜ": "ຫ", "ໝ": "ຫ"}  # ຫ with ນ, ມ: under ຫ, like the other ຫ clusters


def initial(term: str) -> str:
    """'ເງິນສົມທົບ' → 'ງ': the initial consonant; a vowel written before its consonant does not count."""
    for ch in term:
        if ch not in LEAD_VOWELS:
            ch = _FILED_UNDER.get(ch, ch)
            return ch if ch in ALPHABET else ""
    return ""


LANGUAGE = Language(
    code="lo",
    name="ພາສາລາວ",
    normalize=normalize,
    fold=fold,
    script=f"[{LETTERS}]",
    segment=segment,
    letters=f"[{LETTERS}]",
    digits=DIGITS,
    number_words={"ດຳລັດ": "ດລ", "ຂໍ້ຕົກລົງ": "ຂຕລ", "ກົດໝາຍ": "ສພຊ"},
    issuer_aliases={"na": "ສພຊ"},
    official=OfficialWords(
        motto=(r"^ສາທາລະນະລັດ\s*ປະຊາທິປະໄຕ\s*ປະຊາຊົນລາວ$", r"^ສັນຕິພາບ\s*ເອກະລາດ\s*ປະຊາທິປະໄຕ"),
        number=r"^ເລກທີ\s*[:.]?\s*",
        dated=rf"(?:(?P<place>[^,\d]{{2,60}}),?\s*)?ວັນທີ\s*(?P<day>\d{{1,2}})\s*[/\s]\s*(?P<month>\d{{1,2}}|[{LETTERS}]+)"
              r"\s*[/\s]\s*(?P<year>\d{4})",
        months={"ມັງກອນ": 1, "ກຸມພາ": 2, "ມີນາ": 3, "ເມສາ": 4, "ພຶດສະພາ": 5, "ມິຖຸນາ": 6, "ກໍລະກົດ": 7,
                "ສິງຫາ": 8, "ກັນຍາ": 9, "ຕຸລາ": 10, "ພະຈິກ": 11, "ທັນວາ": 12},
        types={"ກົດໝາຍ": ("law", "ກົດໝາຍ"), "ດຳລັດ": ("decree", "ດຳລັດ"), "ຂໍ້ຕົກລົງ": ("decision", "ຂໍ້ຕົກລົງ"),
               "ຄຳສັ່ງ": ("instruction", "ຄຳສັ່ງ"), "ຄຳແນະນຳ": ("guide", "ຄຳແນະນຳ")},
        basis=r"^ອີງຕາມ",
        signer=r"^(?:ແທນ\s*)?(?:ຮອງ)?(?:ນາຍົກລັດຖະມົນຕີ|ລັດຖະມົນຕີ|ປະທານ|ຫົວໜ້າ|ຜູ້ອຳນວຍການ|ເຈົ້າແຂວງ)",
        signed=r"^[(\[]?\s*(?:ລົງ)?ລາຍເຊັນ[^)\]]*[)\]]?$",
        recipients=r"^ບ່ອນສົ່ງ\s*:?",
        clause=r"^ຂໍ້\s*(?P<num>\d+)\s*[.:)]\s*",
        # Pre-Unicode Lao fonts: Lao letters drawn on Latin code points (the text reads as Latin gibberish).
        legacy_fonts=(r"^Saysettha\s*(?:Lao|Web)\b", r"^Phetsarath(?!\s*OT)", r"^Lao\s*Lane", r"^Alice(?:[_ ]?\d+)?$"),
    ),
    function_words=frozenset("ຂອງ ແລະ ໃນ ທີ່ ໃຫ້ ກັບ ຈາກ ເປັນ ຫຼື ແມ່ນ ໄດ້ ຕໍ່ ເພື່ອ".split()),
    # Written as typed, without spaces: each is matched syllable by syllable in the query.
    question_words=(
        "ມີຫຍັງແດ່", "ຫຍັງແດ່", "ແມ່ນຫຍັງ", "ຫຍັງ", "ແດ່", "ຈັກ", "ເທົ່າໃດ", "ແນວໃດ", "ຄືແນວໃດ",
        "ໃຜ", "ເມື່ອໃດ", "ຕອນໃດ", "ຢູ່ໃສ", "ໃສ", "ບ່ອນໃດ", "ເປັນຫຍັງ", "ຍ້ອນຫຍັງ", "ເພາະຫຍັງ", "ໃດ",
        "ແມ່ນບໍ", "ໄດ້ບໍ", "ບໍ", "ບໍ່ນໍ", "ນໍ", "ເດ", "ຂໍຖາມ", "ຢາກຮູ້", "ຢາກຖາມ",
    ),
    term_question_words=("ພາສາລາວ", "ພາສາຫວຽດນາມ", "ພາສາຫວຽດ", "ຄຳສັບ", "ໝາຍຄວາມວ່າ", "ແປວ່າ",
                         "ເອີ້ນວ່າຫຍັງ"),
    is_word=is_word,
    unit_words={"part": ("ພາກທີ", "ພາກ"), "chapter": ("ໝວດທີ", "ໝວດ"), "section": ("ພາກສ່ວນທີ", "ພາກສ່ວນ"),
                "article": ("ມາດຕາ",), "step": ("ຂັ້ນຕອນທີ", "ຂັ້ນຕອນ")},
    alphabet=ALPHABET,
    initial=initial,
    slug_folds=False,  # anchors keep ໃ as written: links to them were made before ໃ/ໄ folded together
)
