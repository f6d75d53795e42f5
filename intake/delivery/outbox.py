"""``enqueue``: the one way a message to a citizen or to staff is queued.

Called inside the caller's transaction, so the message is queued if and only if the
change it reports is committed. Every e-mail gets our own Message-ID and a thread row
(``mail_threads``): a reply naming it finds its complaint, a bounce quoting it finds
its delivery. The purpose and the complaint code are columns, never parsed from text.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.delivery.models import OutboxFile
from intake.delivery.purposes import ACK_PURPOSES, HUMAN_PURPOSES, OPENING_PURPOSES, Purpose
from intake.delivery.templates import Letter
from intake.models import Channel, MailThread, Outbox, OutboxStatus, utcnow
from intake.rows import RowBatch, add_event

log = logging.getLogger(__name__)
PUSH_CHANNELS = frozenset({Channel.EMAIL.value, Channel.TELEGRAM.value})
MAX_REFERENCES = 10
# A Telegram row's header holding inline buttons: JSON ``[[text, callback_data], …]``.
TELEGRAM_BUTTONS = "X-Telegram-Buttons"


@dataclass(frozen=True)
class Outgoing:
    """One message to queue: to whom, why, about which complaint, and what it says."""

    channel: Channel
    recipient: str
    purpose: Purpose
    letter: Letter
    complaint_id: int | None = None
    complaint_code: str | None = None
    # e-mail: threading headers; Telegram: ``TELEGRAM_BUTTONS`` (inline buttons)
    headers: Mapping[str, str] = field(default_factory=dict)
    dedup_key: str | None = None  # the same key is queued once, ever
    # files carried with the message: ids of the complaint's attachments, in order
    attachment_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Queued:
    """The outbox row written, and the e-mail's Message-ID (without angle brackets)."""

    outbox_id: int
    message_id: str | None


def new_message_id(domain: str) -> str:
    """A fresh Message-ID of our domain (how our own mail is recognised when it returns)."""
    return f"pakn.{secrets.token_hex(12)}@{domain}"


def hashed_key(prefix: str, key: str) -> str:
    """A dedup key of bounded length for an arbitrary ``key`` (a Message-ID …)."""
    return f"{prefix}:{hashlib.sha256(key.encode()).hexdigest()}"


def enqueue(session: Session, outgoing: Outgoing, mail_domain: str,
            now: datetime | None = None) -> Queued:
    """Queue ``outgoing`` in ``session`` (the caller's transaction)."""
    moment = now or utcnow()
    message_id = (new_message_id(mail_domain) if outgoing.channel is Channel.EMAIL
                  else None)
    headers = (_mail_headers(session, outgoing, message_id) if message_id is not None
               else dict(outgoing.headers))
    row = Outbox(complaint_id=outgoing.complaint_id, complaint_code=outgoing.complaint_code,
                 channel=outgoing.channel.value, recipient=outgoing.recipient,
                 purpose=outgoing.purpose.value, subject=outgoing.letter.subject,
                 body=outgoing.letter.body, headers=headers, dedup_key=outgoing.dedup_key,
                 next_attempt_at=moment, created_at=moment)
    session.add(row)
    session.flush()
    for position, attachment_id in enumerate(dict.fromkeys(outgoing.attachment_ids)):
        session.add(OutboxFile(outbox_id=row.id, attachment_id=attachment_id,
                               position=position))
    if message_id is not None:
        session.add(MailThread(message_id=message_id,
                               complaint_code=outgoing.complaint_code or "",
                               recipient=outgoing.recipient, purpose=outgoing.purpose.value,
                               outbox_id=row.id, created_at=moment))
    return Queued(row.id, message_id)


def enqueue_later(session: Session, rows: RowBatch, outgoing: Outgoing,
                  mail_domain: str, now: datetime) -> str:
    """``enqueue`` for an e-mail without files, written with the batch's other rows
    (``RowBatch``: one multi-row INSERT into ``outbox`` and one into ``mail_threads``
    for the whole batch instead of two INSERTs and an ORM flush per e-mail; still in the
    batch's transaction, so an e-mail is queued if and only if the change it reports is
    committed): the same rows, headers and threading; its Message-ID."""
    if outgoing.channel is not Channel.EMAIL or outgoing.attachment_ids:
        raise ValueError("only e-mail without files is queued with a batch")
    message_id = new_message_id(mail_domain)
    headers = _mail_headers(session, outgoing, message_id, rows)
    outbox = rows.add(Outbox, dict(
        complaint_id=outgoing.complaint_id, complaint_code=outgoing.complaint_code,
        channel=outgoing.channel.value, recipient=outgoing.recipient,
        purpose=outgoing.purpose.value, subject=outgoing.letter.subject,
        body=outgoing.letter.body, headers=headers, dedup_key=outgoing.dedup_key,
        status=OutboxStatus.PENDING.value, attempts=0, last_error=None,
        next_attempt_at=now, created_at=now, sent_at=None), key="dedup_key")
    rows.add(MailThread, dict(
        message_id=message_id, complaint_code=outgoing.complaint_code or "",
        recipient=outgoing.recipient, purpose=outgoing.purpose.value, created_at=now),
        links={"outbox_id": outbox})
    return message_id


