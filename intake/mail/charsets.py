"""Bytes of a mail body or header → text, for the charsets Vietnamese mail really comes in.

Python knows UTF-8 and windows-1258 but none of the older Vietnamese encodings that
office software still writes: VISCII (RFC 1456), TCVN3 (TCVN 5712, the ".Vn…" ABC fonts)
and VNI (VNI fonts: a letter followed by a tone character, laid over windows-1252). Their
byte tables are here (VISCII and TCVN 5712 as glibc's charmaps give them). Mail in these
encodings often declares no charset, a charset Python does not know (``x-viet-vni``,
``unknown-8bit``), or ``iso-8859-1``.

``decode_bytes`` therefore decodes with the declared charset when it is known and fits,
UTF-8 next, and otherwise tries windows-1258, VISCII, TCVN3, VNI and the guess of
charset-normalizer, keeping the reading with the most Vietnamese letters and the fewest
stray symbols. Text decoded here never contains U+FFFD.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import contextlib
import functools
import quopri
import re
import unicodedata

from charset_normalizer import from_bytes

REPLACEMENT = "\ufffd"
_TONES = {"\u0301": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0323": 4}
_VOWELS = "aăâeêioôơuưy"
VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for base in _VOWELS + _VOWELS.upper() for tone in ("", *_TONES)
) | frozenset("đĐ")
# Frequent syllables of Vietnamese administrative mail: a correct reading is full of them,
# a wrong one (the right letters in the wrong places) has next to none.
_SYLLABLE_TEXT = """
của và các có được trong là cho không người những với một đã này để ở đến về xã huyện
tỉnh cán bộ hồ sơ đề nghị phản ánh việc dân tôi đất giải quyết thủ tục hành chính ngày
năm tháng đường nhà công ông bà đơn kính gửi trân trọng theo đồng sổ đỏ hạn chưa nhận
kết quả ủy ban nhân phường thị trấn thành phố sở quy định nộp cấp giấy chứng quyền sử
dụng xin cảm ơn lần vẫn đi làm gia đình thôn xóm bản vấn mong sớm xem xét yêu cầu khiếu
nại tố cáo trả lời thông tin liên hệ điện thoại tại từ khi nhưng đang sẽ rất nhiều còn
như vì nên bị thì mà lại phải đó nào ra vào lên sau trước hơn cũng đều chỉ mới hết tiền
phí lệ học trường bệnh viện tế môi nước rác nhiễm hỏng ngập đèn cầu cống chậm quá kiến
"""
COMMON_SYLLABLES = frozenset(_SYLLABLE_TEXT.split())
# Punctuation that legitimately follows the ASCII range in office text.
_HARMLESS = frozenset("“”‘’–—…•€°«»·×\u00a0\u200b\ufeff©®™§¶")

_VISCII_C0 = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}
_VISCII_HIGH = ("ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯ"
                "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ")
_TCVN_HIGH = ("\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹề"
              "ểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ")

# VNI: tone characters after the vowel (windows-1252 glyphs), in the order of ``_TONES``.
_VNI_PLAIN = "ùøûõï"        # a e o u y + tone
_VNI_HAT = "âáàåãä"         # circumflex, then circumflex + tone
_VNI_BREVE = "êéèúüë"       # breve, then breve + tone
_VNI_I = "íìæóò"            # i with a tone is one character
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "î": "ỵ"}

LEGACY_ALIASES = {
    "viscii": "viscii", "x-viet-viscii": "viscii", "csviscii": "viscii",
    "tcvn": "tcvn3", "tcvn3": "tcvn3", "tcvn-3": "tcvn3", "tcvn5712": "tcvn3",
    "tcvn-5712": "tcvn3", "tcvn5712-1": "tcvn3", "x-viet-tcvn": "tcvn3",
    "x-viet-tcvn5712": "tcvn3", "abc": "tcvn3",
    "vni": "vni", "x-viet-vni": "vni", "vni-windows": "vni", "x-vni": "vni",
}
_LATIN = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "windows-1252",
                    "cp1252", "us-ascii", "ascii", "iso-8859-15"})
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_SURROGATES = re.compile("[\udc80-\udcff]")
_WORDS = re.compile(r"[^\W\d_]+")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _table(low: dict[int, str], high_start: int, high: str, base: str) -> str:
    """A 256-character decoding table: ``base`` (a codec) with ``low``/``high`` laid over."""
    chars = list(bytes(range(256)).decode(base, errors="replace"))
    for byte, char in low.items():
        chars[byte] = char
    for offset, char in enumerate(high):
        chars[high_start + offset] = char
    for byte in range(0x80, 0x100):
        if chars[byte] == REPLACEMENT:
            chars[byte] = chr(byte)  # windows-1252's five holes: the latin-1 reading
    return "".join(chars)


_VISCII_TABLE = _table(_VISCII_C0, 0x80, _VISCII_HIGH, "latin-1")
_TCVN_TABLE = _table({}, 0xA0, _TCVN_HIGH, "cp1252")
_CP1252_TABLE = _table({}, 0x80, "", "cp1252")


def _vni_spelling(letter: str) -> str:
    """How VNI writes one lowercase Vietnamese letter (windows-1252 characters)."""
    parts = unicodedata.normalize("NFD", letter)
    base, marks = parts[0], parts[1:]
    tone = next((_TONES[m] for m in marks if m in _TONES), None)
    if base == "i":
        return "i" if tone is None else _VNI_I[tone]
    if base == "y" and tone == 4:
        return "î"
    if "\u031b" in marks:  # horn: ơ ư
        return ("ô" if base == "o" else "ö") + ("" if tone is None else _VNI_PLAIN[tone])
    if "\u0302" in marks:
        return base + _VNI_HAT[0 if tone is None else tone + 1]
    if "\u0306" in marks:
        return base + _VNI_BREVE[0 if tone is None else tone + 1]
    return base + ("" if tone is None else _VNI_PLAIN[tone])


@functools.cache
def _vni_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """The VNI spellings of every letter that VNI writes differently, longest first."""
    table: dict[str, str] = {}
    for letter in sorted(VIETNAMESE_LETTERS):
        if letter in "đĐ" or letter.isupper():
            continue
        spelling = _vni_spelling(letter)
        if spelling != letter:
            table[spelling] = letter
            table[spelling.upper()] = letter.upper()
    for vni, letter in _VNI_SINGLE.items():
        table[vni], table[vni.upper()] = letter, letter.upper()
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys)), table


def decode_vni(data: bytes) -> str:
    """VNI bytes → text."""
    pattern, table = _vni_pattern()
    text = codecs.charmap_decode(data, "strict", _CP1252_TABLE)[0]
    return pattern.sub(lambda m: table[m.group(0)], text)


def decode_legacy(data: bytes, name: str) -> str:
    """Bytes in one of the legacy Vietnamese encodings (``viscii``, ``tcvn3``, ``vni``)."""
    if name == "vni":
        return decode_vni(data)
    table = _VISCII_TABLE if name == "viscii" else _TCVN_TABLE
    return unicodedata.normalize("NFC", codecs.charmap_decode(data, "strict", table)[0])


def vietnamese_score(text: str) -> int:
    """How much ``text`` reads as Vietnamese: its frequent syllables and letters with
    diacritics, less four times the stray symbols and control characters a wrong
    decoding leaves."""
    text = unicodedata.normalize("NFC", text)
    good = bad = 0
    for word in _WORDS.findall(text.lower()):
        if word in COMMON_SYLLABLES:
            good += 3
    for char in text:
        if char < "\x80":
            if char < " " and char not in "\t\n\r":
                bad += 1
        elif char in VIETNAMESE_LETTERS:
            good += 1
        elif char not in _HARMLESS:
            bad += 1
    return good - 4 * bad


def _candidates(data: bytes) -> list[str]:
    readings = [decode_legacy(data, name) for name in ("viscii", "tcvn3", "vni")]
    readings.insert(0, unicodedata.normalize("NFC", data.decode("cp1258", "replace")))
    guess = from_bytes(data[:20_000]).best()
    if guess is not None and guess.encoding:
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            readings.append(data.decode(guess.encoding))
    return readings


GUESS_MARGIN = 2  # how much more Vietnamese another reading must be than windows-1258's


def guess_text(data: bytes) -> str:
    """Bytes of an unknown encoding: windows-1258's reading, unless another one is
    clearly more Vietnamese (a stray byte or two is no evidence for any encoding)."""
    readings = _candidates(data)
    best, score = readings[0], vietnamese_score(readings[0]) + GUESS_MARGIN
    for reading in readings[1:]:
        value = vietnamese_score(reading)
        if value > score:
            best, score = reading, value
    return best.replace(REPLACEMENT, "")


def _normalised(charset: str | None) -> str:
    return (charset or "").strip().strip('"').lower().split("*", 1)[0]


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Text of ``data`` declared as ``charset``: the declared charset when known and it
    fits, else UTF-8, else the best Vietnamese reading (see the module docstring)."""
    name = _normalised(charset)
    if name in LEGACY_ALIASES:
        return decode_legacy(data, LEGACY_ALIASES[name])
    if name:
        try:
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            return _latin_or_legacy(data, text) if name in _LATIN else text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return guess_text(data)


