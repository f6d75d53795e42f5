"""Staff accounts, sessions, CSRF and the login pages of the console.

- Passwords: argon2id (argon2-cffi); an unknown user costs the same verify as a known
  one, so timing does not reveal which usernames exist.
- Session: a cookie holding ``{"u": user id or None, "n": nonce}`` signed with
  PAKN_SECRET_KEY (itsdangerous, 12 h), HttpOnly, SameSite=Strict, Secure over HTTPS.
  The user's role and queues are read from the database on every request, so a change
  takes effect at once.
- CSRF: every form carries ``HMAC(secret, nonce)``; a POST without it is refused (403).
  The login form has its own anonymous session, and login rotates the nonce.
- Login rate limiting: failed attempts are stored (``login_attempts``) per username
  and per client address; too many within the window → 429 without checking the
  password. Stored in the database so several console processes agree.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import delete, func, select

from intake.console.models import LoginAttempt, Role, StaffQueue, StaffUser
from intake.contacts import normalise_email
from intake.db import Database
from intake.errors import ValidationError
from intake.models import Queue, utcnow

COOKIE = "pakn_staff"
SESSION_SECONDS = 12 * 3600
LOGIN_WINDOW = timedelta(minutes=15)
MAX_FAILS_PER_USER = 5
MAX_FAILS_PER_CLIENT = 20
MIN_PASSWORD_CHARS = 10

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class TooManyAttempts(Exception):
    """Login refused before checking the password: too many recent failures."""


@dataclass(frozen=True)
class StaffIdentity:
    """The signed-in person as the pages need them."""

    id: int
    username: str
    role: str
    queues: tuple[str, ...]

    @property
    def sees_all(self) -> bool:
        """Coordinators and administrators see every queue."""
        return self.role in (Role.COORDINATOR, Role.ADMIN)

    def may_see(self, queue_code: str | None) -> bool:
        """True if the complaint of ``queue_code`` is in this person's reach."""
        return self.sees_all or (queue_code is not None and queue_code in self.queues)

    @property
    def actor(self) -> str:
        """How audit events name this person."""
        return f"staff:{self.username}"


def hash_password(password: str) -> str:
    """An argon2id hash of ``password``."""
    return _hasher.hash(password)


def verify_password(stored: str, password: str) -> bool:
    """True if ``password`` matches the stored hash."""
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


class Accounts:
    """Console accounts over one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add_user(self, username: str, password: str, role: Role,
                 queues: list[str], email: str | None = None) -> StaffIdentity:
        """Create an account (one transaction); queue codes must exist; ``email``
        receives the daily digest of the person's queues."""
        name = username.strip()
        if not name or len(name) > 64 or not name.replace(".", "").replace("_", "").isalnum():
            raise ValidationError("bad username", "Tên đăng nhập không hợp lệ.")
        if len(password) < MIN_PASSWORD_CHARS:
            raise ValidationError("password too short",
                                  f"Mật khẩu cần ít nhất {MIN_PASSWORD_CHARS} ký tự.")
        with self.db.transaction() as session:
            if session.scalar(select(StaffUser.id).where(StaffUser.username == name)):
                raise ValidationError("user exists", "Tên đăng nhập đã tồn tại.")
            for code in queues:
                if session.get(Queue, code) is None:
                    raise ValidationError(f"unknown queue {code!r}", "Đơn vị không tồn tại.")
            user = StaffUser(username=name, password_hash=hash_password(password),
                             role=role.value, active=True,
                             email=normalise_email(email) if email else None)
            session.add(user)
            session.flush()
            codes = tuple(dict.fromkeys(queues))
            session.add_all(StaffQueue(user_id=user.id, queue_code=q) for q in codes)
            return StaffIdentity(user.id, name, role.value, codes)

    def identity(self, user_id: int) -> StaffIdentity | None:
        """The active account ``user_id`` with its queues, or None."""
        with self.db.reading() as session:
            user = session.get(StaffUser, user_id)
            if user is None or not user.active:
                return None
            queues = session.scalars(select(StaffQueue.queue_code).where(
                StaffQueue.user_id == user.id).order_by(StaffQueue.queue_code)).all()
            return StaffIdentity(user.id, user.username, user.role, tuple(queues))

    def authenticate(self, username: str, password: str, client: str) -> StaffIdentity | None:
        """The account if the password matches; records the attempt.

        Raises ``TooManyAttempts`` when the username or the client failed too often
        within ``LOGIN_WINDOW``.
        """
        keys = (f"user:{username.strip().lower()}"[:128], f"client:{client}"[:128])
        with self.db.transaction() as session:
            since = utcnow() - LOGIN_WINDOW
            session.execute(delete(LoginAttempt).where(LoginAttempt.at < since))
            for key, limit in zip(keys, (MAX_FAILS_PER_USER, MAX_FAILS_PER_CLIENT), strict=True):
                fails = session.scalar(select(func.count(LoginAttempt.id)).where(
                    LoginAttempt.key == key, LoginAttempt.ok.is_(False),
                    LoginAttempt.at >= since)) or 0
                if fails >= limit:
                    raise TooManyAttempts(key.partition(":")[0])
            user = session.scalar(select(StaffUser).where(
                StaffUser.username == username.strip()))
            ok = verify_password(user.password_hash if user else _DUMMY_HASH, password)
            ok = ok and user is not None and user.active
            session.add_all(LoginAttempt(key=k, ok=ok) for k in keys)
            if ok and user is not None:
                user.last_login_at = utcnow()
            user_id = user.id if ok and user is not None else None
        return self.identity(user_id) if user_id is not None else None


