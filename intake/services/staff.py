"""What staff do in the console: the queue, one complaint, and the actions on it.

Every action checks the person may see the complaint (their queues; coordinators and
administrators: all), is one transaction, and leaves an audit ``Event``. A refused
look at another queue's complaint is itself audited (kind ``access_denied``).
Answers to the citizen go through ``intake.delivery`` on the channel they used: e-mail →
their reply address, Telegram → their chat id; web chat and hotline have no push (noted
on the event, so staff know to call back).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, and_, func, or_, select, true
from sqlalchemy.orm import Session

from intake.codes import parse_code
from intake.contacts import Contact, normalise_email, normalise_phone
from intake.db import retry_on_lock_conflict
from intake.deadlines import (
    VIETNAM,
    add_working_days,
    due_at,
)
from intake.delivery import Letter, Outgoing, Purpose, enqueue, push_channel, templates
from intake.errors import ComplaintNotFound, InvalidTrackingCode, SenderError, ValidationError
from intake.models import (
    Assignment,
    Attachment,
    Channel,
    Complaint,
    ComplaintKind,
    Direction,
    Event,
    Outbox,
    Queue,
    Status,
    utcnow,
)
from intake.services.attachments import (
    AttachmentView,
    ReplyFile,
    StoredFile,
    attach_staff_files,
    check_reply_files,
    file_link,
    store_reply_files,
)
from intake.services.complaints import IntakeService, NewComplaint
from intake.services.identity import StaffIdentity
from intake.services.kinds import due_rules
from intake.services.lifecycle import OPEN_VALUES, RUNNING_VALUES, can_move, label_vi, require_move
from intake.services.lookup import complaint_by_code, lock_in_code_order
from intake.services.replies import ReplyTemplate, reply_templates
from intake.services.search import matches, read_search
from intake.services.views import ComplaintView, EventView, MessageView
from intake.services.wording import (
    Deadline,
    actor_vi,
    deadline,
    event_vi,
    short_subject,
    with_unit_names,
)
from intake.storage import attachment_store
from intake.text import nfc

MAX_NOTE_CHARS = 10_000
PAGE_SIZE = 200
SEARCH_CAP = 1000
QUEUE_COLUMNS = (Complaint.code, Complaint.subject, Complaint.status, Complaint.channel,
                 Complaint.queue_code, Queue.name, Complaint.created_at, Complaint.due_at,
                 Assignment.username)
ANSWERED_BY = ("call", "in_person", "lookup")
# Citizens who read an answer by looking their code up in a chat: the files staff send
# with it reach them as signed download links in the answer's text.
LINKED_CHANNELS = frozenset({Channel.WEB.value, Channel.CHAT.value})
FINISHED_VALUES = (Status.ANSWERED.value, Status.CLOSED.value, Status.REJECTED.value)
DUE_SOON_WORKING_DAYS = 2
# The queue's views, in the order the page shows them, with their Vietnamese names.
VIEWS_VI = {"open": "Cần xử lý", "mine": "Của tôi", "unassigned": "Chưa ai nhận",
            "today": "Mới hôm nay", "due_soon": "Sắp đến hạn", "overdue": "Quá hạn",
            "finished": "Đã kết thúc", "all": "Tất cả"}
# Views made of statuses only: counted from one count per status.
STATUS_VIEWS = {"open": frozenset(OPEN_VALUES), "finished": frozenset(FINISHED_VALUES),
                "all": frozenset(s.value for s in Status)}
# Views that hold a large share of all complaints (read in the sort column's order).
BROAD_VIEWS = frozenset({"open", "unassigned", "finished", "all"})
# Sortable columns: name → (column, how the page names it).
SORTS = {"due": Complaint.due_at, "received": Complaint.created_at, "code": Complaint.code,
         "status": Complaint.status, "unit": Queue.name}


class AccessDenied(SenderError):
    """The complaint belongs to a queue this person does not work."""

    message_vi = "Bạn không có quyền xem phản ánh của đơn vị khác."


@dataclass(frozen=True)
class QueueFilter:
    """What the queue page lists: a view (``VIEWS_VI``), filters, a search text and the
    sort column (``SORTS``). A search looks through every status unless a view is
    chosen; ``overdue`` is the old checkbox, the same as the "overdue" view."""

    status: Status | None = None
    channel: Channel | None = None
    overdue: bool = False
    text: str = ""
    view: str = ""
    sort: str = "due"
    descending: bool = False

    @property
    def chosen_view(self) -> str:
        """The view in force: the one asked for, else overdue/all/open by the filters."""
        if self.view in VIEWS_VI:
            return self.view
        if self.overdue:
            return "overdue"
        return "all" if self.text.strip() or self.status else "open"


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
    """One line of the queue page (``subject``: the short subject)."""

    code: str
    subject: str
    status: str
    channel: str
    queue_code: str | None
    due_at: datetime | None
    overdue: bool
    assignee: str | None
    queue_name: str | None = None
    created_at: datetime | None = None
    full_subject: str = ""
    deadline: Deadline | None = None


@dataclass(frozen=True)
class QueuePage:
    """The queue page: the rows of the chosen view and the count of every view
    (within the filters and the search)."""

    rows: list[QueueRow]
    counts: dict[str, int]
    total: int
    capped: bool = False  # a text search stopped at SEARCH_CAP matches
    views: dict[str, int] = field(default_factory=dict)


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
    citizen: CitizenPanel | None = None
    deliveries: list[DeliveryView] = field(default_factory=list)
    history: list[HistoryLine] = field(default_factory=list)
    unit_names: dict[str, str] = field(default_factory=dict)
    deadline: Deadline | None = None
    finished: bool = False


@dataclass(frozen=True)
class CitizenPanel:
    """Who wrote: the contact staff may use, and their other complaints (the ones the
    member of staff may see), found by the same phone, e-mail or chat."""

    name: str | None
    phone: str | None
    email: str | None
    channel: str
    reply_channel: str
    reachable: bool  # an answer is pushed (e-mail, Telegram); else staff call back
    others: list[QueueRow] = field(default_factory=list)


@dataclass(frozen=True)
class DeliveryView:
    """One message sent (or to send) to the citizen and its real state in the outbox."""

    purpose: str
    channel: str
    recipient: str
    status: str  # pending, sent, failed
    attempts: int
    error: str | None
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True)
class HistoryLine:
    """One line of the complaint's history, in Vietnamese."""

    at: datetime
    kind: str
    what: str
    actor: str
    reason: str | None
    link: str | None = None  # the code of a merged complaint


