"""Forwarded letters written inline in a message's text.

A citizen who got no answer from a commune or a district often forwards the letter they
had sent there, with a one-line cover note. Mail programs write the forwarded letter
under a banner ("---------- Forwarded message ---------", "-----Original Message-----",
"---------- Thư đã chuyển tiếp ----------", "Begin forwarded message:") or an Outlook
header block (From:/Sent:/To:/Subject:), followed by the letter's own header lines. The
letter is the substance of the complaint, not quoted history to trim.

A banner that says "forward"/"chuyển tiếp" always starts a forwarded letter. "Original
message" banners and bare Outlook header blocks are also what a *reply* quotes, so they
start a forwarded letter only when the subject says so (Fwd:, FW:, TV:, Chuyển tiếp:) or
when the subject is not a reply's and the text above is a short cover note.
(Forwarded letters attached as ``message/rfc822`` parts are read in ``parse``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COVER_NOTE_CHARS = 300
_FORWARD_BANNER = re.compile(
    r"^\s*[-_=]{2,}\s*(forwarded (message|e-?mail)|(thư|tin nhắn|email|e-mail) (đã |được )?"
    r"chuyển tiếp|chuyển tiếp)\s*[-_=]{2,}\s*$"
    r"|^\s*(begin forwarded message|bắt đầu (thư|tin nhắn) (đã |được )?chuyển tiếp)\s*:\s*$",
    re.IGNORECASE)
_ORIGINAL_BANNER = re.compile(
    r"^\s*[-_=]{2,}\s*(original message|thư gốc|tin nhắn gốc|nội dung gốc)\s*[-_=]{2,}\s*$",
    re.IGNORECASE)
_FIELD = re.compile(
    r"^\s*\*?(from|từ|người gửi|date|sent|ngày|ngày gửi|đã gửi|thời gian|subject|tiêu đề|"
    r"chủ đề|to|đến|tới|gửi tới|cc)\*?\s*:\s*\*?\s*(.*)$", re.IGNORECASE)
_FIELD_NAMES = {"from": "from", "từ": "from", "người gửi": "from",
                "date": "date", "sent": "date", "ngày": "date", "ngày gửi": "date",
                "đã gửi": "date", "thời gian": "date",
                "subject": "subject", "tiêu đề": "subject", "chủ đề": "subject"}
FORWARD_SUBJECT = re.compile(r"^\s*(\[[^\]]*\]\s*)?(fwd?|fw|tv|chuyển tiếp|chuyen tiep|"
                             r"forward)\s*:", re.IGNORECASE)
REPLY_SUBJECT = re.compile(r"^\s*(re|tl|trả lời|tra loi|aw|sv|rv|antw)\s*:", re.IGNORECASE)
_BLANKS = re.compile(r"\n{3,}")
# A line that could start a forwarded letter (checked on the whole text first: most
# mail has none, and then no line needs a closer look).
_HINT = re.compile(r"^\s*([-_=]{2}|\*?(from|từ|người gửi)\*?\s*:|begin forwarded|bắt đầu)",
                   re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class ForwardedLetter:
    """A letter the sender forwarded: its original sender, date, subject and text."""

    sender: str
    date: str
    subject: str
    text: str


@dataclass(frozen=True)
class InlineSplit:
    """A text split at the first forwarded letter: the cover note above it, the letter,
    and where (a character offset) the letter starts; ``-1`` when there is none."""

    cover: str
    letters: tuple[ForwardedLetter, ...]
    start: int


def _outlook_block(lines: list[str], i: int) -> bool:
    """An Outlook header block starts at line ``i``: "From:" then "Sent:"/"Date:"…"""
    first = _FIELD.match(lines[i])
    if not first or _FIELD_NAMES.get(first.group(1).lower()) != "from":
        return False
    following = next((line for line in lines[i + 1:i + 3] if line.strip()), "")
    nxt = _FIELD.match(following)
    return nxt is not None and _FIELD_NAMES.get(nxt.group(1).lower(), "other") != "from"


def _banner(lines: list[str], i: int) -> str | None:
    """``forward``, ``original`` or ``outlook`` when a forwarded/quoted letter starts at
    line ``i``; else ``None``."""
    if _FORWARD_BANNER.match(lines[i]):
        return "forward"
    if _ORIGINAL_BANNER.match(lines[i]):
        return "original"
    if _outlook_block(lines, i):
        return "outlook"
    return None


def looks_forwarded(subject: str, cover: str) -> bool:
    """Whether an "original message" block under ``cover`` is a forward, not a reply."""
    if FORWARD_SUBJECT.match(subject):
        return True
    return not REPLY_SUBJECT.match(subject) and len(cover.strip()) <= COVER_NOTE_CHARS


def _header_fields(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """The forwarded letter's header lines from ``start``: (fields, first body line)."""
    fields: dict[str, str] = {}
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    last: str | None = None
    while i < len(lines):
        match = _FIELD.match(lines[i])
        if match:
            last = _FIELD_NAMES.get(match.group(1).lower(), match.group(1).lower())
            fields.setdefault(last, match.group(2).strip().strip("*").strip())
        elif last and lines[i][:1] in (" ", "\t") and lines[i].strip():
            fields[last] = f"{fields[last]} {lines[i].strip()}"
        else:
            break
        i += 1
    return fields, i


def _unquoted(lines: list[str]) -> str:
    """The letter's text; one level of ``>`` removed when every written line has it."""
    written = [line for line in lines if line.strip()]
    if written and all(line.lstrip().startswith(">") for line in written):
        lines = [line.lstrip()[1:].removeprefix(" ") if line.strip() else line
                 for line in lines]
    text = "\n".join(line.rstrip() for line in lines)
    return _BLANKS.sub("\n\n", text).strip()


def split_inline(text: str, subject: str) -> InlineSplit:
    """``text`` split at the first inline forwarded letter (see the module docstring)."""
    if not _HINT.search(text):
        return InlineSplit(text, (), -1)
    lines = text.split("\n")
    offset = 0
    for i, line in enumerate(lines):
        kind = _banner(lines, i)
        if kind is not None:
            cover = "\n".join(lines[:i])
            if kind != "forward" and not looks_forwarded(subject, cover):
                break
            fields, body = _header_fields(lines, i + 1 if kind != "outlook" else i)
            letter = ForwardedLetter(fields.get("from", ""), fields.get("date", ""),
                                     fields.get("subject", ""), _unquoted(lines[body:]))
            if letter.text or letter.subject:
                return InlineSplit(cover, (letter,), offset)
            break
        offset += len(line) + 1
    return InlineSplit(text, (), -1)


def letter_block(letter: ForwardedLetter) -> str:
    """The forwarded letter as the complaint shows it, its origin noted above its text."""
    head = ["--- Thư chuyển tiếp ---"]
    for label, value in (("Người gửi", letter.sender), ("Ngày gửi", letter.date),
                         ("Tiêu đề", letter.subject)):
        if value:
            head.append(f"{label}: {value}")
    return "\n".join(head) + ("\n\n" + letter.text if letter.text else "")
