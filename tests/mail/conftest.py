"""Fixtures of the mailbox tests: a migrated, organisation-loaded database (SQLite and
PostgreSQL), mail settings in a temp dir, the pipeline, and the fixture messages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from intake.config import Settings
from intake.db import Database
from intake.mail.config import MailSettings, load_mail_settings
from intake.mail.ingest import MailIngestor
from intake.services.complaints import IntakeService
from tests.conftest import skip_or_fail
from tests.core.conftest import database_url, db, service, settings
from tests.harness.dovecot import (
    DovecotServer,
    DovecotUnavailableError,
    TlsFiles,
    dovecot_server,
    make_tls_files,
)
from tests.harness.smtp import SmtpPeer, smtp_peer

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MIKEL = FIXTURES / "mikel"
TEST_LIMIT = 100_000

__all__ = ["database_url", "db", "service", "settings"]


def fixture_bytes(name: str, **placeholders: str) -> bytes:
    """A fixture message with ``__CODE__`` / ``__ACK_ID__`` filled in."""
    data = (FIXTURES / name).read_bytes()
    for key, value in placeholders.items():
        data = data.replace(f"__{key.upper()}__".encode(), value.encode())
    return data


def test_mail_settings(var_dir: Path, **env: str) -> MailSettings:
    """Mail settings for tests: a small attachment limit, no fsync, plain allowed."""
    base = {"PAKN_VAR_DIR": str(var_dir), "PAKN_MAIL_ALLOW_PLAIN": "1",
            "PAKN_IMAP_SECURITY": "plain", "PAKN_SMTP_SECURITY": "plain",
            "PAKN_MAIL_FSYNC": "0", "PAKN_MAIL_MAX_ATTACHMENT_BYTES": str(TEST_LIMIT),
            "PAKN_MAIL_PROCESSES": "1"}
    base.update(env)
    return load_mail_settings(base)


test_mail_settings.__test__ = False  # type: ignore[attr-defined]


@pytest.fixture
def mail_settings(settings: Settings) -> MailSettings:
    """Mail settings over the test's var dir."""
    return replace(test_mail_settings(settings.var_dir), ack_limit_per_day=5)


@pytest.fixture
def ingestor(service: IntakeService, mail_settings: MailSettings) -> MailIngestor:
    """The pipeline over the test database."""
    return MailIngestor(service, mail_settings)


@pytest.fixture
def imap() -> Iterator[DovecotServer]:
    """A throwaway Dovecot with one account, ``hotline``."""
    try:
        with dovecot_server({"hotline": "hotline-secret"}) as server:
            yield server
    except DovecotUnavailableError as exc:
        skip_or_fail(str(exc))


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    """A test CA and a server certificate for 127.0.0.1 it signed (once per session)."""
    return make_tls_files(tmp_path_factory.mktemp("tls"), "pakn")


@pytest.fixture(scope="session")
def other_ca(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    """Another CA, which did not sign the servers' certificate."""
    return make_tls_files(tmp_path_factory.mktemp("tls-other"), "other")


@pytest.fixture
def smtp() -> Iterator[SmtpPeer]:
    """A real SMTP peer (aiosmtpd) recording what it accepts."""
    with smtp_peer() as peer:
        yield peer


def mailbox_env(imap: DovecotServer, smtp: SmtpPeer, var_dir: Path) -> dict[str, str]:
    """Environment of a worker reading ``imap`` and sending through ``smtp``."""
    return {"PAKN_VAR_DIR": str(var_dir), "PAKN_MAIL_ALLOW_PLAIN": "1",
            "PAKN_IMAP_HOST": imap.host, "PAKN_IMAP_PORT": str(imap.port),
            "PAKN_IMAP_USER": "hotline", "PAKN_IMAP_PASSWORD": imap.users["hotline"],
            "PAKN_IMAP_SECURITY": "plain", "PAKN_IMAP_IDLE_TIMEOUT": "1",
            "PAKN_IMAP_POLL_SECONDS": "0.5",
            "PAKN_SMTP_HOST": "127.0.0.1", "PAKN_SMTP_PORT": str(smtp.port),
            "PAKN_SMTP_SECURITY": "plain", "PAKN_SMTP_RETRY_SECONDS": "0.05",
            "PAKN_MAIL_FSYNC": "0", "PAKN_MAIL_MAX_ATTACHMENT_BYTES": str(TEST_LIMIT),
            # worker processes started by the tests use two ingest processes, as production
            # does on two cores, so kills and restarts are exercised with the pool
            "PAKN_MAIL_PROCESSES": "2"}


@pytest.fixture
def statements(db: Database) -> Iterator[Counter[str]]:
    """Statements (by their first 70 characters) and commits on the database while the
    test runs."""
    seen: Counter[str] = Counter()

    def on_statement(_c: Any, _cur: Any, statement: str, *_: Any) -> None:
        seen[" ".join(statement.split())[:70]] += 1

    def on_commit(_c: Any) -> None:
        seen["COMMIT"] += 1

    event.listen(db.engine, "before_cursor_execute", on_statement)
    event.listen(db.engine, "commit", on_commit)
    yield seen
    event.remove(db.engine, "before_cursor_execute", on_statement)
    event.remove(db.engine, "commit", on_commit)


@pytest.fixture
def live_settings(imap: DovecotServer, smtp: SmtpPeer, settings: Settings) -> MailSettings:
    """Mail settings pointing at the test's Dovecot and SMTP peer."""
    return load_mail_settings({**mailbox_env(imap, smtp, settings.var_dir),
                               "PAKN_MAIL_PROCESSES": "1"})
