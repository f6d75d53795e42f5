"""Transports: how a claimed message leaves (SMTP, the Telegram Bot API, …).

A transport sends a batch and says, per message, what happened (``Sent``, ``Retry``,
``Failed``); the dispatcher owns everything else (claiming, leases, backoff, giving
up, the audit event). A new channel is one more class with ``channel``, ``send`` and
``aclose``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from sqlalchemy.exc import InterfaceError, OperationalError

from intake.storage import BlobStore, ContentStore


@dataclass(frozen=True)
class ParcelFile:
    """A file a message carries: what the citizen sees, its digest and the attachment
    store holding its bytes (``store`` None: the store is unknown to this dispatcher)."""

    filename: str
    content_type: str
    size: int
    sha256: str
    store: BlobStore | None

    def read(self) -> bytes:
        """The file's bytes (blocking: call it off the event loop).

        Raises ``FileGone`` when the store no longer has them (permanent), and
        ``FileUnavailable`` when the store cannot be read now (the database or the disk
        failing, or a directory store whose directory is missing or empty, i.e. not
        mounted: the message is sent later, nothing is lost)."""
        if self.store is None:
            raise FileGone(self.filename)
        try:
            return self.store.get(self.sha256)
        except FileNotFoundError as exc:
            if isinstance(self.store, ContentStore) and not self.store.mounted():
                raise FileUnavailable("store directory missing or empty") from exc
            raise FileGone(self.filename) from exc
        except (OperationalError, InterfaceError, OSError) as exc:
            raise FileUnavailable(type(exc).__name__) from exc


class FileGone(Exception):
    """A file of a message is not in the content store (a permanent failure)."""

    def __init__(self, filename: str) -> None:
        super().__init__("attachment bytes missing")
        self.filename = filename

    @property
    def reason_vi(self) -> str:
        """The delivery's failure as staff read it."""
        return f"Không đọc được tệp đính kèm “{self.filename}” trong kho lưu trữ."


class FileUnavailable(Exception):
    """The store of a message's files cannot be read now (a temporary failure: the
    transport answers ``Retry``, before anything of the message was sent)."""

    def __init__(self, error: str) -> None:
        super().__init__(f"attachment store unavailable: {error}")


@dataclass(frozen=True)
class Parcel:
    """A claimed outbox row (a snapshot; no ORM object leaves the session)."""

    id: int
    channel: str
    recipient: str
    purpose: str | None
    complaint_code: str | None
    subject: str
    body: str
    headers: dict[str, str]
    attempts: int
    files: tuple[ParcelFile, ...] = ()


@dataclass(frozen=True)
class Sent:
    """The peer accepted the message."""


@dataclass(frozen=True)
class Retry:
    """A temporary failure. ``wait``: the peer said how long (else the policy's
    backoff); ``counts``: whether this attempt counts towards giving up (a 429 does not)."""

    reason: str
    wait: timedelta | None = None
    counts: bool = True


@dataclass(frozen=True)
class Failed:
    """A permanent failure: never retried."""

    reason: str


Result = Sent | Retry | Failed


class Transport(Protocol):
    """Sends messages of one channel."""

    channel: str

    async def send(self, parcels: Sequence[Parcel]) -> list[Result]:
        """Send ``parcels``; one result per parcel, in order."""
        ...

    async def aclose(self) -> None:
        """Release connections (end of the dispatcher)."""
        ...
