"""The assistant's only input channel: Rasa's REST protocol, signed by our own edges.

Rasa's built-in ``rest`` channel answers anyone who can reach the port, and its
webhooks are not covered by ``--auth-token``; any local process could then speak as
``telegram:<id>`` or ``web:<id>``, which the actions take as the owner of a complaint.
This channel (``/webhooks/pakn/webhook``, enabled in ``credentials.yml``) accepts a
message only with

- ``X-Pakn-Timestamp``: Unix seconds, within ``MAX_SKEW_SECONDS`` of the server's clock;
- ``X-Pakn-Signature``: hex ``HMAC-SHA256(PAKN_CHANNEL_SECRET, timestamp + "." + body)``
  over the exact request body;
- a signature not seen before: a captured request replayed within the window is refused
  (``SeenSignatures``). The edges put a random ``nonce`` into every body, so a citizen
  who sends the same words twice in one second sends two different requests.

Each Rasa process remembers the signatures it took (bounded, expiring with the window).
Several servers share the lock store's Redis (``rasa_addons.lock_store``), and there a
signature is also recorded for every server (``remember_signature``): a request captured
on its way to one server is refused by the others too, as long as their clocks agree
within a minute and Redis keeps its keys (a restarted Redis forgets the signatures of
the last five minutes: then each server's own memory is all there is). When Redis
cannot say (down, full, read-only), this server's own memory decides; a Redis that is
down makes the lock store refuse the turn anyway, with the polite reply at the edge.
Without Redis (one server) its own memory is the whole memory.

The console (web chat) and the Telegram bot sign with ``intake.chat.relay.sign_request``
(the same computation; this module must not import the product, see ``__init__``). The
body is ``{"sender", "message", "metadata"}`` like the REST channel's, and so is the
answer (a JSON list of bot messages). Nothing of a message is ever logged.
"""

from __future__ import annotations

import asyncio
import hashlib
import heapq
import hmac
import json
import logging
import os
import time
from asyncio import CancelledError
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Pakn-Signature"
TIMESTAMP_HEADER = "X-Pakn-Timestamp"
MAX_SKEW_SECONDS = 300
MAX_BODY_BYTES = 256 * 1024
SECRET_ENV = "PAKN_CHANNEL_SECRET"
#: signatures remembered at most (about 40 MB at worst; a busy server sees far fewer
#: within the window: 40 messages a second are 12,000 in 5 minutes)
MAX_SEEN = 100_000