def _mail_headers(session: Session, outgoing: Outgoing, message_id: str,
                  batch: RowBatch | None = None) -> dict[str, str]:
    """Our Message-ID, the purpose, RFC 3834's marker on automatic mail, and threading:
    the caller's In-Reply-To/References, else our last message on the same complaint to
    the same person (so their mail program shows one conversation; ``batch``: those
    queued in it too; none before the complaint's opening message)."""
    headers = {"Message-ID": f"<{message_id}>", "X-PAKN-Purpose": outgoing.purpose.value,
               "Content-Language": "vi"}
    if outgoing.purpose not in HUMAN_PURPOSES:
        headers["Auto-Submitted"] = ("auto-replied" if outgoing.purpose in ACK_PURPOSES
                                     else "auto-generated")
    headers.update(outgoing.headers)
    if ("In-Reply-To" not in headers and outgoing.complaint_code
            and outgoing.purpose not in OPENING_PURPOSES):
        earlier = _thread_of(session, outgoing.complaint_code, outgoing.recipient)
        if batch is not None:
            earlier = [*earlier, *(
                thread["message_id"] for thread in batch.pending(MailThread)
                if thread["complaint_code"] == outgoing.complaint_code
                and thread["recipient"] == outgoing.recipient)][-MAX_REFERENCES:]
        if earlier:
            headers["In-Reply-To"] = f"<{earlier[-1]}>"
            headers["References"] = " ".join(f"<{i}>" for i in earlier)
    return headers


def _thread_of(session: Session, code: str, recipient: str) -> list[str]:
    """Our last Message-IDs to ``recipient`` about ``code``, oldest first."""
    ids = session.scalars(select(MailThread.message_id).where(
        MailThread.complaint_code == code, MailThread.recipient == recipient).order_by(
        MailThread.id.desc()).limit(MAX_REFERENCES)).all()
    return list(reversed(ids))


def enqueued(session: Session, dedup_key: str) -> bool:
    """True when a message with this dedup key was already queued."""
    return session.scalar(select(Outbox.id).where(Outbox.dedup_key == dedup_key)) is not None


def fail_bounced(session: Session, message_ids: Sequence[str], reason: str,
                 later: RowBatch | None = None) -> list[int]:
    """The deliveries a bounce names (by our Message-IDs) become ``failed`` with the
    reason and an audit event on their complaint; their outbox ids. ``later``: the
    events wait with the batch's other rows (see ``mark_failed``)."""
    rows = session.scalars(select(Outbox).join(
        MailThread, MailThread.outbox_id == Outbox.id).where(
        MailThread.message_id.in_(list(message_ids)[:50]))).all()
    for row in rows:
        mark_failed(session, row, reason, actor="system:mail", later=later)
    return [row.id for row in rows]


def mark_failed(session: Session, row: Outbox, reason: str, actor: str,
                later: RowBatch | None = None) -> None:
    """A final failure: the row is ``failed``, and its complaint's audit trail says so
    (staff see that the citizen did not get the message). ``later``: a batch's pending
    rows, where the event waits with the batch's other events (written in the order
    they happened)."""
    row.status, row.last_error = OutboxStatus.FAILED.value, reason[:500]
    if row.complaint_id is not None:
        add_event(session, later, row.complaint_id, "delivery_failed", actor, reason[:500],
                  {"outbox_id": row.id, "channel": row.channel, "purpose": row.purpose})
    log.info("outbox %d (%s, %s): failed", row.id, row.channel, row.purpose)


def push_channel(reply_channel: str, reply_address: str | None) -> Channel | None:
    """The channel a citizen can be reached on (e-mail, Telegram), or None (web chat,
    hotline phone, desk: they read the answer with their tracking code)."""
    if reply_channel in PUSH_CHANNELS and reply_address:
        return Channel(reply_channel)
    return None


# -- what the mail edge asks of the delivery tables (it reaches no table itself) ---------
def counts_by_status(session: Session, channel: Channel) -> dict[str, int]:
    """Outbox rows of ``channel`` per status (the mailbox page's backlog)."""
    return {status: int(count) for status, count in session.execute(
        select(Outbox.status, func.count(Outbox.id)).where(
            Outbox.channel == channel.value).group_by(Outbox.status))}


def thread_code(session: Session, message_ids: Sequence[str]) -> str | None:
    """The complaint code of the first of our sent messages among ``message_ids``."""
    return session.scalar(select(MailThread.complaint_code).where(
        MailThread.message_id.in_(list(message_ids)[:50]), MailThread.complaint_code != "")
        .limit(1))


def sent_by_us(session: Session, message_id: str) -> bool:
    """True when ``message_id`` names a message we sent."""
    return session.scalar(select(MailThread.id).where(
        MailThread.message_id == message_id).limit(1)) is not None


def sent_count(session: Session, purposes: Sequence[str], since: datetime,
               until: datetime | None = None, recipient: str | None = None) -> int:
    """How many e-mails of ``purposes`` we queued since ``since`` (before ``until``, to
    ``recipient`` when given): the acknowledgement limits count with this."""
    query = select(func.count(MailThread.id)).where(
        MailThread.purpose.in_(sorted(purposes)), MailThread.created_at >= since)
    if until is not None:
        query = query.where(MailThread.created_at < until)
    if recipient is not None:
        query = query.where(MailThread.recipient == recipient)
    return int(session.scalar(query) or 0)


def sent_counts(session: Session, purposes: Sequence[str], since: datetime,
                until: datetime, recipients: Sequence[str]) -> dict[str, int]:
    """``sent_count`` for several recipients in one grouped query: recipient -> how
    many e-mails of ``purposes`` we queued to them in ``[since, until)`` (those with
    none are absent)."""
    if not recipients:
        return {}
    rows = session.execute(select(MailThread.recipient, func.count(MailThread.id)).where(
        MailThread.purpose.in_(sorted(purposes)), MailThread.created_at >= since,
        MailThread.created_at < until,
        MailThread.recipient.in_(sorted(set(recipients)))).group_by(MailThread.recipient))
    return {str(recipient): int(count) for recipient, count in rows}