def _latin_or_legacy(data: bytes, text: str) -> str:
    """Text declared Latin-1 that is really VNI or TCVN3 (their fonts draw on Latin-1
    code points, so such mail is sent as ``iso-8859-1``): the legacy reading when it is
    clearly more Vietnamese."""
    if text.isascii():
        return text
    best, score = text, vietnamese_score(text)
    for name in ("vni", "tcvn3", "viscii"):
        reading = decode_legacy(data, name)
        value = vietnamese_score(reading)
        if value > score + 2:
            best, score = reading, value
    return best


def _word_bytes(encoding: str, payload: str) -> bytes:
    if encoding in "bB":
        padded = payload + "=" * (-len(payload) % 4)
        return base64.b64decode(padded.encode("ascii", "replace"), validate=False)
    return quopri.decodestring(payload.encode("ascii", "replace"), header=True)


def _plain_bytes(text: str) -> str:
    """Header text between encoded words: raw 8-bit bytes (surrogate-escaped) decoded."""
    if not _SURROGATES.search(text):
        return text
    return decode_bytes(text.encode("utf-8", "surrogateescape"), None)


def decode_header_value(raw: str) -> str:
    """A raw header value (RFC 2047 words, raw 8-bit bytes) → text without U+FFFD.

    Used when the stdlib could not decode a header (an unknown charset, raw bytes in a
    legacy encoding), where it would give replacement characters."""
    out: list[str] = []
    position = 0
    previous_word = False
    for match in _ENCODED_WORD.finditer(raw):
        between = raw[position:match.start()]
        if not (previous_word and not between.strip()):
            out.append(_plain_bytes(between))
        charset, encoding, payload = match.groups()
        try:
            out.append(decode_bytes(_word_bytes(encoding, payload), charset))
        except (binascii.Error, ValueError):
            out.append(match.group(0))
        position, previous_word = match.end(), True
    out.append(_plain_bytes(raw[position:]))
    return without_replacement("".join(out))


def without_replacement(text: str) -> str:
    """``text`` without U+FFFD and control characters (what we never send or show)."""
    return _CONTROLS.sub("", text.replace(REPLACEMENT, ""))
