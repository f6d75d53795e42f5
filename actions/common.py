"""What every action needs: the intake service, the channel of a sender, skip words."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from intake.enums import Channel
from intake.services.complaints import IntakeService
from intake.services.factory import get_service
from intake.text import fold

SKIP_WORDS = frozenset({
    "bo qua", "bo", "bq", "skip", "khong", "ko", "k", "kg", "khong co", "ko co", "k co",
    "khong can", "ko can", "thoi", "-", "khong biet", "ko biet", "chua ro", "khong ro",
})


def service() -> IntakeService:
    """The intake service of this action-server process."""
    return get_service()


def channel_of(sender_id: str) -> tuple[Channel, str | None]:
    """The channel a conversation runs on and the address replies go to.

    Edges name their senders ``telegram:<chat id>`` and ``web:<session id>``; anything
    else (tests, ``rasa shell``) is a generic chat without push replies.
    """
    prefix, _, rest = sender_id.partition(":")
    if prefix == "telegram" and rest:
        return Channel.TELEGRAM, rest
    if prefix == "web" and rest:
        return Channel.WEB, None
    return Channel.CHAT, None


def is_skip(text: str) -> bool:
    """The citizen declined an optional question ("bỏ qua", "không", "ko")."""
    return fold(text).strip(" .!") in SKIP_WORDS


def latest_text(tracker: Tracker) -> str:
    """The text of the latest user message ('' if none)."""
    text = tracker.latest_message.get("text")
    return text if isinstance(text, str) else ""


def latest_intent(tracker: Tracker) -> str | None:
    """The intent name of the latest user message."""
    intent: dict[str, Any] = tracker.latest_message.get("intent") or {}
    name = intent.get("name")
    return name if isinstance(name, str) else None
