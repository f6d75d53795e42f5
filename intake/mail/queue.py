"""The mail queue: fetched messages (raw bytes stored) waiting for ingest, by priority.

The fetcher queues each chunk of new mail with the priority the header triage gave it
(``intake.mail.triage``) and advances the folder's UID watermark in the same
transaction, so a message is either queued or fetched again. Ingest claims queued
messages highest priority first, oldest first within a priority:

- on PostgreSQL with ``SELECT … FOR UPDATE SKIP LOCKED``, the claim's transaction held
  while the batch is ingested: several ingest workers in separate processes never take
  the same row, and a worker that dies releases its rows at once (its connection ends);
- on SQLite, in one process, without a lock (SQLite has one writer at a time).

A claimed batch is ingested in one transaction per ingest process
(``MailIngestor.ingest_batch``: a savepoint per message, idempotent by bytes and
Message-ID); once that committed, the claim records each message ``processed`` or
``quarantined``, and the fetcher files it away on the server and forgets the row. A
crash anywhere in between leaves the row queued or finished, never lost: taken again,
ingest recognises it; filed again, the server has nothing left to move.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from intake.clock import utcnow
from intake.db import Database
from intake.mail.ingest import IngestResult
from intake.mail.models import IngestStatus, MailMailbox, MailQueued, QueueState
from intake.mail.triage import Verdict

log = logging.getLogger(__name__)

# The queue's claims and their records are plain SQL on the table (no ORM objects loaded,
# tracked and flushed): the fetcher claims and records every message it moves, and the
# ORM's loading and unit of work cost several times the statements themselves.
_QUEUE: Table = MailQueued.__table__  # type: ignore[assignment]
# What a claim reads of a row: the fields of ``QueuedMessage``, in its order.
_CLAIMED = (_QUEUE.c.id, _QUEUE.c.uid, _QUEUE.c.uidvalidity, _QUEUE.c.sha256, _QUEUE.c.source,
            _QUEUE.c.priority, _QUEUE.c.label)
# A committed message's record, run once with all of a claim's results (executemany); a
# row no longer queued (recorded by an earlier attempt) is left as it is.
_RECORD_DONE = update(_QUEUE).where(
    _QUEUE.c.id == bindparam("row_id"),
    _QUEUE.c.state == QueueState.QUEUED.value).values(
    state=bindparam("new_state"), ingest_id=bindparam("new_ingest_id"),
    done_at=bindparam("new_done_at"))


@dataclass(frozen=True)
class Place:
    """A folder of one account, under one UIDVALIDITY."""

    account: str
    folder: str
    uidvalidity: int


@dataclass(frozen=True)
class Fetched:
    """One fetched message, its raw bytes stored under ``sha256``, and its triage."""

    uid: int
    sha256: str
    source: str
    verdict: Verdict


@dataclass(frozen=True)
class QueuedMessage:
    """A claimed message: where it is on the server and where its bytes are stored."""

    id: int
    uid: int
    uidvalidity: int
    sha256: str
    source: str
    priority: int
    label: str


@dataclass
class Claim:
    """A batch of claimed messages; ``done`` records each one's ingest result."""

    messages: list[QueuedMessage]
    results: dict[int, IngestResult] = field(default_factory=dict)
    lost: set[int] = field(default_factory=set)
    dropped: set[int] = field(default_factory=set)

    def done(self, message: QueuedMessage, result: IngestResult) -> None:
        """Record that ``message``'s ingest committed with ``result``."""
        self.results[message.id] = result

    def not_stored(self, message: QueuedMessage) -> None:
        """Record that ``message``'s raw bytes are not in the store: its fetcher fetches
        it again from the server and queues it again (``QueueState.REFETCH``)."""
        self.lost.add(message.id)

    def drop(self, message: QueuedMessage) -> None:
        """Record that ``message`` is neither stored nor on the server: its row is deleted
        by the claim itself. Never ``MailQueue.forget`` while a claim is held: on
        PostgreSQL that second connection waits for the claim's own row lock for ever."""
        self.dropped.add(message.id)


def _state_of(result: IngestResult) -> str:
    quarantined = result.status is IngestStatus.QUARANTINED
    return (QueueState.QUARANTINED if quarantined else QueueState.PROCESSED).value


