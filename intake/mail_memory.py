"""What the mailbox's fetchers remember, in the database: shared by every fetcher and
ingest worker on every machine, and kept across restarts (migration 0016b).

- **Per-sender rate** (``SharedSenderRate``): how many messages each sender sent within
  the last hour, for the triage's first look (``intake.mail.triage``: above
  ``PAKN_MAIL_SENDER_RATE`` a sender's next messages wait behind likely-genuine mail).
  Counted per minute in ``mail_sender_counts``, one row per sender and minute, so a
  flood from one address is one row a minute, not one per message; minutes older than
  the window are deleted. The sender is stored as the SHA-256 of its lower-cased
  address, never the address itself, and nothing here logs it.
- **Refetch count** (``RefetchCounts``): how often a queued message was fetched again
  because an ingest worker found no stored bytes (``intake.mail.worker``: after
  ``MAX_REFETCHES`` it is left for the operator). One row per queue row in
  ``mail_refetches``, forgotten once the queue row is gone. Only a fetch that brought
  the bytes back counts; a given-up message's count is set to ``GIVEN_UP`` (the mark
  that it was given up and said so, by one fetcher) and then no longer moves.

Both are the fetch path's own bookkeeping (no complaint data): the mail edge reaches
them through this module, as the core's tables are reached through the core.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from types import ModuleType

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Index,
    Integer,
    String,
    column,
    delete,
    func,
    or_,
    select,
    table,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.sql.expression import Executable

from intake.clock import utcnow
from intake.db import Database
from intake.models import Base, UTCDateTime

log = logging.getLogger(__name__)
RATE_WINDOW_SECONDS = 3600.0
PRUNE_EVERY_SECONDS = 60.0  # a process deletes minutes past the window at most this often
READ_AHEAD_CHUNK = 500  # senders per query when a window's stored counts are read ahead
DATABASE_ERRORS = (OperationalError, InterfaceError)
# A refetch count at this value: the message was given up (and one fetcher said so).
GIVEN_UP = 1_000_000


class MailSenderCount(Base):
    """Messages of one sender (``sender_key``: SHA-256 of the address) in one minute."""

    __tablename__ = "mail_sender_counts"
    __table_args__ = (Index("ix_mail_sender_counts_minute", "minute"),)

    sender_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    minute: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # Unix time // 60
    count: Mapped[int] = mapped_column(Integer)


class MailRefetch(Base):
    """How often the queued message ``queue_id`` was fetched again from the mailbox."""

    __tablename__ = "mail_refetches"

    queue_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    times: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def sender_key(sender: str) -> str:
    """The key a sender is counted under: the SHA-256 of its lower-cased address."""
    return hashlib.sha256(sender.strip().lower().encode("utf-8")).hexdigest()


def _dialect(db: Database) -> ModuleType:
    return postgresql if db.engine.dialect.name == "postgresql" else sqlite


@dataclass
class _Batch:
    """Looks counted together: each sender's stored count when first seen, and the
    messages added per (sender, minute) since."""

    stored: dict[str, int] = field(default_factory=dict)
    added: dict[tuple[str, int], int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)  # added per sender, all minutes
    # stored counts read ahead for the window's senders, as of the minute ``ahead_minute``
    ahead: dict[str, int] = field(default_factory=dict)
    ahead_minute: int | None = None


class SharedSenderRate:
    """Messages per sender within the window, counted in the database: what ``count``
    says is the sum of every fetcher's messages of that sender, on any machine, before
    and after a restart. ``now`` is wall-clock time (Unix seconds), the one clock that
    machines and restarts share.

    Should the database not answer, the message is counted in this process's memory for
    the moment (logged once by type): the triage only orders the fetch, and a fetcher
    that cannot reach the database stops at its next write anyway."""

    def __init__(self, db: Database, limit: int, window: float = RATE_WINDOW_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.db = db
        self.limit = limit
        self.window = window
        self._minutes = max(1, round(window / 60))
        self._pruned_at: float | None = None
        self._clock = clock  # when to prune again (not the counting clock)
        self._fallback: dict[tuple[str, int], int] = {}
        self._lock = threading.Lock()
        self._batch: _Batch | None = None  # inside ``together``
        self._add_counts_statement: Executable | None = None

    def count(self, sender: str, now: float) -> int:
        """Record one message of ``sender`` at ``now``; how many are in the window."""
        key, minute = sender_key(sender), int(now // 60)
        if self._batch is not None:
            return self._count_in_batch(self._batch, key, minute)
        try:
            with self.db.transaction() as session:
                session.connection().execute(
                    self._add_counts(), [{"sender_key": key, "minute": minute, "count": 1}])
                total = self._stored(session, key, minute)
            self._prune(minute)
        except DATABASE_ERRORS as exc:
            return self._count_here(key, minute, exc)
        return total

    @contextmanager
    def together(self, senders: Iterable[str] = (), now: float | None = None
                 ) -> Iterator[None]:
        """Count the looks inside in memory and write them in one transaction at the
        end: a window of 2,000 headers is one write, not 2,000 (each sender's stored
        count is read once, when first seen; the ``senders`` the window holds, if given
        with the time ``now`` of the looks, are read ahead in one query per chunk of
        ``READ_AHEAD_CHUNK``). What another fetcher counts meanwhile is seen at the next
        window."""
        if self._batch is not None:  # already counting together
            yield
            return
        batch = _Batch()
        if now is not None:
            self._read_ahead(batch, senders, int(now // 60))
        self._batch = batch
        try:
            yield
        finally:
            self._batch = None
            self._write(batch)

    def _read_ahead(self, batch: _Batch, senders: Iterable[str], minute: int) -> None:
        """The stored counts of ``senders`` within the window ending at ``minute``, one
        grouped query per chunk (a sender without rows: 0); what the looks of that minute
        would each read on their own. A database that does not answer reads nothing
        here: each look then reads (and falls back) as it would alone."""
        keys = sorted({sender_key(sender) for sender in senders})
        ahead: dict[str, int] = {}
        try:
            with self.db.reading() as session:
                for start in range(0, len(keys), READ_AHEAD_CHUNK):
                    chunk = keys[start:start + READ_AHEAD_CHUNK]
                    ahead.update(dict.fromkeys(chunk, 0))
                    ahead.update((key, int(total or 0)) for key, total in session.execute(
                        select(MailSenderCount.sender_key, func.sum(MailSenderCount.count))
                        .where(MailSenderCount.sender_key.in_(chunk),
                               MailSenderCount.minute > minute - self._minutes)
                        .group_by(MailSenderCount.sender_key)))
        except DATABASE_ERRORS:
            return
        batch.ahead, batch.ahead_minute = ahead, minute

    def _count_in_batch(self, batch: _Batch, key: str, minute: int) -> int:
        if key not in batch.stored:
            if minute == batch.ahead_minute and key in batch.ahead:
                batch.stored[key] = batch.ahead[key]
            else:
                try:
                    with self.db.reading() as session:
                        batch.stored[key] = self._stored(session, key, minute)
                except DATABASE_ERRORS as exc:
                    return self._count_here(key, minute, exc)
        batch.added[(key, minute)] = batch.added.get((key, minute), 0) + 1
        batch.totals[key] = batch.totals.get(key, 0) + 1
        return batch.stored[key] + batch.totals[key]

    def _write(self, batch: _Batch) -> None:
        if not batch.added:
            return
        rows = [{"sender_key": key, "minute": minute, "count": added}
                for (key, minute), added in sorted(batch.added.items())]
        try:
            with self.db.transaction() as session:
                session.connection().execute(self._add_counts(), rows)
            self._prune(max(minute for _, minute in batch.added))
        except DATABASE_ERRORS as exc:
            for (key, minute), added in batch.added.items():
                for _ in range(added):
                    self._count_here(key, minute, exc)

    def _add_counts(self) -> Executable:
        """The one statement that adds counts: each row adds its ``count`` to its sender's
        minute (made if need be); a window's counts run it once with all their rows (an
        executemany), a single look with one row. Built once per counter: a window of
        2,000 headers holds about as many senders, and building an upsert for each cost
        more than running it."""
        if self._add_counts_statement is None:
            insert = _dialect(self.db).insert(MailSenderCount)
            self._add_counts_statement = insert.on_conflict_do_update(
                index_elements=["sender_key", "minute"],
                set_={"count": MailSenderCount.count + insert.excluded["count"]})
        return self._add_counts_statement

    def _stored(self, session: Session, key: str, minute: int) -> int:
        """A sender's messages within the window ending at ``minute``, as stored."""
        total = session.scalar(select(func.sum(MailSenderCount.count)).where(
            MailSenderCount.sender_key == key,
            MailSenderCount.minute > minute - self._minutes))
        return int(total or 0)

    def _prune(self, minute: int) -> None:
        """Delete the minutes past the window (every sender's), at most every minute."""
        now = self._clock()
        if self._pruned_at is not None and now - self._pruned_at < PRUNE_EVERY_SECONDS:
            return
        self._pruned_at = now
        with self.db.transaction() as session:
            session.execute(delete(MailSenderCount).where(
                MailSenderCount.minute <= minute - self._minutes))

    def _count_here(self, key: str, minute: int, exc: Exception) -> int:
        with self._lock:
            if not self._fallback:
                log.warning("sender rate not counted in the database (%s): counted by "
                            "this process until it answers", type(exc).__name__)
            for old in [k for k in self._fallback if k[1] <= minute - self._minutes]:
                del self._fallback[old]
            self._fallback[(key, minute)] = self._fallback.get((key, minute), 0) + 1
            return sum(n for (k, m), n in self._fallback.items() if k == key)


