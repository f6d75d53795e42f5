"""Per-chat flood guard and group-chat pointer.

A token bucket per chat: ``burst`` messages at once, then ``refill_per_second``. The
first message over the limit gets one polite slow-down message; the rest of the flood
gets nothing and costs nothing (no Rasa turn, no database). A flood is one flood until
the bucket is full again: the tokens that trickle back during it let a message through
now and then, but do not earn the chat a second warning. Runs before every handler.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.sending import send_text

MSG_SLOW_DOWN = ("Bạn gửi tin nhắn hơi nhanh. Vui lòng chờ vài giây rồi nhắn lại; "
                 "các tin nhắn gửi dồn trong lúc này sẽ không được xử lý.")
MSG_GROUP = ("Để bảo vệ thông tin cá nhân, tôi chỉ tiếp nhận phản ánh trong trò chuyện riêng. "
             "Bạn vui lòng nhắn riêng cho {bot} (bấm vào tên bot rồi chọn 'Nhắn tin').")
IDLE_FORGET_SECONDS = 3600.0


@dataclass
class _Bucket:
    tokens: float
    at: float
    warned: bool = False


class FloodGuard:
    """Token buckets by chat id (one process; each bot process guards its own share)."""

    def __init__(self, burst: int, refill_per_second: float) -> None:
        self.burst = burst
        self.refill = refill_per_second
        self._buckets: dict[int, _Bucket] = {}
        self._last_sweep = time.monotonic()

    def check(self, chat_id: int, now: float | None = None) -> str:
        """``ok`` (do the work), ``warn`` (send the slow-down message once) or ``drop``."""
        now = time.monotonic() if now is None else now
        self._sweep(now)
        bucket = self._buckets.get(chat_id)
        if bucket is None:
            bucket = self._buckets[chat_id] = _Bucket(float(self.burst), now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) * self.refill)
        bucket.at = now
        if bucket.tokens >= self.burst:  # calm again: a later flood is a new one
            bucket.warned = False
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return "ok"
        if bucket.warned:
            return "drop"
        bucket.warned = True
        return "warn"

    def _sweep(self, now: float) -> None:
        """Forget chats idle for an hour so the table does not grow without bound."""
        if now - self._last_sweep < 60:
            return
        self._last_sweep = now
        stale = [c for c, b in self._buckets.items() if now - b.at > IDLE_FORGET_SECONDS]
        for chat_id in stale:
            del self._buckets[chat_id]


async def guard_update(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop the update here if it floods or comes from a group; else let handlers run."""
    chat = update.effective_chat
    if chat is None:
        raise ApplicationHandlerStop
    guard: FloodGuard = context.bot_data["services"].flood_guard
    verdict = guard.check(chat.id)
    if verdict == "drop":
        raise ApplicationHandlerStop
    if verdict == "warn":
        await send_text(context.bot, chat.id, MSG_SLOW_DOWN)
        raise ApplicationHandlerStop
    joiner = context.bot_data["services"].joiner
    if joiner is not None and not _plain_text(update):
        await joiner.flush(chat.id)  # the chat's waiting texts come before this update
    if chat.type != ChatType.PRIVATE:
        if update.callback_query is not None:
            await update.callback_query.answer()
        name = f"@{context.bot.username}" if context.bot.username else "bot"
        await send_text(context.bot, chat.id, MSG_GROUP.format(bot=name))
        raise ApplicationHandlerStop


def _plain_text(update: Update) -> bool:
    """A text message that is not a command (those wait in ``bot.joining``)."""
    message = update.message
    return (message is not None and message.text is not None
            and not message.text.startswith("/"))
