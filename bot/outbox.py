"""Delivering the outbox's Telegram rows: status changes and staff answers to citizens.

Several workers may run (several bot processes, PostgreSQL or SQLite): a row is leased
before it is sent, with ``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL and a
compare-and-set of ``next_attempt_at`` on SQLite; a worker that dies mid-send leaves the
lease to expire and the row is sent again (at least once, never lost).

Outcomes: sent; 429 → retried after Telegram's ``retry_after``; network errors →
retried with doubling delays (5 s … 15 min); 403 (the citizen blocked the bot) and 400
(chat gone) → ``failed`` with the reason, plus an audit event on the complaint so staff
see the answer did not arrive. Rows failing for other reasons stop after 30 attempts,
also recorded as failed. Logs carry row ids, never chat ids or text.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.sending import MAX_TEXT, retry_seconds
from intake.db import Database
from intake.models import (
    Channel,
    Direction,
    Event,
    Message,
    Outbox,
    OutboxStatus,
    Status,
    utcnow,
)
from intake.services.lifecycle import label_vi

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)
MAX_BACKOFF = timedelta(minutes=15)
MAX_ATTEMPTS = 30
ANSWER_LABELS = (label_vi(Status.ANSWERED.value), label_vi(Status.WAITING_FOR_CITIZEN.value))


@dataclass(frozen=True)
class Delivery:
    """A leased row, rendered for Telegram."""

    id: int
    chat_id: str
    text: str
    attempts: int
    complaint_id: int | None


class TelegramOutbox:
    """Claims and sends due ``telegram`` rows of the outbox."""

    def __init__(self, db: Database, bot: Bot, retry_seconds: float = 5.0,
                 lease: timedelta = LEASE) -> None:
        self.db = db
        self.bot = bot
        self.retry_base = timedelta(seconds=retry_seconds)
        self.lease = lease

    # -- claiming ---------------------------------------------------------------------
    def claim_due(self, limit: int = 20, now: datetime | None = None) -> list[Delivery]:
        """Lease up to ``limit`` due rows to this worker."""
        now = now or utcnow()
        if self.db.engine.dialect.name == "postgresql":
            return self._claim_skip_locked(limit, now)
        with self.db.reading() as session:
            candidates = session.execute(_due(now).with_only_columns(
                Outbox.id, Outbox.next_attempt_at).limit(limit)).all()
        claimed = [self._claim_one(row_id, due, now) for row_id, due in candidates]
        return [d for d in claimed if d is not None]

    def _claim_skip_locked(self, limit: int, now: datetime) -> list[Delivery]:
        with self.db.transaction() as session:
            rows = session.scalars(_due(now).limit(limit).with_for_update(
                skip_locked=True)).all()
            for row in rows:
                row.next_attempt_at = now + self.lease
            return [_render(session, row) for row in rows]

    def _claim_one(self, row_id: int, due: datetime, now: datetime) -> Delivery | None:
        with self.db.transaction() as session:
            taken = session.execute(update(Outbox).where(
                Outbox.id == row_id, Outbox.status == OutboxStatus.PENDING.value,
                Outbox.next_attempt_at == due).values(next_attempt_at=now + self.lease))
            if taken.rowcount != 1:  # type: ignore[attr-defined]
                return None  # another worker took it first
            row = session.get(Outbox, row_id)
            return _render(session, row) if row is not None else None

    # -- sending ----------------------------------------------------------------------
    async def deliver(self, delivery: Delivery) -> str:
        """Send one row; ``sent``, ``retry`` or ``failed`` (recorded in the database)."""
        try:
            await self.bot.send_message(chat_id=int(delivery.chat_id), text=delivery.text)
        except RetryAfter as exc:
            wait = timedelta(seconds=retry_seconds(exc))
            return await self._retry(delivery, wait, f"429 flood control: retry after {wait}",
                                     counts=False)
        except Forbidden as exc:
            return await self._fail(delivery, f"403 forbidden (bot blocked?): {exc.message}")
        except BadRequest as exc:
            return await self._fail(delivery, f"400 bad request: {exc.message}")
        except NetworkError as exc:
            return await self._retry(delivery, self._backoff(delivery),
                                     f"network error: {type(exc).__name__}: {exc.message}")
        except TelegramError as exc:
            return await self._retry(delivery, self._backoff(delivery),
                                     f"telegram error: {type(exc).__name__}: {exc.message}")
        except ValueError:
            return await self._fail(delivery, "recipient is not a Telegram chat id")
        await asyncio.to_thread(self._mark_sent, delivery)
        return "sent"

    def _backoff(self, delivery: Delivery) -> timedelta:
        delay: timedelta = self.retry_base * (2 ** min(delivery.attempts, 20))
        return min(delay, MAX_BACKOFF)

    async def _retry(self, delivery: Delivery, wait: timedelta, reason: str,
                     counts: bool = True) -> str:
        if counts and delivery.attempts + 1 >= MAX_ATTEMPTS:
            return await self._fail(delivery, f"gave up after {MAX_ATTEMPTS} attempts: {reason}")
        log.info("outbox row %s: retry in %s (%s)", delivery.id, wait, reason.split(":")[0])
        await asyncio.to_thread(self._record, delivery, OutboxStatus.PENDING, reason, wait)
        return "retry"

    async def _fail(self, delivery: Delivery, reason: str) -> str:
        log.warning("outbox row %s: failed (%s)", delivery.id, reason.split(":")[0])
        await asyncio.to_thread(self._record, delivery, OutboxStatus.FAILED, reason, None)
        return "failed"

    def _mark_sent(self, delivery: Delivery) -> None:
        with self.db.transaction() as session:
            row = session.get(Outbox, delivery.id)
            if row is not None:
                row.status, row.sent_at = OutboxStatus.SENT.value, utcnow()
                row.attempts += 1
                row.last_error = None

    def _record(self, delivery: Delivery, status: OutboxStatus, reason: str,
                wait: timedelta | None) -> None:
        with self.db.transaction() as session:
            row = session.get(Outbox, delivery.id)
            if row is None:
                return
            row.attempts += 1
            row.status, row.last_error = status.value, reason
            if wait is not None:
                row.next_attempt_at = utcnow() + wait
            if status is OutboxStatus.FAILED and row.complaint_id is not None:
                session.add(Event(complaint_id=row.complaint_id, kind="delivery_failed",
                                  actor="system:telegram", reason=reason,
                                  data={"outbox_id": row.id, "channel": "telegram"},
                                  at=utcnow()))

    # -- loop -------------------------------------------------------------------------
    async def run_once(self) -> dict[str, int]:
        """Claim and send what is due now; counts of each outcome."""
        counts = {"sent": 0, "retry": 0, "failed": 0}
        for delivery in await asyncio.to_thread(self.claim_due):
            counts[await self.deliver(delivery)] += 1
        return counts

    async def run_forever(self, poll_seconds: float, stop: asyncio.Event) -> None:
        """Deliver until ``stop`` is set; a database hiccup is logged and retried."""
        while not stop.is_set():
            try:
                await self.run_once()
            except OSError as exc:
                log.warning("outbox pass failed: %s", type(exc).__name__)
            except Exception:  # the worker must outlive one bad pass (logged)
                log.exception("outbox pass failed")
            try:
                await asyncio.wait_for(stop.wait(), timeout=poll_seconds)
            except TimeoutError:
                continue


def _due(now: datetime) -> Select[tuple[Outbox]]:
    return select(Outbox).where(
        Outbox.channel == Channel.TELEGRAM.value,
        Outbox.status == OutboxStatus.PENDING.value,
        Outbox.next_attempt_at <= now).order_by(Outbox.next_attempt_at, Outbox.id)


def _render(session: Session, row: Outbox) -> Delivery:
    """The row's text; an answer notice also carries the staff's answer itself."""
    text = row.body
    if row.complaint_id is not None and any(label in text for label in ANSWER_LABELS):
        answer = session.scalar(select(Message.text).where(
            Message.complaint_id == row.complaint_id,
            Message.direction == Direction.OUTBOUND.value,
            Message.created_at <= row.created_at).order_by(Message.id.desc()).limit(1))
        if answer and answer not in text:
            text += f"\n\nTrả lời của cơ quan:\n{answer}"
    code = (row.subject or "").partition("]")[0].lstrip("[")
    if code.startswith("PA-"):
        text += f"\n\nXem lại: /trangthai {code}"
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT - 1] + "…"
    return Delivery(row.id, row.recipient, text, row.attempts, row.complaint_id)
