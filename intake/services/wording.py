"""The Vietnamese the console shows for what the services store as codes.

History events, who did them, outgoing messages and their delivery state, roles, the
kinds of unit, deadlines as working-day countdowns, and the short subject of a queue
line. Pure functions over snapshots: the pages show these strings, the tables keep the
codes (a code stays available as a tooltip where staff may need it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from intake.deadlines import VIETNAM, working_days_between
from intake.models import RUNNING_VALUES, Channel, Status
from intake.services.views import EventView

ROLE_VI = {"staff": "Cán bộ", "coordinator": "Điều phối", "admin": "Quản trị"}
QUEUE_KIND_VI = {"provincial": "Sở, ban, ngành tỉnh", "central": "Cơ quan Trung ương",
                 "district": "UBND cấp huyện", "commune": "UBND cấp xã"}
QUEUE_CHANGE_VI = {"created": "Thêm mới", "renamed": "Đổi tên", "retired": "Ngừng hoạt động",
                   "reactivated": "Hoạt động lại", "merged": "Sáp nhập",
                   "moved": "Chuyển cấp quản lý"}
PURPOSE_VI = {"ack": "Xác nhận đã tiếp nhận", "ack_reply": "Xác nhận đã nhận thư bổ sung",
              "rejected": "Thông báo không tiếp nhận", "recorded": "Xác nhận ghi nhận qua "
              "điện thoại/trực tiếp", "answer": "Trả lời", "info_request":
              "Đề nghị bổ sung thông tin", "status": "Thông báo trạng thái",
              "merged": "Thông báo gộp phản ánh", "digest": "Bản tin hằng ngày"}
DELIVERY_VI = {"pending": "chờ gửi", "sent": "đã gửi", "failed": "lỗi"}
CHANNEL_VI = {"web": "Web", "telegram": "Telegram", "email": "Email", "phone": "Điện thoại",
              "walk_in": "Trực tiếp", "chat": "Trò chuyện trên web"}
# How a reply reached a citizen that no message can reach (phone, desk, web chat).
ANSWERED_BY_VI = {"call": "đã gọi lại cho người dân", "in_person": "đã trả lời trực tiếp",
                  "lookup": "người dân xem khi tra cứu bằng mã"}
# The administration audit's actions (``admin_events.action``) as the admin pages show them.
ADMIN_ACTION_VI = {
    "user_created": "Tạo tài khoản", "user_updated": "Đổi vai trò, đơn vị",
    "user_deactivated": "Khoá tài khoản", "user_reactivated": "Mở lại tài khoản",
    "password_reset": "Đặt lại mật khẩu", "access_denied": "Bị từ chối truy cập",
    "organisation_reloaded": "Nạp lại cơ cấu tổ chức",
    "catalog_imported": "Nhập danh mục thủ tục", "mail_retried": "Xử lý lại thư cách ly"}
# What a refused person tried to reach (the ``access_denied`` line's target).
ADMIN_AREA_VI = {
    "admin": "Trang quản trị", "users": "Trang tài khoản", "users:create": "Tạo tài khoản",
    "users:update": "Sửa tài khoản", "users:active": "Khoá/mở tài khoản",
    "users:password": "Đặt lại mật khẩu", "organisation": "Trang cơ cấu tổ chức",
    "organisation:reload": "Nạp lại cơ cấu tổ chức", "catalog": "Trang danh mục thủ tục",
    "catalog:dry-run": "Kiểm tra tệp danh mục", "catalog:import": "Nhập danh mục thủ tục",
    "mail": "Trang hộp thư", "mail:retry": "Xử lý lại thư cách ly"}
_CODE_WORD = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s|\n")
SHORT_SUBJECT_CHARS = 90


# Statuses as staff read them. Citizens read ``lifecycle.LABELS_VI`` ("Đã chuyển đơn vị
# xử lý" tells a citizen where their complaint went); for staff a routed complaint is
# a new one nobody has taken yet.
STAFF_STATUS_VI = {
    Status.RECEIVED.value: "Mới tiếp nhận", Status.ROUTED.value: "Mới, chưa nhận xử lý",
    Status.IN_PROGRESS.value: "Đang xử lý",
    Status.WAITING_FOR_CITIZEN.value: "Chờ công dân bổ sung",
    Status.ANSWERED.value: "Đã trả lời", Status.CLOSED.value: "Đã kết thúc",
    Status.REJECTED.value: "Không tiếp nhận"}


def status_vi(status: str) -> str:
    """A status as the console shows it to staff."""
    return STAFF_STATUS_VI.get(status, status)


@dataclass(frozen=True)
class Deadline:
    """A due date as staff read it: the words and a tone for the colour."""

    text: str
    tone: str  # overdue, today, soon, ok, paused, done, none


def deadline(due: datetime | None, status: str, now: datetime) -> Deadline:
    """"Còn 2 ngày làm việc", "Đến hạn hôm nay", "Quá hạn 3 ngày làm việc", or "Tạm dừng
    chờ công dân bổ sung" while the clock is paused; counted in working days, Vietnam."""
    if status == Status.WAITING_FOR_CITIZEN.value:
        return Deadline("Tạm dừng chờ công dân bổ sung", "paused")
    if status not in RUNNING_VALUES:
        return Deadline("Đã kết thúc" if status != Status.ANSWERED.value else "Đã trả lời",
                        "done")
    if due is None:
        return Deadline("Chưa có hạn", "none")
    today = now.astimezone(VIETNAM).date()
    due_day = due.astimezone(VIETNAM).date()
    if due < now:
        late = working_days_between(due_day, today)
        return Deadline(f"Quá hạn {late} ngày làm việc" if late else "Quá hạn hôm nay",
                        "overdue")
    if due_day == today:
        return Deadline("Đến hạn hôm nay", "today")
    left = max(1, working_days_between(today, due_day))
    return Deadline(f"Còn {left} ngày làm việc", "soon" if left <= 2 else "ok")


