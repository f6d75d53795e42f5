"""Photos, documents and locations sent while a complaint is still being written.

They wait here (in this process's memory, for an hour) until the assistant files the
complaint and its answer carries the tracking code; then they are stored through intake
as that complaint's attachments and location.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

MAX_FILES_PER_CHAT = 10
KEEP_SECONDS = 3600.0


@dataclass(frozen=True)
class PendingFile:
    """A downloaded, checked file not yet attached."""

    data: bytes
    filename: str
    content_type: str


@dataclass
class _Held:
    files: list[PendingFile] = field(default_factory=list)
    location: tuple[float, float] | None = None
    at: float = field(default_factory=time.monotonic)


class PendingStore:
    """Per-chat holding area; ``take`` empties it."""

    def __init__(self) -> None:
        self._held: dict[int, _Held] = {}

    def _fresh(self, chat_id: int) -> _Held:
        now = time.monotonic()
        for stale in [c for c, h in self._held.items() if now - h.at > KEEP_SECONDS]:
            del self._held[stale]
        held = self._held.setdefault(chat_id, _Held())
        held.at = now
        return held

    def add_file(self, chat_id: int, item: PendingFile) -> bool:
        """Hold a file; False when the chat already holds the maximum."""
        held = self._fresh(chat_id)
        if len(held.files) >= MAX_FILES_PER_CHAT:
            return False
        held.files.append(item)
        return True

    def set_location(self, chat_id: int, latitude: float, longitude: float) -> None:
        """Hold the latest position sent."""
        self._fresh(chat_id).location = (latitude, longitude)

    def has_any(self, chat_id: int) -> bool:
        """True when something waits for this chat's complaint."""
        held = self._held.get(chat_id)
        return held is not None and (bool(held.files) or held.location is not None)

    def take(self, chat_id: int) -> tuple[list[PendingFile], tuple[float, float] | None]:
        """Everything held for the chat, removed from the store."""
        held = self._held.pop(chat_id, None)
        return (held.files, held.location) if held else ([], None)

    def drop(self, chat_id: int) -> None:
        """Forget what the chat sent (the citizen cancelled)."""
        self._held.pop(chat_id, None)
