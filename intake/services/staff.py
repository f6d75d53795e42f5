"""What staff do in the console: the queue, one complaint, and the actions on it.

Every action checks the person may see the complaint (their queues; coordinators and
administrators: all), is one transaction, and leaves an audit ``Event``. A refused
look at another queue's complaint is itself audited (kind ``access_denied``).
Answers to the citizen go through ``intake.delivery`` on the channel they used: e-mail →
their reply address, Telegram → their chat id; web chat and hotline have no push (noted
on the event, so staff know to call back).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from intake.codes import parse_code
from intake.contacts import Contact, normalise_email, normalise_phone
from intake.deadlines import (
    VIETNAM,
    add_working_days,
    due_at,
)
from intake.delivery import Letter, Outgoing, Purpose, enqueue, push_channel, templates
from intake.errors import ComplaintNotFound, SenderError, ValidationError
from intake.models import (
    Assignment,
    Attachment,
    Channel,
    Complaint,
    ComplaintKind,
    Direction,
    Event,
    Queue,
    Status,
    utcnow,
)
from intake.services.attachments import AttachmentView
from intake.services.complaints import IntakeService, NewComplaint
from intake.services.identity import StaffIdentity
from intake.services.kinds import due_rules
from intake.services.lifecycle import RUNNING_VALUES, can_move, label_vi, require_move
from intake.services.views import ComplaintView, EventView, MessageView
from intake.text import nfc

MAX_NOTE_CHARS = 10_000
PAGE_SIZE = 200
SEARCH_CAP = 1000
QUEUE_COLUMNS = (Complaint.code, Complaint.subject, Complaint.status, Complaint.channel,
                 Complaint.queue_code, Complaint.due_at, Assignment.username)


class AccessDenied(SenderError):
    """The complaint belongs to a queue this person does not work."""

    message_vi = "Bạn không có quyền xem phản ánh của đơn vị khác."


@dataclass(frozen=True)
class QueueFilter:
    """The filters of the queue page (all optional)."""

    status: Status | None = None
    channel: Channel | None = None
    overdue: bool = False
    text: str = ""


@dataclass(frozen=True)
class RecordedCall:
    """What staff type in when a citizen calls the hotline or comes to the desk."""

    channel: Channel
    text: str
    location: str = ""
    name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue page."""

    code: str
    subject: str
    status: str
    channel: str
    queue_code: str | None
    due_at: datetime | None
    overdue: bool
    assignee: str | None


@dataclass(frozen=True)
class QueuePage:
    """The queue page: rows by due date and counts per status (before the status filter)."""

    rows: list[QueueRow]
    counts: dict[str, int]
    total: int
    capped: bool = False  # a text search stopped at SEARCH_CAP matches


@dataclass(frozen=True)
class ComplaintDetail:
    """Everything the complaint page shows."""

    complaint: ComplaintView
    messages: list[MessageView]
    attachments: list[AttachmentView]
    events: list[EventView]
    assignee: str | None
    overdue: bool
    queues: list[tuple[str, str]] = field(default_factory=list)
    kind: str | None = None
    kinds: list[tuple[str, str, int]] = field(default_factory=list)  # code, label, days