class StaffService:
    """The console's services, on top of ``IntakeService``."""

    def __init__(self, intake: IntakeService) -> None:
        self.intake = intake
        self.db = intake.db

    # -- queue ----------------------------------------------------------------------
    def queue(self, who: StaffIdentity, wanted: QueueFilter, now: datetime | None = None,
              limit: int = PAGE_SIZE) -> QueuePage:
        """The complaints of ``who``'s queues in the chosen view, sorted, with the
        count of every view and of every status.

        A search (``intake.services.search``) is done in one pass that stops after
        ``SEARCH_CAP`` matches (by due date): the counts are then exact up to that cap
        and the page says "more than".
        """
        moment = now or utcnow()
        scope = self._scoped(select(*QUEUE_COLUMNS).outerjoin(
            Assignment, Assignment.complaint_id == Complaint.id).outerjoin(
            Queue, Queue.code == Complaint.queue_code), who, wanted)
        if not read_search(wanted.text).empty:
            return self._searched(scope, who, wanted, moment, limit)
        view = wanted.chosen_view
        # SQLite: the rows come in the sort column's index order (a LIMIT stops early)
        # only if the status test cannot use the status index, which SQLite would
        # otherwise prefer, sorting every open complaint (200 ms at 50,000, not 2 ms).
        # Narrow views (today, due soon, overdue, mine) are better found by their index.
        broad = view in BROAD_VIEWS and self.db.engine.dialect.name == "sqlite"
        query = scope.where(self._in_view(view, who, moment, unindexed=broad))
        if wanted.status is not None:
            query = query.where(Complaint.status == wanted.status.value)
        with self.db.reading() as session:
            by_status = self._per_status(session, who, wanted, "all", moment)
            views = self._view_counts(session, who, wanted, moment, by_status)
            counts = ({s: n for s, n in by_status.items() if s in STATUS_VIEWS[view]}
                      if view in STATUS_VIEWS else
                      self._per_status(session, who, wanted, view, moment))
            rows = [_row(values, moment) for values in session.execute(
                _sorted(query, wanted).limit(limit))]
        total = counts.get(wanted.status.value, 0) if wanted.status else sum(counts.values())
        return QueuePage(rows, counts, total, views=views)

    def _searched(self, scope: Select[Any], who: StaffIdentity, wanted: QueueFilter,
                  moment: datetime, limit: int) -> QueuePage:
        # SQLite: one scan of the folded key, then the first matches by due date (in
        # the due-date index's order a rare word would cost a lookup per complaint).
        due: Any = (func.coalesce(Complaint.due_at, None) if self.db.engine.dialect.name
                    == "sqlite" else Complaint.due_at)
        with self.db.reading() as session:
            found = [_bare_row(values, moment) for values in session.execute(
                scope.order_by(due, Complaint.id).limit(SEARCH_CAP + 1))]
        capped = len(found) > SEARCH_CAP
        found = found[:SEARCH_CAP]
        today = _today_start(moment)
        soon = _soon_end(moment)
        views = {name: sum(1 for r in found if _row_in_view(r, name, who, today, soon,
                                                            moment)) for name in VIEWS_VI}
        view = wanted.chosen_view
        found = [r for r in found if _row_in_view(r, view, who, today, soon, moment)]
        counts: dict[str, int] = {}
        for row in found:
            counts[row.status] = counts.get(row.status, 0) + 1
        if wanted.status is not None:
            found = [r for r in found if r.status == wanted.status.value]
        found.sort(key=lambda r: _sort_key(r, wanted.sort), reverse=wanted.descending)
        return QueuePage([_shown(r, moment) for r in found[:limit]], counts, len(found),
                         capped, views)

    def _per_status(self, session: Session, who: StaffIdentity, wanted: QueueFilter,
                    view: str, moment: datetime) -> dict[str, int]:
        """How many complaints of ``view`` there are per status (one GROUP BY)."""
        query = self._scoped(_with_assignee(select(Complaint.status, func.count()), view),
                             who, wanted).group_by(Complaint.status)
        if view != "all":
            query = query.where(self._in_view(view, who, moment))
        return {str(status): int(n) for status, n in session.execute(query)}

    def _view_counts(self, session: Session, who: StaffIdentity, wanted: QueueFilter,
                     moment: datetime, by_status: dict[str, int]) -> dict[str, int]:
        """Every view's count. The views made of statuses are sums of ``by_status``; the
        others are one small COUNT each, served by an index (status + due date, status +
        creation date, the assignments by username)."""
        if wanted.status is not None:
            by_status = {s: n for s, n in by_status.items() if s == wanted.status.value}
        counts = {name: sum(n for s, n in by_status.items() if s in statuses)
                  for name, statuses in STATUS_VIEWS.items()}
        for name in ("mine", "assigned", "today", "due_soon", "overdue"):
            query = self._scoped(_with_assignee(select(func.count()).select_from(
                Complaint), name), who, wanted).where(self._in_view(name, who, moment))
            if wanted.status is not None:
                query = query.where(Complaint.status == wanted.status.value)
            counts[name] = int(session.scalar(query) or 0)
        counts["unassigned"] = counts["open"] - counts.pop("assigned")
        return {name: counts[name] for name in VIEWS_VI}

    def _in_view(self, view: str, who: StaffIdentity, now: datetime,
                 unindexed: bool = False) -> Any:
        """The SQL condition of one view (``unindexed``: the status tested through an
        expression, so that the database does not pick the status index)."""
        status: Any = func.coalesce(Complaint.status, "") if unindexed else Complaint.status
        open_ = status.in_(OPEN_VALUES)
        running = status.in_(RUNNING_VALUES)
        conditions: dict[str, Any] = {
            "open": open_,
            "mine": and_(open_, Assignment.username == who.username),
            "unassigned": and_(open_, Assignment.username.is_(None)),
            "assigned": and_(open_, Assignment.username.is_not(None)),
            "today": and_(open_, Complaint.created_at >= _today_start(now)),
            "due_soon": and_(running, Complaint.due_at >= now,
                             Complaint.due_at < _soon_end(now)),
            "overdue": and_(running, Complaint.due_at < now),
            "finished": status.in_(FINISHED_VALUES),
            "all": true(),
        }
        return conditions[view]

    def _scoped(self, query: Select[Any], who: StaffIdentity,
                wanted: QueueFilter) -> Select[Any]:
        if not who.sees_all:
            query = query.where(Complaint.queue_code.in_(who.queues or ("",)))
        if wanted.channel is not None:
            query = query.where(Complaint.channel == wanted.channel.value)
        terms = read_search(wanted.text)
        if not terms.empty:
            query = query.where(matches(terms))
        return query

    def reply_templates(self, view: ComplaintView) -> list[ReplyTemplate]:
        """The composer's ready answers for this complaint's unit."""
        with self.db.reading() as session:
            kind = session.scalar(select(Queue.kind).where(Queue.code == view.queue_code))
        return reply_templates(view.code, view.queue_code, view.queue_name, kind)

    def unit_names(self) -> dict[str, str]:
        """Every unit's name by code (retired ones too: old complaints name them)."""
        with self.db.reading() as session:
            return {code: name for code, name in session.execute(
                select(Queue.code, Queue.name))}

    # -- one complaint ----------------------------------------------------------------
    def detail(self, who: StaffIdentity, code: str) -> ComplaintDetail:
        """The complaint page's content; ``AccessDenied`` (audited) outside one's queues."""
        self._check(who, code, "view")
        view = self.intake.get(code)
        with self.db.reading() as session:
            complaint = _complaint(session, code)
            by_staff = _staff_attachment_ids(session, complaint.id)
            attachments = [AttachmentView(a.id, complaint.code, a.sha256, a.filename,
                                          a.content_type, a.size, a.caption,
                                          a.id in by_staff)
                           for a in session.scalars(select(Attachment).where(
                               Attachment.complaint_id == complaint.id).order_by(Attachment.id))]
            assignee = session.scalar(select(Assignment.username).where(
                Assignment.complaint_id == complaint.id))
            queues = [(q.code, q.name) for q in session.scalars(
                select(Queue).where(Queue.active.is_(True)).order_by(Queue.name))]
            overdue = _overdue(complaint, utcnow())
            kind = session.scalar(select(ComplaintKind.kind).where(
                ComplaintKind.complaint_id == complaint.id))
            citizen = self._citizen(session, who, complaint)
            deliveries = [DeliveryView(o.purpose or "", o.channel, o.recipient, o.status,
                                       o.attempts, o.last_error, o.created_at, o.sent_at)
                          for o in session.scalars(select(Outbox).where(
                              Outbox.complaint_id == complaint.id).order_by(Outbox.id))]
        kinds = [(k.code, k.label_vi, k.working_days) for k in due_rules().values()]
        names = self.unit_names()
        events = self.intake.events(code)
        shown = replace(view, routing_reasons=tuple(
            with_unit_names(r, names) for r in view.routing_reasons))
        return ComplaintDetail(
            shown, self.intake.messages(code), attachments, events, assignee, overdue,
            queues, kind, kinds, citizen, deliveries, _history(events, names), names,
            deadline(view.due_at, view.status, utcnow()),
            view.status in (Status.CLOSED.value, Status.REJECTED.value))

    def _citizen(self, session: Session, who: StaffIdentity,
                 complaint: Complaint) -> CitizenPanel:
        """The citizen panel: contact and up to ten other complaints of theirs."""
        same = []
        if complaint.citizen_phone:
            same.append(Complaint.citizen_phone == complaint.citizen_phone)
        if complaint.citizen_email:
            same.append(Complaint.citizen_email == complaint.citizen_email)
        if complaint.reply_address:
            same.append(and_(Complaint.reply_channel == complaint.reply_channel,
                             Complaint.reply_address == complaint.reply_address))
        others: list[QueueRow] = []
        if same:
            query = select(*QUEUE_COLUMNS).outerjoin(
                Assignment, Assignment.complaint_id == Complaint.id).outerjoin(
                Queue, Queue.code == Complaint.queue_code).where(
                or_(*same), Complaint.id != complaint.id)
            if not who.sees_all:
                query = query.where(Complaint.queue_code.in_(who.queues or ("",)))
            now = utcnow()
            others = [_row(values, now) for values in session.execute(
                query.order_by(Complaint.created_at.desc()).limit(10))]
        email = complaint.citizen_email or (
            complaint.reply_address if complaint.reply_channel == Channel.EMAIL.value else None)
        return CitizenPanel(
            complaint.citizen_name, complaint.citizen_phone, email, complaint.channel,
            complaint.reply_channel,
            push_channel(complaint.reply_channel, complaint.reply_address) is not None,
            others)

    def attachment(self, who: StaffIdentity, code: str, attachment_id: int) -> AttachmentView:
        """One attachment of a complaint ``who`` may see."""
        self._check(who, code, "attachment")
        with self.db.reading() as session:
            complaint = _complaint(session, code)
            row = session.get(Attachment, attachment_id)
            if row is None or row.complaint_id != complaint.id:
                raise ComplaintNotFound("no such attachment")
            return AttachmentView(row.id, complaint.code, row.sha256, row.filename,
                                  row.content_type, row.size, row.caption)

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

    def reply(self, who: StaffIdentity, code: str, text: str, answered_by: str = "",
              files: Sequence[ReplyFile] = ()) -> str:
        """Answer the citizen: an outbound message, pushed on their channel.

        Returns how it is delivered: ``email``, ``telegram`` or ``none`` (web chat,
        hotline, desk: nothing reaches them). For those, ``answered_by`` records how
        staff gave the answer (``call``: called back, ``in_person``: at the desk,
        ``lookup``: the citizen reads it with their code) on the ``reply`` event.
        ``files`` (checked first: ``ReplyFileRefused``) are stored raw, become the
        complaint's attachments added by staff, and travel with the queued message.
        """
        body = _required(text, "Nội dung trả lời")
        if answered_by and answered_by not in ANSWERED_BY:
            raise ValidationError(f"unknown answered_by {answered_by!r}",
                                  "Cách trả lời không hợp lệ.")
        check_reply_files(files)
        self._check(who, code, "act on")  # before any byte is stored
        stored = store_reply_files(attachment_store(self.intake.settings, self.db), files)
        with self._acting(who, code) as (session, complaint):
            attached = attach_staff_files(session, complaint, stored, who.actor)
            self.intake.add_message(complaint.code, Direction.OUTBOUND,
                                    self._with_links(complaint, body, stored, attached),
                                    Channel(complaint.reply_channel), who.actor,
                                    sender=who.actor, session=session)
            delivery = self._push(session, complaint, Purpose.ANSWER, templates.answer(
                complaint.code, label_vi(Status.ANSWERED.value), body), attached)
            data: dict[str, Any] = {"delivery": delivery}
            if delivery == "none" and answered_by:
                data["answered_by"] = answered_by
            if attached:
                data["attachments"] = attached
            _event(session, complaint, "reply", who, None, data)
            if complaint.status != Status.ANSWERED and \
                    can_move(Status(complaint.status), Status.ANSWERED):
                self._move(session, complaint, Status.ANSWERED, who)
            return delivery

    def _with_links(self, complaint: Complaint, body: str, stored: Sequence[StoredFile],
                    attached: Sequence[int]) -> str:
        """The answer as kept in the thread. A web-chat citizen reads it by looking up
        their code (nothing is pushed to them), so the files follow as signed download
        links; a pushed answer carries the files themselves, a phone or desk citizen got
        them from staff."""
        if not attached or complaint.reply_channel not in LINKED_CHANNELS:
            return body
        links = [f"- {file.filename}: {file_link(self.intake.settings, complaint.code, i)}"
                 for file, i in zip(stored, attached, strict=True)]
        return "\n".join([body, "", "Tệp kèm theo (tải về):", *links])

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
        the citizen of the duplicate is told which code to follow. A target code that
        is malformed or matches nothing is a ``ValidationError`` naming it (the form
        keeps what was typed)."""
        try:
            target_code = parse_code(into)
        except InvalidTrackingCode as exc:
            raise ValidationError("merge target malformed", f"Mã phản ánh cần gộp vào "
                                  f"“{nfc(into).strip()[:40]}” không đúng định dạng "
                                  "PA-XXXXXXXX.") from exc
        with self.db.reading() as session:
            if session.scalar(select(Complaint.id).where(
                    Complaint.code == target_code)) is None:
                raise ValidationError("merge target not found",
                                      f"Không tìm thấy phản ánh {target_code} để gộp vào.")
        self._check(who, target_code, "merge into")
        self._check(who, code, "act on")
        # a deadlock with another unit of work locking the pair (PostgreSQL ends one of
        # the two) is not the staff's problem: the merge runs again
        retry_on_lock_conflict(lambda: self._merge_locked(who, code, target_code, reason))

    def _merge_locked(self, who: StaffIdentity, code: str, target_code: str,
                      reason: str) -> None:
        """``merge``'s unit of work: both complaints and the duplicates already merged
        into ``code`` locked (in code order, in one statement), checked again under the
        locks, the duplicate closed and its citizen told."""
        with self.db.transaction() as session:
            _lock_pair_and_duplicates(session, code, target_code)
            # already locked: read as committed under the lock, whichever comes first
            duplicate = _still_theirs(who, _complaint(session, code, for_update=True))
            target = _still_theirs(who, _complaint(session, target_code, for_update=True))
            if target.id == duplicate.id:
                raise ValidationError("merge into itself", "Không thể gộp phản ánh vào chính nó.")
            followed = _merged_into(session, target)
            if followed is not None:
                raise ValidationError("merge target merged away",
                                      f"Phản ánh {target.code} đã được gộp vào {followed}: "
                                      f"hãy gộp vào {followed}.")
            why = nfc(reason).strip() or None
            self._move(session, duplicate, Status.CLOSED, who, why)
            _event(session, duplicate, "merged", who, why, {"into": target.code})
            _event(session, target, "merged_from", who, why, {"from": duplicate.code})
            self._push(session, duplicate, Purpose.MERGED, templates.merged(
                duplicate.code, label_vi(Status.CLOSED.value), target.code))
            self._move_duplicates(session, who, duplicate, target)

    def _move_duplicates(self, session: Session, who: StaffIdentity, merged: Complaint,
                         target: Complaint) -> None:
        """The complaints still closed as duplicates of ``merged`` now follow ``target``
        (``merged`` was just merged into it): an event on each and on ``target``, so no
        duplicate points at a closed duplicate and ``target`` lists them all. Their
        status does not change, so their citizens (told once, when their complaint was
        closed) are not told again. They were locked with the pair; one merged into
        ``merged`` in the moment before that is locked now (a deadlock with a unit of
        work holding it is resolved by the merge's retry)."""
        followers = _duplicates_of(session, merged.id)
        lock_in_code_order(session, followers)
        why = f"Phản ánh {merged.code} được gộp vào {target.code}"
        for code in sorted(followers):
            follower = _complaint(session, code, for_update=True)
            if _merged_into(session, follower) != merged.code:
                continue  # reopened (or merged elsewhere) since
            _event(session, follower, "merged", who, why,
                   {"into": target.code, "via": merged.code})
            _event(session, target, "merged_from", who, why,
                   {"from": follower.code, "via": merged.code})

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
              letter: Letter, attachment_ids: Sequence[int] = ()) -> str:
        """Queue ``letter`` (with the complaint's attachments ``attachment_ids``) to the
        citizen on their channel; the channel used, or ``none`` (web chat, hotline: no
        push)."""
        channel = push_channel(complaint.reply_channel, complaint.reply_address)
        if channel is None or complaint.reply_address is None:
            return "none"
        enqueue(session, Outgoing(channel, complaint.reply_address, purpose, letter,
                                  complaint.id, complaint.code,
                                  attachment_ids=tuple(attachment_ids)),
                self.intake.settings.mail_domain)
        return channel.value

    @contextmanager
    def _acting(self, who: StaffIdentity, code: str) -> Iterator[tuple[Session, Complaint]]:
        """One action's transaction and complaint row, after the access check."""
        self._check(who, code, "act on")
        with self.db.transaction() as session:
            yield session, _still_theirs(who, _complaint(session, code, for_update=True))


