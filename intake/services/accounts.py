"""Staff accounts and their sessions: the rules every console process shares.

- Passwords: argon2id (argon2-cffi); an unknown user costs the same verify as a known
  one, so timing does not reveal which usernames exist. Every call here blocks (hashing,
  the database): the console calls them from its thread pool, never on the event loop.
- Sessions live on the server (``staff_sessions``): the cookie (``intake.console.auth``)
  carries a random token whose SHA-256 names the row. Logout ends the session, "sign out
  everywhere", a password reset and a deactivation end all of the person's sessions at
  once; a session also ends after ``SESSION_SECONDS`` or the idle time without a request.
  Role and queues are read from the database on every request, so a change takes effect
  at once.
- Login limits (stored in ``login_attempts`` so several console processes agree): 5
  failures per username *from one client address* and 20 per address within 15
  minutes → ``TooManyAttempts`` without checking the password; failures on a username
  from everywhere only slow its logins down (a delay growing with each failure past 10),
  so an attacker elsewhere cannot lock its owner out.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from intake.contacts import normalise_email
from intake.db import Database
from intake.errors import ValidationError
from intake.models import LoginAttempt, Queue, Role, StaffQueue, StaffSession, StaffUser, utcnow
from intake.services.identity import StaffIdentity

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
