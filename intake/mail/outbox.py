"""Delivery of the e-mail rows of the outbox with aiosmtplib, retried with backoff.

Rows are claimed with a lease (``next_attempt_at`` moved forward by a conditional
UPDATE), so several senders — processes or machines — never send the same row twice at
the same time; a sender that dies leaves its rows to be taken again when the lease ends.
A temporary failure (SMTP down, 4xx) is retried with exponential backoff; a permanent
one (5xx for the recipient) or too many attempts marks the row failed. A row is marked
sent only after the server accepted it: a crash in between sends it again at worst
(at-least-once), the same Message-ID lets the recipient's client show it once.
"""

from __future__ import annotations

import asyncio
import logging
import random
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

import aiosmtplib
from sqlalchemy import select, update

from intake.db import Database
from intake.mail.config import MailSettings, Security, require_smtp, tls_context
from intake.models import Channel, Outbox, OutboxStatus, utcnow

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)


@dataclass(frozen=True)
class Delivery:
    """A claimed outbox row (a snapshot; no live ORM object leaves the session)."""

    id: int
    recipient: str
    subject: str
    body: str
    headers: dict[str, str]
    attempts: int


def backoff(attempts: int, base: float, cap: float) -> timedelta:
    """Delay before attempt ``attempts + 1``: base·2ⁿ with ±20 % jitter, at most ``cap``."""
    delay = min(cap, base * (2 ** max(0, attempts - 1)))
    return timedelta(seconds=delay * random.uniform(0.8, 1.2))


def build_message(delivery: Delivery, settings: MailSettings) -> EmailMessage:
    """The RFC 5322 message of a delivery (UTF-8 text; headers from the outbox row; every
    message carries our ``X-Loop`` marker)."""
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = Address(addr_spec=delivery.recipient)
    message["Subject"] = delivery.subject
    message["Date"] = format_datetime(utcnow())
    for name, value in delivery.headers.items():
        if name.lower() not in ("from", "to", "subject", "date"):
            message[name] = value
    if "X-Loop" not in message:  # our loop marker: how our own mail is known when it returns
        message["X-Loop"] = settings.from_address
    message.set_content(delivery.body, charset="utf-8")
    return message