class StaffService:
    """The console's services, on top of ``IntakeService``."""

    def __init__(self, intake: IntakeService) -> None:
        self.intake = intake
        self.db = intake.db

    # -- queue ----------------------------------------------------------------------
    def queue(self, who: StaffIdentity, wanted: QueueFilter, now: datetime | None = None,
              limit: int = PAGE_SIZE) -> QueuePage:
        """The complaints of ``who``'s queues, by due date, with counts per status.

        A text search scans the text of every complaint in scope, so it is done in one
        pass that stops after ``SEARCH_CAP`` matches (by due date): the counts are then
        exact up to that cap and the page says "more than".
        """
        moment = now or utcnow()
        query = self._scoped(select(*QUEUE_COLUMNS).outerjoin(
            Assignment, Assignment.complaint_id == Complaint.id), who, wanted, moment)
        if nfc(wanted.text).strip():
            return self._searched(query, wanted, moment, limit)
        if wanted.status is not None:
            query = query.where(Complaint.status == wanted.status.value)
        query = query.order_by(Complaint.due_at, Complaint.id).limit(limit)
        with self.db.reading() as session:
            counts = {str(s): int(n) for s, n in session.execute(
                self._scoped(select(Complaint.status, func.count()), who, wanted,
                             moment).group_by(Complaint.status))}
            rows = [_row(values, moment) for values in session.execute(query)]
        total = counts.get(wanted.status.value, 0) if wanted.status else sum(counts.values())
        return QueuePage(rows, counts, total)

    def _searched(self, query: Select[Any], wanted: QueueFilter, moment: datetime,
                  limit: int) -> QueuePage:
        with self.db.reading() as session:
            found = [_row(values, moment) for values in session.execute(
                query.order_by(Complaint.due_at, Complaint.id).limit(SEARCH_CAP + 1))]
        capped = len(found) > SEARCH_CAP
        found = found[:SEARCH_CAP]
        counts: dict[str, int] = {}
        for row in found:
            counts[row.status] = counts.get(row.status, 0) + 1
        if wanted.status is not None:
            found = [r for r in found if r.status == wanted.status.value]
        return QueuePage(found[:limit], counts, len(found), capped)

    def _scoped(self, query: Select[Any], who: StaffIdentity, wanted: QueueFilter,
                now: datetime) -> Select[Any]:
        if not who.sees_all:
            query = query.where(Complaint.queue_code.in_(who.queues or ("",)))
        if wanted.channel is not None:
            query = query.where(Complaint.channel == wanted.channel.value)
        if wanted.overdue:
            query = query.where(Complaint.due_at < now, Complaint.status.in_(
                RUNNING_VALUES))
        text = nfc(wanted.text).strip()
        if text:
            like = f"%{_escape_like(text)}%"
            query = query.where(or_(Complaint.code == text.upper(),
                                    self._like(Complaint.subject, like),
                                    self._like(Complaint.text, like)))
        return query

    def _like(self, column: Any, pattern: str) -> Any:
        """Case-insensitive match: SQLite's LIKE already ignores ASCII case (and
        ``lower()`` on every row would double the cost); PostgreSQL needs ILIKE."""
        if self.db.engine.dialect.name == "sqlite":
            return column.like(pattern, escape="\\")
        return column.ilike(pattern, escape="\\")

    # -- one complaint ----------------------------------------------------------------
    def detail(self, who: StaffIdentity, code: str) -> ComplaintDetail:
        """The complaint page's content; ``AccessDenied`` (audited) outside one's queues."""
        self._check(who, code, "view")
        view = self.intake.get(code)
        with self.db.reading() as session:
            complaint = _complaint(session, code)
            attachments = [AttachmentView(a.id, complaint.code, a.sha256, a.filename,
                                          a.content_type, a.size)
                           for a in session.scalars(select(Attachment).where(
                               Attachment.complaint_id == complaint.id).order_by(Attachment.id))]
            assignee = session.scalar(select(Assignment.username).where(
                Assignment.complaint_id == complaint.id))
            queues = [(q.code, q.name) for q in session.scalars(
                select(Queue).where(Queue.active.is_(True)).order_by(Queue.name))]
            overdue = _overdue(complaint, utcnow())
            kind = session.scalar(select(ComplaintKind.kind).where(
                ComplaintKind.complaint_id == complaint.id))
        kinds = [(k.code, k.label_vi, k.working_days) for k in due_rules().values()]
        return ComplaintDetail(view, self.intake.messages(code), attachments,
                               self.intake.events(code), assignee, overdue, queues, kind,
                               kinds)

    def attachment(self, who: StaffIdentity, code: str, attachment_id: int) -> AttachmentView:
        """One attachment of a complaint ``who`` may see."""
        self._check(who, code, "attachment")
        with self.db.reading() as session:
            complaint = _complaint(session, code)
            row = session.get(Attachment, attachment_id)
            if row is None or row.complaint_id != complaint.id:
                raise ComplaintNotFound("no such attachment")
            return AttachmentView(row.id, complaint.code, row.sha256, row.filename,
                                  row.content_type, row.size)

    def _check(self, who: StaffIdentity, code: str, what: str) -> None:
        """Raise ``AccessDenied`` (after auditing it) unless ``who`` may see ``code``."""
        with self.db.transaction() as session:
            complaint = _complaint(session, code)
            if who.may_see(complaint.queue_code):
                return
            session.add(Event(complaint_id=complaint.id, kind="access_denied", actor=who.actor,
                              reason=f"{what}: not in the user's queues",
                              data={"queues": list(who.queues)}, at=utcnow()))
        raise AccessDenied(f"{who.username} may not {what} {code}")

    # -- actions ----------------------------------------------------------------------
    def take(self, who: StaffIdentity, code: str) -> None:
        """Assign the complaint to ``who``; a routed one becomes "in progress"."""
        with self._acting(who, code) as (session, complaint):
            found = session.get(Assignment, complaint.id)
            previous = found.username if found else None
            if found is None:
                session.add(Assignment(complaint_id=complaint.id, username=who.username))
            else:
                found.username, found.at = who.username, utcnow()
            _event(session, complaint, "taken", who, None, {"previous": previous})
            if complaint.status in (Status.RECEIVED, Status.ROUTED,
                                    Status.WAITING_FOR_CITIZEN):
                self._move(session, complaint, Status.IN_PROGRESS, who)

    def reply(self, who: StaffIdentity, code: str, text: str) -> str:
        """Answer the citizen: an outbound message, pushed on their channel.

        Returns how it is delivered: ``email``, ``telegram`` or ``none`` (web chat,
        hotline: the citizen reads it with their tracking code).
        """
        body = _required(text, "Nội dung trả lời")
        with self._acting(who, code) as (session, complaint):
            self.intake.add_message(complaint.code, Direction.OUTBOUND, body,
                                    Channel(complaint.reply_channel), who.actor,
                                    sender=who.actor, session=session)
            delivery = self._push(session, complaint, Purpose.ANSWER, templates.answer(
                complaint.code, label_vi(Status.ANSWERED.value), body))
            _event(session, complaint, "reply", who, None, {"delivery": delivery})
            if complaint.status != Status.ANSWERED and \
                    can_move(Status(complaint.status), Status.ANSWERED):
                self._move(session, complaint, Status.ANSWERED, who)
            return delivery

    def ask_info(self, who: StaffIdentity, code: str, question: str) -> str:
        """Ask the citizen for more information; status "waiting for citizen"."""
        body = _required(question, "Câu hỏi")
        with self._acting(who, code) as (session, complaint):
            require_move(complaint, Status.WAITING_FOR_CITIZEN)
            self.intake.add_message(complaint.code, Direction.OUTBOUND, body,
                                    Channel(complaint.reply_channel), who.actor,
                                    sender=who.actor, session=session)
            self._move(session, complaint, Status.WAITING_FOR_CITIZEN, who, body)
            delivery = self._push(session, complaint, Purpose.INFO_REQUEST,
                                  templates.info_request(
                                      complaint.code,
                                      label_vi(Status.WAITING_FOR_CITIZEN.value), body))
            _event(session, complaint, "ask_info", who, None, {"delivery": delivery})
            return delivery

    def transfer(self, who: StaffIdentity, code: str, queue_code: str, reason: str) -> None:
        """Move the complaint to another queue, with the reason (shown as its routing)."""
        why = _required(reason, "Lý do chuyển")
        with self._acting(who, code) as (session, complaint):
            target = session.get(Queue, queue_code)
            if target is None or not target.active:
                raise ValidationError(f"unknown queue {queue_code!r}", "Đơn vị không tồn tại.")
            if target.code == complaint.queue_code:
                raise ValidationError("same queue", "Phản ánh đã ở đơn vị này.")
            previous = self.intake.lifecycle.reroute(session, complaint, target.code,
                                                     who.actor)
            found = session.get(Assignment, complaint.id)
            if found is not None:
                session.delete(found)
            _event(session, complaint, "routed", who, why, {
                "queue": target.code, "previous_queue": previous, "rule": "manual_transfer",
                "reasons": [f"Chuyển thủ công bởi {who.username}: {why}"]})

    def resolve(self, who: StaffIdentity, code: str, reason: str = "") -> None:
        """Close the complaint (the citizen is told)."""
        self._check(who, code, "resolve")
        self.intake.change_status(code, Status.CLOSED, who.actor, nfc(reason).strip() or None)

    def reject(self, who: StaffIdentity, code: str, reason: str) -> None:
        """Reject the complaint with a reason (the citizen is told why)."""
        why = _required(reason, "Lý do từ chối")
        self._check(who, code, "reject")
        self.intake.change_status(code, Status.REJECTED, who.actor, why)

    def merge(self, who: StaffIdentity, code: str, into: str, reason: str = "") -> None:
        """Close ``code`` as a duplicate of ``into`` (both must be visible to ``who``);
        the citizen of the duplicate is told which code to follow."""
        self._check(who, into, "merge into")
        with self._acting(who, code) as (session, duplicate):
            target = _complaint(session, into)
            if target.id == duplicate.id:
                raise ValidationError("merge into itself", "Không thể gộp phản ánh vào chính nó.")
            why = nfc(reason).strip() or None
            self._move(session, duplicate, Status.CLOSED, who, why)
            _event(session, duplicate, "merged", who, why, {"into": target.code})
            _event(session, target, "merged_from", who, why, {"from": duplicate.code})
            self._push(session, duplicate, Purpose.MERGED, templates.merged(
                duplicate.code, label_vi(Status.CLOSED.value), target.code))

    def set_kind(self, who: StaffIdentity, code: str, kind: str) -> None:
        """Classify the submission; its due date follows that kind's rule, counted from
        receipt and extended by the working days already spent waiting for the citizen."""
        rules = due_rules()
        if kind not in rules:
            raise ValidationError(f"unknown kind {kind!r}", "Loại đơn không hợp lệ.")
        with self._acting(who, code) as (session, complaint):
            found = session.get(ComplaintKind, complaint.id)
            if found is None:
                session.add(ComplaintKind(complaint_id=complaint.id, kind=kind,
                                          set_by=who.username))
            else:
                found.kind, found.set_by, found.at = kind, who.username, utcnow()
            paused = sum(int(d.get("lost_working_days", 0)) for d in session.scalars(
                select(Event.data).where(Event.complaint_id == complaint.id,
                                         Event.kind == "clock_resumed")))
            before = complaint.due_at
            base = due_at(complaint.created_at, rules[kind].working_days)
            local = base.astimezone(VIETNAM)
            complaint.due_at = datetime.combine(add_working_days(local.date(), paused),
                                                local.timetz()).astimezone(UTC)
            _event(session, complaint, "kind", who, rules[kind].label_vi, {
                "kind": kind, "working_days": rules[kind].working_days,
                "due_before": before.isoformat() if before else None,
                "due_after": complaint.due_at.isoformat()})

    def kind_of(self, code: str) -> str | None:
        """The kind staff classified the complaint as, if any."""
        with self.db.reading() as session:
            complaint = _complaint(session, code)
            return session.scalar(select(ComplaintKind.kind).where(
                ComplaintKind.complaint_id == complaint.id))

    def note(self, who: StaffIdentity, code: str, text: str) -> None:
        """An internal note: on the audit trail only, never sent to the citizen."""
        body = _required(text, "Ghi chú")
        with self._acting(who, code) as (session, complaint):
            _event(session, complaint, "note", who, body, {})

    def record_call(self, who: StaffIdentity, call: RecordedCall) -> ComplaintView:
        """File a complaint received on the hotline phone or at a one-stop desk.

        Routed like any other; one transaction with the acknowledgement by e-mail when
        the caller gave an address (otherwise staff read the tracking code out).
        """
        if call.channel not in (Channel.PHONE, Channel.WALK_IN):
            raise ValidationError("not a staff channel", "Kênh tiếp nhận không hợp lệ.")
        contact = Contact(name=nfc(call.name).strip()[:255] or None,
                          phone=normalise_phone(call.phone) if call.phone.strip() else None,
                          email=normalise_email(call.email) if call.email.strip() else None)
        new = NewComplaint(channel=call.channel, text=call.text,
                           reply_channel=Channel.EMAIL if contact.email else call.channel,
                           reply_address=contact.email, contact=contact,
                           location_text=call.location.strip() or None, sender=who.actor)
        with self.db.transaction() as session:
            view = self.intake.create_complaint(new, who.actor, session=session)
            if contact.email:
                complaint = _complaint(session, view.code)
                self._push(session, complaint, Purpose.RECORDED, templates.recorded(
                    view.code, label_vi(Status.RECEIVED.value),
                    call.channel == Channel.PHONE, view.queue_name))
            return view

    def _move(self, session: Session, complaint: Complaint, status: Status,
              who: StaffIdentity, reason: str | None = None) -> None:
        """A status step in the action's transaction (``Lifecycle.move``: event, clock);
        the action tells the citizen itself (its answer, its question, the merge)."""
        self.intake.lifecycle.move(session, complaint, status, who.actor, reason,
                                   notify=False)

    def _push(self, session: Session, complaint: Complaint, purpose: Purpose,
              letter: Letter) -> str:
        """Queue ``letter`` to the citizen on their channel; the channel used, or
        ``none`` (web chat, hotline: no push)."""
        channel = push_channel(complaint.reply_channel, complaint.reply_address)
        if channel is None or complaint.reply_address is None:
            return "none"
        enqueue(session, Outgoing(channel, complaint.reply_address, purpose, letter,
                                  complaint.id, complaint.code),
                self.intake.settings.mail_domain)
        return channel.value

    @contextmanager
    def _acting(self, who: StaffIdentity, code: str) -> Iterator[tuple[Session, Complaint]]:
        """One action's transaction and complaint row, after the access check."""
        self._check(who, code, "act on")
        with self.db.transaction() as session:
            yield session, _complaint(session, code)


