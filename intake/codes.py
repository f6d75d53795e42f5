"""Tracking codes: ``PA-`` + 8 Crockford base32 characters from a CSPRNG.

40 random bits per code: a citizen reads it out on the phone, and nobody can walk the
space of codes to find other people's complaints (the console and the bot rate-limit
look-ups). Parsing is forgiving the way Crockford intended: case, O/0, I/L/1, spaces.
"""

from __future__ import annotations

import re
import secrets

from intake.errors import InvalidTrackingCode

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "PA-"
LENGTH = 8
BITS_PER_SYMBOL = 5  # len(ALPHABET) == 2 ** 5
SYMBOL_MASK = (1 << BITS_PER_SYMBOL) - 1
_CONFUSABLES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_CANDIDATE = re.compile(r"\bP\s*A\s*[-\s_.:]?\s*([0-9A-Z](?:[\s-]?[0-9A-Z]){7})\b", re.IGNORECASE)


def new_code() -> str:
    """A fresh random code; uniqueness is enforced by the database.

    One draw of ``LENGTH`` × 5 bits from the CSPRNG, each 5 bits one symbol (the
    alphabet has 32): the same uniform choice among 32**8 codes as a ``secrets.choice``
    per symbol, with one read of the system's random source instead of eight (those
    were a tenth of a millisecond of every filed complaint)."""
    bits = secrets.randbits(BITS_PER_SYMBOL * LENGTH)
    return PREFIX + "".join(
        ALPHABET[(bits >> shift) & SYMBOL_MASK]
        for shift in range(BITS_PER_SYMBOL * (LENGTH - 1), -1, -BITS_PER_SYMBOL))


def parse_code(text: str) -> str:
    """Canonical code from what a person typed, or ``InvalidTrackingCode``."""
    match = _CANDIDATE.search(text.strip())
    if match is None:
        raise InvalidTrackingCode(f"not a tracking code: {len(text)} chars")
    body = re.sub(r"[\s-]", "", match.group(1)).upper().translate(_CONFUSABLES)
    if len(body) != LENGTH or any(ch not in ALPHABET for ch in body):
        raise InvalidTrackingCode("tracking code has characters outside the alphabet")
    return PREFIX + body


def find_code(text: str) -> str | None:
    """The first tracking code mentioned in ``text`` (e.g. a mail subject), if any."""
    try:
        return parse_code(text)
    except InvalidTrackingCode:
        return None
