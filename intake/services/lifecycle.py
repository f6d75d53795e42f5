"""The complaint life cycle: the one place that moves a complaint between statuses.

Which status may follow which (``ALLOWED``), the labels citizens read, and
``Lifecycle``, which makes a step inside
the caller's transaction: the ``status`` event, the clock (paused while waiting for the
citizen: leaving "waiting" moves the due date by the working days spent waiting,
audited as ``clock_resumed``) and the notice to the citizen through ``intake.delivery``.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.deadlines import VIETNAM, resume_due, working_days_between
from intake.delivery import Outgoing, Purpose, enqueue, push_channel, templates
from intake.errors import InvalidTransition
from intake.models import (
    OPEN_STATUSES,
    OPEN_VALUES,
    RUNNING_STATUSES,
    RUNNING_VALUES,
    Complaint,
    Direction,
    Event,
    Message,
    Status,
    utcnow,
)
from intake.rows import RowBatch, add_event

ALLOWED: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.ROUTED, Status.REJECTED, Status.CLOSED}),
    Status.ROUTED: frozenset({Status.ROUTED, Status.IN_PROGRESS, Status.WAITING_FOR_CITIZEN,
                              Status.ANSWERED, Status.REJECTED, Status.CLOSED}),
    Status.IN_PROGRESS: frozenset({Status.ROUTED, Status.WAITING_FOR_CITIZEN, Status.ANSWERED,
                                   Status.REJECTED, Status.CLOSED}),
    Status.WAITING_FOR_CITIZEN: frozenset({Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED,
                                           Status.REJECTED, Status.ROUTED}),
    Status.ANSWERED: frozenset({Status.CLOSED, Status.IN_PROGRESS}),
    Status.CLOSED: frozenset({Status.IN_PROGRESS}),
    Status.REJECTED: frozenset({Status.IN_PROGRESS}),
}

LABELS_VI: dict[Status, str] = {
    Status.RECEIVED: "Đã tiếp nhận",
    Status.ROUTED: "Đã chuyển đơn vị xử lý",
    Status.IN_PROGRESS: "Đang xử lý",
    Status.WAITING_FOR_CITIZEN: "Chờ người dân bổ sung thông tin",
    Status.ANSWERED: "Đã trả lời",
    Status.CLOSED: "Đã kết thúc",
    Status.REJECTED: "Không tiếp nhận",
}

# The citizen is told when their complaint reaches one of these.
NOTIFY_ON = frozenset({Status.ANSWERED, Status.WAITING_FOR_CITIZEN, Status.CLOSED,
                       Status.REJECTED})


def can_move(current: Status, target: Status) -> bool:
    """True if ``current`` → ``target`` is a legal step."""
    return target in ALLOWED[current]


def label_vi(status: str) -> str:
    """The Vietnamese label citizens see."""
    return LABELS_VI.get(Status(status), status)


def require_move(complaint: Complaint, target: Status) -> None:
    """``InvalidTransition`` unless the complaint may move to ``target``."""
    if not can_move(Status(complaint.status), target):
        raise InvalidTransition(f"{complaint.status} → {target.value} is not allowed")


class AfterResolved(Protocol):
    """What happens when staff resolve a complaint (issue 16: the satisfaction question,
    ``intake.services.satisfaction``), in the same transaction."""

    def ask(self, session: Session, complaint: Complaint) -> None:
        """Act on the complaint just closed."""
        ...


class Lifecycle:
    """Status steps inside the caller's transaction."""

    def __init__(self, mail_domain: str, after_resolved: AfterResolved | None = None) -> None:
        self.mail_domain = mail_domain
        self.after_resolved = after_resolved

    def move(self, session: Session, complaint: Complaint, target: Status, actor: str,
             reason: str | None = None, notify: bool = True,
             later: RowBatch | None = None) -> None:
        """One step: checked, audited (``status``), the clock resumed when leaving
        "waiting", and — with ``notify`` and a status the citizen hears about — the
        status notice queued. ``notify=False`` when the caller sends its own message
        (a staff answer, a question). ``later``: the events wait with the caller's
        batch of rows (``RowBatch``, the mail pipeline's batch), after its earlier ones."""
        require_move(complaint, target)
        current = Status(complaint.status)
        self._leave(session, complaint, current, target, actor, later)
        add_event(session, later, complaint.id, "status", actor, reason,
                  {"from": current.value, "to": target.value})
        complaint.status = target.value
        complaint.updated_at = utcnow()
        if notify and target in NOTIFY_ON:
            self.notify(session, complaint, target, reason)
        if notify and target is Status.CLOSED and self.after_resolved is not None:
            self.after_resolved.ask(session, complaint)  # not for a merged duplicate

    def reroute(self, session: Session, complaint: Complaint, queue_code: str,
                actor: str) -> str | None:
        """Into another queue (routing, a transfer): status "routed", the clock resumed
        when it was waiting; the caller records the ``routed`` event with its reasons.
        The previous queue."""
        require_move(complaint, Status.ROUTED)
        current = Status(complaint.status)
        self._leave(session, complaint, current, Status.ROUTED, actor)
        previous = complaint.queue_code
        complaint.queue_code = queue_code
        complaint.status = Status.ROUTED.value
        complaint.updated_at = utcnow()
        return previous

    def notify(self, session: Session, complaint: Complaint, status: Status,
               reason: str | None) -> None:
        """The status notice on the citizen's channel (nothing for web chat, phone and
        desk, where the citizen reads it with the code); an answered complaint's notice
        carries the latest answer."""
        channel = push_channel(complaint.reply_channel, complaint.reply_address)
        if channel is None or complaint.reply_address is None:
            return
        answer = _latest_answer(session, complaint) if status is Status.ANSWERED else None
        letter = templates.status_notice(complaint.code, label_vi(status.value), reason,
                                         answer)
        enqueue(session, Outgoing(channel, complaint.reply_address, Purpose.STATUS, letter,
                                  complaint.id, complaint.code), self.mail_domain)

    def _leave(self, session: Session, complaint: Complaint, current: Status,
               target: Status, actor: str, later: RowBatch | None = None) -> None:
        if current is Status.WAITING_FOR_CITIZEN and target is not current:
            _resume_clock(session, complaint, actor, later)


