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
from typing import Any

import anyio.from_thread
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.concurrency import run_in_threadpool

# Accounts and sessions are a service (``intake.services.accounts``); their names are
# re-exported here for the pages and the command line.
from intake.services.accounts import SESSION_SECONDS
from intake.services.accounts import Accounts as Accounts
from intake.services.accounts import TooManyAttempts as TooManyAttempts
from intake.services.identity import StaffIdentity as StaffIdentity  # re-exported for the pages

COOKIE = "pakn_staff"


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
