"""Floods do not delay citizens: the header triage, the priority queue and the worker
serving likely-genuine mail first (real Dovecot, real SQLite and PostgreSQL)."""

from __future__ import annotations

import imaplib
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import event, select

from intake.db import Database
from intake.mail.classify import Ours, classify
from intake.mail.config import MailSettings
from intake.mail.fetch import Mailbox
from intake.mail.ingest import IngestResult, MailIngestor
from intake.mail.models import IngestStatus, MailIngest, MailQueued, QueueState
from intake.mail.parse import Limits, parse_message
from intake.mail.queue import Fetched, MailQueue, Place
from intake.mail.triage import TRIAGE_FIELDS, Priority, Triage, Verdict
from intake.mail.worker import MAX_REFETCHES, MailWorker, PollStats
from intake.mail_config import DEFAULT_ALLOWED_TYPES
from intake.mail_memory import GIVEN_UP, RefetchCounts
from intake.services.complaints import IntakeService
from intake.storage import ContentStore
from tests.harness.dovecot import DovecotServer
from tests.mail.conftest import FIXTURES, fixture_bytes

NEWSLETTER = "triage_newsletter_list_unsubscribe.eml"
EXCHANGE_OOO = "triage_exchange_out_of_office.eml"
CITIZEN = "triage_citizen_complaint.eml"


def look(name: str, triage: Triage | None = None) -> Verdict:
    return (triage or Triage()).look(fixture_bytes(name))


# -- the first look at the header -------------------------------------------------------
def test_triage_classifies_real_looking_mail_from_the_header() -> None:
    newsletter = look(NEWSLETTER)  # Mailchimp-style: List-Unsubscribe only, no Precedence
    assert (newsletter.priority, newsletter.label) == (Priority.BULK, "bulk")
    assert newsletter.reason == "mailing-list headers"
    assert newsletter.sender == "khuyenmai@dienmayxanh-news.example.com"
    ooo = look(EXCHANGE_OOO)
    assert (ooo.priority, ooo.label) == (Priority.AUTOMATIC, "auto")
    assert ooo.reason == "Auto-Submitted: auto-generated"
    dsn = look("vi_dsn_bounce.eml")
    assert (dsn.priority, dsn.label) == (Priority.AUTOMATIC, "bounce")
    assert look("vi_out_of_office.eml").label == "auto"
    assert look("vi_bulk_newsletter.eml").reason == "Precedence: bulk"
    assert look("vi_read_receipt.eml").label == "receipt"
    citizen = look(CITIZEN)
    assert (citizen.priority, citizen.label) == (Priority.GENUINE, "genuine")
    assert citizen.sender == "lethihoa1985@gmail.example"
    assert Priority.GENUINE > Priority.FREQUENT > Priority.AUTOMATIC > Priority.BULK \
        > Priority.SPAM_SENDER


def test_triage_header_rules_are_the_classifiers() -> None:
    """Every fixture the triage puts back as automatic or bulk, the full parse and the
    classifier call automatic too (the same rules over the header alone)."""
    ours = Ours("thutuchanhchinh@bacgiang.gov.vn", "bacgiang.gov.vn")
    checked = 0
    for path in sorted(FIXTURES.glob("*.eml")):
        raw = path.read_bytes()
        verdict = Triage().look(raw)
        mail = parse_message(raw, Limits(10**7, 50, DEFAULT_ALLOWED_TYPES))
        found = classify(mail, ours, lambda ids: None, lambda code: None)
        if verdict.priority < Priority.FREQUENT:
            assert found.kind.automatic, (path.name, verdict, found)
            checked += 1
    assert checked >= 6