def short_subject(subject: str, channel: str) -> str:
    """The mail subject as it is, else the first sentence, shortened to one line."""
    text = " ".join(subject.split())
    if channel != Channel.EMAIL.value:
        text = _SENTENCE_END.split(text, maxsplit=1)[0].strip()
    if len(text) > SHORT_SUBJECT_CHARS:
        text = text[:SHORT_SUBJECT_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text


def actor_vi(actor: str) -> str:
    """Who did it: a username, "Người dân", "Hệ thống"…"""
    kind, _, rest = actor.partition(":")
    if kind == "staff":
        return rest
    if kind == "citizen":
        return "Người dân"
    if actor == "system:routing":
        return "Hệ thống (phân loại tự động)"
    if actor == "system:mail" or kind == "mail":
        return "Hệ thống (hộp thư)"
    if actor == "system:org-change" or kind == "organisation":
        return "Hệ thống (thay đổi tổ chức)"
    if kind == "api":
        return f"Ứng dụng {rest} (Open311)"
    return "Hệ thống"


def with_unit_names(text: str, names: dict[str, str]) -> str:
    """``text`` with every known unit code (``XA_07798``) replaced by the unit's name."""
    return _CODE_WORD.sub(lambda m: names.get(m.group(0), m.group(0)), text)


def event_vi(event: EventView, names: dict[str, str]) -> str:
    """One history line in Vietnamese ("Trạng thái: Đang xử lý → Đã trả lời")."""
    data = event.data
    unit = names.get(str(data.get("queue", "")), str(data.get("queue", "")))
    described = _DESCRIBE.get(event.kind)
    if described is not None:
        return described(data, unit)
    if event.kind.startswith("mail_"):
        return "Thư liên quan được lưu riêng (không tạo phản ánh mới)"
    return "Sự kiện khác của hệ thống"


def _status(data: dict[str, Any], _unit: str) -> str:
    before = status_vi(str(data["from"])) if data.get("from") else "—"
    return f"Trạng thái: {before} → {status_vi(str(data.get('to', '')))}"


def _reply(data: dict[str, Any], _unit: str) -> str:
    delivery = str(data.get("delivery", "none"))
    files = data.get("attachments")
    count = f", kèm {len(files)} tệp" if isinstance(files, list) and files else ""
    if delivery in ("email", "telegram"):
        return f"Trả lời người dân (gửi qua {CHANNEL_VI[delivery]}{count})"
    how = ANSWERED_BY_VI.get(str(data.get("answered_by", "")))
    return (f"Trả lời người dân ({how}{count})" if how
            else f"Trả lời người dân (không gửi tự động{count})")


def _attachment(data: dict[str, Any], _unit: str) -> str:
    if data.get("by_staff"):
        return f"Cán bộ gửi kèm tệp “{str(data.get('filename', ''))[:255]}” với câu trả lời"
    return "Thêm tệp đính kèm"


def _routed(data: dict[str, Any], unit: str) -> str:
    if data.get("rule") == "manual_transfer":
        return f"Chuyển đơn vị: {unit}"
    return f"Phân loại, chuyển đến: {unit}"


_DESCRIBE: dict[str, Callable[[dict[str, Any], str], str]] = {
    "created": lambda d, u: "Tiếp nhận phản ánh",
    "routed": _routed,
    "transferred": lambda d, u: f"Chuyển đơn vị do thay đổi tổ chức: {u}",
    "status": _status,
    "taken": lambda d, u: "Nhận xử lý",
    "reply": _reply,
    "ask_info": lambda d, u: "Đề nghị người dân bổ sung thông tin",
    "note": lambda d, u: "Ghi chú nội bộ",
    "merged": lambda d, u: f"Gộp (trùng lặp) vào {d.get('into', '')}",
    "merged_from": lambda d, u: f"Nhận gộp phản ánh trùng {d.get('from', '')}",
    "kind": lambda d, u: "Phân loại đơn, tính lại hạn xử lý",
    "clock_resumed": lambda d, u: (f"Tiếp tục tính hạn (đã tạm dừng "
                                   f"{d.get('lost_working_days', 0)} ngày làm việc)"),
    "delivery_failed": lambda d, u: "Gửi tin cho người dân không thành công",
    "access_denied": lambda d, u: "Truy cập bị từ chối (ngoài đơn vị được giao)",
    "attachment": _attachment,
    "location": lambda d, u: "Thêm vị trí trên bản đồ",
    "linked": lambda d, u: "Thư liên quan được gắn vào phản ánh",
    "message": lambda d, u: "Người dân gửi thêm thông tin",
    "letter_in_files": lambda d, u: "Nội dung thư nằm trong tệp đính kèm",
    # issue 16: satisfaction and published answers
    "satisfaction_asked": lambda d, u: "Hỏi mức độ hài lòng của người dân",
    "satisfaction": lambda d, u: f"Người dân đánh giá mức hài lòng: {d.get('score', '?')}/5",
    "satisfaction_comment": lambda d, u: "Người dân gửi góp ý về kết quả giải quyết",
    "publication_proposed": lambda d, u: "Đề nghị công khai câu trả lời",
    "published": lambda d, u: "Câu trả lời được công khai (ẩn danh)",
    "publication_refused": lambda d, u: "Không công khai câu trả lời",
    "publication_withdrawn": lambda d, u: "Gỡ câu trả lời khỏi trang công khai",
}

def admin_action_vi(action: str) -> str:
    """An administration audit action in Vietnamese; an action no table knows yet is
    named generically rather than shown as its code."""
    return ADMIN_ACTION_VI.get(action, "Thao tác quản trị khác")


def admin_target_vi(action: str, target: str | None) -> str:
    """The audit line's object: for a refusal, the page or action that was refused (in
    Vietnamese); otherwise the username, file or message it concerns as stored."""
    if not target:
        return "—"
    if action == "access_denied":
        return ADMIN_AREA_VI.get(target, ADMIN_AREA_VI.get(target.split(":")[0], target))
    return target


# The catalog importer's reasons (English, for the command line and the logs) as the
# administration page shows them; a reason no pattern knows is shown as it is.
_CATALOG_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), words) for pattern, words in (
        (r"(\w+) is missing or empty", r"thiếu \1 (hoặc để trống)"),
        (r"(^|: )missing ", r"\1thiếu "),
        (r"expected text, got (\w+)", r"cần văn bản, nhận được kiểu \1"),
        (r"text of (\d+) characters exceeds (\d+)", r"văn bản dài \1 ký tự, vượt giới hạn \2"),
        (r"ma_tthc (.+) is not a procedure code \(letters, digits, '\.', '-', '_'\)",
         r"ma_tthc \1 không phải mã thủ tục (chỉ gồm chữ, số, '.', '-', '_')"),
        (r"unknown level (.+) \(expected tinh, huyen, xa\)",
         r"cấp thực hiện không hợp lệ \1 (cần tinh, huyen, xa)"),
        (r"unknown channel (.+) \(expected truc_tiep, truc_tuyen, buu_chinh\)",
         r"hình thức nộp không hợp lệ \1 (cần truc_tiep, truc_tuyen, buu_chinh)"),
        (r"unknown level (.+) \(expected toan_trinh, mot_phan, thong_tin\)",
         r"mức độ dịch vụ công không hợp lệ \1 (cần toan_trinh, mot_phan, thong_tin)"),
        (r"invalid date (.+) \(expected YYYY-MM-DD\)",
         r"ngày không hợp lệ \1 (cần dạng YYYY-MM-DD)"),
        (r"invalid date (\S+): .*", r"ngày không hợp lệ \1"),
        (r"expected a number, got (.+)", r"cần một số, nhận được \1"),
        (r"(-?\d+) out of range", r"\1 ngoài khoảng cho phép (0–1000)"),
        (r"expected a list, got (\w+)", r"cần một danh sách, nhận được kiểu \1"),
    ))


def catalog_reason_vi(reason: str) -> str:
    """A catalog import rejection in Vietnamese (field names stay as in the file)."""
    for pattern, words in _CATALOG_REASONS:
        reason = pattern.sub(words, reason)
    return reason


__all__ = [
    "ADMIN_ACTION_VI",
    "ADMIN_AREA_VI",
    "ANSWERED_BY_VI",
    "CHANNEL_VI",
    "DELIVERY_VI",
    "PURPOSE_VI",
    "QUEUE_CHANGE_VI",
    "QUEUE_KIND_VI",
    "ROLE_VI",
    "Deadline",
    "actor_vi",
    "admin_action_vi",
    "admin_target_vi",
    "catalog_reason_vi",
    "deadline",
    "event_vi",
    "short_subject",
    "status_vi",
    "with_unit_names",
]
