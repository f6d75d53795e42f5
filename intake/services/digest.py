"""The daily digest: one e-mail per queue member with the queue's open and overdue
complaints, written to the outbox (delivered by the mail outbox sender).

Idempotent per day: each row's ``dedup_key`` is ``digest:<date>:<queue>:<user>``, so
running the job twice (a retry, two machines) sends one digest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.console.models import StaffQueue, StaffUser
from intake.db import Database
from intake.deadlines import VIETNAM
from intake.models import Channel, Complaint, Outbox, Queue, Status, utcnow

OPEN = (Status.RECEIVED.value, Status.ROUTED.value, Status.IN_PROGRESS.value,
        Status.WAITING_FOR_CITIZEN.value)
RUNNING = (Status.RECEIVED.value, Status.ROUTED.value, Status.IN_PROGRESS.value)
MAX_LISTED = 50


@dataclass(frozen=True)
class DigestRun:
    """What one run wrote."""

    queued: int
    already_sent: int


def enqueue_digests(db: Database, now: datetime | None = None) -> DigestRun:
    """Write today's digests to the outbox (one transaction)."""
    moment = now or utcnow()
    day = moment.astimezone(VIETNAM).date()
    queued = already = 0
    with db.transaction() as session:
        members = session.execute(select(StaffQueue.queue_code, StaffUser.username,
                                         StaffUser.email).join(
            StaffUser, StaffUser.id == StaffQueue.user_id).where(
            StaffUser.active.is_(True), StaffUser.email.is_not(None))).all()
        bodies: dict[str, tuple[str, str]] = {}
        for queue, username, email in members:
            key = f"digest:{day.isoformat()}:{queue}:{username}"[:255]
            if session.scalar(select(Outbox.id).where(Outbox.dedup_key == key)):
                already += 1
                continue
            if queue not in bodies:
                bodies[queue] = _digest(session, queue, day, moment)
            subject, body = bodies[queue]
            session.add(Outbox(channel=Channel.EMAIL.value, recipient=email, subject=subject,
                               body=body, dedup_key=key))
            queued += 1
    return DigestRun(queued, already)


def _digest(session: Session, queue: str, day: date, now: datetime) -> tuple[str, str]:
    name = session.scalar(select(Queue.name).where(Queue.code == queue)) or queue
    counts = dict(session.execute(select(Complaint.status, func.count()).where(
        Complaint.queue_code == queue, Complaint.status.in_(OPEN)).group_by(
        Complaint.status)).tuples().all())
    overdue = session.execute(select(Complaint.code, Complaint.subject, Complaint.due_at).where(
        Complaint.queue_code == queue, Complaint.status.in_(RUNNING),
        Complaint.due_at < now).order_by(Complaint.due_at).limit(MAX_LISTED)).all()
    lines = [f"Tổng hợp phản ánh ngày {day.strftime('%d/%m/%Y')} — {name} ({queue})", "",
             f"Đang mở: {sum(counts.values())} (chờ người dân bổ sung: "
             f"{counts.get(Status.WAITING_FOR_CITIZEN.value, 0)})",
             f"Quá hạn: {len(overdue)}{'+' if len(overdue) == MAX_LISTED else ''}", ""]
    lines += [f"- {code} (hạn {due.astimezone(VIETNAM).strftime('%d/%m/%Y')}): {subject}"
              for code, subject, due in overdue]
    subject = f"[PAKN] {name}: {sum(counts.values())} đang mở, {len(overdue)} quá hạn"
    return subject[:998], "\n".join(lines)