def test_the_fetched_header_fields_give_the_verdicts_of_the_whole_header(
        imap: DovecotServer, live_settings: MailSettings) -> None:
    """The fetcher asks Dovecot for ``TRIAGE_FIELDS`` only: on every fixture the triage
    decides from them exactly what it decides from the whole header, with fewer bytes."""
    raws = [path.read_bytes() for path in sorted(FIXTURES.glob("*.eml"))]
    imap.append("hotline", raws)
    mailbox = Mailbox(live_settings)
    mailbox.connect()
    try:
        uids = mailbox.new_uids(0)
        whole = mailbox.headers(uids)
        fields = mailbox.headers(uids, TRIAGE_FIELDS)
    finally:
        mailbox.close()
    assert len(whole) == len(fields) == len(raws) >= 50
    by_whole, by_fields = Triage(), Triage()  # the same sender rates, message by message
    for full, few in zip(whole, fields, strict=True):
        assert (full.uid, full.size) == (few.uid, few.size)
        assert by_fields.look(few.header) == by_whole.look(full.header), full.uid
        assert few.header.endswith((b"\n\n", b"\r\n\r\n")) or not few.header.strip()
        assert b"\nreceived:" not in b"\n" + few.header.lower()
    assert sum(len(h.header) for h in fields) < sum(len(h.header) for h in whole) / 2
    labels = {Triage().look(h.header).label for h in fields}
    assert {"genuine", "bulk", "auto", "bounce", "receipt"} <= labels


def test_null_return_path_mailer_daemon_and_auto_headers() -> None:
    citizen = fixture_bytes(CITIZEN)
    null_path = citizen.replace(b"Return-Path: <lethihoa1985@gmail.example>", b"Return-Path: <>")
    assert Triage().look(null_path).reason == "null Return-Path"
    daemon = citizen.replace(b"<lethihoa1985@gmail.example>\nTo:",
                             b"<MAILER-DAEMON@mx.example.vn>\nTo:")
    assert Triage().look(daemon).reason == "sent by a mailer daemon"
    for header, label in ((b"Precedence: junk", "bulk"), (b"Precedence: list", "bulk"),
                          (b"X-Autorespond: 1", "auto"), (b"X-Autoreply: yes", "auto"),
                          (b"Auto-Submitted: auto-replied", "auto")):
        raw = citizen.replace(b"MIME-Version: 1.0", header + b"\nMIME-Version: 1.0")
        assert Triage().look(raw).label == label, header
    # "Auto-Submitted: no" is a person's mail (RFC 3834).
    person = citizen.replace(b"MIME-Version: 1.0", b"Auto-Submitted: no\nMIME-Version: 1.0")
    assert Triage().look(person).label == "genuine"


def test_known_spam_senders_and_the_sender_rate() -> None:
    citizen = fixture_bytes(CITIZEN)
    spam = Triage(["@gmail.example"]).look(citizen)
    assert (spam.priority, spam.label) == (Priority.SPAM_SENDER, "spam_sender")
    assert Triage(["lethihoa1985@gmail.example"]).look(citizen).label == "spam_sender"
    assert Triage(["hoa1985@gmail.example"]).look(citizen).label == "genuine"
    now = [1000.0]
    rated = Triage(sender_rate=3, clock=lambda: now[0])
    labels = [rated.look(citizen).label for _ in range(5)]
    assert labels == ["genuine"] * 3 + ["frequent"] * 2
    assert rated.look(citizen).reason == "6 messages from this sender within 60 min"
    other = citizen.replace(b"lethihoa1985@", b"someoneelse@")
    assert rated.look(other).label == "genuine"  # the rate is per sender
    now[0] += 3601  # an hour later the window is empty again
    assert rated.look(citizen).label == "genuine"


def test_unreadable_or_odd_headers_are_never_pushed_back() -> None:
    for raw in (b"", b"\r\n\r\n\r\n", b"Subject: \x00\r\n\r\n", b"\xff\xfe\x00garbage",
                fixture_bytes("vi_broken_headers.eml"), b"From: <<<@@@>>>\n\nx"):
        verdict = Triage().look(raw)
        assert verdict.priority == Priority.GENUINE, (raw[:30], verdict)


# -- the queue ------------------------------------------------------------------------------
def _fetched(uid: int, priority: Priority) -> Fetched:
    return Fetched(uid, f"{uid:064x}", f"imap:INBOX:7:{uid}",
                   Verdict(priority, priority.name.lower(), "test"))


