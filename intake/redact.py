"""Anonymising what citizens wrote before it is shown to the public.

Used by the Open311 API (``GET requests``) and the published answers (``/cong-khai``):
e-mail addresses, Vietnamese phone numbers, identity numbers (CMND 9 digits, CCCD 12
digits, with or without spaces after a label, passports), the writer's address after
"trú tại / địa chỉ …", and people's names — the names the complaint's record knows (the
citizen's, given to us as contact details) wherever they occur, with or without
diacritics, and the names the text itself introduces ("tôi là …", "họ tên: …", "ông/bà
…", "anh/chị …"). It is a safety net over text that staff also read before publishing,
not a proof: README "Open311" says what it does not catch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from intake.text import nfc, strip_diacritics

EMAIL_MARK = "[email]"
PHONE_MARK = "[số điện thoại]"
ID_MARK = "[số giấy tờ]"
NAME_MARK = "[họ tên]"
ADDRESS_MARK = "[địa chỉ]"

_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_LABELLED_ID = re.compile(
    r"(?i)\b(cccd|cmnd|cmtnd|căn cước(?: công dân)?|can cuoc(?: cong dan)?"
    r"|chứng minh(?: nhân dân| thư)?|chung minh(?: nhan dan| thu)?|hộ chiếu|ho chieu"
    r"|số định danh(?: cá nhân)?|so dinh danh)"
    r"(\s*(?:số|so|no\.?)?\s*[:.]?\s*)[A-Z]?[\d][\d .]{6,18}\d")
_PHONE = re.compile(r"(?<![\w+])(?:\+84|84|0)(?:[\s.\-]?\d){8,10}(?![\w])")
_ID_NUMBER = re.compile(r"(?<![\w])(?:\d{12}|\d{9}|[A-Z]\d{7,8})(?![\w])")
_ADDRESS = re.compile(
    r"(?i)\b(trú tại|tru tai|địa chỉ|dia chi|thường trú|thuong tru|tạm trú|tam tru"
    r"|nơi ở|noi o|số nhà|so nha)(\s*(?:tại|tai)?\s*:?\s*)[^.\n;!?]+")
_INTRO = re.compile(
    r"(?i)\b(tôi là|toi la|tôi tên là|tôi tên|toi ten la|toi ten|em là|em tên là|em tên"
    r"|cháu là|cháu tên|con là|họ và tên|ho va ten|họ tên|ho ten|người gửi|nguoi gui|ký tên"
    r"|ông|bà|anh|chị|cô|chú|bác|cụ)(\s*:?\s+)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
MAX_NAME_WORDS = 5


def redact(text: str, names: Iterable[str | None] = ()) -> str:
    """``text`` with personal data replaced by marks; ``names``: the people the record
    knows (the citizen's name, their first and last names), removed wherever they
    appear (case- and diacritic-insensitive)."""
    out = nfc(text)
    out = _EMAIL.sub(EMAIL_MARK, out)
    out = _LABELLED_ID.sub(lambda m: f"{m.group(1)}{m.group(2)}{ID_MARK}", out)
    out = _PHONE.sub(PHONE_MARK, out)
    out = _ID_NUMBER.sub(ID_MARK, out)
    out = _ADDRESS.sub(lambda m: f"{m.group(1)}{m.group(2)}{ADDRESS_MARK}", out)
    out = _known_names(out, names)
    return _introduced_names(out)


def _known_names(text: str, names: Iterable[str | None]) -> str:
    """Each known name — in full, and without its family name ("Văn An") — replaced,
    with or without diacritics."""
    for name in names:
        for variant in _variants(name):
            pattern = re.compile(r"(?<![\w])" + _loose(variant) + r"(?![\w])", re.IGNORECASE)
            text = pattern.sub(NAME_MARK, text)
    return text


def _variants(name: str | None) -> list[str]:
    words = [w for w in (name or "").split() if w]
    if not words:
        return []
    variants = [" ".join(words)]
    if len(words) >= 3:
        variants.append(" ".join(words[1:]))  # "Văn An" without "Nguyễn"
    return variants


def _loose(name: str) -> str:
    """A regex matching ``name`` with or without its diacritics."""
    parts = []
    for ch in name:
        bare = strip_diacritics(ch)
        if ch.isspace():
            parts.append(r"\s+")
        elif bare != ch:
            parts.append(f"[{re.escape(ch)}{re.escape(bare)}]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def _introduced_names(text: str) -> str:
    """Capitalised words after "tôi là", "họ tên:", "ông", "bà" … become the mark."""
    pieces: list[str] = []
    position = 0
    for match in _INTRO.finditer(text):
        if match.start() < position:
            continue
        start = match.end()
        end = _capitalised_run(text, start)
        if end == start:
            continue
        pieces += [text[position:start], NAME_MARK]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _capitalised_run(text: str, start: int) -> int:
    """Where a run of capitalised words starting at ``start`` ends (``start``: none)."""
    end = start
    cursor = start
    for _ in range(MAX_NAME_WORDS):
        word = _WORD.match(text, cursor)
        if word is None or not word.group(0)[0].isupper():
            break
        end = word.end()
        spaces = re.match(r"[ \t]+", text[end:])
        cursor = end + (spaces.end() if spaces else 0)
        if cursor == end:
            break
    return end


__all__ = ["ADDRESS_MARK", "EMAIL_MARK", "ID_MARK", "NAME_MARK", "PHONE_MARK", "redact"]
