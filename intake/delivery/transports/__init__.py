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
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class ParcelFile:
    """A file a message carries: what the citizen sees and where its bytes are
    (``path`` None: the content store is unknown to this dispatcher)."""

    filename: str
    content_type: str
    size: int
    path: Path | None

    def read(self) -> bytes:
        """The file's bytes (blocking: call it off the event loop).

        Raises ``FileGone`` when the content store no longer has them."""
        if self.path is None or not self.path.is_file():
            raise FileGone(self.filename)
        return self.path.read_bytes()


class FileGone(Exception):
    """A file of a message is not in the content store (a permanent failure)."""

    def __init__(self, filename: str) -> None:
        super().__init__("attachment bytes missing")
        self.filename = filename

    @property
    def reason_vi(self) -> str:
        """The delivery's failure as staff read it."""
        return f"Không đọc được tệp đính kèm “{self.filename}” trong kho lưu trữ."


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
