"""Published answers: staff propose a resolved complaint's answer, a coordinator publishes.

- ``propose`` (staff, when resolving): the question and the latest answer are stored
  anonymised (``intake.redact``, with the names the record knows) with the unit, the
  field (given by staff, else the procedure's field) and the dates; status "proposed";
  audited (``publication_proposed``).
- ``decide`` (coordinators and administrators only): publish — after reading, and
  correcting if need be, the anonymised texts — or refuse; ``withdraw`` takes a published
  answer down. Publishing tells the citizen through ``intake.delivery`` (their channel).
- ``search`` (the public page ``/cong-khai``): only published answers, by words with or
  without diacritics (every word must occur in the folded text), unit and field.
- ``similar`` (the assistant): the published answer closest to a citizen's question by
  shared syllable pairs, if it is close enough.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.catalog.models import Procedure
from intake.codes import parse_code
from intake.db import Database
from intake.delivery import Outgoing, Purpose, enqueue, push_channel, templates
from intake.errors import ComplaintNotFound, InvalidTrackingCode, SenderError, ValidationError
from intake.models import (
    Complaint,
    Direction,
    Event,
    Message,
    PublishedAnswer,
    Queue,
    Status,
    utcnow,
)
from intake.redact import redact
from intake.services.identity import StaffIdentity
from intake.services.lookup import complaint_by_code
from intake.text import clean, fold, nfc

PROPOSED, PUBLISHED, REFUSED, WITHDRAWN = "proposed", "published", "refused", "withdrawn"
MAX_TEXT_CHARS = 20_000
PAGE_SIZE = 20
SIMILAR_MIN_SHARED = 3
SIMILAR_MIN_SHARE = 0.3
SIMILAR_SCAN = 5000


class NotCoordinator(SenderError):
    """Only coordinators and administrators publish (403)."""

    message_vi = "Chỉ điều phối viên hoặc quản trị viên được duyệt công khai câu trả lời."


class NothingToPublish(ValidationError):
    """The complaint has no answer to publish."""

    message_vi = ("Phản ánh chưa có câu trả lời gửi người dân (hoặc kết quả giải quyết) "
                  "nên chưa thể đề nghị công khai.")


@dataclass(frozen=True)
class PublishedView:
    """A published (or proposed) answer as pages show it."""

    id: int
    code: str
    status: str
    question: str
    answer: str
    queue_code: str
    queue_name: str
    field: str | None
    received_at: datetime
    answered_at: datetime
    proposed_by: str
    decided_by: str | None


@dataclass(frozen=True)
class SearchPage:
    """One page of the public search."""

    items: list[PublishedView]
    total: int
    page: int
    pages: int


class Publication:
    """Published answers over one database."""

    def __init__(self, db: Database, mail_domain: str, public_url: str) -> None:
        self.db = db
        self.mail_domain = mail_domain
        self.public_url = public_url

    # -- staff ------------------------------------------------------------------------
    def propose(self, who: StaffIdentity, code: str, field: str = "",
                resolution: str = "") -> PublishedView:
        """Propose the complaint's answer for publication (once; again after a refusal).
        ``resolution``: the result staff typed when resolving, used when no answer was
        sent."""
        with self.db.transaction() as session:
            complaint = complaint_by_code(session, code, for_update=True)
            if not who.may_see(complaint.queue_code):
                raise NotCoordinator("not this person's queue",
                                     "Bạn không có quyền với phản ánh của đơn vị khác.")
            answer, answered_at = _answer(session, complaint, resolution)
            names = [complaint.citizen_name]
            row = session.scalar(select(PublishedAnswer).where(
                PublishedAnswer.complaint_id == complaint.id))
            if row is not None and row.status in (PROPOSED, PUBLISHED):
                raise ValidationError("already proposed",
                                      "Câu trả lời này đã được đề nghị công khai.")
            if row is None:
                row = PublishedAnswer(complaint_id=complaint.id)
            row.status = PROPOSED
            row.question = redact(complaint.text, names)[:MAX_TEXT_CHARS]
            row.answer = redact(answer, names)[:MAX_TEXT_CHARS]
            row.queue_code = complaint.queue_code or ""
            row.field = clean(field)[:255] or _procedure_field(session, complaint)
            row.received_at, row.answered_at = complaint.created_at, answered_at
            row.proposed_by, row.proposed_at = who.actor, utcnow()
            row.decided_by, row.decided_at = None, None
            with session.no_autoflush:
                row.search_key = _key(session, row)
            session.add(row)
            session.flush()
            _event(session, complaint, "publication_proposed", who.actor, None)
            return _view(session, row, complaint.code)

    # -- coordinators ---------------------------------------------------------------------
    def proposed(self, who: StaffIdentity) -> list[PublishedView]:
        """Answers waiting for a coordinator, oldest first."""
        _require_coordinator(who)
        with self.db.reading() as session:
            rows = session.execute(select(PublishedAnswer, Complaint.code).join(
                Complaint, Complaint.id == PublishedAnswer.complaint_id).where(
                PublishedAnswer.status == PROPOSED).order_by(PublishedAnswer.proposed_at))
            return [_view(session, row, code) for row, code in rows]

    def decide(self, who: StaffIdentity, answer_id: int, publish: bool,
               question: str | None = None, answer: str | None = None) -> PublishedView:
        """Publish (with the coordinator's corrections of the anonymised texts, which are
        anonymised again) or refuse a proposed answer."""
        _require_coordinator(who)
        with self.db.transaction() as session:
            row, complaint = _proposal(session, answer_id)
            if row.status != PROPOSED:
                raise ValidationError("not proposed", "Đề nghị này đã được xử lý.")
            names = [complaint.citizen_name]
            if question is not None and nfc(question).strip():
                row.question = redact(nfc(question).strip(), names)[:MAX_TEXT_CHARS]
            if answer is not None and nfc(answer).strip():
                row.answer = redact(nfc(answer).strip(), names)[:MAX_TEXT_CHARS]
            row.status = PUBLISHED if publish else REFUSED
            row.decided_by, row.decided_at = who.actor, utcnow()
            row.search_key = _key(session, row)
            _event(session, complaint, "published" if publish else "publication_refused",
                   who.actor, None)
            if publish:
                self._tell_citizen(session, complaint)
            return _view(session, row, complaint.code)

    def withdraw(self, who: StaffIdentity, answer_id: int) -> None:
        """Take a published answer off the public page."""
        _require_coordinator(who)
        with self.db.transaction() as session:
            row, complaint = _proposal(session, answer_id)
            if row.status != PUBLISHED:
                raise ValidationError("not published", "Câu trả lời này không đang công khai.")
            row.status, row.decided_by, row.decided_at = WITHDRAWN, who.actor, utcnow()
            _event(session, complaint, "publication_withdrawn", who.actor, None)

    def state_of(self, code: str) -> str | None:
        """The publication status of a complaint's answer, if any (the complaint page)."""
        with self.db.reading() as session:
            complaint = complaint_by_code(session, code)
            return session.scalar(select(PublishedAnswer.status).where(
                PublishedAnswer.complaint_id == complaint.id))

    def _tell_citizen(self, session: Session, complaint: Complaint) -> None:
        channel = push_channel(complaint.reply_channel, complaint.reply_address)
        if channel is None or complaint.reply_address is None:
            return
        letter = templates.published_notice(complaint.code,
                                            f"{self.public_url}/cong-khai?q={complaint.code}")
        enqueue(session, Outgoing(channel, complaint.reply_address, Purpose.PUBLISHED, letter,
                                  complaint.id, complaint.code), self.mail_domain)

    # -- the public -----------------------------------------------------------------------
    def search(self, text: str = "", queue: str = "", field: str = "",
               page: int = 1) -> SearchPage:
        """Published answers matching every word of ``text`` (with or without
        diacritics), of one unit and/or field; newest answers first."""
        statement = select(PublishedAnswer, Complaint.code).join(
            Complaint, Complaint.id == PublishedAnswer.complaint_id).where(
            PublishedAnswer.status == PUBLISHED)
        code = _code_in(text)
        words = [] if code else fold(text).split()[:10]
        if code:
            statement = statement.where(Complaint.code == code)
        for word in words:
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace(
                "_", "\\_") + "%"
            statement = statement.where(PublishedAnswer.search_key.like(pattern, escape="\\"))
        if queue:
            statement = statement.where(PublishedAnswer.queue_code == queue)
        if field:
            statement = statement.where(PublishedAnswer.field == field)
        with self.db.reading() as session:
            total = int(session.scalar(select(func.count()).select_from(
                statement.subquery())) or 0)
            pages = max(1, -(-total // PAGE_SIZE))
            current = min(max(1, page), pages)
            rows = session.execute(statement.order_by(
                PublishedAnswer.answered_at.desc(), PublishedAnswer.id.desc()).offset(
                (current - 1) * PAGE_SIZE).limit(PAGE_SIZE))
            return SearchPage([_view(session, row, code) for row, code in rows], total,
                              current, pages)

    def facets(self) -> tuple[list[tuple[str, str]], list[str]]:
        """The units (code, name) and fields that have published answers."""
        with self.db.reading() as session:
            units = session.execute(select(Queue.code, Queue.name).where(
                Queue.code.in_(select(PublishedAnswer.queue_code).where(
                    PublishedAnswer.status == PUBLISHED))).order_by(Queue.name)).all()
            fields = session.scalars(select(PublishedAnswer.field).where(
                PublishedAnswer.status == PUBLISHED, PublishedAnswer.field.is_not(None))
                .distinct().order_by(PublishedAnswer.field)).all()
        return [(c, n) for c, n in units], [f for f in fields if f]

    def similar(self, text: str) -> PublishedView | None:
        """The published answer whose question shares the most syllable pairs with
        ``text``, when it shares at least three and a third of the text's pairs."""
        wanted = _pairs(fold(text))
        if len(wanted) < SIMILAR_MIN_SHARED:
            return None
        with self.db.reading() as session:
            rows = session.execute(select(PublishedAnswer.id, PublishedAnswer.question).where(
                PublishedAnswer.status == PUBLISHED).order_by(
                PublishedAnswer.id.desc()).limit(SIMILAR_SCAN)).all()
            best_id, best = None, 0.0
            for answer_id, question in rows:
                shared = len(wanted & _pairs(fold(question)))
                share = shared / len(wanted)
                if shared >= SIMILAR_MIN_SHARED and share >= SIMILAR_MIN_SHARE and \
                        share > best:
                    best_id, best = answer_id, share
            if best_id is None:
                return None
            row, complaint = _proposal(session, best_id)
            return _view(session, row, complaint.code)


def _code_in(text: str) -> str | None:
    """The tracking code when the search text is one (a link from a notice)."""
    try:
        return parse_code(text) if text.strip() else None
    except InvalidTrackingCode:
        return None


def _pairs(folded: str) -> set[tuple[str, str]]:
    words = "".join(ch if ch.isalnum() else " " for ch in folded).split()
    return set(itertools.pairwise(words))


def _require_coordinator(who: StaffIdentity) -> None:
    if not who.sees_all:
        raise NotCoordinator(f"{who.username} is not a coordinator")




def _proposal(session: Session, answer_id: int) -> tuple[PublishedAnswer, Complaint]:
    """A proposed answer and its complaint, locked and read again under the lock: two
    coordinators deciding at once give one decision."""
    code = session.scalar(select(Complaint.code).join(
        PublishedAnswer, PublishedAnswer.complaint_id == Complaint.id).where(
        PublishedAnswer.id == answer_id))
    if code is None:
        raise ComplaintNotFound("no such published answer")
    complaint = complaint_by_code(session, code, for_update=True)
    row = session.get(PublishedAnswer, answer_id, populate_existing=True)
    if row is None:
        raise ComplaintNotFound("no such published answer")
    return row, complaint


def _answer(session: Session, complaint: Complaint, resolution: str) -> tuple[str, datetime]:
    """The latest answer sent to the citizen, else the result typed when resolving."""
    message = session.scalars(select(Message).where(
        Message.complaint_id == complaint.id,
        Message.direction == Direction.OUTBOUND.value).order_by(
        Message.id.desc()).limit(1)).first()
    if message is not None:
        return message.text, message.created_at
    text = nfc(resolution).strip()
    if not text:
        reason = session.scalar(select(Event.reason).where(
            Event.complaint_id == complaint.id, Event.kind == "status",
            Event.data["to"].as_string() == Status.CLOSED.value).order_by(
            Event.id.desc()).limit(1))
        text = nfc(reason or "").strip()
    if not text:
        raise NothingToPublish("no answer")
    return text, utcnow()


def _procedure_field(session: Session, complaint: Complaint) -> str | None:
    if not complaint.procedure_code:
        return None
    return session.scalar(select(Procedure.field).where(
        Procedure.code == complaint.procedure_code).limit(1))


def _key(session: Session, row: PublishedAnswer) -> str:
    unit = session.scalar(select(Queue.name).where(Queue.code == row.queue_code)) or ""
    return fold(" ".join([row.question, row.answer, unit, row.field or ""]))


def _view(session: Session, row: PublishedAnswer, code: str) -> PublishedView:
    unit = session.scalar(select(Queue.name).where(Queue.code == row.queue_code)) or ""
    return PublishedView(row.id, code, row.status, row.question, row.answer, row.queue_code,
                         unit, row.field, row.received_at, row.answered_at, row.proposed_by,
                         row.decided_by)


def _event(session: Session, complaint: Complaint, kind: str, actor: str,
           reason: str | None) -> None:
    session.add(Event(complaint_id=complaint.id, kind=kind, actor=actor, reason=reason,
                      data={}, at=utcnow()))


__all__ = ["PUBLISHED", "NotCoordinator", "NothingToPublish", "Publication",
           "PublishedView", "SearchPage"]
