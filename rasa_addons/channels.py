"""The assistant's only input channel: Rasa's REST protocol, signed by our own edges.

Rasa's built-in ``rest`` channel answers anyone who can reach the port, and its
webhooks are not covered by ``--auth-token``; any local process could then speak as
``telegram:<id>`` or ``web:<id>``, which the actions take as the owner of a complaint.
This channel (``/webhooks/pakn/webhook``, enabled in ``credentials.yml``) accepts a
message only with

- ``X-Pakn-Timestamp``: Unix seconds, within ``MAX_SKEW_SECONDS`` of the server's clock;
- ``X-Pakn-Signature``: hex ``HMAC-SHA256(PAKN_CHANNEL_SECRET, timestamp + "." + body)``
  over the exact request body.

The console (web chat) and the Telegram bot sign with ``intake.chat.relay.sign_request``
(the same computation; this module must not import the product, see ``__init__``). The
body is ``{"sender", "message", "metadata"}`` like the REST channel's, and so is the
answer (a JSON list of bot messages). Nothing of a message is ever logged.
"""

from __future__ import annotations

import hashlib
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
            if not is_signed(self.secret, request.headers.get(TIMESTAMP_HEADER),
                             request.headers.get(SIGNATURE_HEADER), body):
                return response.json({"error": "not signed by an edge of ours"}, status=403)
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
