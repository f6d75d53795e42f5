"""Acknowledgements in Vietnamese, queued through ``intake.delivery`` in the caller's
transaction.

The acknowledgement carries the tracking code in its subject (``[PA-XXXXXXXX]``), so a
citizen's reply threads by itself; our own Message-ID (recorded in ``mail_threads``, so
In-Reply-To finds the complaint too); In-Reply-To/References of the citizen's message;
and ``Auto-Submitted: auto-replied`` plus ``X-Loop`` (RFC 3834, added by delivery), so well-behaved
autoresponders do not answer it. A sender gets at most ``ack_limit_per_day``
acknowledgements per day, whatever they send (loop protection), and the hotline sends at
most ``ack_limit_per_hour`` in all (a flood of forged mail must not turn the official
mailbox into a mass mailer); what a limit holds back is recorded on the ingest row and
shown in the console. Nothing is ever sent to one of our own addresses.

An acknowledgement goes to whatever address the From says, which anybody can forge, so
it repeats nothing the sender wrote unless our mail server verified that From: not the
display name, not the subject; and even then no link or address of theirs.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.deadlines import VIETNAM
from intake.delivery import Letter, Outgoing, Purpose, enqueue
from intake.delivery.outbox import hashed_key
from intake.delivery.purposes import ACK_PURPOSES
from intake.mail.charsets import without_replacement
from intake.mail.config import MailSettings
from intake.mail.models import AckOutcome
from intake.mail.parse import ParsedMail
from intake.models import Channel, MailThread
from intake.services.complaints import as_datetime_text
from intake.services.views import ComplaintView

log = logging.getLogger(__name__)
SUBJECT_LIMIT = 200
NAME_LIMIT = 60
ECHO_LIMIT = 120
# Anything a mail program would make clickable: URLs, bare domains, addresses.
_LINK = re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://\S*|\bwww\.\S*|\S+@\S+|"
                   r"\b(?:[a-z0-9-]+\.)+[a-z]{2,24}\b(?:/\S*)?")
REFUSAL_VI = {
    "too_large": "vượt quá dung lượng cho phép",
    "type_not_allowed": "định dạng tệp không được chấp nhận",
    "too_many": "vượt quá số tệp đính kèm cho phép",
}


@dataclass(frozen=True)
class AckContext:
    """What an acknowledgement is about."""

    purpose: Purpose
    mail: ParsedMail
    recipient: str
    dedup_key: str
    view: ComplaintView | None = None
    complaint_id: int | None = None
    related_code: str | None = None
    refused: tuple[tuple[str, str], ...] = ()   # (filename, reason)
    problem_vi: str | None = None
    verified: bool = False   # our mail server verified the From (see ``auth``)
    scanned: tuple[str, ...] = ()  # the files holding a letter sent only as a file


def _day_start(now: datetime) -> datetime:
    local = now.astimezone(VIETNAM)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def acks_today(session: Session, recipient: str, now: datetime) -> int:
    """How many acknowledgements we queued to ``recipient`` since midnight (Vietnam
    time); staff answers and notices to them do not count."""
    start = _day_start(now)
    return int(session.scalar(select(func.count(MailThread.id)).where(
        MailThread.recipient == recipient, MailThread.created_at >= start,
        MailThread.created_at < start + timedelta(days=1),
        MailThread.purpose.in_(sorted(ACK_PURPOSES)))) or 0)


def acks_last_hour(session: Session, now: datetime) -> int:
    """How many acknowledgements we queued to anybody in the last hour: an index range
    per purpose (``ix_mail_threads_purpose_at``), never more rows than the hourly limit
    lets through; digests and staff answers do not count."""
    return int(session.scalar(select(func.count(MailThread.id)).where(
        MailThread.purpose.in_(sorted(ACK_PURPOSES)),
        MailThread.created_at >= now - timedelta(hours=1))) or 0)


def safe_echo(text: str | None, limit: int = ECHO_LIMIT) -> str:
    """``text`` fit to repeat in our mail: no links or addresses, no control or
    replacement characters, one line, at most ``limit`` characters."""
    cleaned = " ".join(_LINK.sub(" ", without_replacement(text or "")).split())
    cleaned = cleaned.strip(" -:;,.")
    return cleaned if len(cleaned) <= limit else cleaned[:limit - 1].rstrip() + "…"


def _greeting(ctx: AckContext) -> str:
    name = safe_echo(ctx.mail.sender_name, NAME_LIMIT) if ctx.verified else ""
    return f"Kính gửi Ông/Bà {name}," if name else "Kính gửi Ông/Bà,"


def _file_lines(ctx: AckContext) -> list[str]:
    """What was done with a letter sent as a file, and with files we could not open."""
    lines: list[str] = []
    if ctx.scanned:
        lines += ["", "Nội dung phản ánh được gửi dưới dạng tệp đính kèm ("
                  + ", ".join(ctx.scanned) + "); cán bộ tiếp nhận sẽ đọc nội dung trong tệp."]
    if ctx.mail.encrypted:
        lines += ["", "Thư của Ông/Bà được mã hoá (S/MIME) nên đường dây nóng không đọc được "
                  "nội dung; thư đã được lưu nguyên vẹn cùng phản ánh. Ông/Bà vui lòng gửi lại "
                  "nội dung phản ánh không mã hoá (thư thường, có thể kèm chữ ký số) bằng cách "
                  "trả lời thư này."]
    if ctx.mail.kept_unread:
        lines += ["", "Tệp " + ", ".join(ctx.mail.kept_unread) + " (định dạng riêng của "
                  "Outlook) đã được lưu nguyên vẹn cùng phản ánh. Nếu trong đó có tài liệu, "
                  "Ông/Bà vui lòng gửi lại tài liệu dưới dạng PDF hoặc ảnh bằng cách trả lời "
                  "thư này."]
    return lines


def _refused_lines(refused: tuple[tuple[str, str], ...]) -> list[str]:
    if not refused:
        return []
    lines = ["", "Các tệp đính kèm sau không được tiếp nhận:"]
    lines += [f"  - {name}: {REFUSAL_VI.get(reason, reason)}" for name, reason in refused]
    lines.append("Ông/Bà có thể gửi lại tệp nhỏ hơn (PDF, ảnh, văn bản) bằng cách trả lời thư "
                 "này.")
    return lines


def _status_help(code: str) -> list[str]:
    return [
        "Cách tra cứu tình trạng xử lý:",
        f"  - Trả lời thư này (giữ nguyên mã [{code}] trong tiêu đề) để bổ sung thông tin;",
        f"  - Hoặc gửi mã {code} cho trợ lý ảo thủ tục hành chính của tỉnh (hỏi đáp trực "
        "tuyến, Telegram) hoặc đọc mã khi gọi đường dây nóng.",
    ]


def _footer() -> list[str]:
    return ["", "Thư này được gửi tự động, vui lòng không thay đổi tiêu đề khi trả lời.",
            "Đường dây nóng thủ tục hành chính tỉnh Bắc Giang"]


def _ack_body(ctx: AckContext) -> tuple[str, str]:
    view = ctx.view
    assert view is not None
    lines = [_greeting(ctx), ""]
    if ctx.purpose is Purpose.ACK_REPLY:
        subject = f"[{view.code}] Đã nhận thông tin bổ sung"
        lines += [f"Thông tin bổ sung của Ông/Bà cho phản ánh {view.code} đã được tiếp nhận "
                  "và chuyển tới đơn vị đang xử lý.", ""]
    else:
        subject = f"[{view.code}] Đã tiếp nhận phản ánh, kiến nghị"
        lines += ["Đường dây nóng thủ tục hành chính tỉnh Bắc Giang đã tiếp nhận phản ánh, "
                  "kiến nghị của Ông/Bà.", ""]
    lines += [f"Mã tra cứu: {view.code}",
              f"Đơn vị xử lý: {view.queue_name or view.queue_code or 'đang phân loại'}",
              f"Hạn trả lời: {as_datetime_text(view.due_at) or 'theo quy định'}"]
    if ctx.related_code:
        lines.append(f"Phản ánh này được ghi nhận là phản ánh mới, có liên quan tới phản ánh "
                     f"{ctx.related_code} (chỉ người gửi phản ánh đó mới bổ sung được vào "
                     "phản ánh đó).")
    lines += _file_lines(ctx)
    lines += _refused_lines(ctx.refused)
    lines += ["", *_status_help(view.code), *_footer()]
    return subject, "\n".join(lines)


def _rejected_body(ctx: AckContext) -> tuple[str, str]:
    lines = [_greeting(ctx), "",
             "Thư của Ông/Bà gửi tới đường dây nóng thủ tục hành chính chưa được tiếp nhận:",
             f"  {ctx.problem_vi or 'Nội dung không hợp lệ.'}", "",
             "Vui lòng gửi lại thư, ghi rõ nội dung phản ánh, kiến nghị, địa điểm xảy ra sự "
             "việc và thông tin liên hệ.", *_footer()]
    return "Chưa tiếp nhận được phản ánh của Ông/Bà", "\n".join(lines)


def _subject_with_original(subject: str, ctx: AckContext) -> str:
    """Our subject, followed by the sender's (links removed) only for a verified From."""
    original = safe_echo(ctx.mail.subject) if ctx.verified else ""
    if original:
        subject = f"{subject}: {original}"
    subject = without_replacement(subject)
    return subject if len(subject) <= SUBJECT_LIMIT else subject[:SUBJECT_LIMIT - 1] + "…"


