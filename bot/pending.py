"""Photos, documents and locations sent while a complaint is still being written.

They are held in the database, not in this process: the bytes go to intake's
content-addressed store at once and a ``pending_attachments`` row (keyed by the chat's
sender id) remembers them for 24 hours, so a restart of the bot loses nothing. The
assistant's filing action attaches everything held inside the filing transaction
(``NewComplaint.take_held``), exactly once; a file sent just after goes to the chat's
recent complaint through ``attach_to``.
"""

from __future__ import annotations

import asyncio

from bot.context import sender_of
from intake.services.attachments import AttachmentService
from intake.services.views import AttachedPending

ACTOR = "citizen:telegram"


class PendingStore:
    """Per-chat holding area over intake's ``AttachmentService`` (calls run in threads)."""

    def __init__(self, attachments: AttachmentService) -> None:
        self._attachments = attachments

    async def add_file(self, chat_id: int, data: bytes, filename: str,
                       content_type: str, caption: str | None = None) -> bool:
        """Store and hold a file with its caption; False when the chat already holds the
        maximum."""
        return await asyncio.to_thread(self._attachments.hold_file, sender_of(chat_id),
                                       data, filename, content_type, caption)

    async def set_location(self, chat_id: int, latitude: float, longitude: float) -> None:
        """Hold the latest position sent."""
        await asyncio.to_thread(self._attachments.hold_location, sender_of(chat_id),
                                latitude, longitude)

    async def attach_to(self, chat_id: int, code: str) -> AttachedPending:
        """Attach everything held for the chat to ``code``; held items are then gone."""
        return await asyncio.to_thread(self._attachments.attach_pending, sender_of(chat_id),
                                       code, ACTOR)

    async def drop(self, chat_id: int) -> None:
        """Forget what the chat sent (the citizen cancelled)."""
        await asyncio.to_thread(self._attachments.drop_pending, sender_of(chat_id))
