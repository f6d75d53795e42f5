"""The console's one search box: what staff typed, read as words, a code and a phone.

One text may be several things at once, so it becomes up to three conditions OR-ed
together:

- **words** (always): folded like ``intake.text.fold`` (lower case, no diacritics), matched
  inside ``complaints.search_key`` (subject, text, place, name, phone, e-mail folded the
  same way), so "bai rac" finds "bãi rác" and an e-mail address finds its sender;
- **a code** (part of one): Crockford-normalised (O → 0, I and L → 1, case and dashes
  ignored) and matched inside the code, when the text starts with ``PA`` or is one
  word of 3–8 code characters with a digit ("K9O3", "pa-7ko");
- **a phone number**: its digits (``+84`` read as ``0``) matched inside the key, when the
  text is only digits and separators.

On PostgreSQL ``pg_trgm`` GIN indexes serve these ``LIKE '%…%'`` (migration 0009c); on
SQLite the folded column is scanned once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_

from intake.codes import ALPHABET
from intake.models import Complaint
from intake.text import fold, nfc

MAX_QUERY_CHARS = 200
_CROCKFORD = str.maketrans({"O": "0", "I": "1", "L": "1"})
_PREFIX = re.compile(r"^P\s*A(?:\s*[-_.:]\s*|\s+|(?=[0-9]))", re.IGNORECASE)
_PHONE = re.compile(r"\+?[\d\s.\-()]+")


@dataclass(frozen=True)
class SearchTerms:
    """A search text read three ways (``None``: not that kind of text)."""

    words: str
    code: str | None = None
    digits: str | None = None

    @property
    def empty(self) -> bool:
        """Nothing to look for."""
        return not (self.words or self.code or self.digits)


def read_search(text: str) -> SearchTerms:
    """What ``text`` may be: words, part of a code, a phone number."""
    typed = nfc(text or "")[:MAX_QUERY_CHARS].strip()
    return SearchTerms(fold(typed), _code_part(typed), _phone_digits(typed))


def _code_part(typed: str) -> str | None:
    """The Crockford-normalised body of a (partial) tracking code, or ``None``."""
    prefixed = _PREFIX.match(typed)
    rest = typed[prefixed.end():] if prefixed else typed
    if not prefixed and (re.search(r"\s", rest) or not re.search(r"\d", rest)):
        return None
    body = re.sub(r"[\s-]", "", rest).upper().translate(_CROCKFORD)
    if not 3 <= len(body) <= 8 and not (prefixed and 1 <= len(body) <= 8):
        return None
    return body if all(ch in ALPHABET for ch in body) else None


def _phone_digits(typed: str) -> str | None:
    """The digits of a phone number (at least 4; ``+84``/``84`` read as ``0``)."""
    if not _PHONE.fullmatch(typed):
        return None
    digits = re.sub(r"\D", "", typed)
    if digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits if len(digits) >= 4 else None


def matches(terms: SearchTerms) -> ColumnElement[bool]:
    """The SQL condition: any of the readings matches."""
    found: list[Any] = []
    if terms.words:
        found.append(Complaint.search_key.like(f"%{escape_like(terms.words)}%", escape="\\"))
    if terms.digits:
        found.append(Complaint.search_key.like(f"%{terms.digits}%"))
    if terms.code:
        found.append(Complaint.code.like(f"PA-%{terms.code}%"))
    return or_(*found)


def escape_like(text: str) -> str:
    """``text`` with LIKE's wildcards taken literally (escape character ``\\``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


__all__ = ["SearchTerms", "escape_like", "matches", "read_search"]
