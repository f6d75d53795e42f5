"""What the operator sees of the hotline mailbox: mail that could not be processed (with
its error, for a retry from the stored raw bytes) and how every message ended up.

Read-only views over ``mail_ingests`` and the e-mail outbox, shared by
``pakn mail quarantine list`` and the console's ``/admin/mail`` page; the retry itself is
``MailIngestor.retry``, the same pipeline as the mailbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from intake.db import Database
from intake.mail.models import IngestStatus, MailIngest
from intake.models import Channel, Outbox, OutboxStatus

STATUS_VI = {
    IngestStatus.INGESTED.value: "Đã tiếp nhận",
    IngestStatus.RECORDED.value: "Chỉ ghi nhận (thư tự động, thư hàng loạt)",
    IngestStatus.DUPLICATE.value: "Trùng thư đã nhận",
    IngestStatus.REJECTED.value: "Từ chối (đã trả lời người gửi)",
    IngestStatus.QUARANTINED.value: "Cách ly (chờ xử lý lại)",
}


@dataclass(frozen=True)
class QuarantinedMail:
    """One message that could not be processed."""

    id: int
    received_at: datetime
    source: str
    sender: str | None
    subject: str | None
    error: str | None
    attempts: int


@dataclass(frozen=True)
class MailOverview:
    """How many messages ended up in each status, and the e-mail outbox's backlog."""

    by_status: dict[str, int]
    outbox_pending: int
    outbox_failed: int

    @property
    def quarantined(self) -> int:
        """Messages waiting in quarantine."""
        return self.by_status.get(IngestStatus.QUARANTINED.value, 0)


def quarantined(db: Database, limit: int = 100) -> list[QuarantinedMail]:
    """Quarantined messages, oldest first."""
    with db.reading() as session:
        rows = session.scalars(select(MailIngest).where(
            MailIngest.status == IngestStatus.QUARANTINED.value).order_by(
            MailIngest.id).limit(limit)).all()
        return [QuarantinedMail(r.id, r.received_at, r.source, r.sender,
                                r.subject, r.error, r.attempts) for r in rows]


def overview(db: Database) -> MailOverview:
    """Messages per status and the e-mail outbox's pending and failed rows."""
    with db.reading() as session:
        by_status = {str(status): int(count) for status, count in session.execute(
            select(MailIngest.status, func.count(MailIngest.id)).group_by(MailIngest.status))}
        outbox = {str(status): int(count) for status, count in session.execute(
            select(Outbox.status, func.count(Outbox.id)).where(
                Outbox.channel == Channel.EMAIL.value).group_by(Outbox.status))}
    return MailOverview(by_status, outbox.get(OutboxStatus.PENDING.value, 0),
                        outbox.get(OutboxStatus.FAILED.value, 0))
