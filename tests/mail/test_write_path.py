"""The write path of one mail (issue 15): how many statements it costs, and that the
look-ups it leaves to the unique indexes still keep every message exactly once.

``IntakeService.create_complaint(unseen=True)`` skips the look-up by external id and the
check that the drawn tracking code is free; a conflict on either unique index makes the
pipeline run the message's transaction again (``MailIngestor._run``), with the look-ups.
Both conflicts are forced here, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from intake import codes
from intake.db import Database
from intake.mail import ack as ack_module
from intake.mail import ingest as ingest_module
from intake.mail.ingest import IngestResult, MailIngestor
from intake.mail.models import IngestStatus, MailIngest
from intake.models import Complaint, Event, Message, Outbox
from intake.services.complaints import IntakeService
from tests.mail.conftest import fixture_bytes

# A new complaint by mail, acknowledged: the dedup look-up, the province, the queue, the
# complaint, its kind, its message, its two events (one statement), the two
# acknowledgement limits, the outbox row, the ingest record and the thread row.
MOST_STATEMENTS = 12


def _message(i: int) -> bytes:
    return fixture_bytes("vi_utf8_qp.eml").replace(b"vi-qp-1@", f"wp-{i}@".encode()).replace(
        b"nguyenvanan@", f"citizen{i}@".encode())


def _counts(db: Database) -> tuple[int, int, int, int]:
    with db.reading() as session:
        return tuple(int(session.scalar(select(func.count(table.id))) or 0)  # type: ignore[return-value]
                     for table in (Complaint, Message, MailIngest, Outbox))


def test_a_new_complaint_costs_one_transaction_of_few_statements(
        ingestor: MailIngestor, db: Database, statements: Counter[str]) -> None:
    """Three messages after a warm-up; the median message's statements are counted (a
    cache of routing data may look at the database now and then)."""
    ingestor.ingest(_message(0), "warm-up")  # routing loads its data the first time
    totals, seen = [], []
    for i in (1, 2, 3):
        statements.clear()
        result = ingestor.ingest(_message(i), "test")
        assert result.status is IngestStatus.INGESTED and result.code
        assert statements["COMMIT"] == 1
        assert not [s for s in statements if s.startswith("UPDATE")], \
            "the ingest record is written once, complete"
        totals.append(sum(n for kind, n in statements.items() if kind != "COMMIT"))
        seen.append("\n".join(f"{n} × {s}" for s, n in statements.items()))
    assert sorted(totals)[1] <= MOST_STATEMENTS, "\n\n".join(seen)
    with db.reading() as session:
        events = session.scalars(select(Event.kind).join(Complaint).where(
            Complaint.code == result.code).order_by(Event.id)).all()
        row = session.get(MailIngest, result.ingest_id)
        assert row is not None and row.ack == "queued" and row.complaint_code == result.code
    assert list(events) == ["created", "routed"]


def test_the_acknowledgement_of_a_mail_without_message_id_looks_for_no_earlier_thread(
        ingestor: MailIngestor, db: Database, statements: Counter[str]) -> None:
    """Without the citizen's Message-ID to reply to, the acknowledgement would thread
    under our last message on the complaint; the complaint is filed in the same
    transaction, so there is none, and it is not looked for (it was a SELECT per
    message). That later messages on the complaint thread under the acknowledgement is
    checked in tests/delivery/test_delivery.py."""
    ingestor.ingest(_message(0), "warm-up")
    statements.clear()
    result = ingestor.ingest(fixture_bytes("vi_no_message_id.eml"), "test")
    assert result.status is IngestStatus.INGESTED and result.code
    assert not [s for s in statements
                if s.startswith("SELECT mail_threads.message_id FROM mail_threads")], \
        "\n".join(statements)
    with db.reading() as session:
        (ack,) = session.scalars(select(Outbox).where(
            Outbox.complaint_code == result.code)).all()
    assert "In-Reply-To" not in ack.headers and ack.headers["Message-ID"]


def test_a_tracking_code_drawn_twice_files_the_mail_once_with_a_fresh_code(
        ingestor: MailIngestor, service: IntakeService, db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    first = ingestor.ingest(_message(0), "test")
    assert first.code is not None
    drawn = iter([first.code])  # the next draw repeats a code in use, then draws anew
    real = codes.new_code
    monkeypatch.setattr("intake.services.complaints.new_code",
                        lambda: next(drawn, None) or real())
    second = ingestor.ingest(_message(1), "test")
    assert second.status is IngestStatus.INGESTED
    assert second.code is not None and second.code != first.code
    assert _counts(db) == (2, 2, 2, 2)
    assert service.get(second.code).reply_address == "citizen1@example.vn"


def _filed_then_quarantined(ingestor: MailIngestor, service: IntakeService,
                            monkeypatch: pytest.MonkeyPatch
                            ) -> tuple[IngestResult, IngestResult]:
    """A message filed with a tracking code, and a second one quarantined (its routing
    failed); the patch that failed it is undone."""
    first = ingestor.ingest(_message(0), "test")
    assert first.code is not None

    def failing(*args: object, **kwargs: object) -> object:
        raise RuntimeError("routing exploded")

    monkeypatch.setattr(service, "create_complaint", failing)
    failed = ingestor.ingest(_message(1), "test")
    assert failed.status is IngestStatus.QUARANTINED
    monkeypatch.undo()
    return first, failed


def test_a_retry_whose_tracking_code_is_drawn_twice_is_filed_not_left_quarantined(
        ingestor: MailIngestor, service: IntakeService, db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A retried message's own row is the record of its bytes: when a unique index
    refuses the retry's transaction, finding that row, still quarantined, must not end
    the retry as if another process had taken the message."""
    first, failed = _filed_then_quarantined(ingestor, service, monkeypatch)
    drawn = iter([first.code])  # the retry's first draw repeats a code in use
    real = codes.new_code
    monkeypatch.setattr("intake.services.complaints.new_code",
                        lambda: next(drawn, None) or real())
    retried = ingestor.retry(failed.ingest_id)
    assert next(drawn, None) is None, "the colliding code was never drawn"
    assert retried.status is IngestStatus.INGESTED
    assert retried.ingest_id == failed.ingest_id
    assert retried.code is not None and retried.code != first.code
    assert _counts(db) == (2, 2, 2, 2)
    with db.reading() as session:
        row = session.get(MailIngest, failed.ingest_id)
        assert row is not None and row.status == IngestStatus.INGESTED.value


