"""Tables of the hotline mailbox (all prefixed ``mail_``; the core tables are untouched).

- ``mail_ingests``: one row per distinct raw message (by SHA-256 of its bytes): what it
  was classified as, which complaint it went to, or why it is quarantined. The primary
  row of a Message-ID holds ``dedup_key``; a second message with the same Message-ID
  but other bytes is recorded as a duplicate of it and taken no further.
- ``mail_threads`` (a core table, ``intake.models.MailThread``, re-exported here): the
  Message-IDs of every e-mail we sent, written by ``intake.delivery.enqueue``.
- ``mail_mailboxes``: per account and folder, the UIDVALIDITY and the UID watermark (the
  last UID fetched and queued).
- ``mail_queue``: messages fetched (raw bytes stored) and not yet filed away on the
  server, with the priority the header triage gave them (``intake.mail.triage``);
  ingest takes them highest priority first (``intake.mail.queue``).

``mail_ingests.ack`` says what became of the acknowledgement a message called for
(``AckOutcome``), so the console can show what the loop and flood limits held back.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from intake.models import Base, MailThread, UTCDateTime, utcnow


class IngestStatus(enum.StrEnum):
    """Where a raw message ended."""

    INGESTED = "ingested"        # a complaint or a message on one was written
    RECORDED = "recorded"        # automatic mail (auto-reply, bounce, bulk, our own): kept only
    REJECTED = "rejected"        # the sender's mistake (e.g. nothing written): answered politely
    DUPLICATE = "duplicate"      # same Message-ID as an earlier message, other bytes
    QUARANTINED = "quarantined"  # could not be processed; see ``error``; retry by command


class AckOutcome(enum.StrEnum):
    """What became of the acknowledgement a message called for."""

    QUEUED = "queued"              # in the outbox
    SENDER_LIMIT = "sender_limit"  # the sender had their acknowledgements for today
    HOURLY_LIMIT = "hourly_limit"  # the hotline's hourly limit was reached (an alert)
    OURS = "ours"                  # addressed to one of our own addresses: never sent


class QueueState(enum.StrEnum):
    """Where a queued message is: waiting for ingest, or committed and to be filed away."""

    QUEUED = "queued"        # raw bytes stored, not yet ingested
    PROCESSED = "processed"  # ingest committed: to be moved to the processed folder
    QUARANTINED = "quarantined"  # ingest quarantined it: to the quarantine folder
    REFETCH = "refetch"      # an ingest worker found no stored bytes: the fetcher fetches again


__all__ = ["AckOutcome", "IngestStatus", "MailIngest", "MailMailbox", "MailQueued",
           "MailThread", "QueueState"]


class MailIngest(Base):
    """A raw message seen by the mailbox (stored under its SHA-256) and its outcome."""

    __tablename__ = "mail_ingests"
    __table_args__ = (Index("ix_mail_ingests_status", "status", "id"),
                      Index("ix_mail_ingests_received_at", "received_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    dedup_key: Mapped[str | None] = mapped_column(String(255), unique=True, nullable=True)
    message_id: Mapped[str | None] = mapped_column(Text, nullable=True)
    size: Mapped[int] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str | None] = mapped_column(String(16), nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    complaint_code: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    related_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    sender: Mapped[str | None] = mapped_column(String(320), nullable=True)
    subject: Mapped[str | None] = mapped_column(Text, nullable=True)
    refused: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    ack: Mapped[str | None] = mapped_column(String(16), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("mail_ingests.id"),
                                                     nullable=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MailMailbox(Base):
    """The fetch position in one folder of one account: UIDVALIDITY and the last UID done."""

    __tablename__ = "mail_mailboxes"

    account: Mapped[str] = mapped_column(String(255), primary_key=True)
    folder: Mapped[str] = mapped_column(String(255), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MailQueued(Base):
    """A fetched message waiting for ingest, or for the move that follows its commit."""

    __tablename__ = "mail_queue"
    __table_args__ = (
        UniqueConstraint("account", "folder", "uidvalidity", "uid",
                         name="uq_mail_queue_position"),
        Index("ix_mail_queue_claim", "state", "priority", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account: Mapped[str] = mapped_column(String(255))
    folder: Mapped[str] = mapped_column(String(255))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(255))
    priority: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(255))
    state: Mapped[str] = mapped_column(String(16), default=QueueState.QUEUED.value)
    ingest_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
