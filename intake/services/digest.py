"""The daily digest: one e-mail per queue member with the queue's open and overdue
complaints, queued through ``intake.delivery`` (sent by the dispatcher's SMTP transport).

Idempotent per day: each row's ``dedup_key`` is ``digest:<date>:<queue>:<user>``, so
running the job twice (a retry, two machines) sends one digest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.config import load_settings
from intake.db import Database
from intake.deadlines import VIETNAM
from intake.delivery import Letter, Outgoing, Purpose, enqueue, templates
from intake.delivery.outbox import enqueued
from intake.delivery.templates import DigestFacts
from intake.models import (
    OPEN_VALUES,
    RUNNING_VALUES,
    Channel,
    Complaint,
    Queue,
    StaffQueue,
    StaffUser,
    Status,
    utcnow,
)

MAX_LISTED = 50


@dataclass(frozen=True)
class DigestRun:
    """What one run wrote."""

    queued: int
    already_sent: int


def enqueue_digests(db: Database, now: datetime | None = None,
                    mail_domain: str | None = None) -> DigestRun:
    """Write today's digests to the outbox (one transaction)."""
    moment = now or utcnow()
    domain = mail_domain or load_settings().mail_domain
    day = moment.astimezone(VIETNAM).date()
    queued = already = 0
    with db.transaction() as session:
        members = session.execute(select(StaffQueue.queue_code, StaffUser.username,
                                         StaffUser.email).join(
            StaffUser, StaffUser.id == StaffQueue.user_id).where(
            StaffUser.active.is_(True), StaffUser.email.is_not(None))).all()
        letters: dict[str, Letter] = {}
        for queue, username, email in members:
            key = f"digest:{day.isoformat()}:{queue}:{username}"[:255]
            if enqueued(session, key):
                already += 1
                continue
            if queue not in letters:
                letters[queue] = templates.digest(_facts(session, queue, day, moment))
            enqueue(session, Outgoing(Channel.EMAIL, email, Purpose.DIGEST, letters[queue],
                                      dedup_key=key), domain, moment)
            queued += 1
    return DigestRun(queued, already)


def _facts(session: Session, queue: str, day: date, now: datetime) -> DigestFacts:
    name = session.scalar(select(Queue.name).where(Queue.code == queue)) or queue
    counts = dict(session.execute(select(Complaint.status, func.count()).where(
        Complaint.queue_code == queue, Complaint.status.in_(OPEN_VALUES)).group_by(
        Complaint.status)).tuples().all())
    overdue = session.execute(select(Complaint.code, Complaint.subject, Complaint.due_at).where(
        Complaint.queue_code == queue, Complaint.status.in_(RUNNING_VALUES),
        Complaint.due_at < now).order_by(Complaint.due_at).limit(MAX_LISTED)).tuples().all()
    return DigestFacts(day, queue, name, sum(counts.values()),
                       counts.get(Status.WAITING_FOR_CITIZEN.value, 0),
                       [(code, subject, due) for code, subject, due in overdue if due is not None],
                       len(overdue) == MAX_LISTED)