def _staff_attachment_ids(session: Session, complaint_id: int) -> set[int]:
    """The complaint's attachments staff added (with an answer): their ``attachment``
    events name a member of staff."""
    return {int(data["attachment_id"]) for data in session.scalars(
        select(Event.data).where(Event.complaint_id == complaint_id,
                                 Event.kind == "attachment",
                                 Event.actor.like("staff:%")))
            if isinstance(data, dict) and "attachment_id" in data}


def _complaint(session: Session, code: str, for_update: bool = False) -> Complaint:
    return complaint_by_code(session, code, for_update=for_update)


def _still_theirs(who: StaffIdentity, complaint: Complaint) -> Complaint:
    """``complaint``, locked, if it is still in ``who``'s queues: the access check ran
    before the lock, and a transfer may have taken it away since."""
    if not who.may_see(complaint.queue_code):
        raise AccessDenied(f"{who.username} may no longer act on {complaint.code}")
    return complaint


def _lock_pair_and_duplicates(session: Session, code: str, target_code: str) -> None:
    """Lock the pair of a merge and the complaints already merged into ``code`` in one
    statement, in code order: a mail batch filing replies to several of them locks in
    the same order, so the two wait for each other instead of deadlocking."""
    canonical = parse_code(code)
    merged_id = session.scalar(select(Complaint.id).where(Complaint.code == canonical))
    followers = _duplicates_of(session, merged_id) if merged_id is not None else set()
    lock_in_code_order(session, {canonical, parse_code(target_code), *followers})


