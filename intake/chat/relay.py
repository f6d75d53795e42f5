"""Relaying a citizen's chat message to the assistant's channel, safely.

Shared by the web chat and the Telegram bot. Guards what the assistant must never see
raw (empty text, ``/commands`` that Rasa would parse as intents, floods of characters),
and turns Rasa's silent failures (HTTP 200 with ``[]``) into a polite Vietnamese reply.
Every message is signed with the edges' secret (``PAKN_CHANNEL_SECRET``): the assistant's
channel (``rasa_addons.channels``) refuses anything else, so only our edges can speak as
``web:…`` or ``telegram:…``. Each body carries a random ``nonce``: the channel refuses a
signature it has seen before (a replayed request), and the nonce keeps two identical
messages sent within one second (a double tap on a button) two different requests.

Several assistant servers (``PAKN_RASA_URLS``, issue 15): each sender has a home server
chosen by rendezvous hashing (the highest ``sha256(server, sender)``), stable across
processes and restarts, and a server added or removed moves only its own share of the
senders. When the home server cannot be reached — the connection is refused or not
established in time — the message goes to the next server in the sender's order, and the
unreachable one is put last for ``RETRY_AFTER`` seconds. The servers share the tracker
store, so any of them continues the conversation. One citizen's messages go to one home
server; when they reach two servers anyway (after a failover, or two edges that disagree
about the servers), the shared Redis lock store (``rasa_addons.lock_store``, atomic, unlike
Rasa 3.6's own) makes them take turns, in the order the servers took them.

One citizen's messages are relayed one at a time, in the order the edge handed them over:
a message waits until the relay has the answer to (or has given up on) the same sender's
previous one. Two messages of one citizen in flight at once (a web chat user typing two
lines quickly) could otherwise reach Rasa in either order — Rasa's ticket lock serves a
conversation's messages in the order they arrive, not the order they were typed
(``bench/chat_latency.py --scale`` saw it on one saturated server). This holds within one
relay (one console or bot process); different processes sending for one sender at once
are only kept from running together (the lock store), not ordered.

A message that reached a server is never sent to another one: after a timeout waiting
for the answer, a dropped connection or an error answer, Rasa may have processed the
turn (filed the complaint, taken the form's answer), and a second copy would be a second
turn. The citizen is told the assistant is unavailable and to try again; the next
message goes to the same home server (or the next one, if it has gone).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import secrets
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

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


#: failures that prove the request never reached the server: safe to send elsewhere
#: (``httpx.PoolTimeout`` is not one: it means our own client has no free connection,
#: which says nothing about the server; it is reported, not failed over)
NOT_DELIVERED = (httpx.ConnectError, httpx.ConnectTimeout)
CONVERSATIONS_PATH = "/conversations/"
RETRY_AFTER = 10.0  # seconds an unreachable server is tried last
CONNECT_TIMEOUT = 3.0


def server_list(rasa_urls: str | Sequence[str]) -> tuple[str, ...]:
    """One URL or several → the servers' base URLs (no trailing slash)."""
    urls = (rasa_urls,) if isinstance(rasa_urls, str) else tuple(rasa_urls)
    if not urls:
        raise ValueError("no assistant server URL")
    return tuple(u.rstrip("/") for u in urls)


class ServerHealth:
    """Which assistant servers were found unreachable lately (per process).

    ``order_for(sender)`` is the sender's rendezvous order with the servers that refused a
    connection within ``retry_after`` seconds moved to the end (still tried, last).
    """

    def __init__(self, servers: Sequence[str], retry_after: float = RETRY_AFTER) -> None:
        self.servers = tuple(servers)
        self.retry_after = retry_after
        self._down_until: dict[str, float] = {}

    def home_order(self, sender: str) -> list[str]:
        """The servers by rendezvous weight for ``sender`` (the first is its home)."""
        def weight(server: str) -> bytes:
            return hashlib.sha256(f"{server}\n{sender}".encode()).digest()
        return sorted(self.servers, key=weight, reverse=True)

    def order_for(self, sender: str) -> list[str]:
        """The order to try the servers in for ``sender`` right now."""
        now = time.monotonic()
        order = self.home_order(sender)
        return ([s for s in order if self._down_until.get(s, 0.0) <= now]
                + [s for s in order if self._down_until.get(s, 0.0) > now])

    def failed(self, server: str) -> None:
        """``server`` could not be reached: try it last for a while."""
        self._down_until[server] = time.monotonic() + self.retry_after

    def answered(self, server: str) -> None:
        """``server`` answered: it is no longer put last."""
        self._down_until.pop(server, None)


def conversation_sender(path: str) -> str:
    """The sender of a Rasa HTTP API path ``/conversations/{sender}/…`` (percent-decoded),
    ``""`` for any other path."""
    if not path.startswith(CONVERSATIONS_PATH):
        return ""
    return unquote(path[len(CONVERSATIONS_PATH):].split("/", 1)[0])