# intake.mail.models.MailQueued, by name
QUEUE = table("mail_queue", column("id"), column("queued_at", UTCDateTime))


class RefetchCounts:
    """How often each queued message was fetched again, in the database: a fetcher's
    restart, or a second fetcher, goes on counting instead of starting again.

    A count belongs to a queue row by its id. SQLite (the table has no AUTOINCREMENT)
    gives the id of a deleted last row to the next row, so there a count older than its
    row (``updated_at`` before the row's ``queued_at``) was a forgotten row's and is not
    read; both times come from one clock, as every process using a SQLite file runs on
    its machine. PostgreSQL's sequence never gives an id twice, so there no such rule is
    needed, and none is applied: it would compare times written by two machines' clocks
    (the fetcher that queued the row, the one that counted), and a counting machine
    whose clock lags would never see its own count and never give up."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._ids_reused = db.engine.dialect.name == "sqlite"

    def take(self, queue_ids: Sequence[int]) -> dict[int, int]:
        """Count one more fetch of each of ``queue_ids`` (call it once the message was
        fetched again and stored, not before: a fetch that failed used no attempt up);
        how many each has had now (this one included; a given-up count stays
        ``GIVEN_UP``). Counts of queue rows that no longer exist, and on SQLite counts
        older than their row (a row's id is used again once it is gone), are deleted
        first."""
        if not queue_ids:
            return {}
        ids = sorted(set(queue_ids))
        dialect = _dialect(self.db)
        stale: list[ColumnElement[bool]] = [MailRefetch.queue_id.not_in(select(QUEUE.c.id))]
        if self._ids_reused:
            stale.append(MailRefetch.updated_at < select(QUEUE.c.queued_at).where(
                QUEUE.c.id == MailRefetch.queue_id).scalar_subquery())
        with self.db.transaction() as session:
            session.execute(delete(MailRefetch).where(or_(*stale)))
            for queue_id in ids:
                upsert = dialect.insert(MailRefetch).values(
                    queue_id=queue_id, times=1, updated_at=utcnow())
                session.execute(upsert.on_conflict_do_update(
                    index_elements=["queue_id"],
                    set_={"times": MailRefetch.times + 1, "updated_at": utcnow()},
                    where=MailRefetch.times < GIVEN_UP))
            rows = session.execute(select(MailRefetch.queue_id, MailRefetch.times).where(
                MailRefetch.queue_id.in_(ids))).all()
        return {int(queue_id): int(times) for queue_id, times in rows}

    def counted(self, queue_ids: Sequence[int]) -> dict[int, int]:
        """How often each of ``queue_ids`` was fetched again so far (absent: never;
        ``GIVEN_UP``: given up), read without counting or deleting anything: on SQLite
        a count older than its queue row (left by an earlier row with the same id, not
        yet deleted by ``take``) is not that row's and is not read."""
        if not queue_ids:
            return {}
        query = select(MailRefetch.queue_id, MailRefetch.times).join(
            QUEUE, QUEUE.c.id == MailRefetch.queue_id).where(
            MailRefetch.queue_id.in_(sorted(set(queue_ids))))
        if self._ids_reused:
            query = query.where(MailRefetch.updated_at >= QUEUE.c.queued_at)
        with self.db.reading() as session:
            rows = session.execute(query).all()
        return {int(queue_id): int(times) for queue_id, times in rows}

    def give_up(self, queue_id: int) -> bool:
        """Mark ``queue_id`` as given up (its count set to ``GIVEN_UP``, where it stays,
        whatever it was: two fetchers may both have counted past the limit); True for
        the one caller that marked it (so that one fetcher says so, once), False when it
        was already."""
        with self.db.transaction() as session:
            result = session.execute(update(MailRefetch).where(
                MailRefetch.queue_id == queue_id, MailRefetch.times < GIVEN_UP).values(
                times=GIVEN_UP, updated_at=utcnow()))
            return bool(getattr(result, "rowcount", 0) == 1)

    def times(self, queue_id: int) -> int:
        """How often ``queue_id`` was fetched again so far (0: never), as stored:
        ``GIVEN_UP`` once a fetcher gave it up (the real count is in that fetcher's ERROR
        line), and without the SQLite stale-count rule of ``counted``."""
        with self.db.reading() as session:
            value = session.scalar(select(MailRefetch.times).where(
                MailRefetch.queue_id == queue_id))
        return int(value or 0)
