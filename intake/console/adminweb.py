"""The administration pages: ``/admin/users``, ``/admin/organisation``, ``/admin/catalog``,
``/admin/mail`` (the hotline mailbox: messages per status, the quarantine, retry).

Administrators only (``AdminService.require_admin``: others get 403 and the refusal is
audited). Every form is CSRF-checked like the rest of the console; the pages are
server-rendered under the console's strict CSP (no script at all).

A catalog upload is checked in two steps: the file is saved under
``var/catalog-uploads/<random token>/`` and dry-run (the summary shows added, updated,
unchanged and rejected rows with reasons; nothing is written); the confirm form carries
only the token, and importing deletes the upload. Uploads larger than ``MAX_UPLOAD``
are refused (413).

Bodies are bounded while they are read (``intake.console.limits``): a form gets
``FORM_BYTES``; only a signed-in administrator whose CSRF token came in the upload URL
(the page's form puts it there) may send a catalog file up to ``UPLOAD_BYTES``, so
anyone else's large upload is refused with 413 after at most ``FORM_BYTES``. Reading,
checking and importing a file run in a worker thread with the catalog's limits (size once
uncompressed, rows, columns, nesting, time: ``intake.catalog.limits``). The handlers are
plain ``def`` (FastAPI's thread pool): nothing here blocks the event loop.
"""

from __future__ import annotations

import re
import secrets
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio.from_thread
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.datastructures import FormData, UploadFile

from intake.catalog import limits as catalog_limits
from intake.catalog.errors import CatalogFileError
from intake.config import Settings
from intake.console.admin import AdminService
from intake.console.auth import Auth, NotSignedIn, StaffIdentity
from intake.console.guards import DbId
from intake.console.limits import UPLOAD_BYTES, budget_of
from intake.console.models import Role
from intake.errors import SenderError
from intake.mail.config import MailConfigError
from intake.mail.ingest import IngestResult
from intake.mail.quarantine import ACK_HELD_VI, SET_ASIDE_VI, STATUS_VI
from intake.services.wording import actor_vi, admin_action_vi, admin_target_vi

MAX_UPLOAD = 20 * 1024 * 1024
UPLOAD_SUFFIXES = (".json", ".csv", ".xlsx")
UPLOAD_MAX_AGE = 24 * 3600
_TOKEN = re.compile(r"^[0-9a-f]{32}$")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
DONE_VI = {
    "created": "Đã tạo tài khoản.", "updated": "Đã cập nhật vai trò và đơn vị.",
    "deactivated": "Đã khoá tài khoản.", "reactivated": "Đã mở lại tài khoản.",
    "password": "Đã đặt lại mật khẩu.",
}
ROLE_VI = {"staff": "Cán bộ", "coordinator": "Điều phối", "admin": "Quản trị"}


class UploadTooLarge(SenderError):
    """A catalog upload over ``MAX_UPLOAD``."""

    message_vi = f"Tệp quá lớn (tối đa {MAX_UPLOAD // (1024 * 1024)} MB)."