def _complaint(session: Session, code: str) -> Complaint:
    complaint = session.scalar(select(Complaint).where(Complaint.code == parse_code(code)))
    if complaint is None:
        raise ComplaintNotFound("no complaint with that code")
    return complaint


def _row(values: Any, now: datetime) -> QueueRow:
    code, subject, status, channel, queue, due, assignee = values
    return QueueRow(code, subject, status, channel, queue, due,
                    _is_overdue(due, status, now), assignee)


def _overdue(complaint: Complaint, now: datetime) -> bool:
    return _is_overdue(complaint.due_at, complaint.status, now)


def _is_overdue(due: datetime | None, status: str, now: datetime) -> bool:
    """Past due while the clock runs (not when waiting for the citizen or finished)."""
    return bool(due and due < now and status in RUNNING_VALUES)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _required(text: str, what: str) -> str:
    body = nfc(text or "").strip()
    if not body:
        raise ValidationError(f"{what} empty", f"{what} không được để trống.")
    if len(body) > MAX_NOTE_CHARS:
        raise ValidationError(f"{what} too long", f"{what} quá dài.")
    return body


def _event(session: Session, complaint: Complaint, kind: str, who: StaffIdentity,
           reason: str | None, data: dict[str, Any]) -> None:
    session.add(Event(complaint_id=complaint.id, kind=kind, actor=who.actor, reason=reason,
                      data=data, at=utcnow()))


__all__ = ["AccessDenied", "ComplaintDetail", "QueueFilter", "QueuePage", "QueueRow",
           "RecordedCall", "StaffService"]
