"""The Vietnamese texts of what we send, one function per purpose.

Each returns a ``Letter`` (subject and body) from structured facts; no caller writes
the wording itself, and no transport reads facts back out of the wording (the
complaint code and the purpose travel as columns of the outbox row). The hotline
mailbox's acknowledgements are here too (``mail_acknowledgement``); ``intake.mail.ack``
only decides whether one may go out (limits, loops) and what of the sender's own words
is safe to repeat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from intake.deadlines import VIETNAM
from intake.org.province import Province

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


def satisfaction_comment_thanks(code: str) -> Letter:
    """The citizen added a comment to their rating of ``code``."""
    return Letter(f"[{code}] Cảm ơn góp ý của ông/bà",
                  f"Cảm ơn ông/bà đã góp ý về kết quả giải quyết phản ánh {code}. Cơ quan "
                  "sẽ xem xét để phục vụ tốt hơn.")


def published_notice(code: str, page_url: str) -> Letter:
    """The answer to ``code`` was published, anonymised, on the public page."""
    return Letter(f"[{code}] Câu trả lời được công khai",
                  f"Câu hỏi và câu trả lời của phản ánh {code} đã được đăng công khai "
                  "(đã ẩn họ tên, số điện thoại, email, số giấy tờ và địa chỉ) để người "
                  f"dân khác tham khảo:\n{page_url}")


@dataclass(frozen=True)
class MailAckFacts:
    """What a hotline-mailbox acknowledgement says. Everything the sender wrote comes in
    already made safe to repeat (``intake.mail.ack.safe_echo``), or not at all."""

    code: str
    queue_name: str | None
    due: datetime | None
    province: Province | None  # the province in force (``IntakeService.province``)
    is_reply: bool = False          # information added to an existing complaint
    name: str = ""                  # the verified sender's display name, or ""
    related_code: str | None = None  # a new complaint that mentions someone else's code
    scanned: tuple[str, ...] = ()   # the files holding a letter sent only as a file
    encrypted: bool = False         # S/MIME we cannot read
    kept_unread: tuple[str, ...] = ()  # Outlook files kept as they are
    refused: tuple[tuple[str, str], ...] = ()  # (file name, reason code)


REFUSAL_VI = {
    "too_large": "vượt quá dung lượng cho phép",
    "type_not_allowed": "định dạng tệp không được chấp nhận",
    "too_many": "vượt quá số tệp đính kèm cho phép",
}


def hotline(province: Province | None) -> str:
    """The hotline's name, which is its signature: "Đường dây nóng thủ tục hành chính
    tỉnh Bắc Ninh" (the province in force; without a name when none is known)."""
    base = "Đường dây nóng thủ tục hành chính"
    return f"{base} {province.in_sentence}" if province else base


def _greeting(name: str) -> str:
    return f"Kính gửi Ông/Bà {name}," if name else "Kính gửi Ông/Bà,"


def _mail_footer(province: Province | None) -> list[str]:
    return ["", "Thư này được gửi tự động, vui lòng không thay đổi tiêu đề khi trả lời.",
            hotline(province)]


def _file_lines(facts: MailAckFacts) -> list[str]:
    """What was done with a letter sent as a file, and with files we could not open."""
    lines: list[str] = []
    if facts.scanned:
        lines += ["", "Nội dung phản ánh được gửi dưới dạng tệp đính kèm ("
                  + ", ".join(facts.scanned) + "); cán bộ tiếp nhận sẽ đọc nội dung trong "
                  "tệp."]
    if facts.encrypted:
        lines += ["", "Thư của Ông/Bà được mã hoá (S/MIME) nên đường dây nóng không đọc được "
                  "nội dung; thư đã được lưu nguyên vẹn cùng phản ánh. Ông/Bà vui lòng gửi lại "
                  "nội dung phản ánh không mã hoá (thư thường, có thể kèm chữ ký số) bằng cách "
                  "trả lời thư này."]
    if facts.kept_unread:
        lines += ["", "Tệp " + ", ".join(facts.kept_unread) + " (định dạng riêng của "
                  "Outlook) đã được lưu nguyên vẹn cùng phản ánh. Nếu trong đó có tài liệu, "
                  "Ông/Bà vui lòng gửi lại tài liệu dưới dạng PDF hoặc ảnh bằng cách trả lời "
                  "thư này."]
    if facts.refused:
        lines += ["", "Các tệp đính kèm sau không được tiếp nhận:"]
        lines += [f"  - {name}: {REFUSAL_VI.get(reason, reason)}"
                  for name, reason in facts.refused]
        lines.append("Ông/Bà có thể gửi lại tệp nhỏ hơn (PDF, ảnh, văn bản) bằng cách trả "
                     "lời thư này.")
    return lines