def test_a_retry_refused_every_time_stays_quarantined_and_says_why(
        ingestor: MailIngestor, service: IntakeService, db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A unique index refuses every attempt (a conflict that does not clear, staged at
    the pipeline's edge): the retry ends after its attempts, the message stays
    quarantined with the refusal as its error (the console and the CLI report a result,
    not a traceback), and nothing is filed."""
    _, failed = _filed_then_quarantined(ingestor, service, monkeypatch)
    attempts: list[int] = []

    def refused(*args: object, **kwargs: object) -> object:
        attempts.append(1)
        raise IntegrityError("INSERT INTO complaints", {}, Exception("unique"))

    monkeypatch.setattr(ingestor, "_run_once", refused)
    retried = ingestor.retry(failed.ingest_id)
    assert len(attempts) == ingest_module.COMMIT_ATTEMPTS
    assert retried.status is IngestStatus.QUARANTINED
    assert retried.ingest_id == failed.ingest_id
    assert _counts(db) == (1, 1, 2, 1)
    with db.reading() as session:
        row = session.get(MailIngest, failed.ingest_id)
        assert row is not None and row.error and row.error.startswith("IntegrityError")


def test_a_message_taken_by_another_process_meanwhile_is_recorded_once(
        ingestor: MailIngestor, service: IntakeService, mail_settings: Any,
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another ingest process commits a copy of the same message (same Message-ID,
    other bytes) after this one's dedup look-up and before its commit: the unique index
    refuses this one's complaint, and the message is taken again as a duplicate."""
    raw = _message(7)
    copy = raw.replace(b"\n\n", b"\nX-Copy: delivered to another of our addresses\n\n", 1)
    other = MailIngestor(IntakeService(Database(db.url), service.settings), mail_settings)
    real_lookup = MailIngestor._lookup
    raced: list[bool] = []

    def lookup_then_race(self: MailIngestor, digest: str | None, key: str | None) -> Any:
        found = real_lookup(self, digest, key)
        if self is ingestor and not raced:
            raced.append(True)
            assert other.ingest(copy, "other process").status is IngestStatus.INGESTED
        return found

    monkeypatch.setattr(MailIngestor, "_lookup", lookup_then_race)
    result = ingestor.ingest(raw, "this process")
    other.db.dispose()
    assert raced
    assert result.status is IngestStatus.DUPLICATE
    complaints, messages, ingests, outbox = _counts(db)
    assert (complaints, messages, outbox) == (1, 1, 1), "filed or acknowledged twice"
    assert ingests == 2  # the copy's record, and this one's as its duplicate


def test_a_batch_of_new_complaints_is_written_without_a_savepoint_per_message(
        ingestor: MailIngestor, db: Database, statements: Counter[str]) -> None:
    """A SAVEPOINT and its RELEASE were two of the five statements each message of a
    batch cost; the batch's one transaction is what keeps it whole."""
    ingestor.ingest(_message(0), "warm-up")
    statements.clear()
    results = ingestor.ingest_batch([(_message(i), "test") for i in range(1, 6)])
    assert [r.status for r in results] == [IngestStatus.INGESTED] * 5
    assert statements["COMMIT"] == 1
    assert not [s for s in statements if s.startswith(("SAVEPOINT", "RELEASE"))], \
        "\n".join(f"{n} × {s}" for s, n in statements.items())
    assert _counts(db) == (6, 6, 6, 6)


def test_a_message_failing_in_a_batch_written_without_savepoints_fails_alone(
        ingestor: MailIngestor, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The third message fails after its complaint was written (its acknowledgement
    cannot be queued): the batch is rolled back and written again, each message in its
    savepoint, so that message is quarantined with nothing of it filed, and the others
    are filed once each."""
    real = ack_module.queue_ack

    def refusing(session: Any, ctx: Any, *args: Any) -> Any:
        if ctx.recipient == "citizen3@example.vn":
            raise RuntimeError("acknowledgement refused")
        return real(session, ctx, *args)

    monkeypatch.setattr(ingest_module, "queue_ack", refusing)
    results = ingestor.ingest_batch([(_message(i), "test") for i in range(1, 6)])
    assert [r.status for r in results] == [
        IngestStatus.INGESTED, IngestStatus.INGESTED, IngestStatus.QUARANTINED,
        IngestStatus.INGESTED, IngestStatus.INGESTED]
    assert _counts(db) == (4, 4, 5, 4)
    with db.reading() as session:
        emails = session.scalars(select(Complaint.citizen_email)).all()
    assert sorted(e or "" for e in emails) == [f"citizen{i}@example.vn" for i in (1, 2, 4, 5)]
