"""Staff accounts, sessions, CSRF and the login pages of the console.

- Passwords: argon2id (argon2-cffi); an unknown user costs the same verify as a known
  one, so timing does not reveal which usernames exist. Hashing and every database call
  run in the thread pool, never on the event loop.
- Sessions live on the server (``staff_sessions``): the cookie, signed with the
  installation's secret key (itsdangerous, HttpOnly, SameSite=Strict, Secure over HTTPS),
  carries a random token whose SHA-256 names the row. Logout ends the session, "sign out
  everywhere" (``/logout/all``), a password reset and a deactivation end all of the
  person's sessions at once; a session also ends after ``SESSION_SECONDS`` or
  ``PAKN_SESSION_IDLE_MINUTES`` without a request. Role and queues are read from the
  database on every request, so a change takes effect at once.
- CSRF: every form carries ``HMAC(secret, nonce)`` of the cookie's nonce; a POST without
  it is refused (403). The login form has its own anonymous session, and login rotates
  the nonce. Pages that post are checked for a signed-in session before their body is
  read.
- Login limits (stored in ``login_attempts`` so several console processes agree): 5
  failures per username *from one client address* and 20 per address within 15
  minutes → 429 without checking the password; failures on a username from everywhere
  only slow its logins down (a delay growing with each failure past 10), so an attacker
  elsewhere cannot lock its owner out. The client address is the peer's, or the one a
  trusted proxy forwarded (``PAKN_TRUSTED_PROXIES``, see ``intake.console.serve``).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import Any

import anyio.from_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from intake.console.models import LoginAttempt, Role, StaffQueue, StaffSession, StaffUser
from intake.contacts import normalise_email
from intake.db import Database
from intake.errors import ValidationError
from intake.models import Queue, utcnow
from intake.services.identity import StaffIdentity as StaffIdentity  # re-exported for the pages

COOKIE = "pakn_staff"
SESSION_SECONDS = 12 * 3600
DEFAULT_IDLE_MINUTES = 60
SEEN_EVERY = timedelta(seconds=60)  # a session's last_seen_at is written at most this often
LOGIN_WINDOW = timedelta(minutes=15)
MAX_FAILS_PER_USER_AND_CLIENT = 5
MAX_FAILS_PER_CLIENT = 20
SLOW_AFTER_USER_FAILS = 10  # failures on one username from anywhere: then slower logins
MAX_LOGIN_DELAY = 8.0
MIN_PASSWORD_CHARS = 10

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class TooManyAttempts(Exception):
    """Login refused before checking the password: too many recent failures."""


def _digest(token: str) -> str:
    """The stored name of a session token (the token itself is only in the cookie)."""
    return hashlib.sha256(token.encode()).hexdigest()


def end_sessions(session: Session, user_id: int, reason: str) -> int:
    """End every open session of ``user_id`` in the caller's transaction; how many."""
    result = session.execute(update(StaffSession).where(
        StaffSession.user_id == user_id, StaffSession.ended_at.is_(None)).values(
        ended_at=utcnow(), ended_reason=reason[:32]))
    return int(getattr(result, "rowcount", 0) or 0)


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
    """Console accounts and their sessions over one database."""

    def __init__(self, db: Database, idle_minutes: int = DEFAULT_IDLE_MINUTES) -> None:
        self.db = db
        self.idle = timedelta(minutes=idle_minutes)

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

    # -- sessions ---------------------------------------------------------------------
    def start_session(self, user_id: int) -> str:
        """A new session of ``user_id``; the token to put in the cookie."""
        token = secrets.token_urlsafe(32)
        now = utcnow()
        with self.db.transaction() as session:
            session.execute(delete(StaffSession).where(or_(
                StaffSession.created_at < now - timedelta(seconds=2 * SESSION_SECONDS),
                StaffSession.ended_at < now - timedelta(seconds=SESSION_SECONDS))))
            session.add(StaffSession(id=_digest(token), user_id=user_id, created_at=now,
                                     last_seen_at=now))
        return token

    def session_identity(self, token: str) -> StaffIdentity | None:
        """The person of an open session, or None (ended, too old, idle, deactivated).

        An expired or idle session is ended here; a live one is marked seen (at most once
        per ``SEEN_EVERY``)."""
        now = utcnow()
        with self.db.transaction() as session:
            row = session.get(StaffSession, _digest(token))
            if row is None or row.ended_at is not None:
                return None
            expired = "expired" if now - row.created_at > timedelta(seconds=SESSION_SECONDS) \
                else "idle" if now - row.last_seen_at > self.idle else None
            if expired:
                row.ended_at, row.ended_reason = now, expired
                return None
            if now - row.last_seen_at > SEEN_EVERY:
                row.last_seen_at = now
            user_id = row.user_id
        return self.identity(user_id)

    def end_session(self, token: str, reason: str = "logout") -> None:
        """End one session (logout)."""
        with self.db.transaction() as session:
            session.execute(update(StaffSession).where(
                StaffSession.id == _digest(token), StaffSession.ended_at.is_(None)).values(
                ended_at=utcnow(), ended_reason=reason))

    def end_all_sessions(self, user_id: int, reason: str = "logout_all") -> int:
        """End every session of ``user_id`` ("sign out everywhere"); how many."""
        with self.db.transaction() as session:
            return end_sessions(session, user_id, reason)

    # -- login ------------------------------------------------------------------------
    @staticmethod
    def _keys(username: str, client: str) -> tuple[str, str, str]:
        name = username.strip().lower()
        return (f"pair:{name}@{client}"[:128], f"client:{client}"[:128], f"user:{name}"[:128])

    def login_delay(self, username: str) -> float:
        """Seconds to wait before checking a password for ``username``: 0 until it has
        failed ``SLOW_AFTER_USER_FAILS`` times within the window (from anywhere), then
        doubling up to ``MAX_LOGIN_DELAY``."""
        key = self._keys(username, "")[2]
        with self.db.reading() as session:
            fails = session.scalar(select(func.count(LoginAttempt.id)).where(
                LoginAttempt.key == key, LoginAttempt.ok.is_(False),
                LoginAttempt.at >= utcnow() - LOGIN_WINDOW)) or 0
        if fails < SLOW_AFTER_USER_FAILS:
            return 0.0
        return float(min(MAX_LOGIN_DELAY, 0.25 * 2 ** (fails - SLOW_AFTER_USER_FAILS)))

    def authenticate(self, username: str, password: str, client: str) -> StaffIdentity | None:
        """The account if the password matches; records the attempt.

        Raises ``TooManyAttempts`` when this username failed too often from this client,
        or this client failed too often, within ``LOGIN_WINDOW``.
        """
        keys = self._keys(username, client)
        limits = {keys[0]: MAX_FAILS_PER_USER_AND_CLIENT, keys[1]: MAX_FAILS_PER_CLIENT}
        with self.db.transaction() as session:
            since = utcnow() - LOGIN_WINDOW
            session.execute(delete(LoginAttempt).where(LoginAttempt.at < since))
            for key, limit in limits.items():
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
    """Signs and reads the session cookie; derives the CSRF token of a session.

    The cookie holds ``{"n": nonce}`` (anonymous: the login form) or ``{"n": nonce,
    "s": session token}`` (signed in)."""

    def __init__(self, secret: bytes) -> None:
        self.secret = secret
        self.serializer = URLSafeTimedSerializer(secret, salt="pakn-staff-session")

    def dump(self, session_token: str | None) -> tuple[str, str]:
        """A new cookie value (fresh nonce) and its CSRF token."""
        nonce = secrets.token_urlsafe(18)
        data: dict[str, str] = {"n": nonce}
        if session_token:
            data["s"] = session_token
        return self.serializer.dumps(data), self.csrf_for(nonce)

    def load(self, cookie: str | None) -> dict[str, Any] | None:
        """The cookie's data, or None if absent, forged or older than a session can be."""
        if not cookie:
            return None
        try:
            data = self.serializer.loads(cookie, max_age=SESSION_SECONDS)
        except BadSignature:
            return None
        return data if isinstance(data, dict) and isinstance(data.get("n"), str) else None

    def session_token(self, request: Request) -> str | None:
        """The server-side session token of the request's cookie, if any."""
        data = self.load(request.cookies.get(COOKIE))
        token = data.get("s") if data else None
        return token if isinstance(token, str) and token else None

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
    """Login pages plus the ``user``/``csrf`` look-ups the other console pages use.

    ``user`` and ``posted_form`` block (database, body read): call them from plain ``def``
    handlers, which FastAPI runs in its thread pool."""

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
        self.router.add_api_route("/logout/all", self.logout_everywhere, methods=["POST"])

    def user(self, request: Request) -> StaffIdentity:
        """The signed-in person; raises ``NotSignedIn`` otherwise (blocking)."""
        token = self.codec.session_token(request)
        identity = self.accounts.session_identity(token) if token else None
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

    def posted_form(self, request: Request) -> tuple[StaffIdentity, dict[str, str]]:
        """From a worker thread: the signed-in person (checked before the body is read)
        and their CSRF-checked form."""
        user = self.user(request)
        return user, anyio.from_thread.run(self.require_form, request)

    def _login_form(self, request: Request, error: str | None, status: int) -> Response:
        cookie, token = self.codec.dump(None)
        response = self.templates.TemplateResponse(
            request, "login.html", {"csrf": token, "error": error, "user": None},
            status_code=status)
        set_session(response, request, cookie)
        return response

    def login_page(self, request: Request) -> Response:
        """The login form (starts an anonymous session for its CSRF token). A signed-in
        person is sent to the queue instead: the form's fresh cookie would replace theirs,
        so a link to ``/login`` from another site (a GET, which carries no CSRF token)
        would otherwise sign staff out."""
        try:
            self.user(request)
        except NotSignedIn:
            return self._login_form(request, None, 200)
        return RedirectResponse("/queue", status_code=303)

    async def login(self, request: Request) -> Response:
        """Check the password (limited, slowed after failures) and start a session."""
        fields = await self.require_form(request)
        username = fields.get("username", "")
        client = request.client.host if request.client else "unknown"
        delay = await run_in_threadpool(self.accounts.login_delay, username)
        if delay:
            await asyncio.sleep(delay)  # slows this username's logins, holds no thread
        try:
            identity = await run_in_threadpool(self.accounts.authenticate, username,
                                               fields.get("password", ""), client)
        except TooManyAttempts:
            return self._login_form(request, "Quá nhiều lần đăng nhập sai. "
                                    "Vui lòng thử lại sau 15 phút.", 429)
        if identity is None:
            return self._login_form(request, "Sai tên đăng nhập hoặc mật khẩu.", 401)
        token = await run_in_threadpool(self.accounts.start_session, identity.id)
        response = RedirectResponse("/queue", status_code=303)
        set_session(response, request, self.codec.dump(token)[0])
        return response

    async def logout(self, request: Request) -> Response:
        """End this session on the server (CSRF-checked: another site cannot log staff
        out)."""
        await self.require_form(request)
        token = self.codec.session_token(request)
        if token:
            await run_in_threadpool(self.accounts.end_session, token)
        return _to_login()

    def logout_everywhere(self, request: Request) -> Response:
        """End every session of the signed-in person (a lost phone, a shared computer)."""
        user, _fields = self.posted_form(request)
        self.accounts.end_all_sessions(user.id)
        return _to_login()


def _to_login() -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