def _references(mail: ParsedMail) -> str:
    ids = [*mail.references[-10:], *([mail.message_id] if mail.message_id else [])]
    return " ".join(f"<{i}>" for i in dict.fromkeys(ids))


def _threading(mail: ParsedMail) -> dict[str, str]:
    """In-Reply-To/References of the citizen's message (our Message-ID, ``X-Loop`` and
    ``Auto-Submitted`` are added by ``enqueue`` and the SMTP transport)."""
    if not mail.message_id:
        return {}
    return {"In-Reply-To": f"<{mail.message_id}>", "References": _references(mail)}


def _held(session: Session, ctx: AckContext, settings: MailSettings,
          now: datetime) -> AckOutcome | None:
    """Why the acknowledgement must not go out, or ``None``."""
    if ctx.recipient in settings.our_addresses:
        return AckOutcome.OURS
    if acks_today(session, ctx.recipient, now) >= settings.ack_limit_per_day:
        return AckOutcome.SENDER_LIMIT
    if acks_last_hour(session, now) >= settings.ack_limit_per_hour:
        log.warning("mail: the hourly limit of %d acknowledgements is reached; further "
                    "acknowledgements are held (see /admin/mail)", settings.ack_limit_per_hour)
        return AckOutcome.HOURLY_LIMIT
    return None


def queue_ack(session: Session, ctx: AckContext, settings: MailSettings,
              now: datetime) -> AckOutcome:
    """Queue the acknowledgement in ``session``, unless a limit holds it back (or it
    would go to ourselves); what happened."""
    held = _held(session, ctx, settings, now)
    if held is not None:
        return held
    if ctx.purpose is Purpose.REJECTED:
        subject, body = _rejected_body(ctx)
    else:
        subject, body = _ack_body(ctx)
    letter = Letter(_subject_with_original(subject, ctx), without_replacement(body))
    enqueue(session, Outgoing(Channel.EMAIL, ctx.recipient, ctx.purpose, letter,
                              ctx.complaint_id, ctx.view.code if ctx.view else None,
                              headers=_threading(ctx.mail),
                              dedup_key=hashed_key("mail", ctx.dedup_key)),
            settings.mail_domain, now)
    return AckOutcome.QUEUED


__all__ = ["AckContext", "Purpose", "acks_last_hour", "acks_today", "queue_ack", "safe_echo"]
