"""The fetchers' memory in the database (``intake.mail_memory``), on SQLite and PostgreSQL:
two fetchers on separate engines (two machines) count one rate per sender, a restart
keeps it, old minutes are pruned, no address is stored or logged; refetch counts are
shared, kept across restarts and forgotten with their queue row."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from typing import cast

import pytest
from sqlalchemy import Table, delete, event, func, select

from intake.clock import utcnow
from intake.db import Database
from intake.mail.models import MailQueued
from intake.mail.queue import Fetched, MailQueue, Place
from intake.mail.triage import Priority, Triage, Verdict
from intake.mail_memory import (
    GIVEN_UP,
    MailRefetch,
    MailSenderCount,
    RefetchCounts,
    sender_key,
)
from tests.harness.ports import free_port

COUNTS = cast(Table, MailSenderCount.__table__)

CITIZEN = "Le.Thi.Hoa1985@gmail.example"
OTHER = "tran.van.an@yahoo.example"
START = 1_790_000_000.0  # a wall-clock second (Unix time), 20 s into its minute


def _mail(sender: str) -> bytes:
    message = EmailMessage()
    message["From"] = f"Lê Thị Hoa <{sender}>"
    message["To"] = "thutuchanhchinh@bacgiang.gov.vn"
    message["Subject"] = "Phản ánh đường ngập nước"
    message.set_content("Đường thôn Đông ngập sau mưa.")
    return bytes(message)


class Clock:
    """Wall-clock seconds the test moves."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def engines(database_url: str) -> Iterator[list[Database]]:
    """Two engines on one database: two machines' fetchers."""
    made = [Database(database_url), Database(database_url)]
    yield made
    for engine in made:
        engine.dispose()


def test_two_fetchers_count_one_rate_per_sender(engines: list[Database]) -> None:
    clock = Clock()
    first, second = (Triage.shared(db, sender_rate=3, clock=clock) for db in engines)
    assert [first.look(_mail(CITIZEN)).label for _ in range(2)] == ["genuine", "genuine"]
    assert second.look(_mail(CITIZEN.upper())).label == "genuine"  # 3rd: case is ignored
    clock.now += 30
    frequent = second.look(_mail(CITIZEN))
    assert (frequent.label, frequent.priority) == ("frequent", Priority.FREQUENT)
    assert frequent.reason == "4 messages from this sender within 60 min"
    assert first.look(_mail(CITIZEN)).reason == "5 messages from this sender within 60 min"
    assert first.look(_mail(OTHER)).label == "genuine"  # per sender


