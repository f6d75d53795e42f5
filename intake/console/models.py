"""Tables of the staff console: accounts, their queues, their sessions, login attempts,
assignments, and the audit of the administration pages.

Kept apart from the core models (registered in ``intake.schema``) so the console can
evolve without touching the intake domain; the complaint itself stays in ``complaints``.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from intake.models import Base, UTCDateTime, utcnow


class Role(enum.StrEnum):
    STAFF = "staff"              # works the complaints of its own queues
    COORDINATOR = "coordinator"  # sees every queue, transfers and re-routes
    ADMIN = "admin"              # everything, plus users and organisation


class StaffUser(Base):
    """A console account; the password is stored only as an argon2 hash."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default=Role.STAFF)
    email: Mapped[str | None] = mapped_column(String(320), nullable=True)  # daily digest
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class StaffQueue(Base):
    """A queue a staff member works."""

    __tablename__ = "staff_queues"

    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), primary_key=True)
    queue_code: Mapped[str] = mapped_column(ForeignKey("queues.code"), primary_key=True)


class StaffSession(Base):
    """A signed-in session, kept on the server so that it can be ended at once: logout,
    "sign out everywhere", a password reset or a deactivation end it, and so do
    ``SESSION_SECONDS`` of age or the idle timeout. The cookie carries a random token;
    only its SHA-256 is stored."""

    __tablename__ = "staff_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the token
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    ended_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)


class LoginAttempt(Base):
    """One login attempt (by username and by client address), for rate limiting."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(128))
    ok: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Assignment(Base):
    """Who has taken a complaint (at most one person at a time)."""

    __tablename__ = "complaint_assignments"

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AdminEvent(Base):
    """Append-only audit of the administration pages: account changes, organisation
    reloads, catalog imports, and refused attempts by non-administrators."""

    __tablename__ = "console_admin_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str | None] = mapped_column(String(255), nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
