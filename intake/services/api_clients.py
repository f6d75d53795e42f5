"""Client applications of the Open311 API: their keys, revocation and rate limits.

A key is 32 random bytes (URL-safe base64); only its SHA-256 is stored, with its first
characters as a hint for the operator. A write counts against the client's limits per
minute and per day, counted in the database (``api_calls``) so that several console
processes share one count; a refused write is not counted.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from intake.db import Database
from intake.errors import SenderError, ValidationError
from intake.models import ApiCall, ApiClient, utcnow
from intake.text import clean

HINT_CHARS = 8
DEFAULT_PER_MINUTE = 10
DEFAULT_PER_DAY = 1000
KEEP_CALLS = timedelta(days=2)


class InvalidApiKey(SenderError):
    """No key, an unknown key or a revoked one (403)."""

    message_vi = "Khóa API (api_key) không hợp lệ hoặc đã bị thu hồi."


class RateLimited(SenderError):
    """The client has used its writes of the minute or of the day (429)."""

    message_vi = "Ứng dụng đã gửi quá số yêu cầu cho phép; vui lòng thử lại sau."

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


@dataclass(frozen=True)
class ApiClientView:
    """A client application as the edges and the operator see it (never its key)."""

    id: int
    name: str
    key_hint: str
    per_minute: int
    per_day: int
    created_at: datetime
    revoked_at: datetime | None


def hash_key(key: str) -> str:
    """The stored form of a key."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiClients:
    """Keys of the client applications over one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, name: str, per_minute: int = DEFAULT_PER_MINUTE,
            per_day: int = DEFAULT_PER_DAY) -> tuple[ApiClientView, str]:
        """A new client and its key (shown once; only its hash is kept)."""
        label = clean(name)
        if not label or len(label) > 64:
            raise ValidationError("bad client name", "Tên ứng dụng phải có 1–64 ký tự.")
        if per_minute < 1 or per_day < 1:
            raise ValidationError("bad limits", "Giới hạn phải là số dương.")
        key = secrets.token_urlsafe(32)
        row = ApiClient(name=label, key_hash=hash_key(key), key_hint=key[:HINT_CHARS],
                        per_minute=per_minute, per_day=per_day, created_at=utcnow())
        try:
            with self.db.transaction() as session:
                session.add(row)
                session.flush()
                view = _view(row)
        except IntegrityError as exc:
            raise ValidationError("client exists",
                                  f"Đã có ứng dụng tên {label!r}.") from exc
        return view, key

    def revoke(self, name: str) -> ApiClientView:
        """Revoke the client's key at once (its next request is 403)."""
        with self.db.transaction() as session:
            row = session.scalar(select(ApiClient).where(ApiClient.name == clean(name)))
            if row is None:
                raise ValidationError("no such client", f"Không có ứng dụng tên {name!r}.")
            if row.revoked_at is None:
                row.revoked_at = utcnow()
            return _view(row)

    def list(self) -> list[ApiClientView]:
        """Every client, revoked ones included."""
        with self.db.reading() as session:
            return [_view(r) for r in session.scalars(select(ApiClient).order_by(
                ApiClient.name))]

    def authenticate(self, key: str | None) -> ApiClientView:
        """The active client of ``key``; ``InvalidApiKey`` otherwise."""
        if not key or len(key) > 200:
            raise InvalidApiKey("missing or oversized key")
        with self.db.reading() as session:
            row = session.scalar(select(ApiClient).where(ApiClient.key_hash == hash_key(key)))
            if row is None or row.revoked_at is not None:
                raise InvalidApiKey("unknown or revoked key")
            return _view(row)

    def count_write(self, session: Session, client: ApiClientView,
                    now: datetime | None = None) -> None:
        """Count one write of ``client`` in the caller's transaction; ``RateLimited``
        (nothing counted) when the minute's or the day's limit is used up."""
        moment = now or utcnow()
        session.execute(select(ApiClient.id).where(ApiClient.id == client.id)
                        .with_for_update())  # PostgreSQL: one count at a time per client
        minute = _calls_since(session, client.id, moment - timedelta(minutes=1))
        if minute >= client.per_minute:
            raise RateLimited("per-minute limit", 60)
        day = _calls_since(session, client.id, moment - timedelta(days=1))
        if day >= client.per_day:
            raise RateLimited("per-day limit", 3600)
        session.add(ApiCall(client_id=client.id, at=moment))
        session.execute(delete(ApiCall).where(ApiCall.client_id == client.id,
                                              ApiCall.at < moment - KEEP_CALLS))


def _calls_since(session: Session, client_id: int, since: datetime) -> int:
    return int(session.scalar(select(func.count(ApiCall.id)).where(
        ApiCall.client_id == client_id, ApiCall.at >= since)) or 0)


def _view(row: ApiClient) -> ApiClientView:
    return ApiClientView(row.id, row.name, row.key_hint, row.per_minute, row.per_day,
                         row.created_at, row.revoked_at)


__all__ = ["ApiClientView", "ApiClients", "InvalidApiKey", "RateLimited", "hash_key"]
