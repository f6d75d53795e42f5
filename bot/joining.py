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
    """Per-chat buffers of texts waiting for their follow-up (one bot process)."""

    def __init__(self, window: float, long_window: float) -> None:
        self.window = window
        self.long_window = max(window, long_window)
        self._waiting: dict[int, _Waiting] = {}
        self._locks: dict[int, asyncio.Lock] = {}

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

    def waiting(self, chat_id: int) -> bool:
        """True while texts of ``chat_id`` wait for their follow-up."""
        return chat_id in self._waiting

    async def flush(self, chat_id: int) -> None:
        """Send what waits for ``chat_id`` now (before another kind of update)."""
        waiting = self._waiting.pop(chat_id, None)
        if waiting is None:
            return
        if waiting.timer is not None and waiting.timer is not asyncio.current_task():
            waiting.timer.cancel()
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        async with lock:
            await waiting.flush("\n".join(waiting.parts))
        if not lock.locked() and chat_id not in self._waiting:
            self._locks.pop(chat_id, None)

    async def flush_all(self) -> None:
        """Send everything waiting (the bot is stopping)."""
        for chat_id in list(self._waiting):
            await self.flush(chat_id)

    async def _after(self, chat_id: int, delay: float) -> None:
        await asyncio.sleep(delay)
        try:
            await self.flush(chat_id)
        except Exception:  # the task's boundary: nothing else would see the error
            log.exception("relaying a joined message failed")
