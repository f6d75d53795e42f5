"""Joining a chat's messages that belong together before the assistant reads them.

Telegram apps split a text longer than 4,096 characters into several messages sent one
after the other; citizens also type one thought in several quick messages. Relayed one
by one, the second part of a long complaint would be taken as the answer to the next
question. So each chat's texts wait ``window`` seconds for a follow-up (``long_window``
after a message near Telegram's limit, whose continuation is almost certain), and go to
the assistant as one message, in the order they arrived.

Anything else from the chat (a photo, a button, a command) first flushes what is
waiting, so the assistant still sees the chat's actions in order; stopping the bot
flushes everything, so an acknowledged update is never dropped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

TELEGRAM_SPLIT_AT = 4096
NEAR_SPLIT = 3800  # a message this long was probably cut by the app

Flush = Callable[[str], Awaitable[None]]


@dataclass
class _Waiting:
    parts: list[str]
    flush: Flush
    timer: asyncio.Task[None] | None = field(default=None, repr=False)


class MessageJoiner:
    """Per-chat buffers of texts waiting for their follow-up (one bot process).

    Every flush of a chat runs under that chat's lock, and takes what waits only once it
    holds the lock: a flush asked for by another update (a photo, a button) therefore
    also waits for a turn already on its way to the assistant, so the chat's updates
    reach the assistant in the order they came."""

    def __init__(self, window: float, long_window: float) -> None:
        self.window = window
        self.long_window = max(window, long_window)
        self._waiting: dict[int, _Waiting] = {}
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    def add(self, chat_id: int, text: str, flush: Flush) -> None:
        """Hold ``text``; ``flush(joined)`` runs when the chat has been quiet long enough
        (the latest ``flush`` given wins: it carries the latest message's metadata)."""
        waiting = self._waiting.get(chat_id)
        if waiting is None:
            waiting = self._waiting[chat_id] = _Waiting([], flush)
        waiting.parts.append(text)
        waiting.flush = flush
        if waiting.timer is not None:
            waiting.timer.cancel()
        delay = self.long_window if len(text) >= NEAR_SPLIT else self.window
        waiting.timer = asyncio.create_task(self._after(chat_id, delay))

    async def flush(self, chat_id: int) -> None:
        """Send what waits for ``chat_id`` now, after any turn of the chat in progress."""
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        self._users[chat_id] = self._users.get(chat_id, 0) + 1
        try:
            async with lock:
                waiting = self._waiting.pop(chat_id, None)
                if waiting is None:
                    return
                if waiting.timer is not None and waiting.timer is not asyncio.current_task():
                    waiting.timer.cancel()
                await waiting.flush("\n".join(waiting.parts))
        finally:
            self._users[chat_id] -= 1
            if self._users[chat_id] == 0:  # nobody holds or waits for the lock
                del self._users[chat_id]
                del self._locks[chat_id]

    async def flush_all(self) -> None:
        """Send everything waiting, and wait for turns in progress (the bot stops)."""
        for chat_id in set(self._waiting) | set(self._locks):
            await self.flush(chat_id)

    async def _after(self, chat_id: int, delay: float) -> None:
        await asyncio.sleep(delay)
        try:
            await self.flush(chat_id)
        except Exception:  # the task's boundary: nothing else would see the error
            log.exception("relaying a joined message failed")
