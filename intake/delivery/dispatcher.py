"""The one dispatcher: claims due outbox rows and hands them to their transport.

One policy for every channel:

- **claim**: a row is leased (``next_attempt_at`` moved ``lease`` ahead) before it is
  sent: ``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, a compare-and-set of
  ``next_attempt_at`` on SQLite. Several dispatchers (processes, machines) never hold
  the same row at once; one that dies leaves its lease to expire, and the row is sent
  again (at least once, never lost).
- **retry**: a temporary failure waits ``base·2ⁿ`` (±20 % jitter, at most ``cap``), or
  what the peer asked for (Telegram's ``retry_after``).
- **give up**: a permanent failure, or ``max_attempts`` counted attempts, marks the row
  ``failed`` with an audit event (``delivery_failed``) on its complaint.

Only rows of channels with a configured transport are claimed: an e-mail row waits,
untouched, for an SMTP server to be configured.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session

from intake.db import Database
from intake.delivery.models import OutboxFile
from intake.delivery.outbox import mark_failed
from intake.delivery.transports import Failed, Parcel, ParcelFile, Result, Sent, Transport
from intake.models import Attachment, Outbox, OutboxStatus, utcnow
from intake.storage import BlobStore, ContentStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    """Lease, backoff and when to give up (the same for every channel)."""

    lease: timedelta = timedelta(minutes=5)
    base: timedelta = timedelta(seconds=5)
    cap: timedelta = timedelta(minutes=15)
    max_attempts: int = 60
    batch: int = 50

    def backoff(self, attempts: int) -> timedelta:
        """Delay after the ``attempts``-th failed attempt: base·2ⁿ⁻¹, ±20 %, at most cap."""
        delay: timedelta = min(self.cap, self.base * (2 ** min(max(0, attempts - 1), 30)))
        jittered: timedelta = delay * random.uniform(0.8, 1.2)
        return jittered


class Dispatcher:
    """Delivers the outbox through ``transports`` (one per channel)."""

    def __init__(self, db: Database, transports: Mapping[str, Transport],
                 policy: RetryPolicy | None = None, files_root: Path | None = None,
                 files: BlobStore | None = None) -> None:
        """``files``: the attachment store (``intake.storage.attachment_store``) where
        the files a message carries are read; ``files_root``: a local directory store
        instead (``Settings.attachments_dir``); without either such a message fails
        with a reason instead of leaving without its files."""
        self.db = db
        self.transports = dict(transports)
        self.policy = policy or RetryPolicy()
        self.files: BlobStore | None = files if files is not None else (
            ContentStore(files_root) if files_root is not None else None)

    # -- claiming -----------------------------------------------------------------------
    def claim_due(self, limit: int | None = None, now: datetime | None = None
                  ) -> list[Parcel]:
        """Lease up to ``limit`` due rows of our channels to this dispatcher."""
        moment = now or utcnow()
        wanted = limit or self.policy.batch
        if not self.transports:
            return []
        if self.db.engine.dialect.name == "postgresql":
            return self._claim_skip_locked(wanted, moment)
        with self.db.reading() as session:
            candidates = session.execute(self._due(moment).with_only_columns(
                Outbox.id, Outbox.next_attempt_at).limit(wanted)).all()
        claimed = [self._claim_one(row_id, due, moment) for row_id, due in candidates]
        return [parcel for parcel in claimed if parcel is not None]

    def _due(self, now: datetime) -> Select[tuple[Outbox]]:
        return select(Outbox).where(
            Outbox.channel.in_(sorted(self.transports)),
            Outbox.status == OutboxStatus.PENDING.value,
            Outbox.next_attempt_at <= now).order_by(Outbox.next_attempt_at, Outbox.id)

    def _claim_skip_locked(self, limit: int, now: datetime) -> list[Parcel]:
        with self.db.transaction() as session:
            rows = session.scalars(self._due(now).limit(limit).with_for_update(
                skip_locked=True)).all()
            for row in rows:
                row.next_attempt_at = now + self.policy.lease
            return [self._parcel(session, row) for row in rows]

    def _claim_one(self, row_id: int, due: datetime, now: datetime) -> Parcel | None:
        with self.db.transaction() as session:
            taken = session.execute(update(Outbox).where(
                Outbox.id == row_id, Outbox.status == OutboxStatus.PENDING.value,
                Outbox.next_attempt_at == due).values(next_attempt_at=now + self.policy.lease))
            if taken.rowcount != 1:  # type: ignore[attr-defined]
                return None  # another dispatcher took it first
            row = session.get(Outbox, row_id)
            return self._parcel(session, row) if row is not None else None

    def _parcel(self, session: Session, row: Outbox) -> Parcel:
        """A snapshot of ``row`` with the files it carries (and their store)."""
        files = tuple(
            ParcelFile(a.filename, a.content_type, a.size, a.sha256, self.files)
            for a in session.scalars(select(Attachment).join(
                OutboxFile, OutboxFile.attachment_id == Attachment.id).where(
                OutboxFile.outbox_id == row.id).order_by(OutboxFile.position)))
        return Parcel(row.id, row.channel, row.recipient, row.purpose, row.complaint_code,
                      row.subject or "", row.body,
                      {str(k): str(v) for k, v in (row.headers or {}).items()}, row.attempts,
                      files)

    # -- results ------------------------------------------------------------------------
    def record(self, parcel: Parcel, result: Result) -> str:
        """Write what happened to ``parcel``; ``sent``, ``retry`` or ``failed``."""
        with self.db.transaction() as session:
            row = session.get(Outbox, parcel.id)
            if row is None:
                return "failed"
            row.attempts = parcel.attempts + 1
            return self._apply(session, row, result)

    def _apply(self, session: Session, row: Outbox, result: Result) -> str:
        actor = f"system:{row.channel}"
        if isinstance(result, Sent):
            row.status, row.sent_at, row.last_error = OutboxStatus.SENT.value, utcnow(), None
            return "sent"
        if isinstance(result, Failed):
            mark_failed(session, row, result.reason, actor)
            return "failed"
        if result.counts and row.attempts >= self.policy.max_attempts:
            mark_failed(session, row, f"gave up after {row.attempts} attempts: "
                        f"{result.reason}", actor)
            return "failed"
        row.last_error = result.reason[:500]
        row.next_attempt_at = utcnow() + (result.wait or self.policy.backoff(row.attempts))
        log.info("outbox %d (%s): retry (%s)", row.id, row.channel,
                 result.reason.split(":")[0])
        return "retry"

    # -- loop ---------------------------------------------------------------------------
    async def run_once(self) -> dict[str, int]:
        """Claim what is due and send it; how many were sent, retried and failed."""
        counts = {"sent": 0, "retry": 0, "failed": 0}
        parcels = await asyncio.to_thread(self.claim_due)
        for channel, transport in self.transports.items():
            batch = [p for p in parcels if p.channel == channel]
            if not batch:
                continue
            results = await transport.send(batch)
            for parcel, result in zip(batch, results, strict=True):
                counts[await asyncio.to_thread(self.record, parcel, result)] += 1
        return counts

    async def send_due(self) -> int:
        """One pass; how many messages the peers accepted."""
        return (await self.run_once())["sent"]

    async def run(self, stop: asyncio.Event, poll_seconds: float = 1.0) -> None:
        """Deliver until ``stop`` is set; a failed pass (database down …) is logged and
        the next one tries again."""
        while not stop.is_set():
            try:
                await self.run_once()
            except Exception:  # the dispatcher must outlive one bad pass (logged)
                log.exception("delivery pass failed")
            try:
                await asyncio.wait_for(stop.wait(), timeout=poll_seconds)
            except TimeoutError:
                continue

    async def aclose(self) -> None:
        """Close every transport."""
        for transport in self.transports.values():
            await transport.aclose()

