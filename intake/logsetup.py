"""How the product's processes log: one format, our own level, and quiet libraries.

``PAKN_LOG_LEVEL`` (default ``INFO``) is the level of the product's own loggers
(``intake``, ``bot``, ``actions``, ``rasa_addons``): ``DEBUG`` shows more of what they do,
and never personal data — no log line of ours carries a tracking code, a phone number,
an e-mail address, a name or a citizen's words, at any level (tested at ``DEBUG`` in
``tests/e2e/test_no_personal_data_in_logs.py``).

Libraries stay at ``INFO`` whatever ``PAKN_LOG_LEVEL`` says, and those whose lines quote
what they carry at ``WARNING``: their debug lines are theirs, not ours, and quote data —
SQLAlchemy every statement's values, python-telegram-bot every Bot API call's parameters
(a citizen's text), httpx and httpcore URLs (the bot token is in Telegram's), imapclient
the IMAP conversation (whole letters), aiosmtplib the SMTP dialogue.

Tracebacks are written without the exceptions' messages (``QuietTracebacks``): a
message can quote what the failing code was handling — a ``KeyError`` of a place name,
a database error's parameters, a parser's "unexpected text …" — and ``log.exception``
or ``exc_info=True`` anywhere, ours or a library's (rasa-sdk logs a failing action's
exception), would otherwise write it out. The frames and the exception types are kept,
which is what finding the fault needs.
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Mapping
from types import TracebackType

LEVEL_ENV = "PAKN_LOG_LEVEL"
FORMAT = "%(levelname)s %(name)s: %(message)s"
PRODUCT_LOGGERS = ("intake", "bot", "actions", "rasa_addons")
QUOTING_LIBRARIES = ("sqlalchemy", "telegram", "httpx", "httpcore", "imapclient",
                     "aiosmtplib", "hpack")


ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | \
    tuple[None, None, None]


class QuietTracebacks(logging.Formatter):
    """A formatter whose tracebacks name each exception's type but not its message."""

    def formatException(self, ei: ExcInfo) -> str:  # logging names it so
        """The frames of the exception and of its causes, each ending with its type."""
        parts: list[str] = []
        error = ei[1]
        seen: set[int] = set()
        while error is not None and id(error) not in seen and len(parts) < 10:
            seen.add(id(error))
            kind = type(error)
            parts.append("Traceback (most recent call last):\n"
                         + "".join(traceback.format_tb(error.__traceback__))
                         + f"{kind.__module__}.{kind.__qualname__} (message not logged)")
            error = error.__cause__ or error.__context__
        return "\n\nwhile handling (or caused by):\n".join(reversed(parts))


def product_level(environ: Mapping[str, str] | None = None) -> int:
    """The level ``PAKN_LOG_LEVEL`` names (DEBUG, INFO, WARNING, ERROR), else INFO."""
    name = (environ if environ is not None else os.environ).get(LEVEL_ENV, "INFO")
    level = logging.getLevelName(name.strip().upper())
    return level if isinstance(level, int) else logging.INFO


def configure_logging(fmt: str = FORMAT, environ: Mapping[str, str] | None = None) -> int:
    """Log to stderr: the product's loggers at ``PAKN_LOG_LEVEL``, libraries at INFO at
    most (the quoting ones at WARNING), tracebacks without messages. Returns the
    product's level."""
    level = product_level(environ)
    logging.basicConfig(level=max(level, logging.INFO), format=fmt)
    for handler in logging.getLogger().handlers:
        handler.setFormatter(QuietTracebacks(fmt))
    quiet_libraries()
    for name in PRODUCT_LOGGERS:
        logging.getLogger(name).setLevel(level)
    logging.getLogger(__name__).debug(
        "the product's loggers at %s; libraries at INFO at most, %s at WARNING",
        logging.getLevelName(level), ", ".join(QUOTING_LIBRARIES))
    return level


def quiet_libraries() -> None:
    """Keep the libraries that quote what they carry at WARNING."""
    for name in QUOTING_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
