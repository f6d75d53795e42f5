"""Delivery when the store of a message's files cannot be read now: the message is kept
for a retry (not sent, not failed, nothing lost) and sent exactly once when the store is
back (``ParcelFile.read`` → ``FileUnavailable`` → ``Retry``).

Real components: the dispatcher, a real SMTP peer, the attachment stores as the
product opens them (``intake.storage.open_store``) and

- a PostgreSQL holding the files (``PAKN_RAW_STORE=db``) stopped, then started again,
  while the outbox's database answers: what a dispatcher meets when the database drops
  between its claim and its read of the files;
- a directory store (``PAKN_RAW_STORE=dir``) whose directory is gone or empty (a network
  file system or a volume not mounted), then back.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from intake.config import Settings, load_settings
from intake.console.auth import StaffIdentity
from intake.db import Database, upgrade
from intake.delivery.dispatcher import Dispatcher, RetryPolicy
from intake.delivery.transports.smtp import SmtpTransport
from intake.mail_config import MailSettings, Security
from intake.models import Channel, Outbox, OutboxStatus
from intake.org.data_files import read_organisation
from intake.org.loader import load_organisation
from intake.services.complaints import IntakeService
from intake.services.staff import StaffService
from intake.storage import ATTACHMENTS, BlobStore, open_store
from tests.core.factories import file_complaint
from tests.delivery.test_reply_files import ANSWER, FILES, PDF, PNG
from tests.harness.dispatch import run_dispatcher_once
from tests.harness.postgres import PostgresServer, _start, _stop, find_pg_bin, postgres_server
from tests.harness.smtp import SmtpPeer

# the next attempt is due at once: the test does not wait for the backoff
AT_ONCE = RetryPolicy(base=timedelta(0))


def _dispatcher(db: Database, smtp: SmtpPeer, var_dir: Path, files: BlobStore) -> Dispatcher:
    mail = MailSettings(var_dir=var_dir, smtp_host="127.0.0.1", smtp_port=smtp.port,
                        smtp_security=Security.PLAIN)
    return Dispatcher(db, {"email": SmtpTransport(mail)}, AT_ONCE, files=files)


def _answer_row(db: Database, code: str) -> Outbox:
    with db.reading() as session:
        row = session.scalars(select(Outbox).where(
            Outbox.complaint_code == code, Outbox.purpose == "answer")).one()
        session.expunge(row)
        return row


def _answers_received(smtp: SmtpPeer) -> list[list[tuple[str | None, bytes]]]:
    """The attachments of every message the peer took that carries the answer."""
    found = []
    for received in smtp.received:
        message = received.message()
        body = message.get_body(("plain",))
        if body is not None and ANSWER in body.get_content():
            found.append([(p.get_filename(), p.get_content())
                          for p in message.iter_attachments()])
    return found


def _answered(service: IntakeService, coordinator: StaffIdentity) -> str:
    code = file_complaint(service, channel=Channel.EMAIL, reply_channel=Channel.EMAIL,
                          reply_address="dan@example.vn").code
    assert StaffService(service).reply(coordinator, code, ANSWER, files=FILES) == "email"
    return code


def _kept_for_retry(db: Database, code: str, smtp: SmtpPeer) -> None:
    row = _answer_row(db, code)
    assert row.status == OutboxStatus.PENDING.value  # not failed, not sent
    assert row.attempts == 1
    assert (row.last_error or "").startswith("attachment store unavailable")
    assert _answers_received(smtp) == []  # no text without its files either


def _sent_once(db: Database, code: str, smtp: SmtpPeer, dispatcher: Dispatcher) -> None:
    counts = run_dispatcher_once(dispatcher)
    assert counts["failed"] == 0 and counts["sent"] >= 1
    assert _answer_row(db, code).status == OutboxStatus.SENT.value
    assert run_dispatcher_once(dispatcher) == {"sent": 0, "retry": 0, "failed": 0}
    assert _answers_received(smtp) == [[("Công văn số 12-SXD.pdf", PDF),
                                        ("hien-truong.png", PNG)]]


@pytest.fixture
def files_server() -> Iterator[PostgresServer]:
    """A PostgreSQL of its own for the files, so that it can be stopped alone."""
    with postgres_server() as server:
        yield server


def test_database_store_down_keeps_the_message_then_sends_it_once(
        pg_url: str, files_server: PostgresServer, smtp: SmtpPeer,
        coordinator_on_postgres: tuple[IntakeService, StaffIdentity], tmp_path: Path) -> None:
    """PAKN_RAW_STORE=db: the PostgreSQL holding the files is down when the dispatcher
    reads them (a cluster of their own here, so that the outbox's database still takes
    the dispatcher's claim and its record of the retry)."""
    service, coordinator = coordinator_on_postgres
    files_url = files_server.create_database("files")
    upgrade(files_url)
    files_db = Database(files_url)
    store = open_store("db", tmp_path / "no-local-files", "", files_db, ATTACHMENTS)
    code = _answered(service, coordinator)
    for reply_file in FILES:  # the answer's files, in the store the dispatcher reads
        store.put(reply_file.data)
    dispatcher = _dispatcher(service.db, smtp, tmp_path / "dispatcher", store)
    bin_dir = find_pg_bin()
    assert bin_dir is not None
    _stop(bin_dir, files_server)
    try:
        counts = run_dispatcher_once(dispatcher)
        assert counts["failed"] == 0 and counts["retry"] >= 1
        _kept_for_retry(service.db, code, smtp)
        counts = run_dispatcher_once(dispatcher)  # still down: still kept, still not sent
        assert counts["failed"] == 0 and counts["retry"] >= 1
        assert _answer_row(service.db, code).attempts == 2
        assert _answers_received(smtp) == []
    finally:
        _start(bin_dir, files_server)
    _sent_once(service.db, code, smtp, dispatcher)
    files_db.dispose()


@pytest.mark.parametrize("outage", ["directory gone", "empty mount point"])
def test_directory_store_not_mounted_keeps_the_message_then_sends_it_once(
        outage: str, smtp: SmtpPeer, service: IntakeService, settings: Settings,
        coordinator: StaffIdentity, db: Database, tmp_path: Path) -> None:
    """PAKN_RAW_STORE=dir: ``var/attachments`` is not there when the dispatcher reads."""
    code = _answered(service, coordinator)
    store = open_store("dir", settings.attachments_dir, "", db, ATTACHMENTS)
    dispatcher = _dispatcher(db, smtp, settings.var_dir, store)
    away = tmp_path / "unmounted"
    settings.attachments_dir.rename(away)
    if outage == "empty mount point":
        settings.attachments_dir.mkdir()
    counts = run_dispatcher_once(dispatcher)
    assert counts["failed"] == 0 and counts["retry"] >= 1
    _kept_for_retry(db, code, smtp)
    if outage == "empty mount point":
        settings.attachments_dir.rmdir()
    away.rename(settings.attachments_dir)
    _sent_once(db, code, smtp, dispatcher)


def test_a_file_gone_from_a_mounted_directory_store_still_fails(
        smtp: SmtpPeer, service: IntakeService, settings: Settings,
        coordinator: StaffIdentity, db: Database) -> None:
    """The store is there and holds other files: one missing file is gone for good (a
    reason staff read), not a reason to retry for hours."""
    code = _answered(service, coordinator)
    store = open_store("dir", settings.attachments_dir, "", db, ATTACHMENTS)
    missing = next(p for p in settings.attachments_dir.rglob("*") if p.is_file()
                   and p.read_bytes() == PNG)
    missing.unlink()
    counts = run_dispatcher_once(_dispatcher(db, smtp, settings.var_dir, store))
    assert counts["failed"] == 1
    row = _answer_row(db, code)
    assert row.status == OutboxStatus.FAILED.value and "hien-truong.png" in (
        row.last_error or "")
    assert _answers_received(smtp) == []


@pytest.fixture
def coordinator_on_postgres(pg_url: str, tmp_path: Path
                            ) -> Iterator[tuple[IntakeService, StaffIdentity]]:
    """The intake services on a new PostgreSQL database, and a coordinator."""
    from intake.models import Role
    from intake.services.accounts import Accounts

    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = pg_url.rsplit("/", 1)[0] + "/" + name
    upgrade(url)
    db = Database(url)
    load_organisation(db, read_organisation(), source="test")
    settings = load_settings({"PAKN_DATABASE_URL": url, "PAKN_VAR_DIR": str(tmp_path)})
    coordinator = Accounts(db).add_user("coord", "mật khẩu đủ dài 123", Role.COORDINATOR, [])
    yield IntakeService(db, settings), coordinator
    db.dispose()