class OutboxSender:
    """Sends due e-mail rows of the outbox."""

    def __init__(self, db: Database, settings: MailSettings) -> None:
        require_smtp(settings)
        self.db = db
        self.settings = settings
        self._tls = (None if settings.smtp_security is Security.PLAIN
                     else tls_context(settings.smtp_ca_file))

    # -- claiming -----------------------------------------------------------------------
    def claim_due(self, limit: int = 50, now: datetime | None = None) -> list[Delivery]:
        """Lease up to ``limit`` due rows to this sender."""
        now = now or utcnow()
        with self.db.reading() as session:
            candidates = session.execute(select(Outbox.id, Outbox.next_attempt_at).where(
                Outbox.channel == Channel.EMAIL.value,
                Outbox.status == OutboxStatus.PENDING.value,
                Outbox.next_attempt_at <= now).order_by(Outbox.next_attempt_at).limit(
                limit)).all()
        claimed: list[Delivery] = []
        for row_id, due in candidates:
            delivery = self._claim(row_id, due, now)
            if delivery is not None:
                claimed.append(delivery)
        return claimed

    def _claim(self, row_id: int, due: datetime, now: datetime) -> Delivery | None:
        with self.db.transaction() as session:
            taken = session.execute(update(Outbox).where(
                Outbox.id == row_id, Outbox.status == OutboxStatus.PENDING.value,
                Outbox.next_attempt_at == due).values(next_attempt_at=now + LEASE))
            if taken.rowcount != 1:  # type: ignore[attr-defined]
                return None
            row = session.get(Outbox, row_id)
            assert row is not None
            return Delivery(row.id, row.recipient, row.subject or "", row.body,
                            {str(k): str(v) for k, v in (row.headers or {}).items()},
                            row.attempts)

    # -- results ------------------------------------------------------------------------
    def mark_sent(self, delivery: Delivery) -> None:
        """The server accepted the message."""
        with self.db.transaction() as session:
            row = session.get(Outbox, delivery.id)
            if row is not None:
                row.status, row.sent_at = OutboxStatus.SENT.value, utcnow()
                row.attempts = delivery.attempts + 1
                row.last_error = None

    def mark_failed(self, delivery: Delivery, error: str, permanent: bool) -> None:
        """Schedule a retry with backoff, or give up on a permanent error."""
        attempts = delivery.attempts + 1
        give_up = permanent or attempts >= self.settings.max_send_attempts
        with self.db.transaction() as session:
            row = session.get(Outbox, delivery.id)
            if row is None:
                return
            row.attempts, row.last_error = attempts, error[:500]
            if give_up:
                row.status = OutboxStatus.FAILED.value
            else:
                row.next_attempt_at = utcnow() + backoff(attempts, self.settings.retry_base,
                                                         self.settings.retry_max)
        log.warning("outbox %d: %s (attempt %d%s)", delivery.id, error,
                    attempts, ", giving up" if give_up else "")

    # -- sending ------------------------------------------------------------------------
    def _client(self) -> aiosmtplib.SMTP:
        s = self.settings
        return aiosmtplib.SMTP(
            hostname=s.smtp_host, port=s.smtp_port, timeout=s.smtp_timeout,
            use_tls=s.smtp_security is Security.TLS,
            # False, not None, for plain: no opportunistic STARTTLS guessing either way;
            # with STARTTLS a server that does not offer it is an error, never plain.
            start_tls=s.smtp_security is Security.STARTTLS, tls_context=self._tls,
            username=s.smtp_user, password=s.smtp_password)

    async def send_batch(self, deliveries: list[Delivery]) -> int:
        """Send ``deliveries`` over one connection; how many the server accepted."""
        if not deliveries:
            return 0
        sent = handled = 0
        try:
            async with self._client() as smtp:
                for delivery in deliveries:
                    sent += await self._send_one(smtp, delivery)
                    handled += 1
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            error = self._describe(exc)
            for delivery in deliveries[handled:]:
                self.mark_failed(delivery, error, permanent=False)
        return sent

    def _describe(self, exc: BaseException) -> str:
        """The row's ``last_error`` for a connection-level failure (no secrets)."""
        s = self.settings
        where = f"{s.smtp_host}:{s.smtp_port}"
        cause: BaseException | None = exc
        while cause is not None and not isinstance(cause, ssl.SSLError):
            cause = cause.__cause__ or cause.__context__
        if isinstance(cause, ssl.SSLCertVerificationError):
            return (f"{type(exc).__name__}: TLS certificate of {where} not trusted "
                    f"({cause.verify_message or cause.reason}); check PAKN_SMTP_CA_FILE")
        if isinstance(cause, ssl.SSLError):
            return f"{type(exc).__name__}: TLS with {where} failed ({cause.reason})"
        if isinstance(exc, aiosmtplib.SMTPException) and "starttls" in str(exc).lower():
            return f"{type(exc).__name__}: STARTTLS with {where} failed: {exc}"[:500]
        return f"{type(exc).__name__}: SMTP unavailable"

    async def _send_one(self, smtp: aiosmtplib.SMTP, delivery: Delivery) -> int:
        message = build_message(delivery, self.settings)
        try:
            await smtp.send_message(message, sender=self.settings.from_address,
                                    recipients=[delivery.recipient])
        except (aiosmtplib.SMTPRecipientsRefused, aiosmtplib.SMTPResponseException) as exc:
            code = getattr(exc, "code", 0) or 550
            if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
                code = exc.recipients[0].code if exc.recipients else 550
            self.mark_failed(delivery, f"SMTP {code}", permanent=500 <= code < 600)
            return 0
        self.mark_sent(delivery)
        return 1

    async def send_due(self, limit: int = 100) -> int:
        """Claim and send what is due now; how many were accepted."""
        return await self.send_batch(self.claim_due(limit))

    async def run(self, once: bool = False, idle_seconds: float = 1.0,
                  stop: asyncio.Event | None = None) -> int:
        """Send until stopped (or once); returns how many messages were accepted."""
        total = 0
        while True:
            total += await self.send_due()
            if once or (stop is not None and stop.is_set()):
                return total
            await asyncio.sleep(idle_seconds)
