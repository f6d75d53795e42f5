"""What the administration pages do: accounts, organisation and catalog import (the
hotline mailbox's quarantine, which belongs to the mail edge, is added by
``intake.console.admin``).

Only administrators (role ``admin``) may call these; ``require_admin`` refuses anyone
else with ``AdminOnly`` (403) after recording the refusal. Every change leaves an
``AdminEvent`` (who, what, on whom/what, details): role/queue changes, (de)activation
and password resets in the same transaction as the change; account creation, the
organisation reload and a catalog import (which run in their own transaction, in
``Accounts``, the org loader and the catalog service) right after it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from intake.catalog.isolated import parse_isolated
from intake.catalog.models import CatalogImport
from intake.catalog.service import CatalogService
from intake.catalog.store import ImportSummary
from intake.db import Database
from intake.errors import SenderError, ValidationError
from intake.models import AdminEvent, Queue, QueueChange, Role, StaffQueue, StaffUser, utcnow
from intake.org.data_files import DEFAULT_ORG_FILE, read_organisation
from intake.org.loader import LoadSummary, load_organisation
from intake.services.accounts import MIN_PASSWORD_CHARS, Accounts, end_sessions, hash_password
from intake.services.identity import StaffIdentity


class AdminOnly(SenderError):
    """The page is for administrators only."""

    message_vi = "Chỉ quản trị viên được dùng trang này."


@dataclass(frozen=True)
class UserRow:
    """One account as the users page lists it."""

    id: int
    username: str
    role: str
    queues: tuple[str, ...]
    email: str | None
    active: bool
    created_at: datetime
    last_login_at: datetime | None


@dataclass(frozen=True)
class AdminEventRow:
    """One line of the administration audit."""

    at: datetime
    actor: str
    action: str
    target: str | None
    data: dict[str, Any]


@dataclass(frozen=True)
class QueueKindCount:
    """Queues of one kind: active and retired."""

    kind: str
    active: int
    retired: int


@dataclass(frozen=True)
class QueueChangeRow:
    """One line of a queue's history."""

    at: datetime
    queue_code: str
    change: str
    old_value: str | None
    new_value: str | None
    source: str


@dataclass(frozen=True)
class ImportRow:
    """One catalog import run."""

    at: datetime
    source_file: str
    source_format: str
    added: int
    updated: int
    unchanged: int
    rejected: int


def _audit(session: Session, who: StaffIdentity, action: str, target: str | None,
           data: dict[str, Any] | None = None) -> None:
    session.add(AdminEvent(actor=who.actor, action=action, target=target, data=data or {},
                           at=utcnow()))


def _role(value: str) -> Role:
    if value not in {r.value for r in Role}:
        raise ValidationError(f"unknown role {value!r}", "Vai trò không hợp lệ.")
    return Role(value)


