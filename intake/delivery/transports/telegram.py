"""Telegram messages through the Bot API (python-telegram-bot's ``Bot``).

The text is the row's body plus, when it concerns a complaint, how to look it up again
(``/trangthai`` and the code from the row's ``complaint_code`` column). Outcomes: 429 →
retried after Telegram's ``retry_after`` (not counted towards giving up); network and
other API errors → retried with backoff; 403 (the citizen blocked the bot) and 400
(chat gone) → failed. Logs carry row ids only, never chat ids or text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import timedelta

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from intake.delivery.outbox import TELEGRAM_BUTTONS
from intake.delivery.transports import Failed, Parcel, Result, Retry, Sent
from intake.models import Channel

MAX_TEXT = 4096
DEFAULT_BASE_URL = "https://api.telegram.org/bot"


def render(parcel: Parcel) -> str:
    """The message a citizen reads in Telegram (at most 4,096 characters)."""
    text = parcel.body
    if parcel.complaint_code:
        text += f"\n\nXem lại: /trangthai {parcel.complaint_code}"
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…"


def buttons_of(parcel: Parcel) -> InlineKeyboardMarkup | None:
    """The row's inline buttons (one row), if it has any."""
    raw = parcel.headers.get(TELEGRAM_BUTTONS)
    if not raw:
        return None
    pairs = json.loads(raw)
    return InlineKeyboardMarkup([[InlineKeyboardButton(str(text), callback_data=str(data))
                                  for text, data in pairs]])


def _retry_after(exc: RetryAfter) -> timedelta:
    value = exc.retry_after
    return value if isinstance(value, timedelta) else timedelta(seconds=float(value))


class TelegramTransport:
    """Sends the ``telegram`` rows with one bot token."""

    channel = Channel.TELEGRAM.value

    def __init__(self, token: str, base_url: str = DEFAULT_BASE_URL) -> None:
        self.bot = Bot(token, base_url=base_url)  # no getMe: the API may be down at start

    async def send(self, parcels: Sequence[Parcel]) -> list[Result]:
        """Send each parcel in turn."""
        return [await self._send_one(parcel) for parcel in parcels]

    async def _send_one(self, parcel: Parcel) -> Result:
        try:
            chat_id = int(parcel.recipient)
        except ValueError:
            return Failed("recipient is not a Telegram chat id")
        try:
            await self.bot.send_message(chat_id=chat_id, text=render(parcel),
                                        reply_markup=buttons_of(parcel))
        except RetryAfter as exc:
            wait = _retry_after(exc)
            return Retry(f"429 flood control: retry after {wait}", wait, counts=False)
        except Forbidden as exc:
            return Failed(f"403 forbidden (bot blocked?): {exc.message}")
        except BadRequest as exc:
            return Failed(f"400 bad request: {exc.message}")
        except NetworkError as exc:
            return Retry(f"network error: {type(exc).__name__}: {exc.message}")
        except TelegramError as exc:
            return Retry(f"telegram error: {type(exc).__name__}: {exc.message}")
        return Sent()

    async def aclose(self) -> None:
        """Close the Bot's HTTP client."""
        await self.bot.shutdown()
