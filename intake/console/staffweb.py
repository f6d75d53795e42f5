"""The staff console pages: the queue, one complaint, its attachments and the actions.

Server-rendered (Jinja2, autoescape on: whatever a citizen wrote is shown as text, a
``<script>`` stays inert), no JavaScript. Pages send a strict Content-Security-Policy
(``intake.console.guards``); attachments are served with safe types: only raster images
inline, everything else as ``application/octet-stream`` with ``Content-Disposition:
attachment``, always ``nosniff`` and a sandboxing CSP, so an HTML file is never rendered
in the console's origin. The handlers are plain ``def`` (FastAPI runs them in its thread
pool): database work never blocks the event loop that serves the public web chat.
Query and path values are validated (400 with a Vietnamese message, never a 500).
``install`` wires it into the app (one line in ``app.py``).
"""

from __future__ import annotations

import logging
import time as time_module
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import anyio.from_thread
from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.datastructures import UploadFile

from intake.codes import parse_code
from intake.config import Settings
from intake.console import publicweb
from intake.console.admin import AdminOnly, AdminService
from intake.console.adminweb import AdminConsole, is_admin
from intake.console.auth import Accounts, Auth, NotSignedIn, SessionCodec, StaffIdentity
from intake.console.guards import FILE_CSP, DbId, install_error_pages
from intake.console.limits import FORM_BYTES, budget_of
from intake.deadlines import VIETNAM
from intake.enums import Channel, Status
from intake.errors import ComplaintNotFound, InvalidTrackingCode, SenderError, ValidationError
from intake.mail.config import load_mail_settings
from intake.mail.ingest import SCANNED_EVENT, IngestResult, MailIngestor
from intake.services.attachments import (
    FILE_LINK_PATH,
    REPLY_MAX_FILE_BYTES,
    REPLY_MAX_FILES,
    AttachmentService,
    AttachmentView,
    ReplyFile,
)
from intake.services.complaints import IntakeService
from intake.services.factory import get_service
from intake.services.reports import Reports, to_csv
from intake.services.staff import (
    VIEWS_VI,
    AccessDenied,
    QueueFilter,
    RecordedCall,
    StaffService,
)
from intake.services.views import EventView
from intake.services.wording import (
    ANSWERED_BY_VI,
    CHANNEL_VI,
    DELIVERY_VI,
    PURPOSE_VI,
    QUEUE_CHANGE_VI,
    QUEUE_KIND_VI,
    ROLE_VI,
    catalog_reason_vi,
    status_vi,
)

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
INLINE_IMAGES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
FIRST_REPORT_DAY = date(2000, 1, 1)
LAST_REPORT_DAY = date(2100, 12, 31)
DONE_VI = {
    "take": "Đã nhận xử lý phản ánh.",
    "ask": "Đã yêu cầu người dân bổ sung thông tin.", "transfer": "Đã chuyển đơn vị.",
    "resolve": "Đã kết thúc phản ánh.", "reject": "Đã từ chối phản ánh.",
    "note": "Đã lưu ghi chú nội bộ.", "merge": "Đã gộp vào phản ánh khác.",
    "kind": "Đã phân loại đơn; hạn xử lý tính lại theo loại đơn.",
}
# What a reply did, by how it reached the citizen (``via``): nothing is called "sent"
# that no channel can carry.
REPLY_DONE_VI = {
    "email": "Đã xếp trả lời vào hàng gửi email; trạng thái gửi xem ở mục \"Tin đã gửi "
             "người dân\".",
    "telegram": "Đã xếp trả lời vào hàng gửi Telegram; trạng thái gửi xem ở mục \"Tin đã "
                "gửi người dân\".",
    "call": "Đã ghi nhận câu trả lời: đã gọi lại cho người dân.",
    "in_person": "Đã ghi nhận câu trả lời: đã trả lời trực tiếp.",
    "lookup": "Đã lưu câu trả lời; người dân xem khi tra cứu bằng mã phản ánh.",
    "none": "Đã lưu câu trả lời; không kênh nào gửi được tới người dân — hãy liên hệ "
            "trực tiếp.",
}
# Actions that cannot be undone ask "are you sure?" on a page of their own (no script).
CONFIRM_VI = {
    "resolve": "Kết thúc phản ánh {code}? Người dân sẽ nhận thông báo phản ánh đã kết thúc.",
    "reject": "Từ chối phản ánh {code}? Người dân sẽ nhận thông báo kèm lý do.",
    "merge": "Gộp phản ánh {code} vào {into}? Phản ánh {code} sẽ kết thúc và người dân "
             "được báo theo dõi mã {into}.",
}
SORT_VI = {"code": "Mã", "received": "Tiếp nhận", "due": "Hạn xử lý", "status": "Trạng thái",
           "unit": "Đơn vị"}