def _latest_answer(session: Session, complaint: Complaint) -> str | None:
    return session.scalar(select(Message.text).where(
        Message.complaint_id == complaint.id,
        Message.direction == Direction.OUTBOUND.value).order_by(Message.id.desc()).limit(1))


def _resume_clock(session: Session, complaint: Complaint, actor: str,
                  later: RowBatch | None = None) -> None:
    """Move the due date by the working days spent waiting for the citizen."""
    paused = session.scalar(select(Event.at).where(
        Event.complaint_id == complaint.id, Event.kind == "status",
        Event.data["to"].as_string() == Status.WAITING_FOR_CITIZEN.value).order_by(
        Event.id.desc()).limit(1))
    if paused is None or complaint.due_at is None:
        return
    now = utcnow()
    before = complaint.due_at
    complaint.due_at = resume_due(before, paused, now)
    lost = working_days_between(paused.astimezone(VIETNAM).date(),
                                now.astimezone(VIETNAM).date())
    add_event(session, later, complaint.id, "clock_resumed", actor, None, {
        "paused_at": paused.isoformat(), "due_before": before.isoformat(),
        "due_after": complaint.due_at.isoformat(), "lost_working_days": lost})


__all__ = ["ALLOWED", "LABELS_VI", "NOTIFY_ON", "OPEN_STATUSES", "OPEN_VALUES",
           "RUNNING_STATUSES", "RUNNING_VALUES", "Lifecycle", "can_move", "label_vi",
           "require_move"]
