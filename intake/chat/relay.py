"""Relaying a citizen's chat message to the assistant's channel, safely.

Shared by the web chat and the Telegram bot. Guards what the assistant must never see
raw (empty text, ``/commands`` that Rasa would parse as intents, floods of characters),
and turns Rasa's silent failures (HTTP 200 with ``[]``) into a polite Vietnamese reply.
Every message is signed with the edges' secret (``PAKN_CHANNEL_SECRET``): the assistant's
channel (``rasa_addons.channels``) refuses anything else, so only our edges can speak as
``web:…`` or ``telegram:…``. Each body carries a random ``nonce``: the channel refuses a
signature it has seen before (a replayed request), and the nonce keeps two identical
messages sent within one second (a double tap on a button) two different requests.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from intake.text import has_letters_or_digits, nfc

log = logging.getLogger(__name__)

MSG_EMPTY = "Tin nhắn đang trống. Bạn vui lòng nhập nội dung cần hỏi hoặc phản ánh."
MSG_TOO_LONG = ("Tin nhắn quá dài (tối đa {limit} ký tự). Bạn vui lòng tóm tắt lại, "
                "hoặc gửi bản đầy đủ qua email thutuchanhchinh@bacgiang.gov.vn.")
MSG_NO_WORDS = ("Tôi chỉ đọc được tin nhắn bằng chữ. Bạn vui lòng mô tả điều cần hỏi "
                "hoặc phản ánh bằng lời.")
MSG_UNAVAILABLE = ("Xin lỗi, hệ thống trả lời tự động đang gặp sự cố. Bạn vui lòng thử lại "
                   "sau ít phút, hoặc gửi phản ánh qua email thutuchanhchinh@bacgiang.gov.vn.")


@dataclass(frozen=True)
class Reply:
    """One bot message: text and optional buttons (title, payload)."""

    text: str
    buttons: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        """JSON form for the web chat."""
        return {"text": self.text,
                "buttons": [{"title": t, "payload": p} for t, p in self.buttons]}


CHANNEL_PATH = "/webhooks/pakn/webhook"
SIGNATURE_HEADER = "X-Pakn-Signature"
TIMESTAMP_HEADER = "X-Pakn-Timestamp"


def sign_request(secret: str, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    """Headers that let the assistant's channel verify ``body`` came from an edge of ours:
    ``HMAC-SHA256(secret, timestamp + "." + body)`` (``rasa_addons.channels.signature``)."""
    moment = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode("utf-8"), moment.encode("ascii") + b"." + body,
                      hashlib.sha256).hexdigest()
    return {TIMESTAMP_HEADER: moment, SIGNATURE_HEADER: digest,
            "Content-Type": "application/json"}


class AssistantUnavailable(Exception):
    """Rasa did not answer, answered an error, or answered nothing."""


def guard(text: str, limit: int) -> tuple[str | None, Reply | None]:
    """Clean ``text`` for the assistant, or the reply that refuses it."""
    body = nfc(text).strip()
    if body.startswith("/"):
        body = body.lstrip("/").strip()
    if not body:
        return None, Reply(MSG_EMPTY)
    if len(body) > limit:
        return None, Reply(MSG_TOO_LONG.format(limit=f"{limit:,}".replace(",", ".")))
    if not has_letters_or_digits(body):
        return None, Reply(MSG_NO_WORDS)
    return body, None


def parse_rasa_answer(payload: Any) -> list[Reply]:
    """Rasa REST channel JSON → replies (images and custom payloads become text)."""
    if not isinstance(payload, list):
        raise AssistantUnavailable(f"unexpected answer type {type(payload).__name__}")
    replies = []
    for item in payload:
        if not isinstance(item, dict):
            continue
        text = str(item.get("text") or item.get("image") or "").strip()
        buttons = tuple((str(b.get("title", "")), str(b.get("payload", "")))
                        for b in item.get("buttons") or [] if isinstance(b, dict))
        if text or buttons:
            replies.append(Reply(text, buttons))
    if not replies:
        raise AssistantUnavailable("the assistant answered nothing")
    return replies


class RasaRelay:
    """Async client of the assistant's signed channel."""

    def __init__(self, rasa_url: str, channel_secret: str, timeout: float = 30.0) -> None:
        self.webhook = rasa_url.rstrip("/") + CHANNEL_PATH
        self.channel_secret = channel_secret
        self._client = httpx.AsyncClient(timeout=timeout, trust_env=False)

    async def send(self, sender: str, text: str,
                   metadata: dict[str, Any] | None = None) -> list[Reply]:
        """Send one message; raises ``AssistantUnavailable`` on any failure."""
        body = json.dumps({"sender": sender, "message": text, "metadata": metadata or {},
                           "nonce": secrets.token_hex(12)},
                          ensure_ascii=False).encode("utf-8")
        try:
            response = await self._client.post(
                self.webhook, content=body, headers=sign_request(self.channel_secret, body))
            response.raise_for_status()
            return parse_rasa_answer(response.json())
        except (httpx.HTTPError, ValueError) as exc:
            raise AssistantUnavailable(f"{type(exc).__name__}: {exc}") from exc

    async def reply_to(self, sender: str, text: str, limit: int,
                       metadata: dict[str, Any] | None = None) -> list[Reply]:
        """Guard, relay, and never leave the citizen without an answer."""
        body, refusal = guard(text, limit)
        if refusal is not None or body is None:
            return [refusal or Reply(MSG_EMPTY)]
        try:
            return await self.send(sender, body, metadata)
        except AssistantUnavailable as exc:
            log.warning("assistant unavailable: %s", exc)
            return [Reply(MSG_UNAVAILABLE)]

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        await self._client.aclose()