def _status_help(code: str) -> list[str]:
    return [
        "Cách tra cứu tình trạng xử lý:",
        f"  - Trả lời thư này (giữ nguyên mã [{code}] trong tiêu đề) để bổ sung thông tin;",
        f"  - Hoặc gửi mã {code} cho trợ lý ảo thủ tục hành chính của tỉnh (hỏi đáp trực "
        "tuyến, Telegram) hoặc đọc mã khi gọi đường dây nóng.",
    ]


def mail_acknowledgement(facts: MailAckFacts) -> Letter:
    """The hotline mailbox received a complaint, or information added to one."""
    code = facts.code
    lines = [_greeting(facts.name), ""]
    if facts.is_reply:
        subject = f"[{code}] Đã nhận thông tin bổ sung"
        lines += [f"Thông tin bổ sung của Ông/Bà cho phản ánh {code} đã được tiếp nhận "
                  "và chuyển tới đơn vị đang xử lý.", ""]
    else:
        subject = f"[{code}] Đã tiếp nhận phản ánh, kiến nghị"
        lines += [f"{hotline(facts.province)} đã tiếp nhận phản ánh, kiến nghị của Ông/Bà.",
                  ""]
    due = facts.due.astimezone(VIETNAM).strftime("%d/%m/%Y") if facts.due else "theo quy định"
    lines += [f"Mã tra cứu: {code}",
              f"Đơn vị xử lý: {facts.queue_name or 'đang phân loại'}",
              f"Hạn trả lời: {due}"]
    if facts.related_code:
        lines.append(f"Phản ánh này được ghi nhận là phản ánh mới, có liên quan tới phản ánh "
                     f"{facts.related_code} (chỉ người gửi phản ánh đó mới bổ sung được vào "
                     "phản ánh đó).")
    lines += _file_lines(facts)
    lines += ["", *_status_help(code), *_mail_footer(facts.province)]
    return Letter(subject, "\n".join(lines))


def mail_rejection(name: str, problem_vi: str | None, province: Province | None) -> Letter:
    """A letter to the hotline mailbox that could not be taken as a complaint."""
    lines = [_greeting(name), "",
             "Thư của Ông/Bà gửi tới đường dây nóng thủ tục hành chính chưa được tiếp nhận:",
             f"  {problem_vi or 'Nội dung không hợp lệ.'}", "",
             "Vui lòng gửi lại thư, ghi rõ nội dung phản ánh, kiến nghị, địa điểm xảy ra sự "
             "việc và thông tin liên hệ.", *_mail_footer(province)]
    return Letter("Chưa tiếp nhận được phản ánh của Ông/Bà", "\n".join(lines))


# -- What the chat front ends and the assistant say themselves, naming the province ---


def telegram_welcome(province: Province) -> str:
    """Telegram's /start: what the channel does, for the province in force."""
    return ("Xin chào! Đây là kênh tiếp nhận phản ánh, kiến nghị và hướng dẫn thủ tục hành "
            f"chính của {province.in_sentence}. Bạn có thể:\n"
            "• hỏi về một thủ tục (giấy tờ, thời hạn, lệ phí, nơi nộp)\n"
            "• gửi phản ánh, kiến nghị — kèm ảnh, tệp (PDF, Word, Excel) và vị trí trên bản đồ\n"
            "• tra cứu phản ánh: /trangthai PA-XXXXXXXX\n"
            "• bổ sung cho phản ánh đã gửi: 'bổ sung PA-XXXXXXXX <nội dung>'\n"
            "Gõ /huy để dừng việc đang làm, /help để xem hướng dẫn.")


def web_chat_greeting(province: Province | None) -> str:
    """The web chat's first line (its three ways in follow as buttons); without the
    province's name when it could not be read."""
    of = f" của {province.in_sentence}" if province else ""
    return f"Xin chào! Tôi là trợ lý phản ánh, kiến nghị{of}. Tôi có thể giúp bạn:"


def chat_acknowledgement(code: str, queue_name: str | None, due_text: str,
                         province: Province) -> str:
    """A complaint filed in a conversation (web chat, Telegram): its tracking code, who
    handles it and by when."""
    return "\n".join([
        f"Đã tiếp nhận phản ánh của bạn gửi cơ quan nhà nước {province.in_sentence}. "
        f"Mã tra cứu: {code}",
        f"Đơn vị xử lý: {queue_name or 'đang phân loại'}",
        f"Hạn trả lời dự kiến: {due_text}",
        f"Bạn có thể tra cứu tình trạng bằng cách nhắn 'tra cứu {code}'."])


def place_not_found(place: str, hint: str, province: Province) -> str:
    """The complaint form's place question: ``place`` is not one of the province's."""
    return (f"Tôi chưa tìm thấy địa danh '{place}' trong {province.in_sentence}. {hint} "
            "Nếu đúng là địa điểm bạn muốn ghi, hãy gửi lại y như cũ.")
