"""``strip_diacritics`` by its table gives what its definition gives (NFD, nonspacing
marks dropped, NFC), for every character and for the sequences where canonical
reordering could matter."""

from __future__ import annotations

import random
import unicodedata

from intake.text import fold, strip_diacritics


def by_definition(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


def test_every_character_of_the_basic_plane_alone() -> None:
    differ = [cp for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF
              and strip_diacritics(chr(cp)) != by_definition(chr(cp))]
    assert differ == []


def test_vietnamese_and_sequences_with_reordered_marks() -> None:
    assert strip_diacritics("Bích Động, Đồng Tiến") == "Bich Dong, Dong Tien"
    assert fold("  UBND  Xã Tân Mộc ") == "ubnd xa tan moc"
    # decomposed input (windows-1258 mail), marks of several classes in any order, a
    # spacing mark with a combining class (U+1D165, which the table refuses), Hangul
    # jamo that NFC composes again
    pool = ["a", "e", "o", "u", "đ", "Đ", " ", "ư", "ơ", "\u0301", "\u0300", "\u0303",
            "\u0309", "\u0323", "\u0302", "\u0306", "\u031b", "\u0345", "\u05b0",
            "\U0001d165", "\U0001d16d", "\u0f71", "\u0f72", "\u0903", "\u094d",
            "\u1100", "\u1161", "\u11a8", "\uac00", "“", "–", "ﬁ", "①"]
    rnd = random.Random(15)
    for _ in range(20000):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randint(1, 9)))
        assert strip_diacritics(text) == by_definition(text), ascii(text)