def _duplicates_of(session: Session, complaint_id: int) -> set[str]:
    """The codes of the complaints ever merged into the complaint ``complaint_id`` (its
    ``merged_from`` events); whether each still is its duplicate is ``_merged_into``'s
    to say."""
    return {str(data["from"]) for data in session.scalars(select(Event.data).where(
        Event.complaint_id == complaint_id, Event.kind == "merged_from"))
        if isinstance(data, dict) and data.get("from")}


def _merged_into(session: Session, complaint: Complaint) -> str | None:
    """The code ``complaint`` was merged into, while it stays closed as that duplicate
    (merging into it would make a chain, or a circle): its last status step was the
    merge's. ``None`` otherwise (never merged, or reopened or resolved since)."""
    if complaint.status != Status.CLOSED.value:
        return None
    last = session.execute(select(Event.kind, Event.data).where(
        Event.complaint_id == complaint.id, Event.kind.in_(("merged", "status")))
        .order_by(Event.id.desc()).limit(1)).first()
    if last is None or last.kind != "merged" or not isinstance(last.data, dict):
        return None
    return str(last.data.get("into") or "") or None


def _row(values: Any, now: datetime) -> QueueRow:
    return _shown(_bare_row(values, now), now)


def _bare_row(values: Any, now: datetime) -> QueueRow:
    """A row as read, without the words a page shows (a search reads up to a thousand
    rows to count them and shows two hundred)."""
    code, subject, status, channel, queue, queue_name, created, due, assignee = values
    return QueueRow(code, subject, status, channel, queue, due, _is_overdue(due, status, now),
                    assignee, queue_name, created, subject)


