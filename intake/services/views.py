"""Read-only snapshots the services hand to the edges (no live ORM objects leak out)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class AttachedPending:
    """What a chat had held and what was put on its complaint: files and a position."""

    files: int
    location: tuple[float, float] | None


@dataclass(frozen=True)
class MessageView:
    """One message of a thread."""

    id: int
    direction: str
    channel: str
    sender: str | None
    text: str
    created_at: datetime


@dataclass(frozen=True)
class EventView:
    """One audit event."""

    kind: str
    actor: str
    reason: str | None
    data: dict[str, Any]
    at: datetime


@dataclass(frozen=True)
class ComplaintView:
    """A complaint as an edge may show it; ``reply_address`` is personal data."""

    code: str
    status: str
    channel: str
    queue_code: str | None
    queue_name: str | None
    subject: str
    text: str
    location_text: str | None
    place_queue_code: str | None
    citizen_phone: str | None
    citizen_email: str | None
    reply_channel: str
    reply_address: str | None
    created_at: datetime
    updated_at: datetime
    due_at: datetime | None
    routing_reasons: tuple[str, ...]
    last_answer: str | None
    created_now: bool = False
    # Files and map position a chat held during the form, attached when it was filed.
    attached: AttachedPending | None = None
    # The row's id, for intake's own pipelines writing rows of the same transaction
    # (attachments, events); never shown: edges name a complaint by its code.
    record_id: int | None = field(default=None, repr=False, compare=False)
    # Its first message's row id, when it was just filed (the mail pipeline records the
    # message's attachments with it); never shown either.
    message_record_id: int | None = field(default=None, repr=False, compare=False)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (timestamps ISO 8601)."""
        out: dict[str, Any] = {}
        for key, value in self.__dict__.items():
            if key in ("record_id", "message_record_id"):
                continue
            out[key] = value.isoformat() if isinstance(value, datetime) else value
        out["routing_reasons"] = list(self.routing_reasons)
        return out