class AdminConsole:
    """Routes of the administration pages over one ``AdminService``."""

    def __init__(self, admin: AdminService, auth: Auth, templates: Jinja2Templates,
                 settings: Settings, mail_retry: Callable[[int], IngestResult]) -> None:
        self.admin = admin
        self.auth = auth
        self.templates = templates
        self.mail_retry = mail_retry
        self.uploads = settings.var_dir / "catalog-uploads"
        # the audit's codes and actors as the pages show them (Vietnamese)
        templates.env.globals.update(admin_action=admin_action_vi,
                                     admin_target=admin_target_vi, actor_vi=actor_vi)
        self.router = APIRouter()
        add = self.router.add_api_route
        add("/admin", self.home, methods=["GET"])
        add("/admin/users", self.users_page, methods=["GET"], response_class=HTMLResponse)
        add("/admin/users", self.create_user, methods=["POST"])
        add("/admin/users/{user_id}/update", self.update_user, methods=["POST"])
        add("/admin/users/{user_id}/active", self.set_active, methods=["POST"])
        add("/admin/users/{user_id}/password", self.reset_password, methods=["POST"])
        add("/admin/organisation", self.org_page, methods=["GET"],
            response_class=HTMLResponse)
        add("/admin/organisation/reload", self.org_reload, methods=["POST"])
        add("/admin/catalog", self.catalog_page, methods=["GET"], response_class=HTMLResponse)
        add("/admin/catalog/dry-run", self.catalog_dry_run, methods=["POST"])
        add("/admin/catalog/import", self.catalog_import, methods=["POST"])
        add("/admin/mail", self.mail_page, methods=["GET"], response_class=HTMLResponse)
        add("/admin/mail/{ingest_id}/retry", self.mail_retry_one, methods=["POST"])

    # -- plumbing -------------------------------------------------------------------
    def _admin(self, request: Request, what: str) -> StaffIdentity:
        user = self.auth.user(request)
        self.admin.require_admin(user, what)
        return user

    def _posted(self, request: Request, what: str) -> tuple[StaffIdentity, FormData]:
        """From a worker thread: the signed-in person (checked before the body is read),
        their form (CSRF-checked: 403 without it), then admin only (refusals audited)."""
        user = self.auth.user(request)
        form = anyio.from_thread.run(_read_form, request)
        self._check_csrf(request, form)
        self.admin.require_admin(user, what)
        return user, form

    def _check_csrf(self, request: Request, form: FormData) -> None:
        token = form.get("csrf")
        if not self.auth.codec.csrf_ok(request, token if isinstance(token, str) else None):
            raise HTTPException(status_code=403, detail="CSRF token missing or invalid")

    def render(self, request: Request, name: str, context: dict[str, Any],
               status: int = 200) -> Response:
        base = {"csrf": self.auth.csrf(request), "roles": ROLE_VI}
        return self.templates.TemplateResponse(request, name, base | context,
                                               status_code=status)

    # -- users ----------------------------------------------------------------------
    def home(self, request: Request) -> Response:
        self._admin(request, "admin")
        return RedirectResponse("/admin/users", status_code=303)

    def _users(self, request: Request, user: StaffIdentity, error: str | None = None,
               form: dict[str, Any] | None = None, status: int = 200) -> Response:
        done = DONE_VI.get(request.query_params.get("done", ""))
        return self.render(request, "admin_users.html", {
            "user": user, "users": self.admin.users(), "queues": self.admin.queue_choices(),
            "events": self.admin.events(30), "error": error, "done": done,
            "form": form or {}}, status)

    def users_page(self, request: Request) -> Response:
        """Every account, the new-account form and the audit of account changes."""
        return self._users(request, self._admin(request, "users"))

    def create_user(self, request: Request) -> Response:
        user, form = self._posted(request, "users:create")
        fields = {k: _text(form, k) for k in ("username", "role", "password", "email")}
        queues = [q for q in form.getlist("queues") if isinstance(q, str)]
        try:
            self.admin.create_user(user, fields["username"], fields["role"] or "staff",
                                   queues, fields["password"], fields["email"])
        except SenderError as exc:
            fields.pop("password")
            return self._users(request, user, exc.message_vi, fields | {"queues": queues}, 400)
        return RedirectResponse("/admin/users?done=created", status_code=303)

    def update_user(self, request: Request, user_id: DbId) -> Response:
        user, form = self._posted(request, "users:update")
        queues = [q for q in form.getlist("queues") if isinstance(q, str)]
        try:
            self.admin.update_user(user, user_id, _text(form, "role"), queues)
        except SenderError as exc:
            return self._users(request, user, exc.message_vi, status=400)
        return RedirectResponse("/admin/users?done=updated", status_code=303)

    def set_active(self, request: Request, user_id: DbId) -> Response:
        user, form = self._posted(request, "users:active")
        active = _text(form, "active") == "1"
        try:
            self.admin.set_active(user, user_id, active)
        except SenderError as exc:
            return self._users(request, user, exc.message_vi, status=400)
        done = "reactivated" if active else "deactivated"
        return RedirectResponse(f"/admin/users?done={done}", status_code=303)

    def reset_password(self, request: Request, user_id: DbId) -> Response:
        user, form = self._posted(request, "users:password")
        try:
            self.admin.reset_password(user, user_id, _text(form, "password"))
        except SenderError as exc:
            return self._users(request, user, exc.message_vi, status=400)
        return RedirectResponse("/admin/users?done=password", status_code=303)

    # -- organisation ---------------------------------------------------------------
    def _org(self, request: Request, user: StaffIdentity, summary: Any = None) -> Response:
        return self.render(request, "admin_org.html", {
            "user": user, "counts": self.admin.queue_counts(),
            "history": self.admin.queue_history(50), "summary": summary,
            "org_file": self.admin.org_file.name})

    def org_page(self, request: Request) -> Response:
        """Queue counts per kind, the recent queue history, the reload button."""
        return self._org(request, self._admin(request, "organisation"))

    def org_reload(self, request: Request) -> Response:
        user, _form = self._posted(request, "organisation:reload")
        return self._org(request, user, self.admin.reload_organisation(user))

    # -- catalog --------------------------------------------------------------------
    def _catalog(self, request: Request, user: StaffIdentity, *, error: str | None = None,
                 summary: Any = None, token: str | None = None, imported: bool = False,
                 status: int = 200) -> Response:
        return self.render(request, "admin_catalog.html", {
            "user": user, "count": self.admin.catalog_count(),
            "imports": self.admin.imports(20), "error": error, "summary": summary,
            "token": token, "imported": imported, "max_mb": MAX_UPLOAD // (1024 * 1024)},
            status)

    def catalog_page(self, request: Request) -> Response:
        """The catalog's size, its import history and the upload form."""
        return self._catalog(request, self._admin(request, "catalog"))

    def catalog_dry_run(self, request: Request) -> Response:
        """Save the upload and show what importing it would do (nothing written).

        The body may be a catalog file's size only for a signed-in administrator whose
        CSRF token is in the URL, checked before any of it is read; anyone else's body is
        read up to ``FORM_BYTES`` (413 past it), then refused as any other form."""
        if self._may_upload(request):
            budget_of(request).allow(UPLOAD_BYTES)
        form = anyio.from_thread.run(_read_form, request)
        user = self.auth.user(request)
        self._check_csrf(request, form)
        self.admin.require_admin(user, "catalog:dry-run")
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return self._catalog(request, user, error="Chưa chọn tệp.", status=400)
        name = _safe_name(upload.filename)
        if not name.lower().endswith(UPLOAD_SUFFIXES):
            return self._catalog(request, user, status=400,
                                 error="Chỉ nhận tệp .json, .csv hoặc .xlsx.")
        self._prune()
        token = secrets.token_hex(16)
        try:
            path = self._save(upload, token, name)
        except UploadTooLarge as exc:
            return self._catalog(request, user, error=exc.message_vi, status=413)
        try:
            with catalog_limits.time_limit():
                summary = self.admin.catalog_dry_run(user, path)
        except CatalogFileError as exc:
            shutil.rmtree(path.parent, ignore_errors=True)
            detail = str(exc).replace(str(path), name)
            return self._catalog(request, user, error=f"{exc.message_vi} ({detail})",
                                 status=400)
        return self._catalog(request, user, summary=summary, token=token)

    def catalog_import(self, request: Request) -> Response:
        """Import the file a dry run showed (by its token), then delete the upload."""
        user, form = self._posted(request, "catalog:import")
        path = self._upload_of(_text(form, "token"))
        if path is None:
            return self._catalog(request, user, status=400,
                                 error="Tệp đã tải lên không còn; vui lòng tải lại.")
        try:
            with catalog_limits.time_limit():
                summary = self.admin.catalog_import(user, path, path.name)
        except CatalogFileError as exc:
            return self._catalog(request, user, error=exc.message_vi, status=400)
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)
        return self._catalog(request, user, summary=summary, imported=True)

    # -- hotline mailbox ------------------------------------------------------------
    def _mail(self, request: Request, user: StaffIdentity, *, done: str | None = None,
              error: str | None = None, status: int = 200) -> Response:
        return self.render(request, "admin_mail.html", {
            "user": user, "overview": self.admin.mail_overview(user),
            "rows": self.admin.mail_quarantine(user), "status_vi": STATUS_VI,
            "set_aside_vi": SET_ASIDE_VI, "ack_held_vi": ACK_HELD_VI,
            "done": done, "error": error}, status)

    def mail_page(self, request: Request) -> Response:
        """Messages per status, those set aside in the last 24 hours per outcome, the
        acknowledgements held back, the outbox backlog and the quarantine (a plain
        handler: the database work runs in the thread pool, not on the event loop)."""
        return self._mail(request, self._admin(request, "mail"))

    def mail_retry_one(self, request: Request, ingest_id: int) -> Response:
        """Run one quarantined message through the pipeline again and say what happened."""
        user, _form = self._posted(request, "mail:retry")
        if not 0 < ingest_id < 2**63:
            return self._mail(request, user, error="Mã thư không hợp lệ.", status=400)
        try:
            result = self.admin.retry_mail(user, ingest_id, self.mail_retry)
        except SenderError as exc:
            return self._mail(request, user, error=exc.message_vi, status=400)
        except MailConfigError as exc:
            return self._mail(request, user, status=500,
                              error=f"Cấu hình hộp thư không hợp lệ: {exc}")
        outcome = STATUS_VI.get(result.status.value, result.status.value)
        code = f", mã {result.code}" if result.code else ""
        return self._mail(request, user, done=f"Thư #{ingest_id}: {outcome}{code}.")

    def _may_upload(self, request: Request) -> bool:
        """True for a signed-in administrator whose CSRF token is in the URL."""
        try:
            user = self.auth.user(request)
        except NotSignedIn:
            return False
        return user.role == Role.ADMIN and self.auth.codec.csrf_ok(
            request, request.query_params.get("csrf"))

    def _save(self, upload: UploadFile, token: str, name: str) -> Path:
        """Copy the spooled upload into its folder (from a worker thread)."""
        folder = self.uploads / token
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        size = 0
        upload.file.seek(0)
        with path.open("wb") as out:
            while chunk := upload.file.read(1024 * 1024):
                size += len(chunk)
                if size > MAX_UPLOAD:
                    out.close()
                    shutil.rmtree(folder, ignore_errors=True)
                    raise UploadTooLarge(f"upload over {MAX_UPLOAD} bytes")
                out.write(chunk)
        return path

    def _upload_of(self, token: str) -> Path | None:
        if not _TOKEN.match(token):
            return None
        folder = self.uploads / token
        files = sorted(folder.iterdir()) if folder.is_dir() else []
        return files[0] if len(files) == 1 and files[0].is_file() else None

    def _prune(self) -> None:
        """Forget uploads never confirmed (older than a day)."""
        if not self.uploads.is_dir():
            return
        limit = time.time() - UPLOAD_MAX_AGE
        for folder in self.uploads.iterdir():
            if folder.is_dir() and folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)


async def _read_form(request: Request) -> FormData:
    """The posted form (one file at most); its body is bounded by the request's budget."""
    return await request.form(max_files=1, max_fields=50)


def _text(form: FormData, key: str) -> str:
    value = form.get(key)
    return value if isinstance(value, str) else ""


def _safe_name(filename: str) -> str:
    """The upload's base name with only safe characters (never a path)."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _SAFE_NAME.sub("_", base).lstrip(".") or "catalog"
    return cleaned[-120:]


def is_admin(user: StaffIdentity | None) -> bool:
    """True for an administrator (template helper: show the admin menu)."""
    return user is not None and user.role == Role.ADMIN


__all__ = ["MAX_UPLOAD", "AdminConsole", "UploadTooLarge", "is_admin"]
