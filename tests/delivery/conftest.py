"""Fixtures of the delivery tests: the core database (SQLite and PostgreSQL), the console's
accounts, the mailbox's Dovecot and SMTP peer, and the Telegram Bot API double."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.console.conftest import accounts, coordinator, staff
from tests.core.conftest import database_url, db, service, settings
from tests.harness.telegram_api import TelegramApiDouble
from tests.mail.conftest import imap, live_settings, smtp

TOKEN = "77:DELIVERY-test-token"

__all__ = ["accounts", "coordinator", "database_url", "db", "imap", "live_settings",
           "service", "settings", "smtp", "staff"]


@pytest.fixture
def telegram() -> Iterator[TelegramApiDouble]:
    """A Bot API double for one test."""
    with TelegramApiDouble(TOKEN) as api:
        yield api