def _fill(db: Database, priorities: list[Priority], account: str = "a@h:1") -> Place:
    place = Place(account, "INBOX", 7)
    MailQueue(db).enqueue(place, [_fetched(i + 1, p) for i, p in enumerate(priorities)],
                          len(priorities))
    return place


def _result(row_id: int) -> IngestResult:
    return IngestResult(row_id, IngestStatus.INGESTED, "new", None)


def test_queue_serves_highest_priority_first_and_records_results(db: Database) -> None:
    order = [Priority.BULK, Priority.AUTOMATIC, Priority.GENUINE, Priority.BULK,
             Priority.GENUINE, Priority.SPAM_SENDER, Priority.FREQUENT]
    place = _fill(db, order)
    queue = MailQueue(db)
    assert queue.enqueue(place, [_fetched(3, Priority.GENUINE)], 3) == 0  # queued once
    with queue.claim(2, min_priority=Priority.GENUINE) as claim:
        assert [m.uid for m in claim.messages] == [3, 5]
        for message in claim.messages:
            claim.done(message, _result(message.id))
    with queue.claim(2, min_priority=Priority.GENUINE) as claim:
        assert claim.messages == []
    taken: list[int] = []
    while True:
        with queue.claim(3) as claim:
            if not claim.messages:
                break
            taken += [m.uid for m in claim.messages]
            for message in claim.messages:
                claim.done(message, _result(message.id))
    assert taken == [7, 2, 1, 4, 6]  # frequent, automatic, bulk (oldest first), spam
    finished = queue.finished(place)
    assert [uid for _, uid in finished[QueueState.PROCESSED.value]] == [1, 2, 3, 4, 5, 6, 7]
    assert queue.waiting() == 0


def test_a_claim_that_fails_keeps_what_committed_and_frees_the_rest(db: Database) -> None:
    place = _fill(db, [Priority.GENUINE] * 4)
    queue = MailQueue(db)
    with pytest.raises(RuntimeError), queue.claim(4) as claim:
        claim.done(claim.messages[0], _result(1))
        raise RuntimeError("ingest process died")
    assert [uid for _, uid in queue.finished(place)[QueueState.PROCESSED.value]] == [1]
    with queue.claim(10) as claim:
        assert [m.uid for m in claim.messages] == [2, 3, 4]


def test_a_claim_records_its_results_and_leaves_a_row_recorded_meanwhile(db: Database) -> None:
    """A claim's committed messages are recorded by one UPDATE run with all of them
    (processed or quarantined, with their ingest record and time), one whose bytes were
    lost is marked to fetch again, and a row recorded meanwhile keeps its record."""
    place = _fill(db, [Priority.GENUINE] * 5)
    queue = MailQueue(db)
    updates: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if statement.lstrip().upper().startswith("UPDATE"):
            updates.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        with queue.claim(5) as claim:
            first, second, third, lost, recorded = claim.messages
            claim.done(first, _result(101))
            claim.done(second, IngestResult(102, IngestStatus.QUARANTINED, None, None))
            claim.done(third, _result(103))
            claim.not_stored(lost)
            claim.done(recorded, _result(105))
            if not queue.skip_locked:  # SQLite: recorded meanwhile (PostgreSQL: locked)
                with db.transaction() as session:
                    row = session.get(MailQueued, recorded.id)
                    assert row is not None
                    row.state, row.ingest_id = QueueState.PROCESSED.value, 99
            updates.clear()
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    assert len([u for u in updates if "ingest_id" in u]) == 1
    with db.reading() as session:
        rows = {row.uid: (row.state, row.ingest_id, row.done_at is not None)
                for row in session.scalars(select(MailQueued))}
    assert rows == {1: ("processed", 101, True), 2: ("quarantined", 102, True),
                    3: ("processed", 103, True), 4: ("refetch", None, False),
                    5: ("processed", 105, True) if queue.skip_locked
                    else ("processed", 99, False)}
    assert queue.to_refetch(place) == [(lost.id, 4)]


