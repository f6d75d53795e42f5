"""``winmail.dat`` (TNEF, ``application/ms-tnef``) from Outlook: the files inside.

Outlook sometimes wraps a message's attachments (and a copy of its text) in one TNEF
file that no other mail program opens. ``tnefparse`` (a maintained pure-Python decoder)
reads it; the files found are then taken like any attachment. When it cannot be read,
the caller keeps ``winmail.dat`` itself and says so in the acknowledgement.

The message text is taken from the plain body; else from the HTML body (``html``, turned
into text by the caller); else from the compressed RTF body that Outlook writes when the
letter was composed in "Rich Text" (``PR_RTF_COMPRESSED``, MS-OXRTFCP: decompressed by
``compressed_rtf`` through tnefparse, then turned into text by ``striprtf``, which reads
the RTF's own code page and ``\\uN`` escapes, so Vietnamese survives).
"""

from __future__ import annotations

import logging
import struct
from collections.abc import Callable
from dataclasses import dataclass

from striprtf import striprtf
from tnefparse import TNEF

log = logging.getLogger(__name__)
# striprtf has no type annotations: its one function, typed here.
_rtf_to_text: Callable[..., str] = striprtf.rtf_to_text
TNEF_TYPES = frozenset({"application/ms-tnef", "application/vnd.ms-tnef"})
# What a malformed TNEF stream makes the decoder raise (it has no error class of its own).
_DECODE_ERRORS = (ValueError, IndexError, KeyError, TypeError, struct.error,
                  UnicodeDecodeError, LookupError, AttributeError)


@dataclass(frozen=True)
class TnefContent:
    """What a TNEF file held: (file name, bytes) pairs and the message text, if any
    (plain or from RTF in ``text``; ``html`` when only an HTML body was there)."""

    files: tuple[tuple[str, bytes], ...]
    text: str | None
    html: str | None = None


def is_tnef(content_type: str, filename: str) -> bool:
    """True for a TNEF part (by type, or by Outlook's file name)."""
    return content_type in TNEF_TYPES or filename.lower() == "winmail.dat"


def _text(body: object) -> str | None:
    if isinstance(body, bytes):
        for encoding in ("utf-8", "cp1258", "cp1252"):
            try:
                return body.decode(encoding).strip("\x00").strip() or None
            except UnicodeDecodeError:
                continue
        return None
    return body.strip("\x00").strip() or None if isinstance(body, str) else None


def rtf_text(rtf: bytes) -> str | None:
    """The text of an RTF document (its ``\\ansicpg`` code page decides the 8-bit
    characters; cp1252 when it names none)."""
    text = _rtf_to_text(rtf.decode("latin-1"), encoding="cp1252", errors="ignore")
    return text.replace("\r\n", "\n").strip("\x00").strip() or None


def _rtf_body(parsed: TNEF) -> str | None:
    """The text of the compressed RTF body, if there is one and it decompresses."""
    try:
        rtf = parsed.rtfbody
    # compressed_rtf raises a plain Exception for a bad CRC or an unknown compression
    # type; whatever it is, the letter is kept and only this text is missing.
    except Exception as exc:  # noqa: BLE001
        log.info("winmail.dat: RTF body not decompressed (%s)", type(exc).__name__)
        return None
    if not isinstance(rtf, bytes) or not rtf.lstrip().startswith(b"{\\rtf"):
        return None
    try:
        return rtf_text(rtf)
    except _DECODE_ERRORS as exc:
        log.info("winmail.dat: RTF body not read (%s)", type(exc).__name__)
        return None


def unpack(data: bytes) -> TnefContent | None:
    """The files and text inside a TNEF stream; ``None`` when it cannot be decoded."""
    try:
        parsed = TNEF(data, do_checksum=False)
        files = tuple((a.long_filename() or a.name or "", bytes(a.data))
                      for a in parsed.attachments if a.data)
        text = _text(parsed.body)
        html = None if text else _text(parsed.htmlbody)
    except _DECODE_ERRORS as exc:
        log.info("winmail.dat not decoded (%s); kept as it is", type(exc).__name__)
        return None
    if text is None and html is None:
        text = _rtf_body(parsed)
    return TnefContent(files, text, html)
