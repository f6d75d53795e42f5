"""The worker against a real Dovecot and the outbox against a real SMTP peer."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from intake.db import Database
from intake.delivery.config import mail_dispatcher
from intake.mail import ingest as ingest_module
from intake.mail import worker as worker_module
from intake.mail.config import MailSettings
from intake.mail.fetch import Mailbox
from intake.mail.ingest import MailIngestor
from intake.mail.models import IngestStatus, MailIngest, MailMailbox
from intake.mail.worker import MailWorker, PollStats
from intake.models import Outbox, OutboxStatus
from intake.services.complaints import IntakeService
from intake.storage import flush_to_disk
from tests.harness.dovecot import DovecotServer
from tests.harness.smtp import SmtpPeer
from tests.mail.conftest import fixture_bytes
from tests.spies import fails_once

NEW_MAIL = ["vi_utf8_qp.eml", "vi_html_only.eml", "vi_pdf_photo.eml", "vi_windows1258.eml"]


def _count(db: Database, model: type[object]) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_poll_takes_mail_then_files_it_away(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database) -> None:
    imap.append("hotline", [fixture_bytes(n) for n in NEW_MAIL])
    imap.append("hotline", [b"Subject: \x00\r\n\r\n", fixture_bytes("vi_out_of_office.eml")])
    worker = MailWorker(MailIngestor(service, live_settings), live_settings)
    stats = worker.run(once=True, max_failures=0)
    assert stats.fetched == 6 and stats.processed + stats.quarantined == 6
    assert service.count() == 4
    assert imap.count("hotline", "INBOX") == 0
    assert imap.count("hotline", "Processed") == 5 + 1 - stats.quarantined
    assert imap.count("hotline", "Quarantine") == stats.quarantined
    with db.reading() as session:
        state = session.scalars(select(MailMailbox)).one()
        assert state.last_uid == 6 and state.uidvalidity > 0
    again = worker.run(once=True, max_failures=0)
    assert again.fetched == 0 and service.count() == 4


def test_each_chunk_is_on_disk_before_it_leaves_the_inbox(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = replace(live_settings, fsync=True, fetch_batch=2)
    imap.append("hotline", [fixture_bytes(n) for n in NEW_MAIL])
    seen: list[tuple[int, int, int, tuple[Path, ...]]] = []

    def recording_flush(*paths: Path) -> None:
        seen.append((imap.count("hotline", "INBOX"), imap.count("hotline", "Processed"),
                     _count(db, MailIngest), paths))
        flush_to_disk(*paths)

    monkeypatch.setattr(ingest_module, "flush_to_disk", recording_flush)
    monkeypatch.setattr(worker_module, "flush_to_disk", recording_flush)
    stats = MailWorker(MailIngestor(service, settings), settings).run(once=True,
                                                                      max_failures=0)
    assert stats.processed == 4
    # Each chunk's raw bytes are flushed before it is queued (nothing taken yet) …
    raw_only = [(inbox, moved, taken) for inbox, moved, taken, paths in seen
                if paths == (settings.raw_dir,)]
    assert raw_only == [(4, 0, 0), (2, 2, 2)]
    # … and two chunks of two: each flushed after its commits, while still in the inbox.
    seen = [entry for entry in seen if entry[3] != (settings.raw_dir,)]
    assert [(inbox, moved, taken) for inbox, moved, taken, _ in seen] == [(4, 0, 2),
                                                                          (2, 2, 4)]
    assert settings.raw_dir in seen[0][3] and settings.attachments_dir in seen[0][3]
    assert db.local_file is None or db.local_file.parent in seen[0][3]
    assert imap.count("hotline", "INBOX") == 0 and imap.count("hotline", "Processed") == 4


def test_ingest_processes_take_each_message_once(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database) -> None:
    settings = replace(live_settings, processes=2)
    imap.append("hotline", [fixture_bytes(n) for n in NEW_MAIL * 3])
    imap.append("hotline", [b"Subject: \x00\r\n\r\n"])
    worker = MailWorker(MailIngestor(service, settings), settings)
    stats = worker.run(once=True, max_failures=0)
    assert stats.fetched == 13 and stats.processed == 13
    assert stats.already_seen == 8  # the same four mails three times: taken once each
    assert service.count() == 4 and _count(db, Outbox) == 4
    assert _count(db, MailIngest) == 5  # four complaints and the empty mail (rejected)
    assert imap.count("hotline", "INBOX") == 0 and imap.count("hotline", "Processed") == 13


def test_flag_mode_keeps_the_inbox(imap: DovecotServer, live_settings: MailSettings,
                                   service: IntakeService) -> None:
    from dataclasses import replace

    from intake.mail.config import AfterCommit

    settings = replace(live_settings, after_commit=AfterCommit.FLAG)
    imap.append("hotline", [fixture_bytes(n) for n in NEW_MAIL[:2]])
    worker = MailWorker(MailIngestor(service, settings), settings)
    assert worker.run(once=True, max_failures=0).processed == 2
    assert imap.count("hotline", "INBOX") == 2 and service.count() == 2
    assert worker.run(once=True, max_failures=0).fetched == 0


def test_ack_reaches_the_smtp_peer_and_the_reply_threads(
        imap: DovecotServer, smtp: SmtpPeer, live_settings: MailSettings,
        service: IntakeService, db: Database) -> None:
    imap.append("hotline", [fixture_bytes("vi_utf8_qp.eml")])
    worker = MailWorker(MailIngestor(service, live_settings), live_settings)
    worker.run(once=True, max_failures=0)
    sender = mail_dispatcher(db, live_settings)
    assert asyncio.run(sender.send_due()) == 1
    (received,) = smtp.received
    ack = received.message()
    code = service.list_complaints()[0].code
    assert received.recipients == ["nguyenvanan@example.vn"]
    assert str(ack["Subject"]).startswith(f"[{code}] Đã tiếp nhận")
    assert ack["Auto-Submitted"] == "auto-replied"
    assert ack["In-Reply-To"] == "<vi-qp-1@example.vn>"
    body = ack.get_body(("plain",))
    assert body is not None and f"Mã tra cứu: {code}" in body.get_content()
    # The citizen answers the acknowledgement they really received.
    reply = fixture_bytes("vi_reply_thread_only.eml", ack_id=str(ack["Message-ID"]).strip("<>"))
    imap.append("hotline", [reply])
    worker.run(once=True, max_failures=0)
    assert [m.direction for m in service.messages(code)] == ["in", "in"]
    assert asyncio.run(sender.send_due()) == 1
    assert len(smtp.received) == 2


def test_smtp_down_during_intake_acks_sent_once_back(
        imap: DovecotServer, smtp: SmtpPeer, live_settings: MailSettings,
        service: IntakeService, db: Database) -> None:
    smtp.stop()
    imap.append("hotline", [fixture_bytes(n) for n in NEW_MAIL])
    MailWorker(MailIngestor(service, live_settings), live_settings).run(once=True,
                                                                        max_failures=0)
    sender = mail_dispatcher(db, live_settings)
    assert asyncio.run(sender.send_due()) == 0
    with db.reading() as session:
        rows = session.scalars(select(Outbox)).all()
        assert len(rows) == 4
        assert all(r.status == OutboxStatus.PENDING and r.attempts == 1 and r.last_error
                   for r in rows)
    smtp.start()

    async def until_sent() -> int:
        sent = 0
        for _ in range(100):
            sent += await sender.send_due()
            if sent >= 4:
                break
            await asyncio.sleep(0.05)
        return sent

    assert asyncio.run(until_sent()) == 4
    assert len(smtp.wait_for(4)) == 4
    assert asyncio.run(sender.send_due()) == 0  # nothing sent twice
    with db.reading() as session:
        assert {r.status for r in session.scalars(select(Outbox))} == {OutboxStatus.SENT}


def test_quarantined_message_goes_to_the_quarantine_folder(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database) -> None:
    imap.append("hotline", [b"\r\n\r\n\r\n"])
    MailWorker(MailIngestor(service, live_settings), live_settings).run(once=True,
                                                                        max_failures=0)
    assert imap.count("hotline", "Quarantine") == 1
    with db.reading() as session:
        row = session.scalars(select(MailIngest)).one()
        assert row.status == IngestStatus.QUARANTINED and row.error


def test_uidvalidity_change_starts_over_and_recognises_taken_mail(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database) -> None:
    settings = replace(live_settings, imap_folder="Hotline")
    taken = [fixture_bytes(n) for n in NEW_MAIL[:2]]
    imap.append("hotline", taken, folder="Hotline")
    worker = MailWorker(MailIngestor(service, settings), settings)
    assert worker.run(once=True, max_failures=0).processed == 2
    with db.reading() as session:
        before = session.scalars(select(MailMailbox)).one()
        old_validity, old_last = before.uidvalidity, before.last_uid
    assert old_last == 2 and service.count() == 2
    # The folder is rebuilt (deleted, created: a new UIDVALIDITY, UIDs from 1 again) and
    # refilled: a new complaint first (UID 1, below the old watermark), then the two
    # messages already taken, restored from a backup.
    with imap.client("hotline") as client:
        client.delete_folder("Hotline")
        client.create_folder("Hotline")
    imap.append("hotline", [fixture_bytes(NEW_MAIL[2]), *taken], folder="Hotline")
    stats = worker.run(once=True, max_failures=0)
    assert stats.fetched == 3 and stats.processed == 3 and stats.already_seen == 2
    assert service.count() == 3  # the new one taken, nothing filed twice
    assert _count(db, Outbox) == 3  # and nobody acknowledged twice
    with db.reading() as session:
        after = session.scalars(select(MailMailbox)).one()
        assert after.uidvalidity != old_validity and after.last_uid == 3
    assert imap.count("hotline", "Hotline") == 0 and imap.count("hotline", "Processed") == 5
    assert worker.run(once=True, max_failures=0).fetched == 0


def test_bounce_of_our_ack_marks_the_outbox_row_failed(
        imap: DovecotServer, smtp: SmtpPeer, live_settings: MailSettings,
        service: IntakeService, db: Database) -> None:
    imap.append("hotline", [fixture_bytes(n) for n in NEW_MAIL[:2]])
    worker = MailWorker(MailIngestor(service, live_settings), live_settings)
    worker.run(once=True, max_failures=0)
    assert asyncio.run(mail_dispatcher(db, live_settings).send_due()) == 2
    acks = {str(r.message()["To"]): r.message() for r in smtp.wait_for(2)}
    ack = acks["nguyenvanan@example.vn"]
    code = str(ack["Subject"])[1:12]
    # The citizen's server bounces the acknowledgement it was sent (a DSN quoting it).
    bounce = fixture_bytes("vi_dsn_bounce.eml", code=code,
                           ack_id=str(ack["Message-ID"]).strip("<>"))
    imap.append("hotline", [bounce])
    stats = worker.run(once=True, max_failures=0)
    assert stats.statuses == {"recorded": 1}
    with db.reading() as session:
        rows = {r.recipient: r for r in session.scalars(select(Outbox))}
        assert len(rows) == 2  # the bounce itself is never answered
        failed = rows["nguyenvanan@example.vn"]
        assert failed.status == OutboxStatus.FAILED
        assert failed.last_error == "bounce: 5.1.1 khongtontai@example.vn"
        assert {r.status for k, r in rows.items() if k != "nguyenvanan@example.vn"} == {
            OutboxStatus.SENT}
    (event,) = [e for e in service.events(code) if e.kind == "mail_bounce"]
    assert event.data["outbox"] == [failed.id]
    assert event.data["dsn"] == "bounce: 5.1.1 khongtontai@example.vn"
    assert service.count() == 2 and len(smtp.received) == 2


def test_ingest_processes_started_before_the_first_poll(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService) -> None:
    settings = replace(live_settings, processes=2)
    worker = MailWorker(MailIngestor(service, settings), settings)
    pool = worker.start_processes()
    assert worker.start_processes() is pool  # started once
    imap.append("hotline", [fixture_bytes(n) for n in NEW_MAIL])
    stats = worker.run(once=True, max_failures=0)
    assert stats.processed == 4 and service.count() == 4


def one_poll_worker(settings: MailSettings, service: IntakeService
                    ) -> tuple[MailWorker, list[str]]:
    """A one-process worker (its ingest its own) that stops after its first poll, and
    the list where it says "warm up" and "poll" as it does them."""
    settings = replace(settings, processes=1, use_idle=False, poll_interval=0.1)
    worker = MailWorker(MailIngestor(service, settings), settings)
    said: list[str] = []
    loading, poll_once = worker.ingestor.warm_up, worker.poll_once

    def warming() -> None:
        said.append("warm up")
        loading()

    def polling(mailbox: Mailbox) -> PollStats:
        said.append("poll")
        stats = poll_once(mailbox)
        worker.stop.set()  # one poll, then the loop ends
        return stats

    worker.ingestor.warm_up = warming  # type: ignore[method-assign]
    worker.poll_once = polling  # type: ignore[method-assign]
    return worker, said


@pytest.mark.parametrize("once", [False, True], ids=["long-running", "one pass"])
def test_a_worker_that_ingests_itself_loads_routing_before_its_first_poll(
        once: bool, imap: DovecotServer, live_settings: MailSettings,
        service: IntakeService) -> None:
    """A long-running worker with one process (its ingest its own) loads routing, the
    HTML parser and the holidays before it polls, as the ingest processes of a worker
    with several do: the first citizen's mail after a start does not wait seconds for
    them. A single pass loads them when its first message needs them."""
    worker, said = one_poll_worker(live_settings, service)
    imap.append("hotline", [fixture_bytes(n) for n in NEW_MAIL])
    worker.run(once=once, max_failures=0)
    assert said == (["poll"] if once else ["warm up", "poll"])
    assert service.count() == 4


def test_a_worker_whose_routing_fails_to_load_ahead_still_takes_its_mail(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading ahead is a convenience: an error there (a bad training file, a bug) is
    logged and the worker polls; the first message loads routing, as it did before."""
    failures = fails_once(monkeypatch, service, "router",
                          ValueError("classifier training file unreadable"))
    worker, said = one_poll_worker(live_settings, service)
    imap.append("hotline", [fixture_bytes(n) for n in NEW_MAIL])
    worker.run(max_failures=0)
    assert said == ["warm up", "poll"]
    assert failures == ["ValueError"]
    assert service.count() == 4
    assert "routing not loaded ahead (ValueError: bad routing data or a bug)" in caplog.text
    assert "routing failed" not in caplog.text  # the first message loaded it: no triage
