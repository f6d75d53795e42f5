"""Complaint services: create, add a message, route, change status, look up.

Each public method is one unit of work (one transaction) and validates its input,
raising the typed errors of ``intake.errors``. Creating is idempotent on the edge's
``external_id`` (a Rasa event id, a mail Message-ID …): calling twice returns the first
complaint, so a retried action or a re-fetched mail never files a duplicate.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from intake.codes import new_code
from intake.config import Settings
from intake.contacts import Contact
from intake.db import Database
from intake.deadlines import due_at
from intake.errors import (
    ComplaintFinished,
    NotYourComplaint,
    UnknownQueue,
    ValidationError,
)
from intake.models import (
    Channel,
    Complaint,
    ComplaintKind,
    Direction,
    Event,
    Message,
    Queue,
    Status,
    search_key_of,
    utcnow,
)
from intake.org.data_files import default_province_name, default_triage_queue
from intake.org.places import PlaceIndex
from intake.org.province import Province, current_name
from intake.routing.decision import Router
from intake.routing.service import RoutingCache
from intake.routing.types import RoutingDecision, RoutingInput
from intake.rows import RowBatch, add_event
from intake.services.attachments import held_location, take_held_safely
from intake.services.kinds import due_rules
from intake.services.lifecycle import Lifecycle, require_move
from intake.services.lookup import complaint_by_code, lock_in_code_order
from intake.services.satisfaction import Satisfaction
from intake.services.status import StatusAnswer, answer_for, is_owner
from intake.services.views import AttachedPending, ComplaintView, EventView, MessageView
from intake.text import clean, has_letters_or_digits, nfc, unit_name

log = logging.getLogger(__name__)
WARM_UP_TEXT = "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất nộp ở xã đã quá hạn"

MAX_TEXT_CHARS = 20_000
# The complaint's and its first message's INSERTs, built once: building the statement and
# its cache key costs about as much as running it (≈ 30 µs each, twice per complaint).
INSERT_COMPLAINT = insert(Complaint).returning(Complaint.id)
INSERT_MESSAGE = insert(Message).returning(Message.id)
MAX_LOCATION_CHARS = 255


@dataclass(frozen=True)
class NewComplaint:
    """What an edge knows when a citizen files a complaint."""

    channel: Channel
    text: str
    reply_channel: Channel
    reply_address: str | None = None
    location_text: str | None = None
    procedure_code: str | None = None
    procedure_queue: str | None = None
    procedure_name: str | None = None
    contact: Contact = field(default_factory=Contact)
    subject: str | None = None
    sender: str | None = None
    external_id: str | None = None
    coordinates: tuple[float, float] | None = None  # a Telegram location (lat, lon)
    signature_text: str | None = None  # an e-mail signature (its address is a place hint)
    # A chat's files and map position sent while the form was being filled are held
    # under ``sender``; with this flag they become the complaint's in its own transaction.
    take_held: bool = False


def check_complaint_text(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """The complaint text as it will be stored (NFC, trimmed), or ``ValidationError``
    with the Vietnamese reason: one rule for every channel (chat, mail, console, API)."""
    body = nfc(text).strip()
    if not body or not has_letters_or_digits(body):
        raise ValidationError("empty complaint text",
                              "Nội dung phản ánh đang trống. Vui lòng mô tả sự việc bằng chữ.")
    if len(body) > limit:
        raise ValidationError(f"complaint text of {len(body)} chars exceeds {limit}",
                              f"Nội dung quá dài (tối đa {limit:,} ký tự). "
                              "Vui lòng rút gọn hoặc gửi qua email.".replace(",", "."))
    return body


def _subject_of(text: str) -> str:
    first = clean(text)
    return first if len(first) <= 120 else first[:117].rstrip() + "…"


class IntakeService:
    """The complaint services over one database."""

    def __init__(self, db: Database, settings: Settings, triage_queue: str | None = None):
        self.db = db
        self.settings = settings
        self.triage_queue = triage_queue or default_triage_queue()
        # places and router, rebuilt when the organisation's version moves (any process)
        self.routing = RoutingCache(db, settings, self.triage_queue)
        self.lifecycle = Lifecycle(settings.mail_domain, Satisfaction(db, settings))

    # -- the province ---------------------------------------------------------------
    def province(self, session: Session | None = None) -> Province:
        """The province as the organisation in force names it (``intake.org.province``):
        ``PAKN_PROVINCE_NAME`` when set, else the name the last organisation load or
        change wrote, else the shipped data's. Read each time (one small indexed query),
        so an organisation change applied by another process shows at once; with
        ``session``, in the caller's transaction (no connection of its own)."""
        if self.settings.province_name:
            return Province.parse(self.settings.province_name)
        with self._unit(session, write=False) as unit:
            name = current_name(unit)
        return Province.parse(name or default_province_name())

    # -- places -------------------------------------------------------------------
    def places(self) -> PlaceIndex:
        """The commune/district index: today's places and their former names (cached;
        ``intake.org.gazetteer``), following organisation changes like ``router``."""
        return self.routing.places()

    def router(self) -> Router:
        """The routing engine over the organisation in force: kept while the
        organisation's version stays the same, rebuilt when an organisation change (by
        any process, on any machine) moved it; the version is read at most every
        ``PAKN_ORG_CHECK_SECONDS`` (``intake.routing.service.RoutingCache``)."""
        return self.routing.router()

    def warm_up_routing(self) -> None:
        """Load routing now (organisation, catalog index, classifier: trained here when the
        stored one is stale), so that a worker's first complaint after a start is not the
        request that waits for it. It never raises: loading ahead is a convenience, and
        the mail worker, its ingest processes and the action server call it before they
        serve, so an error here must not stop them from starting. A database or file that
        is not there now is a warning; bad routing data (``IntakeError``: an operator's
        fix) or a bug an error with its trace (the text routed is a constant, no
        citizen's words). Either way the first complaint tries again, and goes to triage
        if routing still fails (``_route_safely``)."""
        try:
            self.router().route(RoutingInput(WARM_UP_TEXT))
        except (OperationalError, InterfaceError, OSError) as exc:
            log.warning("routing not loaded ahead (%s); the first complaint will load it",
                        type(exc).__name__)
        except Exception as exc:  # the boundary that lets a server start without routing
            log.error("routing not loaded ahead (%s: bad routing data or a bug); the first "
                      "complaint will try again, else go to triage", type(exc).__name__,
                      exc_info=True)

    def routing_held(self) -> AbstractContextManager[None]:
        """Route a batch with one look at the organisation's version (see
        ``RoutingCache.held``): the mail pipeline routes a claimed batch inside it.

        What it promises, exactly: this thread reads the version once, on entry, and
        not again inside. It does not pin the router: another thread of the process
        that looks at the version (its own ``router()`` outside a hold) may find it
        moved and replace the cached router meanwhile, and this thread's next
        decision then uses the new one. Each decision is still made by one whole
        router, built from a committed organisation (never from a change in
        progress), but two messages of one batch may be routed by two routers when an
        organisation change lands during the batch."""
        return self.routing.held()

    def reset_routing(self) -> None:
        """Forget the cached places and router (after an organisation change made by
        this process: built again at once, without waiting for the next check)."""
        self.routing.reset()

    # -- create -------------------------------------------------------------------
    def create_complaint(self, new: NewComplaint, actor: str,
                         session: Session | None = None, *,
                         unseen: bool = False,
                         decision: RoutingDecision | None = None,
                         later: RowBatch | None = None) -> ComplaintView:
        """File a complaint, route it, and record who did it; idempotent on external_id.

        With ``session`` the work joins the caller's transaction (the mail pipeline files
        the complaint, its ingest record and its acknowledgement as one unit); without
        it, this is its own transaction.

        ``unseen`` (with ``session``): the caller has just found no record of
        ``external_id`` in its own table, written in the same transactions as ours (the
        mail pipeline's dedup key), so neither the look-up by external id nor the check
        that the drawn tracking code is free is run: two statements fewer per message.
        The unique indexes on (channel, external id) and on the code still hold; a
        conflict (a race with another process, a code drawn twice) raises
        ``IntegrityError`` and the caller runs its transaction again.

        ``decision``: the routing decision ``routing_decision(new)`` gave before the
        caller's transaction began (the mail pipeline routes a batch before it takes the
        database's write lock); else routing runs here.

        ``later`` (with ``session``): the complaint's kind and its two events are added
        to the caller's batch of rows, written together before its commit (``RowBatch``),
        instead of being inserted here.
        """
        text = check_complaint_text(new.text)
        location = clean(new.location_text) if new.location_text else None
        if location and len(location) > MAX_LOCATION_CHARS:
            raise ValidationError("location too long", "Địa điểm quá dài, vui lòng ghi ngắn gọn.")
        unseen = unseen and session is not None
        if new.external_id and not unseen:
            existing = self._by_external_id(new.channel, new.external_id, session)
            if existing is not None:
                return existing
        if decision is None:
            decision = self._route_safely(RoutingInput(
                text, location, new.procedure_queue, new.procedure_name,
                coordinates=new.coordinates or self._held_position(new, session),
                signature_text=new.signature_text, subject=new.subject))
        if session is not None:
            return self._insert(session, new, text, location, decision, actor,
                                check_code=not unseen, later=later)
        try:
            with self.db.transaction() as own:
                return self._insert(own, new, text, location, decision, actor)
        except IntegrityError:
            if new.external_id:
                existing = self._by_external_id(new.channel, new.external_id)
                if existing is not None:
                    return existing
            raise

    def routing_decision(self, new: NewComplaint) -> RoutingDecision | None:
        """The decision ``create_complaint(new)`` would take, computed ahead (CPU only, no
        transaction), or ``None`` when routing must wait for the filing itself: a text or
        place that filing refuses (it says why), a position held during a chat's form."""
        if new.take_held:
            return None
        try:
            text = check_complaint_text(new.text)
        except ValidationError:
            return None
        location = clean(new.location_text) if new.location_text else None
        if location and len(location) > MAX_LOCATION_CHARS:
            return None
        return self._route_safely(RoutingInput(
            text, location, new.procedure_queue, new.procedure_name,
            coordinates=new.coordinates, signature_text=new.signature_text,
            subject=new.subject))

    def _held_position(self, new: NewComplaint, session: Session | None
                       ) -> tuple[float, float] | None:
        """The map position a chat sent during the form: routing reads it as the place
        (the nearest commune), before the held items are attached."""
        if not (new.take_held and new.sender):
            return None
        with self._unit(session, write=False) as unit:
            return held_location(unit, new.sender)

    def _route_safely(self, data: RoutingInput) -> RoutingDecision:
        """The routing decision, or the triage desk when routing itself fails (bad
        routing data, a bug): a complaint is never lost because routing broke. The
        failure is logged with its type only (the text is personal data)."""
        try:
            return self.router().route(data)
        except Exception as exc:  # the boundary that keeps the complaint
            log.error("routing failed (%s); the complaint goes to triage",
                      type(exc).__name__, exc_info=True)
            return RoutingDecision(self.triage_queue, 0.0, (
                "định tuyến tự động gặp lỗi → chuyển bộ phận tiếp nhận, phân loại",),
                "routing_error")

    def _by_external_id(self, channel: Channel, external_id: str,
                        session: Session | None = None) -> ComplaintView | None:
        with self._unit(session, write=False) as unit:
            message = unit.scalar(select(Message).where(
                Message.channel == channel.value, Message.external_id == external_id))
            return self._view(unit, message.complaint) if message else None

    @contextmanager
    def _unit(self, session: Session | None, write: bool = True) -> Iterator[Session]:
        """The caller's session when given (its transaction), else one of our own."""
        if session is not None:
            yield session
        elif write:
            with self.db.transaction() as own:
                yield own
        else:
            with self.db.reading() as own:
                yield own

    def _unused_code(self, session: Session) -> str:
        for _ in range(10):
            code = new_code()
            if session.scalar(select(Complaint.id).where(Complaint.code == code)) is None:
                return code
        raise RuntimeError("could not draw an unused tracking code in 10 tries")

    def _insert(self, session: Session, new: NewComplaint, text: str, location: str | None,
                decision: RoutingDecision, actor: str, check_code: bool = True,
                later: RowBatch | None = None) -> ComplaintView:
        """The complaint, already in its queue, its first message and the events that
        say so (the routing is decided before the row is written, so no second UPDATE).

        Core INSERTs on the session's connection, not ORM objects: the complaint's id
        comes back with its INSERT (``RETURNING``), its kind, first message (its id
        returned too, for the caller's attachments) and two events follow (one
        statement per table, the events in one), and the view is made
        from the values written; the ORM's unit of work (flush, identity map, per-object
        bookkeeping) did nothing useful here and cost about a millisecond a complaint.
        ``check_code``: look the drawn code up first (else the unique index decides)."""
        queue = self._require_queue(session, decision.queue_code)
        now = utcnow()
        values: dict[str, Any] = dict(
            code=self._unused_code(session) if check_code else new_code(),
            status=Status.ROUTED.value,
            channel=new.channel.value, queue_code=decision.queue_code,
            subject=clean(new.subject or "") or _subject_of(text),
            text=text, location_text=location, place_queue_code=decision.place_code,
            procedure_code=new.procedure_code, citizen_name=new.contact.name,
            citizen_phone=new.contact.phone, citizen_email=new.contact.email,
            reply_channel=new.reply_channel.value, reply_address=new.reply_address,
            created_at=now, updated_at=now,
            due_at=due_at(now, self._working_days(decision.kind)),
        )
        values["search_key"] = search_key_of(values)
        connection = session.connection()
        complaint_id = int(connection.execute(INSERT_COMPLAINT, values).scalar_one())
        message_id = int(connection.execute(INSERT_MESSAGE, dict(
            complaint_id=complaint_id, direction=Direction.INBOUND.value,
            channel=new.channel.value, sender=new.sender, external_id=new.external_id,
            text=text, created_at=now)).scalar_one())
        rows = later if later is not None else RowBatch()
        rows.add(ComplaintKind, dict(complaint_id=complaint_id, kind=decision.kind,
                                     set_by="system:routing", at=now))
        rows.add(Event, dict(complaint_id=complaint_id, kind="created", actor=actor,
                             reason=None, data={"channel": new.channel.value}, at=now))
        rows.add(Event, dict(complaint_id=complaint_id, kind="routed", actor="system:routing",
                             reason="; ".join(decision.reasons),
                             data=_routed_data(decision, None), at=now))
        if later is None:
            rows.keep()
            rows.write(session)
        held = AttachedPending(0, None)
        if new.take_held and new.sender:  # a chat's held files: they need the ORM row
            complaint = session.get(Complaint, complaint_id)
            assert complaint is not None
            held = take_held_safely(session, new.sender, complaint, actor)
            session.flush()
        return ComplaintView(
            code=values["code"], status=values["status"], channel=values["channel"],
            queue_code=decision.queue_code, queue_name=unit_name(queue.name),
            subject=values["subject"], text=text, location_text=location,
            place_queue_code=decision.place_code, citizen_phone=new.contact.phone,
            citizen_email=new.contact.email, reply_channel=values["reply_channel"],
            reply_address=new.reply_address, created_at=now, updated_at=now,
            due_at=values["due_at"], routing_reasons=tuple(decision.reasons),
            last_answer=None, created_now=True, attached=held, record_id=complaint_id,
            message_record_id=message_id)

    def _working_days(self, kind: str) -> int:
        """The time limit of a detected kind of submission (``PAKN_DUE_RULES``); plain
        feedback keeps the general ``PAKN_DUE_WORKING_DAYS``."""
        try:
            rules = due_rules()
        except ValidationError:
            log.error("PAKN_DUE_RULES is malformed; using PAKN_DUE_WORKING_DAYS")
            return self.settings.complaint_due_working_days
        if kind in rules and kind != "feedback":
            return rules[kind].working_days
        return self.settings.complaint_due_working_days

    # -- routing ------------------------------------------------------------------
    def _apply_routing(self, session: Session, complaint: Complaint, decision: RoutingDecision,
                       actor: str) -> None:
        previous = self.lifecycle.reroute(session, complaint, decision.queue_code, actor)
        self._routed_event(session, complaint, decision, actor, previous)

    def _routed_event(self, session: Session, complaint: Complaint, decision: RoutingDecision,
                      actor: str, previous: str | None) -> None:
        self._event(session, complaint, "routed", actor, "; ".join(decision.reasons),
                    _routed_data(decision, previous))

    def route(self, code: str, actor: str) -> RoutingDecision:
        """Route (again) a complaint by its stored text and place; records the reasons."""
        with self.db.transaction() as session:
            complaint = self._get(session, code, for_update=True)
            subject = complaint.subject if complaint.channel == Channel.EMAIL.value else None
            decision = self.router().route(RoutingInput(
                complaint.text, complaint.location_text, subject=subject))
            require_move(complaint, Status.ROUTED)
            self._require_queue(session, decision.queue_code)
            self._apply_routing(session, complaint, decision, actor)
            return decision

    def _require_queue(self, session: Session, code: str) -> Queue:
        """The active queue ``code``, read once per session: a batch of mail filed in one
        transaction reads each queue once (the session's identity map alone would not
        keep it: it holds its objects weakly)."""
        held: dict[str, Queue] = session.info.setdefault("pakn_queues", {})
        queue = held.get(code) or session.get(Queue, code)
        if queue is not None:
            held[code] = queue
        if queue is None or not queue.active:
            raise UnknownQueue(f"unknown or retired queue {code!r}")
        return queue

    # -- messages and status ------------------------------------------------------
    def add_message(self, code: str, direction: Direction, text: str, channel: Channel,
                    actor: str, sender: str | None = None, external_id: str | None = None,
                    session: Session | None = None,
                    later: RowBatch | None = None) -> MessageView:
        """Append a message to a complaint's thread (idempotent on external_id).

        ``session``: join the caller's transaction instead of committing here;
        ``later`` (with it): its event waits with the caller's batch of rows.
        """
        body = check_complaint_text(text)
        _require_session_for(later, session)
        with self._unit(session) as session:
            complaint = self._get(session, code, for_update=True)
            if external_id:
                found = session.scalar(select(Message).where(
                    Message.channel == channel.value, Message.external_id == external_id))
                if found is not None:
                    return _message_view(found)
            message = Message(complaint_id=complaint.id, direction=direction.value,
                              channel=channel.value, sender=sender, external_id=external_id,
                              text=body)
            session.add(message)
            complaint.updated_at = utcnow()
            session.flush()
            self._event(session, complaint, "message", actor, None,
                        {"direction": direction.value, "message_id": message.id}, later)
            return _message_view(message)

    def add_citizen_info(self, code: str, text: str, channel: Channel, sender: str,
                         external_id: str | None = None, *, owner_only: bool = True,
                         actor: str | None = None,
                         session: Session | None = None,
                         later: RowBatch | None = None) -> MessageView:
        """What a citizen adds to their complaint: the message in its thread and, when
        the unit was waiting for exactly this, the clock running again (status back to
        "in progress", through the life cycle). Idempotent on ``external_id``.

        ``owner_only``: a chat may add only to a complaint it wrote into or receives the
        answers of (``NotYourComplaint`` otherwise, which says nothing about the
        complaint), and not to one that is finished (``ComplaintFinished``: the citizen
        is told to file a new one); the mail pipeline, which matched the reply itself
        and keeps every reply, passes False. ``later`` (with ``session``): the events
        wait with the caller's batch of rows (``RowBatch``), after its earlier ones."""
        who = actor or f"citizen:{channel.value}"
        _require_session_for(later, session)
        with self._unit(session) as unit:
            complaint = self._get(unit, code, for_update=True)
            if owner_only:
                senders = {m.sender for m in complaint.messages if m.sender}
                if not is_owner(self._view(unit, complaint), sender, senders):
                    raise NotYourComplaint("sender does not own the complaint")
                if complaint.status in (Status.CLOSED.value, Status.REJECTED.value):
                    raise ComplaintFinished("the complaint is finished")
            if external_id and unit.scalar(select(Message.id).where(
                    Message.channel == channel.value, Message.external_id == external_id)):
                return self.add_message(code, Direction.INBOUND, text, channel, actor=who,
                                        sender=sender, external_id=external_id,
                                        session=unit)  # a replay: the message as stored
            message = self.add_message(code, Direction.INBOUND, text, channel,
                                       actor=who, sender=sender,
                                       external_id=external_id, session=unit, later=later)
            if complaint.status == Status.WAITING_FOR_CITIZEN.value:
                self.lifecycle.move(unit, complaint, Status.IN_PROGRESS, who,
                                    "Công dân đã bổ sung thông tin", notify=False,
                                    later=later)
            return message

    # -- for intake's own pipelines, inside their transaction ----------------------------
    def record_event(self, session: Session, complaint_id: int, kind: str, actor: str,
                     reason: str | None, data: dict[str, Any],
                     at: datetime | None = None, later: RowBatch | None = None) -> None:
        """An audit event on a complaint, in the caller's transaction (the mail pipeline
        links a message to a complaint, notes a bounce or a scanned letter …);
        ``later``: it waits with the caller's batch of rows, after the events added
        there before it (a batch-filed complaint's "created" and "routed")."""
        add_event(session, later, complaint_id, kind, actor, reason, data, at)

    def lock_in_code_order(self, session: Session, codes: Collection[str]) -> None:
        """Lock the complaints ``codes`` in the caller's transaction, in one order (by
        code) before it changes any of them (``lookup.lock_in_code_order``): the mail
        batch, for the complaints its replies are filed on."""
        lock_in_code_order(session, codes)

    def record_id_of(self, session: Session, code: str) -> int | None:
        """The row id of the complaint ``code`` (None if there is none)."""
        return session.scalar(select(Complaint.id).where(Complaint.code == code))

    def message_id_of(self, session: Session, channel: Channel,
                      external_id: str) -> int | None:
        """The id of the message an edge stored under ``external_id``."""
        return session.scalar(select(Message.id).where(
            Message.channel == channel.value, Message.external_id == external_id))

    def email_owner(self, code: str) -> str | None:
        """The e-mail address that owns the complaint ``code``: where its answers go by
        e-mail, else the contact the citizen gave (lower case); None if none."""
        with self.db.reading() as session:
            row = session.execute(select(Complaint.reply_channel, Complaint.reply_address,
                                         Complaint.citizen_email).where(
                Complaint.code == code)).first()
        if row is None:
            return None
        channel, reply_address, email = row
        if channel == Channel.EMAIL.value and reply_address:
            return str(reply_address).lower()
        return str(email or "").lower()

    def change_status(self, code: str, status: Status, actor: str,
                      reason: str | None = None) -> ComplaintView:
        """Move a complaint along its life cycle (``Lifecycle.move``: the event, the
        clock, the citizen told when it matters); one transaction."""
        with self.db.transaction() as session:
            complaint = self._get(session, code, for_update=True)
            self.lifecycle.move(session, complaint, status, actor, reason)
            return self._view(session, complaint)

    # -- look-ups -----------------------------------------------------------------
    def get(self, code: str, session: Session | None = None) -> ComplaintView:
        """A complaint by tracking code as typed by a person (forgiving format)."""
        with self._unit(session, write=False) as unit:
            return self._view(unit, self._get(unit, code))

    def _get(self, session: Session, code: str, for_update: bool = False) -> Complaint:
        return complaint_by_code(session, code, for_update=for_update)

    def status_for(self, code: str, sender: str) -> StatusAnswer:
        """What ``sender`` may learn of the complaint ``code`` (see
        ``intake.services.status``); ``ComplaintNotFound`` / ``InvalidTrackingCode``
        for a code that names nothing."""
        with self.db.reading() as session:
            complaint = self._get(session, code)
            senders = {m.sender for m in complaint.messages if m.sender}
            return answer_for(self._view(session, complaint), sender, senders)

    def list_complaints(self, queue: str | None = None, status: Status | None = None,
                        limit: int = 100) -> list[ComplaintView]:
        """Complaints by due date, optionally of one queue and/or status."""
        query = select(Complaint).order_by(Complaint.due_at, Complaint.id).limit(limit)
        if queue:
            query = query.where(Complaint.queue_code == queue)
        if status:
            query = query.where(Complaint.status == status.value)
        with self.db.reading() as session:
            return [self._view(session, c) for c in session.scalars(query)]

    def messages(self, code: str) -> list[MessageView]:
        """The thread of a complaint, oldest first."""
        with self.db.reading() as session:
            return [_message_view(m) for m in self._get(session, code).messages]

    def events(self, code: str) -> list[EventView]:
        """The audit trail of a complaint, oldest first."""
        with self.db.reading() as session:
            return [EventView(e.kind, e.actor, e.reason, dict(e.data), e.at)
                    for e in self._get(session, code).events]

    def count(self) -> int:
        """How many complaints exist (all queues)."""
        with self.db.reading() as session:
            return int(session.scalar(select(func.count(Complaint.id))) or 0)

    # -- helpers ------------------------------------------------------------------
    def _event(self, session: Session, complaint: Complaint, kind: str, actor: str,
               reason: str | None, data: dict[str, Any],
               later: RowBatch | None = None) -> None:
        add_event(session, later, complaint.id, kind, actor, reason, data)

    def _view(self, session: Session, complaint: Complaint, created_now: bool = False,
              decision: RoutingDecision | None = None,
              queue: Queue | None = None) -> ComplaintView:
        """The edge's snapshot; ``decision``: just routed here, so nothing to look up."""
        if queue is None and complaint.queue_code:
            queue = session.get(Queue, complaint.queue_code)
        if decision is not None:
            reasons, answer_text = tuple(decision.reasons), None
        else:
            routed = session.scalars(select(Event).where(
                Event.complaint_id == complaint.id, Event.kind == "routed").order_by(
                Event.id.desc()).limit(1)).first()
            answer = session.scalars(select(Message).where(
                Message.complaint_id == complaint.id,
                Message.direction == Direction.OUTBOUND.value).order_by(
                Message.id.desc()).limit(1)).first()
            reasons = tuple(routed.data.get("reasons", [])) if routed else ()
            answer_text = answer.text if answer else None
        return ComplaintView(
            code=complaint.code, status=complaint.status, channel=complaint.channel,
            queue_code=complaint.queue_code,
            queue_name=unit_name(queue.name) if queue else None,
            subject=complaint.subject, text=complaint.text,
            location_text=complaint.location_text,
            place_queue_code=complaint.place_queue_code,
            citizen_phone=complaint.citizen_phone, citizen_email=complaint.citizen_email,
            reply_channel=complaint.reply_channel, reply_address=complaint.reply_address,
            created_at=complaint.created_at, updated_at=complaint.updated_at,
            due_at=complaint.due_at,
            routing_reasons=reasons, last_answer=answer_text, created_now=created_now,
            record_id=complaint.id,
        )


