"""Telegram messages through the Bot API (python-telegram-bot's ``Bot``).

The text is the row's body plus, when it concerns a complaint, how to look it up again
(``/trangthai`` and the code from the row's ``complaint_code`` column). Outcomes: 429 →
retried after Telegram's ``retry_after`` (not counted towards giving up); network and
other API errors → retried with backoff; 403 (the citizen blocked the bot) and 400
(chat gone) → failed. Logs carry row ids only, never chat ids or text.

Files a message carries follow the text: images up to Telegram's 10 MB as photos
(``sendPhoto``), the rest as documents (``sendDocument``, at most 50 MB). A file over
the limit fails the message before anything is sent, with a Vietnamese reason staff
read beside it (the answer stays on the complaint, nothing is lost); so does Telegram
refusing an upload as too large (HTTP 413) or a file missing from the store. The files
are read before the text is sent: a store that cannot be read now (the database down)
retries the whole message later instead of sending the text without its files.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from datetime import timedelta

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from intake.delivery.outbox import TELEGRAM_BUTTONS
from intake.delivery.transports import (
    Failed,
    FileGone,
    FileUnavailable,
    Parcel,
    ParcelFile,
    Result,
    Retry,
    Sent,
)
from intake.models import Channel

MAX_TEXT = 4096
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # the Bot API's upload limit (sendDocument)
MAX_PHOTO_BYTES = 10 * 1024 * 1024     # sendPhoto; a larger image goes as a document
PHOTO_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
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

    def __init__(self, token: str, base_url: str = DEFAULT_BASE_URL,
                 max_document_bytes: int = MAX_DOCUMENT_BYTES) -> None:
        self.bot = Bot(token, base_url=base_url)  # no getMe: the API may be down at start
        self.max_document_bytes = max_document_bytes

    async def send(self, parcels: Sequence[Parcel]) -> list[Result]:
        """Send each parcel in turn."""
        return [await self._send_one(parcel) for parcel in parcels]

    async def _send_one(self, parcel: Parcel) -> Result:
        try:
            chat_id = int(parcel.recipient)
        except ValueError:
            return Failed("recipient is not a Telegram chat id")
        too_big = self._too_big(parcel.files)
        if too_big is not None:
            return Failed(too_big)
        try:  # every file read first: a store that fails sends nothing, not the text alone
            files = [(file, await asyncio.to_thread(file.read)) for file in parcel.files]
        except FileGone as exc:
            return Failed(exc.reason_vi)
        except FileUnavailable as exc:
            return Retry(str(exc))
        try:
            await self.bot.send_message(chat_id=chat_id, text=render(parcel),
                                        reply_markup=buttons_of(parcel))
            for file, data in files:
                await self._send_file(chat_id, file, data)
        except RetryAfter as exc:
            wait = _retry_after(exc)
            return Retry(f"429 flood control: retry after {wait}", wait, counts=False)
        except Forbidden as exc:
            return Failed(f"403 forbidden (bot blocked?): {exc.message}")
        except BadRequest as exc:
            return Failed(f"400 bad request: {exc.message}")
        except NetworkError as exc:
            if _refused_as_too_large(exc):
                return Failed("Telegram từ chối tệp đính kèm vì quá lớn "
                              f"({exc.message}).")
            return Retry(f"network error: {type(exc).__name__}: {exc.message}")
        except TelegramError as exc:
            return Retry(f"telegram error: {type(exc).__name__}: {exc.message}")
        return Sent()

    def _too_big(self, files: Sequence[ParcelFile]) -> str | None:
        """Why a file cannot go through Telegram (Vietnamese), or None."""
        for file in files:
            if file.size > self.max_document_bytes:
                return (f"Tệp “{file.filename}” ({_megabytes(file.size)}) vượt giới hạn "
                        f"{_megabytes(self.max_document_bytes)} Telegram nhận; câu trả lời "
                        "chưa được gửi, hãy gửi tệp qua kênh khác.")
        return None

    async def _send_file(self, chat_id: int, file: ParcelFile, data: bytes) -> None:
        """One file: a photo when Telegram shows it as one, else a document."""
        if file.content_type in PHOTO_TYPES and file.size <= MAX_PHOTO_BYTES:
            await self.bot.send_photo(chat_id=chat_id, photo=data, filename=file.filename)
        else:
            await self.bot.send_document(chat_id=chat_id, document=data,
                                         filename=file.filename)

    async def aclose(self) -> None:
        """Close the Bot's HTTP client."""
        await self.bot.shutdown()


def _refused_as_too_large(exc: NetworkError) -> bool:
    """Telegram's answer to an upload over its limit (HTTP 413, "too big")."""
    text = exc.message.lower()
    return "too large" in text or "too big" in text or "(413)" in text


def _megabytes(size: int) -> str:
    """A size as staff read it ("12,5 MB")."""
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