class SessionCodec:
    """Signs and reads the session cookie; derives the CSRF token of a session."""

    def __init__(self, secret: bytes) -> None:
        self.secret = secret
        self.serializer = URLSafeTimedSerializer(secret, salt="pakn-staff-session")

    def dump(self, user_id: int | None) -> tuple[str, str]:
        """A new session cookie value (fresh nonce) and its CSRF token."""
        nonce = secrets.token_urlsafe(18)
        return self.serializer.dumps({"u": user_id, "n": nonce}), self.csrf_for(nonce)

    def load(self, cookie: str | None) -> dict[str, Any] | None:
        """The session's data, or None if absent, forged or expired."""
        if not cookie:
            return None
        try:
            data = self.serializer.loads(cookie, max_age=SESSION_SECONDS)
        except BadSignature:
            return None
        return data if isinstance(data, dict) and isinstance(data.get("n"), str) else None

    def csrf_for(self, nonce: str) -> str:
        """The CSRF token of the session with ``nonce``."""
        return hmac.new(self.secret, b"csrf:" + nonce.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, request: Request, token: str | None) -> bool:
        """True if ``token`` is the CSRF token of the request's session."""
        data = self.load(request.cookies.get(COOKIE))
        return bool(data and token and hmac.compare_digest(token, self.csrf_for(data["n"])))


def set_session(response: Response, request: Request, value: str) -> None:
    """Put the session cookie on ``response`` with the safe attributes."""
    response.set_cookie(COOKIE, value, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", max_age=SESSION_SECONDS,
                        path="/")


class NotSignedIn(Exception):
    """The request has no valid signed-in session (the app redirects to /login)."""


class Auth:
    """Login pages plus the ``user``/``csrf`` look-ups the other console pages use."""

    def __init__(self, accounts: Accounts, codec: SessionCodec,
                 templates: Jinja2Templates) -> None:
        self.accounts = accounts
        self.codec = codec
        self.templates = templates
        self.router = APIRouter()
        self.router.add_api_route("/login", self.login_page, methods=["GET"],
                                  response_class=HTMLResponse)
        self.router.add_api_route("/login", self.login, methods=["POST"])
        self.router.add_api_route("/logout", self.logout, methods=["POST"])

    def user(self, request: Request) -> StaffIdentity:
        """The signed-in person; raises ``NotSignedIn`` otherwise."""
        data = self.codec.load(request.cookies.get(COOKIE))
        user_id = data.get("u") if data else None
        identity = self.accounts.identity(user_id) if isinstance(user_id, int) else None
        if identity is None:
            raise NotSignedIn()
        return identity

    def csrf(self, request: Request) -> str:
        """The CSRF token to put in this page's forms."""
        data = self.codec.load(request.cookies.get(COOKIE))
        return self.codec.csrf_for(data["n"]) if data else ""

    async def require_form(self, request: Request) -> dict[str, str]:
        """The posted form, after checking its CSRF token (403 without a valid one)."""
        form = await request.form()
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        if not self.codec.csrf_ok(request, fields.get("csrf")):
            raise HTTPException(status_code=403, detail="CSRF token missing or invalid")
        return fields

    def _login_form(self, request: Request, error: str | None, status: int) -> Response:
        cookie, token = self.codec.dump(None)
        response = self.templates.TemplateResponse(
            request, "login.html", {"csrf": token, "error": error, "user": None},
            status_code=status)
        set_session(response, request, cookie)
        return response

    async def login_page(self, request: Request) -> Response:
        """The login form (starts an anonymous session for its CSRF token)."""
        return self._login_form(request, None, 200)

    async def login(self, request: Request) -> Response:
        """Check the password (rate limited) and start a signed-in session."""
        fields = await self.require_form(request)
        client = request.client.host if request.client else "unknown"
        try:
            identity = self.accounts.authenticate(fields.get("username", ""),
                                                  fields.get("password", ""), client)
        except TooManyAttempts:
            return self._login_form(request, "Quá nhiều lần đăng nhập sai. "
                                    "Vui lòng thử lại sau 15 phút.", 429)
        if identity is None:
            return self._login_form(request, "Sai tên đăng nhập hoặc mật khẩu.", 401)
        response = RedirectResponse("/queue", status_code=303)
        set_session(response, request, self.codec.dump(identity.id)[0])
        return response

    async def logout(self, request: Request) -> Response:
        """End the session (CSRF-checked, so another site cannot log staff out)."""
        await self.require_form(request)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response
