"""The intake domain as SQLAlchemy 2 typed models.

Tables: queues (and their history), complaints, messages, attachments, events (an
append-only audit trail), the outbox (deliveries written in the same transaction as
the change they report), the threads of the e-mail we sent, the kinds of submission,
the staff (accounts, queues, sessions, login attempts, assignments, the administration
audit) and what a conversation sent before its complaint existed (pending attachments).
Enumerations are stored as short strings so a new status needs no database type
migration on PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from intake.clock import utcnow
from intake.enums import (
    OPEN_STATUSES,
    OPEN_VALUES,
    RUNNING_STATUSES,
    RUNNING_VALUES,
    Channel,
    Direction,
    OutboxStatus,
    QueueKind,
    Role,
    Status,
)
from intake.text import fold

# The enumerations and the clock are re-exported: most of intake names them from here.
__all__ = ["OPEN_STATUSES", "OPEN_VALUES", "RUNNING_STATUSES", "RUNNING_VALUES", "Channel",
           "Direction", "OutboxStatus", "QueueKind", "Role", "Status", "utcnow"]


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that comes back timezone-aware on SQLite too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given; use timezone-aware UTC")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    """Declarative base of every intake table."""


class Queue(Base):
    """A department's or People's Committee's complaint queue; never deleted."""

    __tablename__ = "queues"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    place_type: Mapped[str | None] = mapped_column(String(32), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    successor_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class QueueChange(Base):
    """History of a queue: created, renamed, retired, reactivated (who, when, what)."""

    __tablename__ = "queue_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    queue_code: Mapped[str] = mapped_column(ForeignKey("queues.code"), index=True)
    change: Mapped[str] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    source: Mapped[str] = mapped_column(String(255))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ProvinceName(Base):
    """The province's name over time (``intake.org.province``): the one the organisation
    data gives (``pakn org load``), then each change of an organisation-changes file (the
    2025 merger of provinces); the last row written is the name in force."""

    __tablename__ = "province_names"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(255))
    effective: Mapped[date | None] = mapped_column(Date, nullable=True)
    source: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Complaint(Base):
    """One phản ánh / kiến nghị, whatever channel it came from."""

    __tablename__ = "complaints"
    __table_args__ = (Index("ix_complaints_status_due", "status", "due_at"),
                      Index("ix_complaints_queue_status_due", "queue_code", "status",
                            "due_at"),
                      Index("ix_complaints_status_created", "status", "created_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    status: Mapped[str] = mapped_column(String(32), default=Status.RECEIVED, index=True)
    channel: Mapped[str] = mapped_column(String(16))
    queue_code: Mapped[str | None] = mapped_column(
        ForeignKey("queues.code"), nullable=True, index=True
    )
    subject: Mapped[str] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
    location_text: Mapped[str | None] = mapped_column(String(255), nullable=True)
    place_queue_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    procedure_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    citizen_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    citizen_phone: Mapped[str | None] = mapped_column(String(32), nullable=True)
    citizen_email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    citizen_address: Mapped[str | None] = mapped_column(Text, nullable=True)
    reply_channel: Mapped[str] = mapped_column(String(16))
    reply_address: Mapped[str | None] = mapped_column(String(320), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    # Folded (lower-case, diacritic-free) subject, text, place and contact: what the
    # console's one search box matches; filled on insert and on every change of those.
    search_key: Mapped[str | None] = mapped_column(
        Text, nullable=True, default=lambda context: search_key_of(
            context.get_current_parameters()))

    messages: Mapped[list[Message]] = relationship(
        back_populates="complaint", order_by="Message.id"
    )
    events: Mapped[list[Event]] = relationship(back_populates="complaint", order_by="Event.id")


SEARCHED_FIELDS = ("subject", "text", "location_text", "citizen_name", "citizen_phone",
                   "citizen_email", "reply_address")


def search_key_of(values: dict[str, Any]) -> str:
    """The folded search key of a complaint's values (column name → value): words
    without diacritics, phone numbers as bare digits (``+84`` read as ``0``), e-mail in
    lower case, so "bai rac" finds "bãi rác" and "0912 345 678" finds "0912345678"."""
    parts = [fold(str(values.get(name) or "")) for name in SEARCHED_FIELDS]
    if parts[0] and parts[0].rstrip("…") in parts[1]:
        parts[0] = ""  # the subject is the text's beginning: once is enough
    phone = "".join(ch for ch in str(values.get("citizen_phone") or "") if ch.isdigit())
    if phone.startswith("84"):
        phone = "0" + phone[2:]
    return " ".join(p for p in [*parts, phone] if p)


@event.listens_for(Complaint, "before_update")
def _refresh_search_key(_mapper: Any, _connection: Any, target: Complaint) -> None:
    """Keep the search key in step when a searched field changes."""
    target.search_key = search_key_of({name: getattr(target, name)
                                       for name in SEARCHED_FIELDS})


class Message(Base):
    """A message in a complaint's thread, inbound or outbound, on one channel."""

    __tablename__ = "messages"
    __table_args__ = (UniqueConstraint("channel", "external_id", name="uq_message_external"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), index=True)
    direction: Mapped[str] = mapped_column(String(4))
    channel: Mapped[str] = mapped_column(String(16))
    sender: Mapped[str | None] = mapped_column(String(320), nullable=True)
    external_id: Mapped[str | None] = mapped_column(String(512), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    complaint: Mapped[Complaint] = relationship(back_populates="messages")
    attachments: Mapped[list[Attachment]] = relationship(back_populates="message")


class Attachment(Base):
    """A file of a message, stored once by its SHA-256 under the attachment directory."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"), nullable=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    # What the citizen wrote with the file (a Telegram caption: "Ảnh cột đèn hỏng").
    caption: Mapped[str | None] = mapped_column(String(1024), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    message: Mapped[Message | None] = relationship(back_populates="attachments")


class Event(Base):
    """Append-only audit: who did what to a complaint, and why."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(255))
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    complaint: Mapped[Complaint] = relationship(back_populates="events")


class Outbox(Base):
    """A delivery to make (mail, Telegram message), retried until the peer accepts it.

    Written only by ``intake.delivery.enqueue`` and worked only by its dispatcher;
    ``purpose`` (acknowledgement, answer, …) and ``complaint_code`` are columns so that
    no transport has to read them back out of the text."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # indexed: a complaint's letters are looked up by it (the console's complaint page),
    # and SQLite checks the outbox (the foreign key) whenever a complaint's key is written
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"), nullable=True,
                                                     index=True)
    channel: Mapped[str] = mapped_column(String(16))
    recipient: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str | None] = mapped_column(String(998), nullable=True)
    body: Mapped[str] = mapped_column(Text)
    headers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    dedup_key: Mapped[str | None] = mapped_column(String(255), unique=True, nullable=True)
    purpose: Mapped[str | None] = mapped_column(String(32), nullable=True)
    complaint_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class MailThread(Base):
    """An e-mail we sent (any purpose): its Message-ID, complaint, recipient and outbox
    row, so that a reply naming it in In-Reply-To/References finds its complaint and a
    bounce quoting it finds its delivery; the acknowledgement limits count these rows."""

    __tablename__ = "mail_threads"
    __table_args__ = (Index("ix_mail_threads_recipient_at", "recipient", "created_at"),
                      Index("ix_mail_threads_created_at", "created_at"),
                      Index("ix_mail_threads_purpose_at", "purpose", "created_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[str] = mapped_column(String(255), unique=True)
    complaint_code: Mapped[str] = mapped_column(String(16), index=True)
    recipient: Mapped[str] = mapped_column(String(320))
    purpose: Mapped[str] = mapped_column(String(16))
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ComplaintKind(Base):
    """The kind of submission (phản ánh, kiến nghị, khiếu nại, tố cáo): detected when the
    complaint is filed, corrected by staff; it sets the due date."""

    __tablename__ = "complaint_kinds"

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    set_by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# -- staff: accounts, their queues, sessions, login attempts, assignments, the audit of
# the administration pages (the console's pages and the staff services use them)

class StaffUser(Base):
    """A console account; the password is stored only as an argon2 hash."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default=Role.STAFF)
    email: Mapped[str | None] = mapped_column(String(320), nullable=True)  # daily digest
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class StaffQueue(Base):
    """A queue a staff member works."""

    __tablename__ = "staff_queues"

    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), primary_key=True)
    queue_code: Mapped[str] = mapped_column(ForeignKey("queues.code"), primary_key=True)


class StaffSession(Base):
    """A signed-in session, kept on the server so that it can be ended at once: logout,
    "sign out everywhere", a password reset or a deactivation end it, and so do
    ``SESSION_SECONDS`` of age or the idle timeout. The cookie carries a random token;
    only its SHA-256 is stored."""

    __tablename__ = "staff_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the token
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    ended_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)


class LoginAttempt(Base):
    """One login attempt (by username and by client address), for rate limiting."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(128))
    ok: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Assignment(Base):
    """Who has taken a complaint (at most one person at a time)."""

    __tablename__ = "complaint_assignments"

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AdminEvent(Base):
    """Append-only audit of the administration pages: account changes, organisation
    reloads, catalog imports, and refused attempts by non-administrators."""

    __tablename__ = "console_admin_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str | None] = mapped_column(String(255), nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class PendingAttachment(Base):
    """A file (``sha256`` set) or a map position a conversation sent before its complaint."""

    __tablename__ = "pending_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sender: Mapped[str] = mapped_column(String(64), index=True)
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    filename: Mapped[str | None] = mapped_column(String(255), nullable=True)
    content_type: Mapped[str | None] = mapped_column(String(255), nullable=True)
    size: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    caption: Mapped[str | None] = mapped_column(String(1024), nullable=True)
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


# -- issue 16: client applications of the Open311 API, and published answers

class ApiClient(Base):
    """A client application of the Open311 GeoReport v2 API (``pakn api-keys add``).

    Only the SHA-256 of its key is stored; ``key_hint`` (the key's first characters)
    lets an operator tell keys apart. A revoked key is kept (``revoked_at``) so that
    the complaints it filed still name their client."""

    __tablename__ = "api_clients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    key_hint: Mapped[str] = mapped_column(String(16))
    per_minute: Mapped[int] = mapped_column(Integer, default=10)
    per_day: Mapped[int] = mapped_column(Integer, default=1000)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ApiCall(Base):
    """One accepted write by a client application (its rate limit counts these rows,
    so that several console processes share one count)."""

    __tablename__ = "api_calls"
    __table_args__ = (Index("ix_api_calls_client_at", "client_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("api_clients.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Open311Request(Base):
    """A complaint filed through the Open311 API: by which client, under which service
    code, with which attribute values (``GET requests`` answers with this service code)."""

    __tablename__ = "open311_requests"

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("api_clients.id"), index=True)
    service_code: Mapped[str] = mapped_column(String(64), index=True)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class PublishedAnswer(Base):
    """A resolved complaint's question and answer, anonymised, proposed for the public
    page by staff and published by a coordinator (``status``: proposed, published,
    refused, withdrawn). ``search_key`` is the folded (diacritic-free, lower-case) text
    of question, answer, unit and field."""

    __tablename__ = "published_answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), unique=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    queue_code: Mapped[str] = mapped_column(String(32), index=True)
    field: Mapped[str | None] = mapped_column(String(255), nullable=True)
    search_key: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    proposed_by: Mapped[str] = mapped_column(String(255))
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_by: Mapped[str | None] = mapped_column(String(255), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