class AdminService:
    """Administration over one database (accounts, organisation, catalog)."""

    def __init__(self, db: Database, catalog: CatalogService | None = None,
                 org_file: Path = DEFAULT_ORG_FILE) -> None:
        self.db = db
        self.accounts = Accounts(db)
        self.catalog = catalog or CatalogService(db)
        self.org_file = org_file

    # -- access ---------------------------------------------------------------------
    def audit(self, who: StaffIdentity, action: str, target: str | None,
              details: dict[str, Any]) -> None:
        """Record an administrator's action done elsewhere (its own transaction)."""
        with self.db.transaction() as session:
            _audit(session, who, action, target, details)

    def require_admin(self, who: StaffIdentity, what: str) -> None:
        """Raise ``AdminOnly`` (after recording the refusal) unless ``who`` is an admin."""
        if who.role == Role.ADMIN:
            return
        with self.db.transaction() as session:
            _audit(session, who, "access_denied", what, {"role": who.role})
        raise AdminOnly(f"{who.username} ({who.role}) may not open {what}")

    # -- accounts -------------------------------------------------------------------
    def users(self) -> list[UserRow]:
        """Every account with its queues, by username."""
        with self.db.reading() as session:
            queues: dict[int, list[str]] = {}
            for user_id, code in session.execute(select(
                    StaffQueue.user_id, StaffQueue.queue_code).order_by(StaffQueue.queue_code)):
                queues.setdefault(user_id, []).append(code)
            return [UserRow(u.id, u.username, u.role, tuple(queues.get(u.id, ())), u.email,
                            u.active, u.created_at, u.last_login_at)
                    for u in session.scalars(select(StaffUser).order_by(StaffUser.username))]

    def queue_choices(self) -> list[tuple[str, str]]:
        """Active queues (code, name) by name, for the queue multi-select."""
        with self.db.reading() as session:
            return [(q.code, q.name) for q in session.scalars(
                select(Queue).where(Queue.active.is_(True)).order_by(Queue.name))]

    def create_user(self, who: StaffIdentity, username: str, role: str, queues: list[str],
                    password: str, email: str | None = None) -> StaffIdentity:
        """A new account (argon2 password); staff need at least one queue."""
        self.require_admin(who, "users:create")
        chosen = _role(role)
        if chosen == Role.STAFF and not queues:
            raise ValidationError("staff without queue", "Cán bộ cần ít nhất một đơn vị.")
        made = self.accounts.add_user(username, password, chosen, queues, email or None)
        with self.db.transaction() as session:
            _audit(session, who, "user_created", made.username,
                   {"role": made.role, "queues": list(made.queues)})
        return made

    def update_user(self, who: StaffIdentity, user_id: int, role: str,
                    queues: list[str]) -> None:
        """Change an account's role and queues."""
        self.require_admin(who, "users:update")
        chosen = _role(role)
        if chosen == Role.STAFF and not queues:
            raise ValidationError("staff without queue", "Cán bộ cần ít nhất một đơn vị.")
        if user_id == who.id and chosen != Role.ADMIN:
            raise ValidationError("admin demoting self",
                                  "Không thể tự bỏ quyền quản trị của chính mình.")
        codes = list(dict.fromkeys(queues))
        with self.db.transaction() as session:
            user = self._user(session, user_id)
            for code in codes:
                if session.get(Queue, code) is None:
                    raise ValidationError(f"unknown queue {code!r}", "Đơn vị không tồn tại.")
            before = {"role": user.role, "queues": sorted(session.scalars(select(
                StaffQueue.queue_code).where(StaffQueue.user_id == user.id)))}
            user.role = chosen.value
            session.execute(delete(StaffQueue).where(StaffQueue.user_id == user.id))
            session.add_all(StaffQueue(user_id=user.id, queue_code=c) for c in codes)
            _audit(session, who, "user_updated", user.username,
                   {"before": before, "after": {"role": chosen.value, "queues": sorted(codes)}})

    def set_active(self, who: StaffIdentity, user_id: int, active: bool) -> None:
        """Deactivate (ends the person's sessions at once) or reactivate an account."""
        self.require_admin(who, "users:activate" if active else "users:deactivate")
        if user_id == who.id and not active:
            raise ValidationError("admin deactivating self",
                                  "Không thể tự khoá tài khoản của chính mình.")
        with self.db.transaction() as session:
            user = self._user(session, user_id)
            if user.active == active:
                return
            user.active = active
            if not active:
                end_sessions(session, user.id, "deactivated")
            _audit(session, who, "user_reactivated" if active else "user_deactivated",
                   user.username)

    def reset_password(self, who: StaffIdentity, user_id: int, password: str) -> None:
        """Set a new password (argon2) and end the account's sessions (whoever knew the
        old password is signed out); the person tells it to the user out of band."""
        self.require_admin(who, "users:password")
        if len(password) < MIN_PASSWORD_CHARS:
            raise ValidationError("password too short",
                                  f"Mật khẩu cần ít nhất {MIN_PASSWORD_CHARS} ký tự.")
        with self.db.transaction() as session:
            user = self._user(session, user_id)
            user.password_hash = hash_password(password)
            ended = end_sessions(session, user.id, "password_reset")
            _audit(session, who, "password_reset", user.username, {"sessions_ended": ended})

    @staticmethod
    def _user(session: Session, user_id: int) -> StaffUser:
        user = session.get(StaffUser, user_id)
        if user is None:
            raise ValidationError(f"no user {user_id}", "Tài khoản không tồn tại.")
        return user

    def events(self, limit: int = 50) -> list[AdminEventRow]:
        """The newest administration audit lines."""
        with self.db.reading() as session:
            return [AdminEventRow(e.at, e.actor, e.action, e.target, dict(e.data or {}))
                    for e in session.scalars(select(AdminEvent).order_by(
                        AdminEvent.id.desc()).limit(limit))]

    # -- organisation ---------------------------------------------------------------
    def queue_counts(self) -> list[QueueKindCount]:
        """How many queues of each kind, active and retired."""
        with self.db.reading() as session:
            rows = session.execute(select(Queue.kind, Queue.active, func.count()).group_by(
                Queue.kind, Queue.active)).all()
        active: Counter[str] = Counter()
        retired: Counter[str] = Counter()
        for kind, is_active, n in rows:
            (active if is_active else retired)[kind] += int(n)
        return [QueueKindCount(k, active[k], retired[k]) for k in sorted(active | retired)]

    def queue_history(self, limit: int = 50) -> list[QueueChangeRow]:
        """The newest queue changes."""
        with self.db.reading() as session:
            return [QueueChangeRow(c.at, c.queue_code, c.change, c.old_value, c.new_value,
                                   c.source)
                    for c in session.scalars(select(QueueChange).order_by(
                        QueueChange.id.desc()).limit(limit))]

    def reload_organisation(self, who: StaffIdentity) -> LoadSummary:
        """Load the shipped organisation file again (idempotent; history kept)."""
        self.require_admin(who, "organisation:reload")
        org = read_organisation(self.org_file)
        summary = load_organisation(self.db, org, source=f"console:{self.org_file.name}")
        with self.db.transaction() as session:
            _audit(session, who, "organisation_reloaded", self.org_file.name, {
                "added": summary.added, "renamed": summary.renamed,
                "retired": summary.retired, "reactivated": summary.reactivated,
                "unchanged": summary.unchanged})
        return summary

    # -- catalog --------------------------------------------------------------------
    def catalog_count(self) -> int:
        """How many procedures the catalog holds."""
        return self.catalog.count()

    def imports(self, limit: int = 20) -> list[ImportRow]:
        """The newest catalog import runs (whoever made them: CLI or console)."""
        with self.db.reading() as session:
            return [ImportRow(i.at, i.source_file, i.source_format, i.added, i.updated,
                              i.unchanged, i.rejected)
                    for i in session.scalars(select(CatalogImport).order_by(
                        CatalogImport.id.desc()).limit(limit))]

    def catalog_dry_run(self, who: StaffIdentity, path: Path) -> ImportSummary:
        """What importing ``path`` would do (nothing is written). The file is read in a
        bounded child process (``intake.catalog.isolated``), like the import's."""
        self.require_admin(who, "catalog:dry-run")
        parsed = parse_isolated(path, self.catalog.queue_names())
        return self.catalog.import_file(path, dry_run=True, parsed=parsed)

    def catalog_import(self, who: StaffIdentity, path: Path, name: str) -> ImportSummary:
        """Import ``path`` (one transaction), then record who did it."""
        self.require_admin(who, "catalog:import")
        parsed = parse_isolated(path, self.catalog.queue_names())
        summary = self.catalog.import_file(path, parsed=parsed)
        with self.db.transaction() as session:
            _audit(session, who, "catalog_imported", name, summary.as_dict())
        return summary


__all__ = ["AdminEventRow", "AdminOnly", "AdminService", "ImportRow", "QueueChangeRow",
           "QueueKindCount", "UserRow"]