def _routed_data(decision: RoutingDecision, previous: str | None) -> dict[str, Any]:
    """The ``routed`` event's data: where to, from where, how sure, and why."""
    return {
        "queue": decision.queue_code, "previous_queue": previous,
        "confidence": round(decision.confidence, 3), "rule": decision.rule,
        "kind": decision.kind,
        "reasons": list(decision.reasons), "ask": decision.ask,
        "alternatives": [{"queue": a.queue, "confidence": round(a.confidence, 3),
                          "rule": a.rule} for a in decision.scored_alternatives],
        "signals": [signal.as_dict() for signal in decision.signals],
    }


def _message_view(message: Message) -> MessageView:
    return MessageView(message.id, message.direction, message.channel, message.sender,
                       message.text, message.created_at)


def as_datetime_text(value: datetime | None) -> str:
    """``dd/mm/yyyy`` in Vietnam time, or an empty string."""
    from intake.deadlines import VIETNAM

    return value.astimezone(VIETNAM).strftime("%d/%m/%Y") if value else ""


def _require_session_for(later: RowBatch | None, session: Session | None) -> None:
    """Rows held ``later`` are written in the caller's transaction: without it, they would
    be written in another one, or never, while the message commits on its own."""
    if later is not None and session is None:
        raise ValueError("rows held for later need the caller's session")
