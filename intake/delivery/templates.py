"""The Vietnamese texts of what we send, one function per purpose.

Each returns a ``Letter`` (subject and body) from structured facts; no caller writes
the wording itself, and no transport reads facts back out of the wording (the
complaint code and the purpose travel as columns of the outbox row). The e-mail
acknowledgements of the hotline mailbox, which depend on the parsed mail, are composed
in ``intake.mail.ack`` and enqueued here like everything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from intake.deadlines import VIETNAM

SUBJECT_LIMIT = 998  # RFC 5322 line length; the outbox column's size


@dataclass(frozen=True)
class Letter:
    """A subject line and a plain-text body."""

    subject: str
    body: str


def _headline(code: str, label: str) -> str:
    return f"Phản ánh {code}: {label}."


def status_notice(code: str, label: str, reason: str | None = None,
                  answer: str | None = None) -> Letter:
    """The complaint ``code`` is now ``label`` (Vietnamese status label); the reason
    staff gave and, for an answered complaint, the answer itself."""
    lines = [_headline(code, label)]
    if reason:
        lines.append(reason)
    if answer and answer != reason:
        lines += ["", "Trả lời của cơ quan:", answer]
    return Letter(f"[{code}] {label}", "\n".join(lines))


def answer(code: str, label: str, text: str) -> Letter:
    """Staff answered the complaint ``code``."""
    return Letter(f"[{code}] {label}",
                  f"{_headline(code, label)}\n\nTrả lời của cơ quan:\n{text}")


def info_request(code: str, label: str, question: str) -> Letter:
    """Staff need more information on ``code``; how to send it."""
    return Letter(f"[{code}] {label}",
                  f"{_headline(code, label)}\n\n{question}\n\n"
                  f"Ông/Bà vui lòng trả lời tin nhắn này hoặc gửi \"bổ sung {code}: …\" "
                  "kèm thông tin được yêu cầu.")


def merged(code: str, label: str, into: str) -> Letter:
    """``code`` was closed as a duplicate of ``into``."""
    return Letter(f"[{code}] {label}",
                  f"{_headline(code, label)}\n\nPhản ánh này trùng với phản ánh {into}; kết "
                  f"quả xử lý sẽ được thông báo theo mã {into}.")


def recorded(code: str, label: str, by_phone: bool, queue_name: str | None) -> Letter:
    """A complaint taken on the hotline phone or at the one-stop desk was filed."""
    where = "điện thoại" if by_phone else "bộ phận một cửa"
    return Letter(f"[{code}] {label}",
                  f"{_headline(code, label)}\n\nCơ quan đã tiếp nhận phản ánh của ông/bà qua "
                  f"{where}.\nMã tra cứu: {code}\nĐơn vị xử lý: {queue_name or ''}")


@dataclass(frozen=True)
class DigestFacts:
    """What one queue's daily digest reports."""

    day: date
    queue_code: str
    queue_name: str
    open_count: int
    waiting_count: int
    overdue: list[tuple[str, str, datetime]]  # code, subject, due date
    overdue_capped: bool


def digest(facts: DigestFacts) -> Letter:
    """The daily digest of one queue, for its staff."""
    more = "+" if facts.overdue_capped else ""
    lines = [f"Tổng hợp phản ánh ngày {facts.day.strftime('%d/%m/%Y')} — {facts.queue_name} "
             f"({facts.queue_code})", "",
             f"Đang mở: {facts.open_count} (chờ người dân bổ sung: {facts.waiting_count})",
             f"Quá hạn: {len(facts.overdue)}{more}", ""]
    lines += [f"- {code} (hạn {due.astimezone(VIETNAM).strftime('%d/%m/%Y')}): {subject}"
              for code, subject, due in facts.overdue]
    subject = (f"[PAKN] {facts.queue_name}: {facts.open_count} đang mở, "
               f"{len(facts.overdue)} quá hạn")
    return Letter(subject[:SUBJECT_LIMIT], "\n".join(lines))


def api_received(code: str, label: str, queue_name: str | None, due: datetime | None,
                 service_name: str) -> Letter:
    """A complaint filed for the citizen by a client application (Open311 API)."""
    due_text = due.astimezone(VIETNAM).strftime("%d/%m/%Y") if due else "—"
    return Letter(f"[{code}] {label}",
                  f"{_headline(code, label)}\n\nCơ quan đã tiếp nhận phản ánh của ông/bà "
                  f"(lĩnh vực: {service_name}).\nMã tra cứu: {code}\n"
                  f"Đơn vị xử lý: {queue_name or ''}\nHạn xử lý: {due_text}")


def satisfaction_request(code: str, link: str | None) -> Letter:
    """After a complaint is resolved: how satisfied is the citizen (1–5)? ``link``: the
    signed page where they answer (e-mail); without it the channel shows buttons."""
    body = (f"Phản ánh {code} đã được giải quyết xong. Ông/Bà hài lòng với kết quả giải "
            "quyết ở mức nào? (1 = rất không hài lòng, 5 = rất hài lòng)")
    if link:
        body += f"\n\nÔng/Bà vui lòng đánh giá và góp ý (nếu có) tại:\n{link}"
    return Letter(f"[{code}] Đánh giá mức độ hài lòng", body)


def satisfaction_thanks(code: str, score: int, link: str | None) -> Letter:
    """The citizen rated ``code``; ``link``: where to add a comment."""
    body = f"Cảm ơn ông/bà đã đánh giá phản ánh {code}: {score}/5."
    if link:
        body += f"\nÔng/Bà có thể gửi thêm góp ý tại:\n{link}"
    return Letter(f"[{code}] Cảm ơn ông/bà đã đánh giá", body)


def published_notice(code: str, page_url: str) -> Letter:
    """The answer to ``code`` was published, anonymised, on the public page."""
    return Letter(f"[{code}] Câu trả lời được công khai",
                  f"Câu hỏi và câu trả lời của phản ánh {code} đã được đăng công khai "
                  "(đã ẩn họ tên, số điện thoại, email, số giấy tờ và địa chỉ) để người "
                  f"dân khác tham khảo:\n{page_url}")