def signature(secret: bytes, timestamp: str, body: bytes) -> str:
    """The signature of ``body`` sent at ``timestamp`` (hex HMAC-SHA256)."""
    return hmac.new(secret, timestamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()


def is_signed(secret: bytes, timestamp: str | None, given: str | None, body: bytes,
              now: float | None = None) -> bool:
    """True if ``given`` signs ``body`` at ``timestamp`` and the timestamp is fresh."""
    if not timestamp or not given or not timestamp.isdigit():
        return False
    moment = time.time() if now is None else now
    if abs(moment - int(timestamp)) > MAX_SKEW_SECONDS:
        return False
    return hmac.compare_digest(given.strip().lower(), signature(secret, timestamp, body))


class SeenSignatures:
    """The signatures already used, each remembered while its timestamp is fresh.

    A signature is valid while ``|now - timestamp| <= window``, so it is kept until
    ``timestamp + window`` and then forgotten (it would be refused as stale anyway).
    Only verified signatures are recorded, so nobody without the secret can fill this.
    When ``capacity`` signatures are remembered at once, the one expiring first is
    dropped and every timestamp at or before its own is refused from then on (``floor``):
    the window shrinks under an extreme load instead of reopening a replay. One process,
    one event loop: ``first_use`` does not await, so two copies cannot both pass.
    """

    def __init__(self, window: int = MAX_SKEW_SECONDS, capacity: int = MAX_SEEN) -> None:
        self.window = window
        self.capacity = capacity
        self.floor = -1
        self._expiry: Dict[str, int] = {}
        self._queue: list[tuple[int, str]] = []  # (expiry, signature), a heap

    def __len__(self) -> int:
        return len(self._expiry)

    def first_use(self, sig: str, timestamp: int, now: float) -> bool:
        """Record ``sig`` (sent at ``timestamp``); False if it was used already (or its
        timestamp is at or before a dropped one's)."""
        while self._queue and self._queue[0][0] < now:
            _expiry, old = heapq.heappop(self._queue)
            del self._expiry[old]
        if timestamp <= self.floor or sig in self._expiry:
            return False
        while len(self._expiry) >= self.capacity:
            expiry, old = heapq.heappop(self._queue)
            del self._expiry[old]
            self.floor = max(self.floor, expiry - self.window)
            if timestamp <= self.floor:
                return False
        expiry = timestamp + self.window
        self._expiry[sig] = expiry
        heapq.heappush(self._queue, (expiry, sig))
        return True


def _message_of(body: bytes) -> Dict[str, Any] | None:
    """``{"sender", "message", "metadata"}`` from a signed body, or None if malformed."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    sender, text = data.get("sender"), data.get("message")
    metadata = data.get("metadata") or {}
    if not isinstance(sender, str) or not sender.strip() or len(sender) > 128:
        return None
    if not isinstance(text, str) or not isinstance(metadata, dict):
        return None
    return {"sender": sender, "message": text, "metadata": metadata}


class SignedInput(InputChannel):
    """REST-style input that only our edges (holding the channel secret) can use."""

    def __init__(self, secret: str) -> None:
        self.secret = secret.encode("utf-8")
        self.seen = SeenSignatures()

    @classmethod
    def name(cls) -> str:
        """The webhook lives at ``/webhooks/pakn/webhook``."""
        return "pakn"

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> SignedInput:
        """The secret from ``credentials.yml`` (``secret:``) or ``PAKN_CHANNEL_SECRET``;
        Rasa refuses to start without one rather than run an open channel."""
        secret = (credentials or {}).get("secret") or os.environ.get(SECRET_ENV, "")
        if len(secret) < 16:
            raise ValueError(f"{SECRET_ENV} is not set (or shorter than 16 characters): "
                             "the assistant's channel would accept anyone")
        return cls(secret)

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        """``GET /`` (health) and ``POST /webhook`` (a signed message)."""
        hooks = Blueprint("pakn_signed_webhook", __name__)

        @hooks.route("/", methods=["GET"])
        async def health(_request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @hooks.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = request.body or b""
            if len(body) > MAX_BODY_BYTES:
                return response.json({"error": "too large"}, status=413)
            timestamp = request.headers.get(TIMESTAMP_HEADER)
            given = request.headers.get(SIGNATURE_HEADER)
            now = time.time()
            if not is_signed(self.secret, timestamp, given, body, now=now) \
                    or timestamp is None or given is None:
                return response.json({"error": "not signed by an edge of ours"}, status=403)
            sig = given.strip().lower()
            if not self.seen.first_use(sig, int(timestamp), now) \
                    or not await _first_use_everywhere(request, sig, int(timestamp), now):
                return response.json({"error": "this signed request was used already"},
                                     status=403)
            message = _message_of(body)
            if message is None:
                return response.json({"error": "malformed message"}, status=400)
            collector = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(
                    message["message"], collector, message["sender"],
                    input_channel=self.name(), metadata=message["metadata"]))
            except CancelledError:
                log.error("pakn channel: a message timed out")
            except Exception as exc:  # noqa: BLE001  as Rasa's REST channel: answer [] and
                # log only the kind of failure (a traceback could carry the citizen's words)
                log.error("pakn channel: handling a message failed: %s", type(exc).__name__)
            return response.json(collector.messages)

        return hooks


async def _first_use_everywhere(request: Request, sig: str, timestamp: int,
                                now: float) -> bool:
    """False when another server sharing this one's Redis lock store took ``sig``
    already. True without such a store, or when its Redis cannot say (this server's own
    memory has decided; the lock store reports an outage and refuses the turn itself).
    Off the event loop: a Redis call."""
    agent = getattr(request.app.ctx, "agent", None)
    remember = getattr(getattr(agent, "lock_store", None), "remember_signature", None)
    if remember is None:
        return True
    verdict = await asyncio.to_thread(remember, sig, timestamp + MAX_SKEW_SECONDS, now)
    return verdict is not False
