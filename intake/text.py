"""Vietnamese text as citizens type it: NFC, with or without diacritics.

Every input is normalised to NFC at the door (mail decoded from windows-1258 arrives
decomposed). ``fold`` gives the key used for diacritic-insensitive matching.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def nfc(text: str) -> str:
    """Unicode NFC, control characters removed, line ends kept."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def clean(text: str) -> str:
    """NFC with runs of whitespace collapsed and the ends trimmed."""
    return _SPACES.sub(" ", nfc(text)).strip()


class _Unsafe(Exception):
    """A character whose decomposition holds a combining mark that is not a nonspacing
    one: canonical reordering could move it, so the character-wise table does not say."""


class _BareTable(dict[int, str]):
    """Code point → its canonical decomposition without nonspacing marks (category Mn),
    filled on first use of each character (``str.translate`` looks characters up here)."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(code))
        if any(unicodedata.combining(ch) and unicodedata.category(ch) != "Mn"
               for ch in decomposed):
            raise _Unsafe(code)
        bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
        self[code] = bare
        return bare


_BARE = _BareTable()


def strip_diacritics(text: str) -> str:
    """``Bích Động`` → ``Bich Dong``; đ/Đ become d/D (they do not decompose).

    The definition is NFD, nonspacing marks dropped, NFC. Decomposition works character
    by character, and canonical reordering moves only marks with a combining class, all
    of which are dropped unless some is not nonspacing (``_Unsafe``: then the definition
    itself runs); so a table of each character's bare decomposition gives the same text
    at a fraction of the cost (routing folds each complaint's lines several times)."""
    if text.isascii():
        return text
    try:
        bare = text.translate(_BARE)
    except _Unsafe:
        decomposed = unicodedata.normalize("NFD", text)
        bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


def fold(text: str) -> str:
    """Lower-case, diacritic-free, single-spaced: the key for matching what people type."""
    return _SPACES.sub(" ", strip_diacritics(nfc(text)).lower()).strip()


@lru_cache(maxsize=1 << 16)
def carries_diacritic(word: str) -> bool:
    """Whether ``word`` loses something when its diacritics are stripped. Cached: texts
    are mostly the few thousand syllables of the language, and routing and search ask
    this of every word they read."""
    return not word.isascii() and strip_diacritics(word) != word


_TILDE, _HOOK = "\u0303", "\u0309"


def _letters_and_marks(word: str) -> tuple[str, Counter[str]]:
    decomposed = unicodedata.normalize("NFD", word.lower())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    marks = Counter(_HOOK if ch == _TILDE else ch
                    for ch in decomposed if unicodedata.combining(ch))
    return letters, marks


@lru_cache(maxsize=1 << 16)
def may_be_spelled(typed: str, spelled: str) -> bool:
    """Whether a word typed with marks may be ``spelled``, as people type: marks left off
    ("cuới", "cươi" for "cưới"; d for đ), hỏi and ngã confused ("sỗ đỏ", "sữa tên"),
    the tone on either vowel ("hoà", "hòa"). A mark the spelling lacks makes it another
    word: "cười" is not "cưới", "lớn" not "lợn", "số" not "sổ". A spelling without any
    mark ("chip") is anything typed over its letters ("chíp")."""
    typed_letters, typed_marks = _letters_and_marks(typed)
    letters, marks = _letters_and_marks(spelled)
    if len(typed_letters) != len(letters) or not all(
            t == s or (t == "d" and s == "đ") for t, s in zip(typed_letters, letters, strict=True)):
        return False
    if not marks and "đ" not in letters:
        return True
    return not typed_marks - marks


def mostly_accented(words: Sequence[str], share: float) -> bool:
    """Whether at least ``share`` of ``words`` carry a diacritic: the writer typed them,
    so a word without any is meant as written."""
    return bool(words) and sum(map(carries_diacritic, words)) >= share * len(words)


def has_letters_or_digits(text: str) -> bool:
    """True when the text carries some words or numbers (not only emoji or punctuation)."""
    return any(ch.isalnum() for ch in text)


_UNIT_TYPE = re.compile(r"^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân) "
                        r"(Xã|Phường|Thị Trấn|Thị trấn|Thị Xã|Thị xã|Huyện|Thành Phố|Thành phố"
                        r"|Tỉnh) ")


def unit_name(name: str) -> str:
    """A People's Committee's name as Vietnamese writes it: the unit's type in lower case
    after "UBND" ("UBND Xã Tân Mộc" → "UBND xã Tân Mộc"); other names unchanged."""
    return _UNIT_TYPE.sub(lambda m: f"{m.group(1)} {m.group(2).lower()} ", name, count=1)