def test_two_claimers_on_postgresql_never_take_the_same_message(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SKIP LOCKED claims are PostgreSQL's; SQLite serves one process")
    setup = Database(database_url)
    _fill(setup, [Priority.GENUINE, Priority.BULK] * 100)
    setup.dispose()
    both_holding = threading.Barrier(2, timeout=30)

    def claimer() -> list[int]:
        db = Database(database_url)  # its own engine and connections, as a process has
        queue = MailQueue(db)
        taken: list[int] = []
        first = True
        try:
            while True:
                with queue.claim(7) as claim:
                    if first:  # both hold a claim at the same time at least once
                        both_holding.wait()
                        first = False
                    if not claim.messages:
                        return taken
                    taken += [m.id for m in claim.messages]
                    for message in claim.messages:
                        claim.done(message, _result(message.id))
        finally:
            db.dispose()

    with ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(claimer) for _ in range(2)]
        a, b = (future.result(timeout=120) for future in futures)
    assert a and b, (a, b)
    assert not set(a) & set(b)
    assert len(a) + len(b) == 200
    check = Database(database_url)
    with check.reading() as session:
        states = session.scalars(select(MailQueued.state)).all()
    check.dispose()
    assert set(states) == {QueueState.PROCESSED.value} and len(states) == 200


# -- the worker over a real mailbox ------------------------------------------------------------
def flood(count: int, tag: str) -> list[bytes]:
    """``count`` distinct bulk and automatic messages (newsletters, out-of-office)."""
    out = []
    for i in range(count):
        name = NEWSLETTER if i % 2 else EXCHANGE_OOO
        raw = fixture_bytes(name).replace(b"Message-ID: <", f"Message-ID: <{tag}-{i}-".encode())
        out.append(raw)
    return out


def genuine(count: int, tag: str) -> list[bytes]:
    """``count`` distinct citizens' complaints."""
    base = fixture_bytes(CITIZEN)
    return [base.replace(b"triage-citizen-1@", f"{tag}-{i}@".encode()).replace(
        b"lethihoa1985@", f"citizen{tag}{i}@".encode()) for i in range(count)]


def _ingest_order(db: Database) -> list[tuple[str | None, str | None]]:
    with db.reading() as session:
        return [(row.kind, row.status) for row in
                session.scalars(select(MailIngest).order_by(MailIngest.id))]


def test_genuine_mail_behind_a_flood_is_ingested_first_and_the_flood_after(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database) -> None:
    settings = replace(live_settings, fetch_batch=15)
    bulk = flood(60, "flood")
    citizens = genuine(3, "g")
    # Arrival order: 30 flood, one complaint, 30 flood, two complaints.
    imap.append("hotline", [*bulk[:30], citizens[0], *bulk[30:], *citizens[1:]])
    worker = MailWorker(MailIngestor(service, settings), settings)
    stats = worker.run(once=True, max_failures=0)
    assert stats.fetched == 63 and stats.processed == 63 and stats.quarantined == 0
    assert stats.triage == {"bulk": 30, "auto": 30, "genuine": 3}
    order = _ingest_order(db)
    assert len(order) == 63
    # The three complaints were taken before any flood message (the last one arrived 63rd).
    assert [kind for kind, _ in order[:3]] == ["new"] * 3
    assert {kind for kind, _ in order[3:]} == {"auto", "bulk"}
    assert {status for _, status in order[3:]} == {IngestStatus.RECORDED.value}
    assert service.count() == 3  # the flood is recorded, never filed nor answered
    # Nothing lost: the whole flood was ingested and filed away; the queue is empty.
    assert imap.count("hotline", "INBOX") == 0 and imap.count("hotline", "Processed") == 63
    assert MailQueue(db).waiting() == 0
    with db.reading() as session:
        assert session.scalars(select(MailQueued)).all() == []
    assert worker.run(once=True, max_failures=0).fetched == 0


