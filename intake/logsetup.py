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
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

LEVEL_ENV = "PAKN_LOG_LEVEL"
FORMAT = "%(levelname)s %(name)s: %(message)s"
PRODUCT_LOGGERS = ("intake", "bot", "actions", "rasa_addons")
QUOTING_LIBRARIES = ("sqlalchemy", "telegram", "httpx", "httpcore", "imapclient",
                     "aiosmtplib", "hpack")


def product_level(environ: Mapping[str, str] | None = None) -> int:
    """The level ``PAKN_LOG_LEVEL`` names (DEBUG, INFO, WARNING, ERROR), else INFO."""
    name = (environ if environ is not None else os.environ).get(LEVEL_ENV, "INFO")
    level = logging.getLevelName(name.strip().upper())
    return level if isinstance(level, int) else logging.INFO


def configure_logging(fmt: str = FORMAT, environ: Mapping[str, str] | None = None) -> int:
    """Log to stderr: the product's loggers at ``PAKN_LOG_LEVEL``, libraries at INFO at
    most (the quoting ones at WARNING). Returns the product's level."""
    level = product_level(environ)
    logging.basicConfig(level=max(level, logging.INFO), format=fmt)
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
