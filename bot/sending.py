"""Sending to Telegram politely: Rasa buttons as inline keyboards, 429 honoured.

Telegram's ``callback_data`` holds at most 64 bytes; a longer Rasa payload is replaced
by a short key remembered in this process (``PayloadKeys``) and looked up when pressed.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence
from datetime import timedelta

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ChatAction
from telegram.error import RetryAfter, TelegramError

log = logging.getLogger(__name__)

MAX_CALLBACK_BYTES = 64
MAX_TEXT = 4096
MAX_RETRY_WAIT = 30.0
TYPING_EVERY = 4.5


def retry_seconds(exc: RetryAfter) -> float:
    """``retry_after`` in seconds whether PTB gives an int or a timedelta."""
    value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class PayloadKeys:
    """Short callback keys for payloads too long for ``callback_data`` (bounded LRU)."""

    def __init__(self, capacity: int = 10_000) -> None:
        self.capacity = capacity
        self._payloads: OrderedDict[str, str] = OrderedDict()

    def encode(self, payload: str) -> str:
        """``payload`` itself when it fits, else ``#`` + a digest remembered here."""
        if len(payload.encode()) <= MAX_CALLBACK_BYTES and not payload.startswith("#"):
            return payload
        key = "#" + hashlib.sha256(payload.encode()).hexdigest()[:32]
        self._payloads[key] = payload
        self._payloads.move_to_end(key)
        while len(self._payloads) > self.capacity:
            self._payloads.popitem(last=False)
        return key

    def decode(self, data: str) -> str | None:
        """The payload behind ``data`` (None when a key was forgotten)."""
        return self._payloads.get(data) if data.startswith("#") else data


def keyboard(buttons: Sequence[tuple[str, str]], keys: PayloadKeys
             ) -> InlineKeyboardMarkup | None:
    """One button per row (titles are Vietnamese sentences, often long)."""
    if not buttons:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(title[:64] or payload[:64],
                                                       callback_data=keys.encode(payload))]
                                 for title, payload in buttons])


async def send_text(bot: Bot, chat_id: int, text: str,
                    markup: InlineKeyboardMarkup | None = None, attempts: int = 3
                    ) -> Message | None:
    """Send one message; waits out a 429 (up to 30 s) and tries again.

    Returns None when Telegram kept refusing: the caller's update is done either way
    (the citizen's next message starts afresh); queued deliveries are retried by the
    delivery dispatcher.
    """
    body = text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…"
    for attempt in range(attempts):
        try:
            return await bot.send_message(chat_id=chat_id, text=body, reply_markup=markup)
        except RetryAfter as exc:
            wait = retry_seconds(exc)
            if wait > MAX_RETRY_WAIT or attempt == attempts - 1:
                log.warning("telegram flood control: giving up a reply (retry after %.0fs)",
                            wait)
                return None
            await asyncio.sleep(wait)
    return None


async def _keep_typing(bot: Bot, chat_id: int) -> None:
    while True:
        with contextlib.suppress(TelegramError):  # cosmetic: never fail a turn for it
            await bot.send_chat_action(chat_id=chat_id, action=ChatAction.TYPING)
        await asyncio.sleep(TYPING_EVERY)


@contextlib.asynccontextmanager
async def typing(bot: Bot, chat_id: int) -> AsyncIterator[None]:
    """Show "typing…" while the block runs (sent in the background, renewed every 4.5 s)."""
    task = asyncio.create_task(_keep_typing(bot, chat_id))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