class MailQueue:
    """The ``mail_queue`` table's operations for the fetcher and the ingest workers."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def skip_locked(self) -> bool:
        """True when claims lock rows (PostgreSQL); SQLite serves one process."""
        return self.db.engine.dialect.name == "postgresql"

    # -- the fetcher ----------------------------------------------------------------------
    def enqueue(self, place: Place, fetched: Sequence[Fetched], watermark: int) -> int:
        """Queue ``fetched`` and move the folder's watermark to ``watermark`` in one
        transaction; how many rows were added (a position queued already is skipped)."""
        with self.db.transaction() as session:
            known = set(session.scalars(select(MailQueued.uid).where(
                MailQueued.account == place.account, MailQueued.folder == place.folder,
                MailQueued.uidvalidity == place.uidvalidity,
                MailQueued.uid.in_([f.uid for f in fetched]))).all()) if fetched else set()
            now = utcnow()
            rows = [dict(account=place.account, folder=place.folder,
                         uidvalidity=place.uidvalidity, uid=f.uid, sha256=f.sha256,
                         source=f.source, priority=int(f.verdict.priority),
                         label=f.verdict.label, reason=f.verdict.reason[:255],
                         state=QueueState.QUEUED.value, queued_at=now)
                    for f in fetched if f.uid not in known]
            if rows:  # one multi-row INSERT (Core: no objects to build and track)
                session.execute(insert(MailQueued), rows)
            _advance(session, place, watermark)
            return len(rows)

    def queued_uids(self, place: Place, after: int) -> set[int]:
        """UIDs above ``after`` of ``place`` that are in the queue already (queued ahead of
        the watermark, which waits for the lower-priority mail fetched later)."""
        with self.db.reading() as session:
            return set(session.scalars(select(MailQueued.uid).where(
                MailQueued.account == place.account, MailQueued.folder == place.folder,
                MailQueued.uidvalidity == place.uidvalidity,
                MailQueued.uid > after)).all())

    def finished(self, place: Place) -> dict[str, list[tuple[int, int]]]:
        """Rows of ``place``'s folder whose ingest committed, not yet filed away: by
        state, ``(row id, uid)``; rows of another UIDVALIDITY are under ``"stale"``."""
        out: dict[str, list[tuple[int, int]]] = {}
        with self.db.reading() as session:
            rows = session.execute(select(
                MailQueued.id, MailQueued.uid, MailQueued.uidvalidity, MailQueued.state).where(
                MailQueued.account == place.account, MailQueued.folder == place.folder,
                MailQueued.state != QueueState.QUEUED.value).order_by(MailQueued.uid)).all()
        for row_id, uid, uidvalidity, state in rows:
            if uidvalidity == place.uidvalidity and state == QueueState.REFETCH.value:
                continue  # ``to_refetch``
            key = state if uidvalidity == place.uidvalidity else "stale"
            out.setdefault(key, []).append((row_id, uid))
        return out

    def to_refetch(self, place: Place) -> list[tuple[int, int]]:
        """``(row id, uid)`` of ``place``'s messages whose stored bytes an ingest worker
        did not find: the fetcher fetches them again and calls ``requeue``."""
        with self.db.reading() as session:
            return [(int(i), int(u)) for i, u in session.execute(select(
                MailQueued.id, MailQueued.uid).where(
                MailQueued.account == place.account, MailQueued.folder == place.folder,
                MailQueued.uidvalidity == place.uidvalidity,
                MailQueued.state == QueueState.REFETCH.value).order_by(MailQueued.uid))]

    def requeue(self, stored: dict[int, str]) -> None:
        """Queue again the rows of ``stored`` (row id -> sha256 of the bytes fetched again
        and stored)."""
        with self.db.transaction() as session:
            for row in session.scalars(select(MailQueued).where(
                    MailQueued.id.in_(list(stored)),
                    MailQueued.state == QueueState.REFETCH.value)):
                row.sha256, row.state = stored[row.id], QueueState.QUEUED.value

    def unfinished(self, place: Place) -> int:
        """How many rows of ``place``'s folder are in the queue, whatever their state (the
        fetcher keeps looking every second while there are any, to file them away)."""
        with self.db.reading() as session:
            return int(session.scalar(select(func.count(MailQueued.id)).where(
                MailQueued.account == place.account,
                MailQueued.folder == place.folder)) or 0)

    def forget(self, ids: Sequence[int]) -> None:
        """Delete rows whose messages were filed away."""
        if ids:
            with self.db.transaction() as session:
                session.execute(delete(MailQueued).where(MailQueued.id.in_(list(ids))))

    def waiting(self, account: str | None = None, folder: str | None = None) -> int:
        """How many messages are queued (not yet ingested)."""
        query = select(func.count(MailQueued.id)).where(
            MailQueued.state == QueueState.QUEUED.value)
        if account is not None:
            query = query.where(MailQueued.account == account)
        if folder is not None:
            query = query.where(MailQueued.folder == folder)
        with self.db.reading() as session:
            return int(session.scalar(query) or 0)

    # -- the ingest workers ----------------------------------------------------------------
    def _next(self, limit: int, account: str | None, folder: str | None,
              min_priority: int | None, exclude: Collection[int] = ()) -> Select[Any]:
        """The next ``limit`` queued rows' ``_CLAIMED`` fields, by priority then age."""
        query = select(*_CLAIMED).where(_QUEUE.c.state == QueueState.QUEUED.value)
        if exclude:
            query = query.where(_QUEUE.c.id.not_in(list(exclude)))
        if account is not None:
            query = query.where(_QUEUE.c.account == account)
        if folder is not None:
            query = query.where(_QUEUE.c.folder == folder)
        if min_priority is not None:
            query = query.where(_QUEUE.c.priority >= min_priority)
        return query.order_by(_QUEUE.c.priority.desc(), _QUEUE.c.id).limit(limit)

    @contextmanager
    def claim(self, limit: int, account: str | None = None, folder: str | None = None,
              min_priority: int | None = None,
              durable: Callable[[], None] | None = None,
              exclude: Collection[int] = ()) -> Iterator[Claim]:
        """Up to ``limit`` queued messages, highest priority first; the results recorded
        with ``Claim.done`` are written when the block ends (also when it raises: what
        committed is recorded, the rest stays queued). ``durable`` (the ingestor's
        ``make_durable``) is called before results are recorded, so a row is never
        ``processed`` before its files are on disk. When the block raises, its exception
        is the one that propagates, whatever recording the rest does. ``exclude``: row
        ids this process holds in claims not yet recorded (a worker keeps more than one
        claim in flight; on SQLite nothing else keeps it from taking them twice)."""
        if self.skip_locked:
            with self.db.transaction() as session:
                rows = session.connection().execute(
                    self._next(limit, account, folder, min_priority, exclude)
                    .with_for_update(skip_locked=True)).all()
                claim = Claim([_message(row) for row in rows])
                try:
                    yield claim
                except BaseException:
                    _record_after_failure(nullcontext(session), claim, durable)
                    raise
                if claim.results and durable is not None:
                    durable()
                _record(session, claim)
            return
        with self.db.reading() as session:
            claim = Claim([_message(row) for row in session.connection().execute(
                self._next(limit, account, folder, min_priority, exclude)).all()])
        try:
            yield claim
        except BaseException:
            _record_after_failure(self.db.transaction(), claim, durable)
            raise
        if claim.results and durable is not None:
            durable()
        with self.db.transaction() as session:
            _record(session, claim)