def test_a_complaint_arriving_during_the_drain_overtakes_the_rest_of_the_flood(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from intake.mail import worker as worker_module

    monkeypatch.setattr(worker_module, "LOOK_AGAIN_SECONDS", 0.0)  # look after every claim
    settings = replace(live_settings, fetch_batch=200)
    imap.append("hotline", flood(120, "early"))
    worker = MailWorker(MailIngestor(service, settings), settings)
    arrived: list[int] = []
    real_claim = worker.queue.claim

    def claim_then_mail_arrives(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if not arrived and _ingest_order(db):  # the flood's drain has begun
            imap.append("hotline", genuine(1, "late"))
            arrived.append(len(_ingest_order(db)))
        return real_claim(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(worker.queue, "claim", claim_then_mail_arrives)
    stats = worker.run(once=True, max_failures=0)
    assert stats.fetched == 121 and stats.processed == 121
    order = _ingest_order(db)
    late = [i for i, (kind, _) in enumerate(order) if kind == "new"]
    assert arrived and len(late) == 1
    # Taken right after the claim during which it arrived, ahead of the flood still queued.
    assert late[0] <= arrived[0] + worker.claim_batch < 120, (arrived, late)
    assert imap.count("hotline", "INBOX") == 0 and imap.count("hotline", "Processed") == 121


def test_committed_but_not_moved_mail_is_filed_away_on_the_next_poll(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    imap.append("hotline", genuine(2, "crash"))
    worker = MailWorker(MailIngestor(service, live_settings), live_settings)

    with monkeypatch.context() as patch:  # killed after the commits, before the moves
        patch.setattr(worker, "_file_finished", lambda *a: None)
        worker.run(once=True, max_failures=0)
    assert service.count() == 2 and imap.count("hotline", "INBOX") == 2
    with db.reading() as session:
        assert {r.state for r in session.scalars(select(MailQueued))} == {
            QueueState.PROCESSED.value}
    stats = worker.run(once=True, max_failures=0)
    assert stats.fetched == 0 and stats.processed == 2
    assert service.count() == 2 and imap.count("hotline", "Processed") == 2


def _killed_after_queueing(service: IntakeService, settings: MailSettings,
                           monkeypatch: pytest.MonkeyPatch, fetched: int) -> MailWorker:
    """A worker that fetched, stored and queued the inbox, then died before ingesting."""
    worker = MailWorker(MailIngestor(service, settings), settings)
    monkeypatch.setattr(worker, "_drain", lambda *a, **k: False)
    assert worker.run(once=True, max_failures=0).fetched == fetched
    monkeypatch.undo()
    return worker


def test_stored_raw_bytes_lost_are_fetched_again_from_the_server(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    imap.append("hotline", genuine(1, "lost"))
    worker = _killed_after_queueing(service, live_settings, monkeypatch, fetched=1)
    with db.reading() as session:
        digest = session.scalars(select(MailQueued.sha256)).one()
    assert isinstance(worker.ingestor.raw, ContentStore)  # the default: var/mail/raw
    stored = Path(worker.ingestor.raw.path_of(digest))
    stored.write_bytes(b"")  # what a power cut can leave of an unflushed file
    stats = worker.run(once=True, max_failures=0)
    assert stats.processed == 1 and service.count() == 1
    assert imap.count("hotline", "Processed") == 1


def test_queued_mail_gone_from_the_store_and_the_server_is_dropped_without_a_hang(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bytes lost from the raw store and the message expunged from the server meanwhile:
    the claim drops the row on its own session. A second connection deleting it would
    wait for the claim's own row lock for ever on PostgreSQL (no deadlock is seen)."""
    imap.append("hotline", genuine(2, "gone"))
    worker = _killed_after_queueing(service, live_settings, monkeypatch, fetched=2)
    with db.reading() as session:
        rows = session.scalars(select(MailQueued).order_by(MailQueued.uid)).all()
    assert isinstance(worker.ingestor.raw, ContentStore)
    Path(worker.ingestor.raw.path_of(rows[0].sha256)).unlink()
    client = imap.client("hotline")
    try:
        client.select_folder("INBOX")
        client.delete_messages([int(rows[0].uid)])
        client.expunge()
    finally:
        client.logout()
    outcome: list[object] = []
    runner = threading.Thread(target=lambda: outcome.append(
        worker.run(once=True, max_failures=0)), daemon=True)
    runner.start()
    runner.join(60)
    if runner.is_alive():
        worker.stop.set()
        pytest.fail("the worker hangs on a message neither stored nor on the server")
    assert len(outcome) == 1 and service.count() == 1
    with db.reading() as session:
        assert session.scalars(select(MailQueued)).all() == []  # dropped and filed
    assert imap.count("hotline", "Processed") == 1 and imap.count("hotline", "INBOX") == 0


def test_a_failed_batch_makes_what_committed_durable_before_recording_it(
        db: Database) -> None:
    place = _fill(db, [Priority.GENUINE] * 3)
    queue = MailQueue(db)
    calls: list[int] = []

    def durable() -> None:
        with db.reading() as session:  # nothing recorded processed yet
            calls.append(len(session.scalars(select(MailQueued).where(
                MailQueued.state == QueueState.PROCESSED.value)).all()))

    with pytest.raises(RuntimeError, match="ingest process died"), \
            queue.claim(3, durable=durable) as claim:
        claim.done(claim.messages[0], _result(1))
        raise RuntimeError("ingest process died")
    assert calls == [0]
    assert [uid for _, uid in queue.finished(place)[QueueState.PROCESSED.value]] == [1]

    def broken() -> None:
        raise OSError("fsync failed")

    # The batch's own error propagates, not the one of recording; nothing is recorded
    # that is not durable, and the rows stay queued.
    with pytest.raises(RuntimeError, match="worker killed"), \
            queue.claim(3, durable=broken) as claim:
        claim.done(claim.messages[0], _result(2))
        raise RuntimeError("worker killed")
    assert queue.waiting() == 2


def test_raw_bytes_an_ingest_worker_never_finds_are_given_up_loudly(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """``PAKN_RAW_STORE=dir`` with the ingest worker on another machine: the bytes the
    fetcher stores are never found there. Each miss is a warning (ids only), and after
    ``MAX_REFETCHES`` the fetcher stops fetching the message again and says why, once,
    at ERROR; the message stays in the mailbox."""
    imap.append("hotline", genuine(1, "elsewhere"))
    fetcher = MailWorker(MailIngestor(service, live_settings), live_settings,
                         ingest_here=False)
    other_machine = replace(live_settings, var_dir=tmp_path / "other-machine")
    ingester = MailWorker(MailIngestor(service, other_machine), other_machine)
    caplog.set_level(logging.WARNING, logger="intake.mail.worker")
    assert fetcher.run(once=True, max_failures=0).fetched == 1
    claimed = []
    for _ in range(MAX_REFETCHES + 2):
        claimed.append(ingester.ingest_queued(PollStats()))
        fetcher.run(once=True, max_failures=0)
    assert claimed == [1] * (MAX_REFETCHES + 1) + [0]  # given up: not queued again
    assert service.count() == 0 and imap.count("hotline", "INBOX") == 1
    with db.reading() as session:
        rows = session.scalars(select(MailQueued)).all()
        assert [r.state for r in rows] == [QueueState.REFETCH.value]
    # a given-up message is not counted on every pass: its count stays where giving up
    # put it, however often the fetcher looks again
    assert RefetchCounts(db).times(rows[0].id) == GIVEN_UP
    for _ in range(3):
        fetcher.run(once=True, max_failures=0)
    assert RefetchCounts(db).times(rows[0].id) == GIVEN_UP
    records = [r for r in caplog.records if r.name == "intake.mail.worker"]
    misses = [r for r in records if "not in the raw store" in r.getMessage()]
    errors = [r for r in records if r.levelno == logging.ERROR]
    assert len(misses) == MAX_REFETCHES + 1
    assert len(errors) == 1 and "use PAKN_RAW_STORE=db" in errors[0].getMessage()
    assert not any("elsewhere" in r.getMessage() or "@" in r.getMessage()
                   for r in records)  # ids only, no personal data


def test_two_fetchers_that_both_counted_past_the_limit_give_up_once(
        service: IntakeService, mail_settings: MailSettings, db: Database,
        caplog: pytest.LogCaptureFixture) -> None:
    """Two fetchers both read a count of 2, both fetch the message again and both count
    it: the count is 4, past the limit. Neither fetches it again, and exactly one of
    them says at ERROR that it was given up, once, whoever looks how often."""
    place = Place("hotline@imap.example:993", "INBOX", 7)
    MailQueue(db).enqueue(place, [Fetched(9, "9" * 64, "imap:INBOX:7:9", Verdict(
        Priority.GENUINE, "genuine", "test"))], 9)
    with db.reading() as session:
        row = int(session.scalars(select(MailQueued.id)).one())
    fetchers = [MailWorker(MailIngestor(service, mail_settings), mail_settings,
                           ingest_here=False) for _ in range(2)]
    counts = RefetchCounts(db)
    counts.take([row])
    counts.take([row])  # both fetchers read 2 here, then both fetched and counted:
    counts.take([row])
    assert counts.take([row]) == {row: MAX_REFETCHES + 1}
    caplog.set_level(logging.ERROR, logger="intake.mail.worker")
    for _ in range(3):
        for fetcher in fetchers:
            assert fetcher._give_up_refetching([(row, 9)]) == []
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "use PAKN_RAW_STORE=db" in errors[0].getMessage()


def test_a_refetch_that_fails_uses_no_attempt_up(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, tmp_path: Path) -> None:
    """The connection drops while the fetcher fetches a message again: nothing was
    fetched, so nothing is counted; the next pass fetches it and counts that one."""
    imap.append("hotline", genuine(1, "elsewhere"))
    fetcher = MailWorker(MailIngestor(service, live_settings), live_settings,
                         ingest_here=False)
    other_machine = replace(live_settings, var_dir=tmp_path / "other-machine")
    ingester = MailWorker(MailIngestor(service, other_machine), other_machine)
    assert fetcher.run(once=True, max_failures=0).fetched == 1
    assert ingester.ingest_queued(PollStats()) == 1  # not found there: to fetch again
    with db.reading() as session:
        (row,) = session.scalars(select(MailQueued)).all()
        assert row.state == QueueState.REFETCH.value
    mailbox = Mailbox(live_settings)
    try:
        state = mailbox.connect()
        place = Place(mailbox.account, live_settings.imap_folder, state.uidvalidity)
        assert mailbox.client is not None
        mailbox.client.shutdown()  # the connection is gone under the fetcher
        with pytest.raises((OSError, imaplib.IMAP4.error)):
            fetcher._refetch(mailbox, place)
    finally:
        mailbox.close()
    assert RefetchCounts(db).times(row.id) == 0
    with db.reading() as session:
        assert session.scalar(select(MailQueued.state)) == QueueState.REFETCH.value
    fetcher.run(once=True, max_failures=0)  # fetched again this time: counted once
    assert RefetchCounts(db).times(row.id) == 1
    with db.reading() as session:
        assert session.scalar(select(MailQueued.state)) == QueueState.QUEUED.value


def test_a_restarted_fetcher_goes_on_counting_refetches(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The refetch count is the database's, not the fetcher's: a fetcher restarted after
    two refetches (a new process) gives up after ``MAX_REFETCHES`` in all, not after
    ``MAX_REFETCHES`` more, and says so once."""
    imap.append("hotline", genuine(1, "elsewhere"))
    other_machine = replace(live_settings, var_dir=tmp_path / "other-machine")
    ingester = MailWorker(MailIngestor(service, other_machine), other_machine)

    def a_fetcher() -> MailWorker:
        return MailWorker(MailIngestor(service, live_settings), live_settings,
                          ingest_here=False)

    caplog.set_level(logging.ERROR, logger="intake.mail.worker")
    fetcher = a_fetcher()
    assert fetcher.run(once=True, max_failures=0).fetched == 1
    claimed = []
    for turn in range(MAX_REFETCHES + 2):
        if turn == 2:
            fetcher = a_fetcher()  # restarted: forgets everything it held
        claimed.append(ingester.ingest_queued(PollStats()))
        fetcher.run(once=True, max_failures=0)
    assert claimed == [1] * (MAX_REFETCHES + 1) + [0]
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and f"fetched again {MAX_REFETCHES} times" in errors[0].getMessage()
    assert imap.count("hotline", "INBOX") == 1 and service.count() == 0
