"""What the operator sees of the hotline mailbox: mail that could not be processed (with
its error, for a retry from the stored raw bytes) and how every message ended up.

Read-only views over ``mail_ingests`` and the e-mail outbox, shared by
``pakn mail quarantine list`` and the console's ``/admin/mail`` page; the retry itself is
``MailIngestor.retry``, the same pipeline as the mailbox. The page also counts, per
outcome, the messages of the last 24 hours that were set aside without a complaint (a
rule that wrongly set genuine complaints aside shows the same day), and the
acknowledgements the limits held back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select

from intake.clock import utcnow
from intake.db import Database
from intake.delivery.outbox import counts_by_status
from intake.enums import Channel, OutboxStatus
from intake.mail.models import AckOutcome, IngestStatus, MailIngest

STATUS_VI = {
    IngestStatus.INGESTED.value: "Đã tiếp nhận",
    IngestStatus.RECORDED.value: "Chỉ ghi nhận (thư tự động, thư hàng loạt)",
    IngestStatus.DUPLICATE.value: "Trùng thư đã nhận",
    IngestStatus.REJECTED.value: "Từ chối (đã trả lời người gửi)",
    IngestStatus.QUARANTINED.value: "Cách ly (chờ xử lý lại)",
}


# Every way a message ends without a complaint: ``recorded:<kind>`` or the status.
SET_ASIDE_VI = {
    "recorded:auto": "Thư trả lời tự động (vắng mặt, tự động trả lời)",
    "recorded:bounce": "Thư báo không chuyển được",
    "recorded:bulk": "Thư hàng loạt, thư quảng cáo, danh sách thư",
    "recorded:own": "Thư do chính hệ thống gửi đi quay lại",
    "recorded:receipt": "Xác nhận đã đọc thư",
    "recorded:calendar": "Lời mời họp (lịch)",
    "recorded:reply": "Thư trả lời không có nội dung",
    IngestStatus.REJECTED.value: "Từ chối (thư trống), đã trả lời người gửi",
    IngestStatus.DUPLICATE.value: "Trùng thư đã nhận",
    IngestStatus.QUARANTINED.value: "Cách ly (chờ xử lý lại)",
}
ACK_HELD_VI = {
    AckOutcome.HOURLY_LIMIT.value: "Vượt giới hạn thư trả lời mỗi giờ của đường dây nóng",
    AckOutcome.SENDER_LIMIT.value: "Vượt giới hạn thư trả lời mỗi ngày cho một người gửi",
    AckOutcome.OURS.value: "Gửi tới chính địa chỉ của đường dây nóng (không gửi)",
}
RECENT = timedelta(hours=24)


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
    set_aside_24h: dict[str, int] = field(default_factory=dict)  # keys of SET_ASIDE_VI
    acks_held_24h: dict[str, int] = field(default_factory=dict)  # keys of ACK_HELD_VI

    @property
    def hourly_limit_hit(self) -> int:
        """Acknowledgements the hotline's hourly limit held back in the last 24 hours."""
        return self.acks_held_24h.get(AckOutcome.HOURLY_LIMIT.value, 0)

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


def _outcome(status: str, kind: str | None) -> str:
    return f"recorded:{kind}" if status == IngestStatus.RECORDED.value else status


def _recent_counts(db: Database, now: datetime) -> tuple[dict[str, int], dict[str, int]]:
    """(messages set aside per outcome, acknowledgements held per reason), last 24 h."""
    since = now - RECENT
    set_aside = dict.fromkeys(SET_ASIDE_VI, 0)
    held = dict.fromkeys(ACK_HELD_VI, 0)
    with db.reading() as session:
        for status, kind, count in session.execute(
                select(MailIngest.status, MailIngest.kind, func.count(MailIngest.id)).where(
                    MailIngest.received_at >= since,
                    MailIngest.status != IngestStatus.INGESTED.value).group_by(
                    MailIngest.status, MailIngest.kind)):
            key = _outcome(str(status), kind)
            set_aside[key] = set_aside.get(key, 0) + int(count)
        for ack, count in session.execute(
                select(MailIngest.ack, func.count(MailIngest.id)).where(
                    MailIngest.received_at >= since, MailIngest.ack.in_(list(ACK_HELD_VI)))
                .group_by(MailIngest.ack)):
            held[str(ack)] = int(count)
    return set_aside, held


def overview(db: Database, now: datetime | None = None) -> MailOverview:
    """Messages per status, the e-mail outbox's pending and failed rows, and the last
    24 hours' messages set aside and acknowledgements held."""
    set_aside, held = _recent_counts(db, now or utcnow())
    with db.reading() as session:
        by_status = {str(status): int(count) for status, count in session.execute(
            select(MailIngest.status, func.count(MailIngest.id)).group_by(MailIngest.status))}
        outbox = counts_by_status(session, Channel.EMAIL)
    return MailOverview(by_status, outbox.get(OutboxStatus.PENDING.value, 0),
                        outbox.get(OutboxStatus.FAILED.value, 0), set_aside, held)