def _shown(row: QueueRow, now: datetime) -> QueueRow:
    """The row with its short subject and its deadline in words."""
    return replace(row, subject=short_subject(row.full_subject, row.channel),
                   deadline=deadline(row.due_at, row.status, now))


def _history(events: list[EventView], names: dict[str, str]) -> list[HistoryLine]:
    """The audit trail as the page shows it: Vietnamese, unit names, who."""
    lines = []
    for e in events:
        link = e.data.get("into") if e.kind == "merged" else (
            e.data.get("from") if e.kind == "merged_from" else None)
        reason = with_unit_names(e.reason, names) if e.reason else None
        lines.append(HistoryLine(e.at, e.kind, event_vi(e, names), actor_vi(e.actor), reason,
                                 str(link) if link else None))
    return lines


def _with_assignee(query: Select[Any], view: str) -> Select[Any]:
    """``query`` joined to the assignments when ``view`` tests them (an inner join for
    the assigned ones: SQLite then starts from the assignments, indexed by username)."""
    if view in ("mine", "assigned"):
        return query.join(Assignment, Assignment.complaint_id == Complaint.id)
    if view == "unassigned":
        return query.outerjoin(Assignment, Assignment.complaint_id == Complaint.id)
    return query


def _sorted(query: Select[Any], wanted: QueueFilter) -> Select[Any]:
    column = SORTS.get(wanted.sort, Complaint.due_at)
    first = column.desc() if wanted.descending else column.asc()
    return query.order_by(first, Complaint.id.desc() if wanted.descending else Complaint.id)