class FailoverTransport(httpx.AsyncBaseTransport):
    """An httpx transport for Rasa's HTTP API over several servers sharing the tracker
    store (the bot reads a conversation's pending question there): a request addressed
    to the first server goes to the first reachable one, in the order of ``health`` for
    the conversation's sender (``/conversations/{sender}/…``: the server that takes that
    citizen's messages, so the lock store sees both on one server whenever it is up), or
    for ``""`` otherwise. A request that reached a server is never repeated on another;
    ``httpx.PoolTimeout`` (our own pool is full) is raised as it is, without failing over."""

    def __init__(self, health: ServerHealth) -> None:
        self.health = health
        self._inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` to the first server that accepts the connection."""
        first, url = self.health.servers[0], str(request.url)
        sender = (conversation_sender(urlsplit(url[len(first):]).path)
                  if url.startswith(first) else "")
        failure: Exception | None = None
        for server in self.health.order_for(sender):
            if url.startswith(first):
                request.url = httpx.URL(server + url[len(first):])
                request.headers["Host"] = request.url.netloc.decode("ascii")
                first, url = server, str(request.url)
            try:
                response = await self._inner.handle_async_request(request)
            except NOT_DELIVERED as exc:
                self.health.failed(server)
                failure = exc
                continue
            self.health.answered(server)
            return response
        if failure is None:  # only when there is no server at all
            raise httpx.ConnectError("no assistant server configured", request=request)
        raise failure

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._inner.aclose()


class RasaRelay:
    """Async client of the assistant's signed channel, over one or several servers."""

    def __init__(self, rasa_urls: str | Sequence[str], channel_secret: str,
                 timeout: float = 30.0, *, health: ServerHealth | None = None,
                 limits: httpx.Limits | None = None) -> None:
        self.health = health or ServerHealth(server_list(rasa_urls))
        self.channel_secret = channel_secret
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT)),
            limits=limits or httpx.Limits(max_connections=100, max_keepalive_connections=20),
            trust_env=False)
        self._turns: dict[str, asyncio.Lock] = {}
        self._waiting: dict[str, int] = {}

    @contextlib.asynccontextmanager
    async def _turn_of(self, sender: str) -> AsyncIterator[None]:
        """Hold ``sender``'s turn: its messages go one at a time, first come first served
        (``asyncio.Lock`` wakes its waiters in order); forgotten when nobody waits."""
        lock = self._turns.setdefault(sender, asyncio.Lock())
        self._waiting[sender] = self._waiting.get(sender, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._waiting[sender] -= 1
            if self._waiting[sender] == 0:
                del self._waiting[sender]
                del self._turns[sender]

    @property
    def webhook(self) -> str:
        """The channel's URL on the first server (one server: the only one)."""
        return self.health.servers[0] + CHANNEL_PATH

    async def send(self, sender: str, text: str,
                   metadata: dict[str, Any] | None = None) -> list[Reply]:
        """Send one message to the sender's server, failing over to the next one only
        when a server cannot be reached; raises ``AssistantUnavailable`` on any failure
        (without sending the message anywhere else once a server may have received it).
        Waits for the answer to the same sender's previous message first."""
        async with self._turn_of(sender):
            return await self._send(sender, text, metadata)

    async def _send(self, sender: str, text: str,
                    metadata: dict[str, Any] | None) -> list[Reply]:
        body = json.dumps({"sender": sender, "message": text, "metadata": metadata or {},
                           "nonce": secrets.token_hex(12)},
                          ensure_ascii=False).encode("utf-8")
        unreachable: list[str] = []
        for server in self.health.order_for(sender):
            try:
                response = await self._client.post(
                    server + CHANNEL_PATH, content=body,
                    headers=sign_request(self.channel_secret, body))
            except NOT_DELIVERED as exc:
                self.health.failed(server)
                unreachable.append(f"{server}: {type(exc).__name__}")
                continue
            except httpx.PoolTimeout as exc:  # our own client is overloaded, not the server
                raise AssistantUnavailable(
                    f"{server}: no free connection in this process's pool (PoolTimeout); "
                    "not sent, and the server is not marked down") from exc
            except httpx.HTTPError as exc:  # it may have been received: not resent
                raise AssistantUnavailable(
                    f"{server}: {type(exc).__name__} (not resent elsewhere: the turn may "
                    "have been processed)") from exc
            self.health.answered(server)
            if unreachable:
                log.warning("assistant servers unreachable, message sent to %s instead: %s",
                            server, "; ".join(unreachable))
            try:
                response.raise_for_status()
                return parse_rasa_answer(response.json())
            except (httpx.HTTPError, ValueError) as exc:
                raise AssistantUnavailable(f"{server}: {type(exc).__name__}: {exc}") from exc
        raise AssistantUnavailable("no assistant server reachable: " + "; ".join(unreachable))

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