UNIT_NAMES_SECONDS = 60.0
# A reply with files: every file at its limit plus the form around them. Only a
# signed-in member of staff whose CSRF token is in the form's URL gets this budget
# (checked before the body is read); a file over its own limit is then refused with the
# typed text kept, a body over this budget is a 413.
REPLY_BYTES = REPLY_MAX_FILES * (REPLY_MAX_FILE_BYTES + 4096) + FORM_BYTES


def files_first(events: list[EventView], attachments: list[AttachmentView]) -> list[AttachmentView]:
    """The attachments that hold a letter sent as a file, in the letter's order: named by
    the mail intake's ``letter_in_files`` event (one stored file per name, the first)."""
    names: list[str] = []
    for event in events:
        if event.kind == SCANNED_EVENT:
            names += [str(n) for n in event.data.get("files", []) if str(n) not in names]
    by_name: dict[str, AttachmentView] = {}
    for attachment in attachments:
        by_name.setdefault(attachment.filename, attachment)
    return [by_name[name] for name in names if name in by_name]


def vn_time(value: datetime | None) -> str:
    """``dd/mm/yyyy HH:MM`` in Vietnam time (template filter)."""
    return value.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M") if value else "—"


class StaffConsole:
    """Routes of the queue and complaint pages over one ``StaffService``."""

    def __init__(self, staff: StaffService, auth: Auth, templates: Jinja2Templates,
                 settings: Settings) -> None:
        self.staff = staff
        self.auth = auth
        self.templates = templates
        self.settings = settings
        self.reports = Reports(staff.db)
        self._names: dict[str, str] = {}
        self._names_at = -UNIT_NAMES_SECONDS - 1
        self.router = APIRouter()
        add = self.router.add_api_route
        add("/queue", self.queue_page, methods=["GET"], response_class=HTMLResponse)
        add("/reports", self.reports_page, methods=["GET"], response_class=HTMLResponse)
        add("/reports.csv", self.reports_csv, methods=["GET"])
        add("/complaints/new", self.call_page, methods=["GET"], response_class=HTMLResponse)
        add("/complaints/new", self.record_call, methods=["POST"])
        add("/complaints/{code}", self.complaint_page, methods=["GET"],
            response_class=HTMLResponse)
        add("/complaints/{code}/attachments/{attachment_id}", self.attachment, methods=["GET"])
        add("/complaints/{code}/actions/{action}", self.act, methods=["POST"])
        add(f"{FILE_LINK_PATH}{{token}}", self.answer_file, methods=["GET"])
        self.files = AttachmentService(staff.db, settings)

    def render(self, request: Request, name: str, context: dict[str, Any],
               status: int = 200) -> Response:
        """A page with the user, the CSRF token and the labels every page uses."""
        base = {"csrf": self.auth.csrf(request), "label": status_vi, "channels": CHANNEL_VI}
        return self.templates.TemplateResponse(request, name, base | context,
                                               status_code=status)

    def unit_name(self, code: str | None) -> str:
        """A unit's name for the pages (the code itself if unknown), cached a minute."""
        if not code:
            return "—"
        now = time_module.monotonic()
        if now - self._names_at > UNIT_NAMES_SECONDS:
            self._names, self._names_at = self.staff.unit_names(), now
        return self._names.get(code, code)

    def queue_page(self, request: Request) -> Response:
        """The complaints of the user's queues in a view, sorted, with filters."""
        user = self.auth.user(request)
        wanted = _filter_of(request)
        page = self.staff.queue(user, wanted)
        return self.render(request, "queue.html", {
            "user": user, "page": page, "wanted": wanted, "view": wanted.chosen_view,
            "views": VIEWS_VI, "sorts": SORT_VI, "done": _done_of(request),
            "statuses": list(Status), "channel_list": list(Channel)})

    def reports_page(self, request: Request) -> Response:
        """Per-queue figures over a period, with a bar chart and a CSV link."""
        user = self.auth.user(request)
        start, end = _period_of(request)
        rows = self.reports.per_queue(user, _day_start(start), _day_start(end, 1))
        top = max((r.received for r in rows), default=0) or 1
        return self.render(request, "reports.html", {
            "user": user, "rows": rows, "start": start, "end": end, "top": top})

    def reports_csv(self, request: Request) -> Response:
        """The same report as CSV."""
        user = self.auth.user(request)
        start, end = _period_of(request)
        rows = self.reports.per_queue(user, _day_start(start), _day_start(end, 1))
        name = f"pakn-bao-cao-{start.isoformat()}-{end.isoformat()}.csv"
        return Response(to_csv(rows).encode("utf-8"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    def call_page(self, request: Request) -> Response:
        """The form for a complaint received by phone or at the one-stop desk."""
        user = self.auth.user(request)
        return self.render(request, "record.html", {"user": user, "error": None,
                                                    "form": {}, "made": None})

    def record_call(self, request: Request) -> Response:
        """File the recorded complaint; show the tracking code to read out."""
        user, fields = self.auth.posted_form(request)
        channel = fields.get("channel", "")
        try:
            made = self.staff.record_call(user, RecordedCall(
                channel=Channel(channel) if channel in ("phone", "walk_in") else Channel.WEB,
                text=fields.get("text", ""), location=fields.get("location", ""),
                name=fields.get("name", ""), phone=fields.get("phone", ""),
                email=fields.get("email", "")))
        except SenderError as exc:
            return self.render(request, "record.html", {
                "user": user, "error": exc.message_vi, "form": fields, "made": None}, 400)
        return self.render(request, "record.html", {"user": user, "error": None,
                                                    "form": {}, "made": made})

    def complaint_page(self, request: Request, code: str) -> Response:
        """One complaint: the reply composer first, the citizen panel, thread, files,
        deliveries, routing reasons, the other actions in a menu, the history. A letter
        sent as a file (a scan, a photo) shows that file first: its text only says the
        content is attached. ``?template=N`` puts reply template N in the composer."""
        user = self.auth.user(request)
        return self._complaint(request, user, code, _done_of(request), None, None, {})

    def _complaint(self, request: Request, user: StaffIdentity, code: str, done: str | None,
                   error: str | None, failed: str | None, form: dict[str, str],
                   status: int = 200) -> Response:
        """The complaint page; after a refused action, its message and what was typed
        (``failed``: the action whose form gets ``form`` back)."""
        detail = self.staff.detail(user, code)
        first = files_first(detail.events, detail.attachments)
        shown = {a.id for a in first}
        templates = self.staff.reply_templates(detail.complaint)
        picked = request.query_params.get("template", "")
        if failed is None and picked.isdigit() and int(picked) < len(templates):
            failed, form = "reply", {"text": templates[int(picked)].body}
        return self.render(request, "complaint.html", {
            "user": user, "d": detail, "c": detail.complaint, "done": done, "error": error,
            "failed": failed, "form": form, "inline": INLINE_IMAGES, "first": first,
            "templates": templates, "answered_by": ANSWERED_BY_VI, "purposes": PURPOSE_VI,
            "delivery_states": DELIVERY_VI, "reply_max_files": REPLY_MAX_FILES,
            "reply_max_mb": REPLY_MAX_FILE_BYTES // (1024 * 1024),
            "others": [a for a in detail.attachments if a.id not in shown]}, status)

    def attachment(self, request: Request, code: str, attachment_id: DbId) -> Response:
        """An attachment's bytes with a safe type (images inline, the rest downloaded)."""
        user = self.auth.user(request)
        return self._file(self.staff.attachment(user, code, attachment_id))

    def answer_file(self, request: Request, token: str) -> Response:
        """A file staff sent with an answer, by the signed link in the answer a web-chat
        citizen reads (no sign-in; the link names one staff file of one complaint, a
        forged or altered one is a 404)."""
        return self._file(self.files.linked_file(token))

    def _file(self, found: AttachmentView) -> Response:
        """The file's bytes with a safe type (images inline, the rest downloaded): from
        the local directory as a file, or from the database store (``PAKN_RAW_STORE=db``,
        whichever machine stored it) as one body; the access check was made before."""
        inline = found.content_type in INLINE_IMAGES
        disposition = "inline" if inline else "attachment"
        headers = {
            "Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(found.filename)}",
            "X-Content-Type-Options": "nosniff", "Content-Security-Policy": FILE_CSP,
            "Cache-Control": "private, no-store"}
        media_type = found.content_type if inline else "application/octet-stream"
        path = self.files.local_path(found)
        if path is not None:
            if not path.is_file():
                raise ComplaintNotFound("attachment bytes missing")
            return FileResponse(path, media_type=media_type, headers=headers)
        try:
            data = self.files.read(found)
        except FileNotFoundError as exc:
            raise ComplaintNotFound("attachment bytes missing") from exc
        return Response(data, media_type=media_type, headers=headers)

    def act(self, request: Request, code: str, action: str) -> Response:
        """Run one action from its form (CSRF-checked), then back to the complaint with a
        message. Resolve, reject and merge first show a confirmation page; a refused
        action shows the complaint again with the reason and what was typed."""
        if action == "reply":
            user, fields, files = self._posted_reply(request)
        else:
            (user, fields), files = self.auth.posted_form(request), []
        if action in CONFIRM_VI and fields.get("confirmed") != "1":
            return self._confirm(request, user, code, action, fields)
        try:
            via = self._run(user, code, action, fields, files)
        except (AccessDenied, ComplaintNotFound, InvalidTrackingCode):
            raise
        except SenderError as exc:
            return self._complaint(request, user, code, None, exc.message_vi, action, fields,
                                   400)
        if action == "transfer" and not user.sees_all:
            return RedirectResponse(f"/queue?done={action}&code={quote(code)}",
                                    status_code=303)
        extra = f"&via={via}" if via else ""
        extra += f"&files={len(files)}" if files else ""
        return RedirectResponse(f"/complaints/{code}?done={action}{extra}", status_code=303)

    def _posted_reply(self, request: Request
                      ) -> tuple[StaffIdentity, dict[str, str], list[ReplyFile]]:
        """From a worker thread: the reply form (multipart) with its files. The person is
        checked before the body is read, and the files' budget is granted only when the
        CSRF token is in the URL too; the form's own token is checked as for any form."""
        user = self.auth.user(request)
        if self.auth.codec.csrf_ok(request, request.query_params.get("csrf")):
            budget_of(request).allow(REPLY_BYTES)
        fields, files = anyio.from_thread.run(_read_reply_form, request)
        if not self.auth.codec.csrf_ok(request, fields.get("csrf")):
            raise HTTPException(status_code=403, detail="CSRF token missing or invalid")
        return user, fields, files

    def _confirm(self, request: Request, user: StaffIdentity, code: str, action: str,
                 fields: dict[str, str]) -> Response:
        """The "are you sure?" page: the question and the same form, confirmed."""
        self.staff.detail(user, code)  # the access check (audited) before anything
        into = fields.get("into", "").strip()
        if action == "merge":
            try:
                into = parse_code(into)
            except InvalidTrackingCode:
                return self._complaint(request, user, code, None, (
                    f"Mã phản ánh cần gộp vào “{into[:40]}” không đúng định dạng "
                    "PA-XXXXXXXX."), action, fields, 400)
        question = CONFIRM_VI[action].format(code=code, into=into)
        kept = {k: v for k, v in fields.items() if k not in ("csrf", "confirmed")}
        return self.render(request, "confirm.html", {
            "user": user, "code": code, "action": action, "question": question,
            "fields": kept})

    def _run(self, user: StaffIdentity, code: str, action: str,
             f: dict[str, str], files: list[ReplyFile]) -> str | None:
        """Do ``action``; for a reply, how it reached the citizen (``REPLY_DONE_VI``)."""
        text = f.get("text", "")
        if action == "take":
            self.staff.take(user, code)
        elif action == "reply":
            answered_by = f.get("answered_by", "")
            delivery = self.staff.reply(user, code, text, answered_by, files)
            return answered_by if delivery == "none" and answered_by else delivery
        elif action == "ask":
            self.staff.ask_info(user, code, text)
        elif action == "transfer":
            self.staff.transfer(user, code, f.get("queue", ""), text)
        elif action == "resolve":
            self.staff.resolve(user, code, text)
            if f.get("publish") == "1":  # issue 16: propose the answer for publication
                publicweb.propose_on_resolve(self.staff, user, code, f.get("field", ""), text)
        elif action == "reject":
            self.staff.reject(user, code, text)
        elif action == "kind":
            self.staff.set_kind(user, code, f.get("kind", ""))
        elif action == "merge":
            self.staff.merge(user, code, f.get("into", ""), text)
        elif action == "note":
            self.staff.note(user, code, text)
        else:
            raise ComplaintNotFound(f"no action {action!r}")
        return None


class BadPeriod(ValidationError):
    """A report period outside the dates the console can count (400)."""

    message_vi = (f"Khoảng thời gian không hợp lệ: ngày phải từ "
                  f"{FIRST_REPORT_DAY:%d/%m/%Y} đến {LAST_REPORT_DAY:%d/%m/%Y}.")


def _period_of(request: Request) -> tuple[date, date]:
    """``from``/``to`` (inclusive dates, Vietnam) from the query; default: last 30 days.
    An unreadable date falls back to the default; a date outside 2000–2100 is a 400."""
    today = datetime.now(VIETNAM).date()
    def parse(key: str, default: date) -> date:
        try:
            day = date.fromisoformat(request.query_params.get(key, ""))
        except ValueError:
            return default
        if not FIRST_REPORT_DAY <= day <= LAST_REPORT_DAY:
            raise BadPeriod(f"{key} out of range")
        return day
    end = parse("to", today)
    start = parse("from", max(end - timedelta(days=29), FIRST_REPORT_DAY))
    return (start, end) if start <= end else (end, start)


def _day_start(day: date, plus_days: int = 0) -> datetime:
    return datetime.combine(day + timedelta(days=plus_days), time(0), tzinfo=VIETNAM)


def _filter_of(request: Request) -> QueueFilter:
    """The queue's view, filters and sort from the query string (unknown values
    ignored)."""
    params = request.query_params
    status = params.get("status", "")
    channel = params.get("channel", "")
    view = params.get("view", "")
    sort = params.get("sort", "due")
    return QueueFilter(
        status=Status(status) if status in Status.__members__.values() else None,
        channel=Channel(channel) if channel in Channel.__members__.values() else None,
        overdue=params.get("overdue") == "1", text=params.get("q", "")[:200],
        view=view if view in VIEWS_VI else "", sort=sort if sort in SORT_VI else "due",
        descending=params.get("dir") == "desc")


async def _read_reply_form(request: Request) -> tuple[dict[str, str], list[ReplyFile]]:
    """The reply form's text fields and its chosen files (an empty file input sends a
    part without a name: not a file). Up to four times ``REPLY_MAX_FILES`` are read, so
    the service can say there were too many."""
    form = await request.form(max_files=REPLY_MAX_FILES * 4)
    try:
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        files = [ReplyFile(upload.filename or "", upload.content_type or "",
                           await upload.read())
                 for upload in form.getlist("files")
                 if isinstance(upload, UploadFile) and upload.filename]
    finally:
        await form.close()
    return fields, files


def _done_of(request: Request) -> str | None:
    """The message after an action (``?done=…&via=…``; a merge names its target)."""
    params = request.query_params
    action = params.get("done", "")
    if action == "reply":
        said = REPLY_DONE_VI.get(params.get("via", ""), REPLY_DONE_VI["none"])
        count = params.get("files", "")
        return f"{said} Đã đính kèm {int(count)} tệp." if count.isdigit() and \
            0 < int(count) <= REPLY_MAX_FILES else said
    if action == "transfer" and params.get("code"):
        return f"Đã chuyển phản ánh {params['code'][:16]} sang đơn vị khác."
    return DONE_VI.get(action)


def _mail_retry(service: IntakeService, settings: Settings) -> Callable[[int], IngestResult]:
    """The mail pipeline's retry of a quarantined message (mail settings read when used,
    so the console starts whether or not the mailbox is configured)."""
    def retry(ingest_id: int) -> IngestResult:
        return MailIngestor(service, load_mail_settings(settings=settings)).retry(ingest_id)
    return retry


def install(app: FastAPI, settings: Settings, secret: bytes) -> None:
    """Add the staff console (login, queue, complaints, administration) to ``app``."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["vn"] = vn_time
    templates.env.globals["is_admin"] = is_admin
    service = get_service(settings)
    auth = Auth(Accounts(service.db, settings.session_idle_minutes), SessionCodec(secret),
                templates)
    console = StaffConsole(StaffService(service), auth, templates, settings)
    templates.env.globals["unit"] = console.unit_name
    templates.env.globals["roles"] = ROLE_VI
    templates.env.globals["queue_kinds"] = QUEUE_KIND_VI
    templates.env.globals["queue_changes"] = QUEUE_CHANGE_VI
    templates.env.globals["catalog_reason"] = catalog_reason_vi
    app.include_router(auth.router)
    app.include_router(console.router)
    publicweb.install(app, service, auth, templates, settings)
    admin = AdminConsole(AdminService(service.db), auth, templates, settings,
                         _mail_retry(service, settings))
    app.include_router(admin.router)
    install_error_pages(app, templates)

    def _page(request: Request, message: str, status: int) -> Response:
        return templates.TemplateResponse(request, "error.html", {
            "message": message, "back": "/queue", "user": None, "csrf": ""}, status_code=status)

    async def not_signed_in(request: Request, _exc: Exception) -> Response:
        return RedirectResponse("/login", status_code=303)

    async def denied(request: Request, exc: Exception) -> Response:
        return _page(request, AccessDenied.message_vi, 403)

    async def not_found(request: Request, exc: Exception) -> Response:
        return _page(request, ComplaintNotFound.message_vi, 404)

    app.add_exception_handler(NotSignedIn, not_signed_in)
    app.add_exception_handler(AccessDenied, denied)

    async def admin_only(request: Request, exc: Exception) -> Response:
        return _page(request, AdminOnly.message_vi, 403)

    app.add_exception_handler(AdminOnly, admin_only)
    app.add_exception_handler(ComplaintNotFound, not_found)
    app.add_exception_handler(InvalidTrackingCode, not_found)