def _sort_key(row: QueueRow, sort: str) -> tuple[Any, ...]:
    far = datetime.max.replace(tzinfo=UTC)
    keys: dict[str, Any] = {"due": row.due_at or far, "received": row.created_at or far,
                            "code": row.code, "status": row.status,
                            "unit": row.queue_name or ""}
    return (keys.get(sort, keys["due"]), row.code)


def _today_start(now: datetime) -> datetime:
    """Midnight of today in Vietnam, as UTC."""
    return datetime.combine(now.astimezone(VIETNAM).date(), time(0),
                            tzinfo=VIETNAM).astimezone(UTC)


def _soon_end(now: datetime) -> datetime:
    """The end of the day ``DUE_SOON_WORKING_DAYS`` working days from today (Vietnam)."""
    last = add_working_days(now.astimezone(VIETNAM).date(), DUE_SOON_WORKING_DAYS)
    return datetime.combine(last + timedelta(days=1), time(0), tzinfo=VIETNAM).astimezone(UTC)


def _row_in_view(row: QueueRow, view: str, who: StaffIdentity, today: datetime,
                 soon: datetime, now: datetime) -> bool:
    """``_in_view`` for a row already read (the search's single pass)."""
    is_open = row.status in OPEN_VALUES
    running = row.status in RUNNING_VALUES
    due = row.due_at
    tests = {
        "open": is_open, "mine": is_open and row.assignee == who.username,
        "unassigned": is_open and row.assignee is None,
        "today": is_open and row.created_at is not None and row.created_at >= today,
        "due_soon": running and due is not None and now <= due < soon,
        "overdue": running and due is not None and due < now,
        "finished": row.status in FINISHED_VALUES, "all": True,
    }
    return tests[view]


def _overdue(complaint: Complaint, now: datetime) -> bool:
    return _is_overdue(complaint.due_at, complaint.status, now)


def _is_overdue(due: datetime | None, status: str, now: datetime) -> bool:
    """Past due while the clock runs (not when waiting for the citizen or finished)."""
    return bool(due and due < now and status in RUNNING_VALUES)


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