def _message(row: Row[Any]) -> QueuedMessage:
    """A claimed row (its ``_CLAIMED`` fields) as the message it queues."""
    row_id, uid, uidvalidity, sha256, source, priority, label = row
    return QueuedMessage(int(row_id), int(uid), int(uidvalidity), sha256, source,
                         int(priority), label)


def _record_after_failure(sessions: AbstractContextManager[Session], claim: Claim,
                          durable: Callable[[], None] | None) -> None:
    """Record what committed before a batch failed (made durable first) and commit; a
    failure here is logged, never raised: the batch's own exception is what the caller
    re-raises, and what is not recorded stays queued (ingest recognises it when it is
    taken again)."""
    try:
        if claim.results and durable is not None:
            durable()
        with sessions as session:
            _record(session, claim)
            session.commit()
    except Exception as exc:  # noqa: BLE001 - the caller re-raises the batch's own error
        log.warning("could not record the committed part of a failed mail batch (%s); "
                    "it stays queued and is recognised when taken again",
                    type(exc).__name__)


def _record(session: Session, claim: Claim) -> None:
    """The claim's results on its rows still queued, in the claim's transaction: the
    dropped ones deleted, the committed ones ``processed`` or ``quarantined`` with their
    ingest record (one UPDATE run with all of them), the lost ones ``refetch``."""
    connection = session.connection()
    if claim.dropped:
        connection.execute(delete(_QUEUE).where(_QUEUE.c.id.in_(list(claim.dropped))))
    if claim.results:
        now = utcnow()
        connection.execute(_RECORD_DONE, [
            {"row_id": row_id, "new_state": _state_of(result),
             "new_ingest_id": result.ingest_id, "new_done_at": now}
            for row_id, result in claim.results.items()])
    lost = [row_id for row_id in claim.lost if row_id not in claim.results]
    if lost:
        connection.execute(update(_QUEUE).where(
            _QUEUE.c.id.in_(lost), _QUEUE.c.state == QueueState.QUEUED.value).values(
            state=QueueState.REFETCH.value))


def _advance(session: Session, place: Place, watermark: int) -> None:
    """Move the folder's watermark up to ``watermark`` (never down, never across a change
    of UIDVALIDITY)."""
    row = session.scalar(select(MailMailbox).where(
        MailMailbox.account == place.account, MailMailbox.folder == place.folder)
        .with_for_update())
    if row is not None and row.uidvalidity == place.uidvalidity and watermark > row.last_uid:
        row.last_uid, row.updated_at = watermark, utcnow()