def test_a_restart_keeps_the_rate_and_old_minutes_are_pruned(
        database_url: str, engines: list[Database]) -> None:
    clock = Clock()
    before = Triage.shared(engines[0], sender_rate=3, clock=clock)
    for _ in range(3):
        before.look(_mail(CITIZEN))
    clock.now += 15 * 60
    restarted = Database(database_url)  # a new process: nothing in memory
    try:
        after = Triage.shared(restarted, sender_rate=3, clock=clock)
        assert after.look(_mail(CITIZEN)).label == "frequent"
        clock.now += 59 * 60  # the first three are out of the window; the 4th is not
        labels = [after.look(_mail(CITIZEN)).label for _ in range(3)]
        assert labels == ["genuine", "genuine", "frequent"]
    finally:
        restarted.dispose()
    fresh = Triage.shared(engines[1], sender_rate=3, clock=clock)
    clock.now += 61 * 60
    assert fresh.look(_mail(OTHER)).label == "genuine"  # its first look prunes
    with engines[1].reading() as session:
        minutes = session.scalars(select(MailSenderCount.minute)).all()
    assert minutes == [int(clock.now // 60)]  # every minute older than the window is gone


def test_no_address_is_stored_or_logged(engines: list[Database],
                                        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    triage = Triage.shared(engines[0], sender_rate=1, clock=Clock())
    for _ in range(3):
        triage.look(_mail(CITIZEN))
    with engines[0].reading() as session:
        rows = [(key, count) for key, count in session.execute(
            select(MailSenderCount.sender_key, MailSenderCount.count))]
    assert rows == [(sender_key(CITIZEN), 3)]
    assert "hoa1985" not in rows[0][0].lower() and len(rows[0][0]) == 64
    assert "hoa1985" not in caplog.text.lower()


def test_a_database_that_does_not_answer_counts_here_meanwhile(
        caplog: pytest.LogCaptureFixture) -> None:
    """The triage only orders the fetch: without the database it goes on, counting in
    memory, and says so once, without the address."""
    caplog.set_level(logging.DEBUG)
    nobody = Database(f"postgresql+psycopg://pakn@127.0.0.1:{free_port()}/pakn"
                      "?connect_timeout=2")
    try:
        triage = Triage.shared(nobody, sender_rate=2, clock=Clock())
        labels = [triage.look(_mail(CITIZEN)).label for _ in range(3)]
        with triage.looking_together():  # a window of looks: the same, from memory
            labels += [triage.look(_mail(OTHER)).label for _ in range(3)]
    finally:
        nobody.dispose()
    assert labels == ["genuine", "genuine", "frequent"] * 2
    warnings = [r for r in caplog.records if "sender rate" in r.getMessage()]
    assert len(warnings) == 1 and "OperationalError" in warnings[0].getMessage()
    assert "hoa1985" not in caplog.text.lower()


def _queued(db: Database, uids: list[int]) -> list[int]:
    place = Place("hotline@imap.example:993", "INBOX", 7)
    verdict = Verdict(Priority.GENUINE, "genuine", "test")
    MailQueue(db).enqueue(place, [Fetched(uid, f"{uid:064x}", f"imap:INBOX:7:{uid}", verdict)
                                  for uid in uids], max(uids))
    with db.reading() as session:
        return list(session.scalars(select(MailQueued.id).where(
            MailQueued.uid.in_(uids)).order_by(MailQueued.uid)))


def test_refetch_counts_are_shared_kept_and_forgotten_with_their_row(
        database_url: str, engines: list[Database]) -> None:
    first, second = RefetchCounts(engines[0]), RefetchCounts(engines[1])
    kept, gone = _queued(engines[0], [41, 42])
    assert first.take([]) == {}
    assert first.take([kept, gone]) == {kept: 1, gone: 1}
    assert second.take([kept]) == {kept: 2}  # another fetcher goes on counting
    restarted = Database(database_url)
    try:
        assert RefetchCounts(restarted).take([kept, kept]) == {kept: 3}  # once a take
        assert RefetchCounts(restarted).times(gone) == 1
    finally:
        restarted.dispose()
    MailQueue(engines[0]).forget([gone])
    assert second.take([kept]) == {kept: 4}
    with engines[0].reading() as session:  # the count of the forgotten row went with it
        assert session.scalar(select(func.count()).select_from(MailRefetch)) == 1
    assert first.times(gone) == 0


def test_a_refetch_count_is_read_without_counting_and_given_up_once(
        engines: list[Database]) -> None:
    first, second = RefetchCounts(engines[0]), RefetchCounts(engines[1])
    (row,) = _queued(engines[0], [51])
    assert first.counted([row]) == {} and first.counted([]) == {}
    assert first.take([row]) == {row: 1}
    for _ in range(3):  # reading counts nothing
        assert second.counted([row]) == {row: 1}
    assert first.take([row]) == {row: 2}
    # two fetchers see the count at its limit: one of them marks it given up (and says
    # so), the other learns it was already; the count is the mark and no longer moves
    assert [first.give_up(row), second.give_up(row)] == [True, False]
    assert first.counted([row]) == second.counted([row]) == {row: GIVEN_UP}
    assert second.take([row]) == {row: GIVEN_UP}  # a fetch that was under way
    assert first.give_up(row) is False


def test_a_count_left_by_a_forgotten_row_is_not_read_for_a_new_row_with_its_id(
        engines: list[Database]) -> None:
    """SQLite gives a deleted row's id to the next row: the count of the forgotten row is
    not the new row's, neither when read nor when counted."""
    if engines[0].engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's sequence never gives an id again (the rule is SQLite's)")
    counts = RefetchCounts(engines[0])
    (old,) = _queued(engines[0], [61])
    assert counts.take([old]) == {old: 1} and counts.take([old]) == {old: 2}
    with engines[0].transaction() as session:  # forgotten without ``take`` running since
        session.execute(delete(MailQueued).where(MailQueued.id == old))
        session.add(MailQueued(id=old, account="a", folder="INBOX", uidvalidity=7, uid=62,
                               sha256="0" * 64, source="s", priority=1, label="genuine",
                               reason="test", queued_at=utcnow() + timedelta(seconds=1)))
    assert counts.counted([old]) == {}
    assert counts.take([old]) == {old: 1}


def test_a_count_is_read_whatever_the_clocks_of_the_machines_that_wrote_it(
        database_url: str, engines: list[Database]) -> None:
    """PostgreSQL never gives a queue id again, so a count is always its row's: the
    fetcher counting (its clock an hour behind the machine that queued the row) goes
    on counting, and the count is read, up to the limit."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite gives ids again; its machines are one (one clock)")
    counts = RefetchCounts(engines[0])
    (row,) = _queued(engines[0], [71])
    with engines[0].transaction() as session:  # queued by a machine an hour ahead
        queued = session.get(MailQueued, row)
        assert queued is not None
        queued.queued_at = utcnow() + timedelta(hours=1)
    assert [counts.take([row]) for _ in range(3)] == [{row: n} for n in (1, 2, 3)]
    assert RefetchCounts(engines[1]).counted([row]) == {row: 3}


def _stored_counts(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.sum(MailSenderCount.count))) or 0)


def test_a_window_of_looks_is_one_write_and_counts_the_same(
        engines: list[Database]) -> None:
    """Looks counted together (a window of headers) give the verdicts one at a time
    would: the sender's stored count plus what the window added; nothing is written
    until the window ends, then all of it at once, which the other fetcher then sees."""
    clock = Clock()
    first, second = (Triage.shared(db, sender_rate=3, clock=clock) for db in engines)
    assert first.look(_mail(CITIZEN)).label == "genuine"  # stored: 1
    with second.looking_together():
        labels = [second.look(_mail(CITIZEN)).label for _ in range(3)]
        other = second.look(_mail(OTHER)).label
        assert _stored_counts(engines[0]) == 1  # held back until the window ends
    assert labels == ["genuine", "genuine", "frequent"] and other == "genuine"
    assert _stored_counts(engines[0]) == 5
    assert first.look(_mail(CITIZEN)).reason == "5 messages from this sender within 60 min"


def test_a_window_of_senders_is_written_in_one_statement(engines: list[Database]) -> None:
    """A window's counts for several senders (one of them already stored this minute)
    are written by one statement run once with all their rows, not one statement per
    sender, and add up as the looks said."""
    clock = Clock()
    first, second = (Triage.shared(db, sender_rate=3, clock=clock) for db in engines)
    assert first.look(_mail(CITIZEN)).label == "genuine"  # stored: 1
    writes: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if statement.lstrip().upper().startswith("INSERT") and "mail_sender_counts" in statement:
            writes.append(statement)

    event.listen(engines[1].engine, "before_cursor_execute", note)
    try:
        senders = [CITIZEN, OTHER, "third@example.vn", CITIZEN]
        verdicts = second.look_all([_mail(sender) for sender in senders])
    finally:
        event.remove(engines[1].engine, "before_cursor_execute", note)
    assert [v.label for v in verdicts] == ["genuine"] * 4
    assert len(writes) == 1
    with engines[0].reading() as session:
        counts = dict(session.execute(select(MailSenderCount.sender_key,
                                             MailSenderCount.count)).tuples().all())
    assert counts == {sender_key(CITIZEN): 3, sender_key(OTHER): 1,
                      sender_key("third@example.vn"): 1}


def test_a_window_the_database_refuses_is_counted_in_memory(
        database_url: str, caplog: pytest.LogCaptureFixture) -> None:
    """The write at the window's end fails (SQLite: the table gone, an OperationalError
    as from a database that stopped answering): the looks are kept in this process's
    memory, said once, and the fetcher goes on."""
    if not database_url.startswith("sqlite"):
        pytest.skip("a dropped table is a ProgrammingError on PostgreSQL; a PostgreSQL "
                    "that does not answer is test_a_database_that_does_not_answer_…")
    db = Database(database_url)
    try:
        clock = Clock()
        triage = Triage.shared(db, sender_rate=2, clock=clock)
        caplog.set_level(logging.WARNING, logger="intake.mail_memory")
        with triage.looking_together():
            assert triage.look(_mail(CITIZEN)).label == "genuine"
            with db.transaction() as session:
                session.execute(delete(MailSenderCount))
            COUNTS.drop(db.engine)
        warnings = [r.getMessage() for r in caplog.records]
        assert len(warnings) == 1 and "counted by this process" in warnings[0]
        assert triage.look(_mail(CITIZEN)).label == "genuine"  # 2nd, from memory
        assert triage.look(_mail(CITIZEN)).label == "frequent"  # 3rd
        assert not any(CITIZEN.lower() in m.lower() for m in warnings)
    finally:
        COUNTS.create(db.engine, checkfirst=True)
        db.dispose()


class Ticking:
    """A clock a minute later at every reading."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def __call__(self) -> float:
        self.clock.now += 60
        return self.clock.now


def test_a_window_looked_at_together_reads_its_senders_once_and_counts_the_same(
        engines: list[Database]) -> None:
    """``Triage.look_all`` (the fetcher's window of headers) reads every sender's stored
    count in one query before the looks, not one query per new sender, and gives the
    verdicts the looks one at a time give; a look in another minute than the read-ahead
    reads its own count, as it would alone."""
    clock = Clock()
    first, second = (Triage.shared(db, sender_rate=3, clock=clock) for db in engines)
    assert first.look(_mail(CITIZEN)).label == "genuine"  # stored: 1
    reads: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "mail_sender_counts" in statement:
            reads.append(statement)

    event.listen(engines[1].engine, "before_cursor_execute", note)
    try:
        senders = [CITIZEN, CITIZEN, OTHER, CITIZEN, "third@example.vn", OTHER]
        verdicts = second.look_all([_mail(sender) for sender in senders])
        assert [v.label for v in verdicts] == [
            "genuine", "genuine", "genuine", "frequent", "genuine", "genuine"]
        assert verdicts[3].reason == "4 messages from this sender within 60 min"
        assert len(reads) == 1  # three senders, one query
        assert _stored_counts(engines[0]) == 7  # written at the window's end
        reads.clear()
        ticking = Triage.shared(engines[1], sender_rate=3, clock=Ticking(clock))
        labels = [v.label for v in ticking.look_all([_mail(OTHER)] * 2)]
    finally:
        event.remove(engines[1].engine, "before_cursor_execute", note)
    # the read-ahead's minute is not the looks': each new sender read on its own
    assert labels == ["genuine", "frequent"] and len(reads) == 2
