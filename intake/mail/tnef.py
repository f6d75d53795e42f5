"""``winmail.dat`` (TNEF, ``application/ms-tnef``) from Outlook: the files inside.

Outlook sometimes wraps a message's attachments (and a copy of its text) in one TNEF
file that no other mail program opens. ``tnefparse`` (a maintained pure-Python decoder)
reads it; the files found are then taken like any attachment. When it cannot be read,
the caller keeps ``winmail.dat`` itself and says so in the acknowledgement.
"""

from __future__ import annotations

import logging
import struct
from dataclasses import dataclass

from tnefparse import TNEF

log = logging.getLogger(__name__)
TNEF_TYPES = frozenset({"application/ms-tnef", "application/vnd.ms-tnef"})
# What a malformed TNEF stream makes the decoder raise (it has no error class of its own).
_DECODE_ERRORS = (ValueError, IndexError, KeyError, TypeError, struct.error,
                  UnicodeDecodeError, LookupError, AttributeError)


@dataclass(frozen=True)
class TnefContent:
    """What a TNEF file held: (file name, bytes) pairs and the message text, if any."""

    files: tuple[tuple[str, bytes], ...]
    text: str | None


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


def unpack(data: bytes) -> TnefContent | None:
    """The files and text inside a TNEF stream; ``None`` when it cannot be decoded."""
    try:
        parsed = TNEF(data, do_checksum=False)
        files = tuple((a.long_filename() or a.name or "", bytes(a.data))
                      for a in parsed.attachments if a.data)
        return TnefContent(files, _text(parsed.body))
    except _DECODE_ERRORS as exc:
        log.info("winmail.dat not decoded (%s); kept as it is", type(exc).__name__)
        return None
