"""The part of a complaint that says what it is about, for the subject-matter signals.

An e-mail opens with whom it is addressed to ("Kính gửi Đường dây nóng / Văn phòng UBND
tỉnh") and closes with thanks and a signature: words that name an agency without being
the subject. Those lines are dropped before keyword rules and the classifier read the
text (places are still looked for in the whole text).
"""

from __future__ import annotations

import re

from intake.routing.letter import read_letter
from intake.text import fold

_OPENING = re.compile(r"^(kinh gui|kinh thua|dong kinh gui|gui|toi ten la|toi la [^.]*$)")
_CLOSING = re.compile(r"^(tran trong|xin (chan thanh )?cam on|rat mong|toi xin cam on|"
                      r"dt|sdt|dien thoai|email|--)")
_INLINE_SELF = re.compile(r"^(toi ten la|toi la) [^.,]*[.,]\s*", re.IGNORECASE)


def subject_text(text: str) -> str:
    """``text`` without salutation, self-introduction, thanks and signature lines."""
    kept: list[str] = []
    for line in text.splitlines():
        key = fold(line).strip(" ,.:;-")
        if not key:
            continue
        if key.startswith("--") or key == "--":
            break
        if _OPENING.match(key) and len(key) < 120:
            continue
        if _CLOSING.match(key) and len(key) < 120:
            if key.startswith(("tran trong", "--")):
                break
            continue
        kept.append(line)
    body = "\n".join(kept).strip()
    return body or text


def about_text(text: str) -> str:
    """What a complaint is about: its incident text (without addressee lines and the
    writer's own address, see ``letter.py``), without salutation and signature."""
    return subject_text(read_letter(text).incident)
