"""One commit per claimed batch (issue 15, the write path): the mail worker files a
claimed batch in one transaction, one savepoint per message
(``MailIngestor.ingest_batch``). Real Dovecot, real SQLite and PostgreSQL, failures
forced by triggers in the database:

- a message the database refuses is quarantined alone; the rest of its batch is filed,
  acknowledged and moved once each;
- a commit that fails (PostgreSQL: a deferred trigger raising "disk full" at COMMIT,
  after every message's savepoint was released and its acknowledgement queued) and a
  system error in the middle of the batch leave nothing filed, nothing acknowledged,
  nothing moved: all stay queued in the inbox, and the next run takes each once;
- a batch gives the same outcome as one message at a time, copies inside the batch
  included.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.exc import OperationalError

from intake.config import load_settings
from intake.db import Database, upgrade
from intake.mail.config import MailSettings
from intake.mail.ingest import IngestResult, MailIngestor
from intake.mail.models import IngestStatus, MailIngest, MailQueued
from intake.mail.worker import MailWorker
from intake.models import Complaint, ComplaintKind, Event, MailThread, Outbox, Status
from intake.org.data_files import read_organisation
from intake.org.loader import load_organisation
from intake.services.complaints import IntakeService
from tests.harness.dovecot import DovecotServer
from tests.mail.conftest import FIXTURES, fixture_bytes
from tests.mail.test_faults import assert_each_once, numbered

COUNT = 12
REFUSED = "citizen4@"  # the citizen whose complaint the database refuses


# The citizen a row of a complaint's own tables (kind, events) belongs to.
OWNER = "(SELECT citizen_email FROM complaints WHERE id = NEW.complaint_id)"


def _refuse_rows_of(db: Database, table: str, subject: str, said: str) -> None:
    """A trigger refusing, with the message ``said``, each row of ``table`` whose
    ``subject`` (an SQL expression over ``NEW``) names ``REFUSED``: on PostgreSQL a
    data exception (SQLSTATE 22023, a value refused), on SQLite ``RAISE(ABORT)`` (a
    constraint)."""
    name = f"refuse_{table}"
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "postgresql":
            conn.execute(text(f"""
                CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF {subject} LIKE '{REFUSED}%' THEN
                    RAISE EXCEPTION '{said}' USING ERRCODE = '22023';
                  END IF;
                  RETURN NEW;
                END $$"""))
            conn.execute(text(f"CREATE TRIGGER {name} BEFORE INSERT ON {table} "
                              f"FOR EACH ROW EXECUTE FUNCTION {name}()"))
        else:
            conn.execute(text(f"""
                CREATE TRIGGER {name} BEFORE INSERT ON {table}
                WHEN {subject} LIKE '{REFUSED}%'
                BEGIN SELECT RAISE(ABORT, '{said}'); END"""))


def _disk_full(db: Database, deferred: bool) -> Callable[[], None]:
    """PostgreSQL refusing to write with SQLSTATE 53100 (disk full): at COMMIT (a deferred
    constraint trigger on the outbox, which runs after every acknowledgement was queued)
    or at once (the 5th complaint of the batch). Returns what removes it."""
    timing = "DEFERRABLE INITIALLY DEFERRED" if deferred else "NOT DEFERRABLE"
    table = "outbox" if deferred else "complaints"
    condition = "TRUE" if deferred else f"NEW.citizen_email LIKE '{REFUSED}%'"
    with db.engine.begin() as conn:
        conn.execute(text(f"""
            CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF {condition} THEN
                RAISE EXCEPTION 'could not extend file' USING ERRCODE = '53100';
              END IF;
              RETURN NEW;
            END $$"""))
        conn.execute(text(f"CREATE CONSTRAINT TRIGGER disk_full AFTER INSERT ON {table} "
                          f"{timing} FOR EACH ROW EXECUTE FUNCTION disk_full()"))

    def remove() -> None:
        with db.engine.begin() as conn:
            conn.execute(text(f"DROP TRIGGER disk_full ON {table}"))
    return remove


def _count(db: Database, *where: ColumnElement[bool], model: type = MailIngest) -> int:
    with db.reading() as session:
        query = select(func.count()).select_from(model).where(*where)
        return int(session.execute(query).scalar_one())


def _worker(ingestor: MailIngestor, settings: MailSettings) -> MailWorker:
    """The mail worker, ingesting in its own process (one batch = one transaction)."""
    return MailWorker(ingestor, replace(settings, processes=1))


def _file_a_batch_with_one_refused(imap: DovecotServer, settings: MailSettings,
                                   service: IntakeService) -> None:
    """COUNT messages taken by the worker in one batch, one of them refused by the
    database: that one quarantined, the others filed and moved, the inbox empty."""
    imap.append("hotline", numbered(COUNT))
    worker = _worker(MailIngestor(service, settings), settings)
    stats = worker.run(once=True, max_failures=0)
    assert worker.claim_batch >= COUNT, "the test wants all messages in one batch"
    assert (stats.processed, stats.quarantined) == (COUNT - 1, 1)
    assert imap.count("hotline", "INBOX") == 0
    assert imap.count("hotline", "Processed") == COUNT - 1
    assert imap.count("hotline", "Quarantine") == 1


def test_a_message_the_database_refuses_is_quarantined_and_its_batch_kept_once(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database) -> None:
    _refuse_rows_of(db, "complaints", "NEW.citizen_email", "value refused")
    _file_a_batch_with_one_refused(imap, live_settings, service)
    with db.reading() as session:
        emails = session.scalars(select(Complaint.citizen_email)).all()
        quarantined = session.scalars(select(MailIngest).where(
            MailIngest.status == IngestStatus.QUARANTINED.value)).all()
        assert session.scalar(select(func.count(Outbox.id))) == COUNT - 1
        assert session.scalar(select(func.count(MailQueued.id))) == 0
    assert len(emails) == len(set(emails)) == COUNT - 1
    assert not [e for e in emails if e and e.startswith(REFUSED)]
    assert [row.sender for row in quarantined] == [f"{REFUSED}example.vn"]
    assert quarantined[0].error and "value refused" in quarantined[0].error


@pytest.mark.parametrize("deferred", [True, False], ids=["at-commit", "mid-batch"])
def test_a_batch_that_cannot_commit_leaves_nothing_acknowledged_or_moved(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, deferred: bool) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("the disk-full trigger is PostgreSQL's")
    remove = _disk_full(db, deferred)
    imap.append("hotline", numbered(COUNT))
    worker = _worker(MailIngestor(service, live_settings), live_settings)
    with pytest.raises(OperationalError, match="could not extend file"):
        worker.run(once=True, max_failures=0)
    # Nothing of the batch committed: no complaint, no acknowledgement in the outbox,
    # no ingest record; every message still queued and still in the inbox.
    assert _count(db, model=Complaint) == 0
    assert _count(db, model=Outbox) == 0
    assert _count(db) == 0
    assert _count(db, MailQueued.state == "queued", model=MailQueued) == COUNT
    assert imap.count("hotline", "INBOX") == COUNT
    assert imap.count("hotline", "Processed") == 0
    remove()
    stats = _worker(MailIngestor(service, live_settings), live_settings).run(
        once=True, max_failures=0)
    assert stats.processed == COUNT
    assert_each_once(db, COUNT)
    assert imap.count("hotline", "INBOX") == 0
    assert imap.count("hotline", "Processed") == COUNT


def _fresh(tmp_path: Path, name: str) -> IntakeService:
    url = f"sqlite:///{tmp_path / name}"
    upgrade(url)
    db = Database(url)
    load_organisation(db, read_organisation(), source="test")
    return IntakeService(db, load_settings({"PAKN_DATABASE_URL": url,
                                            "PAKN_VAR_DIR": str(tmp_path / name)}))


def test_a_batch_files_as_one_message_at_a_time_does(
        ingestor: MailIngestor, mail_settings: MailSettings, tmp_path: Path) -> None:
    """Every fixture without placeholders, each twice more (a copy with other trace
    headers: a duplicate by Message-ID; the same bytes: taken once), plus one
    unparseable message: the outcome of each, in one batch, is the outcome of
    ``ingest`` one message at a time on another database."""
    messages = [(path.read_bytes(), path.name) for path in sorted(FIXTURES.glob("*.eml"))
                if b"__CODE__" not in path.read_bytes()
                and b"__ACK_ID__" not in path.read_bytes()]
    messages += [(raw.replace(b"\n", b"\nX-Copy: 1\n", 1), name + " copy")
                 for raw, name in messages[:5]]
    messages += [messages[0], messages[1], (b"\x00\xff" * 10, "garbage")]
    messages.append((fixture_bytes("vi_utf8_qp.eml"), "again"))
    one = MailIngestor(_fresh(tmp_path, "one.db"), mail_settings)
    single = [one.ingest(raw, name) for raw, name in messages]
    batch = ingestor.ingest_batch(messages)

    def outcome(results: list[IngestResult]) -> list[tuple[str, str | None, bool, bool]]:
        return [(r.status.value, r.kind, r.new, r.code is None) for r in results]

    assert outcome(batch) == outcome(single)
    assert {r.status for r in batch} >= {IngestStatus.INGESTED, IngestStatus.DUPLICATE,
                                         IngestStatus.RECORDED, IngestStatus.QUARANTINED}

    def rows(database: Database) -> tuple[int, ...]:
        with database.reading() as session:
            return tuple(int(session.scalar(select(func.count()).select_from(m)) or 0)
                         for m in (Complaint, Outbox, MailIngest))

    assert rows(ingestor.db) == rows(one.db)
    assert rows(ingestor.db)[2] == sum(r.new for r in single)
    one.db.dispose()


def test_acknowledgements_written_together_are_threaded_to_their_own_outbox_rows(
        ingestor: MailIngestor, db: Database) -> None:
    """The batch's acknowledgements (and the complaints' kinds and events) are written
    in one INSERT per table at its end: each thread row names its own outbox row
    (recipient, purpose, complaint, the Message-ID the e-mail carries), each citizen
    gets exactly one, and each complaint has its kind and its "created" and "routed"
    events."""
    results = ingestor.ingest_batch([(raw, f"n{i}") for i, raw in enumerate(numbered(COUNT))])
    assert [r.status for r in results] == [IngestStatus.INGESTED] * COUNT
    with db.reading() as session:
        rows = session.execute(select(Outbox, MailThread).join(
            MailThread, MailThread.outbox_id == Outbox.id)).all()
        threads = int(session.scalar(select(func.count(MailThread.id))) or 0)
        codes = {email: code for email, code in session.execute(
            select(Complaint.citizen_email, Complaint.code))}
        events = session.execute(select(Event.complaint_id, Event.kind)).all()
        kinds = session.scalars(select(ComplaintKind.complaint_id)).all()
        ids = session.scalars(select(Complaint.id)).all()
    assert sorted(events) == sorted((i, k) for i in ids for k in ("created", "routed"))
    assert sorted(kinds) == sorted(ids) and len(ids) == COUNT
    assert len(rows) == threads == COUNT
    assert sorted(outbox.recipient for outbox, _ in rows) == sorted(
        f"citizen{i}@example.vn" for i in range(COUNT))
    for outbox, thread in rows:
        assert (thread.recipient, thread.purpose) == (outbox.recipient, outbox.purpose)
        assert thread.complaint_code == outbox.complaint_code == codes[outbox.recipient]
        assert outbox.headers["Message-ID"] == f"<{thread.message_id}>"
        assert outbox.complaint_code in outbox.subject


def test_an_acknowledgement_the_database_refuses_falls_on_its_message_alone(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    """The acknowledgements written together at the batch's end are refused (one of
    them): the batch is rolled back and written again, each acknowledgement in its
    message's savepoint, so that message alone is quarantined (nothing of it filed)
    and the others are filed, acknowledged and moved once each."""
    _refuse_rows_of(db, "outbox", "NEW.recipient", "acknowledgement refused")
    caplog.set_level(logging.WARNING, logger="intake.mail.ingest")
    _file_a_batch_with_one_refused(imap, live_settings, service)
    with db.reading() as session:
        emails = session.scalars(select(Complaint.citizen_email)).all()
        recipients = session.scalars(select(Outbox.recipient)).all()
        threads = session.scalars(select(MailThread.recipient)).all()
        quarantined = session.scalars(select(MailIngest).where(
            MailIngest.status == IngestStatus.QUARANTINED.value)).all()
        events = session.scalar(select(func.count(Event.id)))
        kinds = session.scalar(select(func.count()).select_from(ComplaintKind))
    assert len(emails) == len(set(emails)) == COUNT - 1
    assert (events, kinds) == (2 * (COUNT - 1), COUNT - 1)  # the refused one's went
    assert sorted(recipients) == sorted(threads) == sorted(e for e in emails if e)
    assert not [e for e in emails if e and e.startswith(REFUSED)]
    assert [row.sender for row in quarantined] == [f"{REFUSED}example.vn"]
    assert quarantined[0].error and "acknowledgement refused" in quarantined[0].error
    assert any("written again" in r.getMessage() for r in caplog.records)
    assert REFUSED not in caplog.text  # no address in the log


def _ack_id(db: Database, code: str) -> str:
    with db.reading() as session:
        return session.scalars(select(MailThread.message_id).where(
            MailThread.complaint_code == code).order_by(MailThread.id)).first() or ""


def test_the_audit_trail_of_a_batch_filed_message_is_in_the_order_it_happened(
        ingestor: MailIngestor, service: IntakeService, db: Database) -> None:
    """Every event a message of a batch writes waits with the complaint's "created" and
    "routed" (written together at the batch's end), so the ids, and the trail staff
    read oldest first, follow the order of what happened: a new complaint linked to an
    older one, a letter sent as a scan, and on the older complaint (waiting for its
    citizen) the link, the citizen's reply with the clock resumed, and a bounce of its
    acknowledgement, filed in that order by one batch."""
    old = ingestor.ingest(fixture_bytes("vi_utf8_qp.eml"), "earlier").code or ""
    ack_id = _ack_id(db, old)
    service.change_status(old, Status.WAITING_FOR_CITIZEN, "staff:test", "cần bổ sung")
    before = [e.kind for e in service.events(old)]
    assert before == ["created", "routed", "status"]
    batch = [(raw, f"n{i}") for i, raw in enumerate(numbered(2))] + [
        (fixture_bytes("vi_reply_other_sender.eml", code=old, ack_id=ack_id), "linked"),
        (fixture_bytes("vi_scan_pdf.eml"), "scan"),
        (fixture_bytes("vi_reply_to_ack.eml", code=old, ack_id=ack_id), "reply"),
        (fixture_bytes("vi_dsn_bounce.eml", code=old, ack_id=ack_id), "bounce")]
    results = ingestor.ingest_batch(batch)
    assert [r.kind for r in results] == ["new", "new", "linked", "new", "reply", "bounce"]
    trails = {r.code: [e.kind for e in service.events(r.code or "")]
              for r in results[:4]}
    assert trails == {results[0].code: ["created", "routed"],
                      results[1].code: ["created", "routed"],
                      results[2].code: ["created", "routed", "linked"],
                      results[3].code: ["created", "routed", "letter_in_files"]}
    assert [e.kind for e in service.events(old)] == [
        *before, "linked", "message", "clock_resumed", "status", "delivery_failed",
        "mail_bounce"]
    for code in [*(r.code or "" for r in results[:4]), old]:
        times = [e.at for e in service.events(code)]
        assert times == sorted(times), f"{code}: the times go back in the trail"


@pytest.mark.parametrize("table", ["events", "complaint_kinds"])
def test_a_kind_or_event_the_database_refuses_falls_on_its_message_alone(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, caplog: pytest.LogCaptureFixture, table: str) -> None:
    """The complaints' kinds and events written together at the batch's end are refused
    (one citizen's): the batch is rolled back and written again message by message, so
    that message alone is quarantined with nothing of it kept (no complaint, kind,
    event, acknowledgement or thread), and the others are filed, acknowledged and moved
    once each; the log names no address."""
    _refuse_rows_of(db, table, OWNER, f"{table} row refused")
    caplog.set_level(logging.INFO, logger="intake")
    _file_a_batch_with_one_refused(imap, live_settings, service)
    with db.reading() as session:
        emails = session.scalars(select(Complaint.citizen_email)).all()
        ids = session.scalars(select(Complaint.id)).all()
        recipients = session.scalars(select(Outbox.recipient)).all()
        threads = session.scalars(select(MailThread.recipient)).all()
        events = session.execute(select(Event.complaint_id, Event.kind)).all()
        kinds = session.scalars(select(ComplaintKind.complaint_id)).all()
        quarantined = session.scalars(select(MailIngest).where(
            MailIngest.status == IngestStatus.QUARANTINED.value)).all()
        assert session.scalar(select(func.count(MailQueued.id))) == 0
    assert len(emails) == len(set(emails)) == COUNT - 1
    assert not [e for e in emails if e and e.startswith(REFUSED)]
    assert sorted(recipients) == sorted(threads) == sorted(e for e in emails if e)
    assert sorted(events) == sorted((i, k) for i in ids for k in ("created", "routed"))
    assert sorted(kinds) == sorted(ids)
    assert [row.sender for row in quarantined] == [f"{REFUSED}example.vn"]
    assert quarantined[0].error and f"{table} row refused" in quarantined[0].error
    assert any("written again" in r.getMessage() for r in caplog.records)
    assert REFUSED not in caplog.text and "@example.vn" not in caplog.text
