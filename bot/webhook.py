"""Webhook mode: Telegram POSTs updates to us; the secret-token header is checked.

A small Starlette app served by uvicorn: ``POST /telegram`` accepts an update only
with ``X-Telegram-Bot-Api-Secret-Token`` equal to the configured secret (constant-time
comparison), else 403 — checked from the headers, before a byte of the body is read, so
a stranger cannot make the bot read anything. The body (Telegram's own, with the secret)
is then bounded while it is read: a declared ``Content-Length`` over ``MAX_BODY`` is 413
before reading, and a chunked body is counted chunk by chunk and refused (413) the
moment it passes the limit. ``GET /healthz`` for probes. Put it behind the HTTPS reverse
proxy Telegram calls (Telegram needs HTTPS on 443, 80, 88 or 8443).
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

from bot.settings import BotSettings

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1024 * 1024
#: a refused request's unread body is not wanted: the connection is not kept
CLOSE = {"Connection": "close"}


async def _bounded_body(request: Request, limit: int) -> bytes | None:
    """The request's body, or None once it is (or says it will be) over ``limit`` bytes;
    read chunk by chunk, so at most ``limit`` plus one chunk is ever held."""
    declared = request.headers.get("content-length", "")
    if declared.strip().isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


def webhook_app(app: Application[Any, Any, Any, Any, Any, Any], secret: str) -> Starlette:
    """The ASGI app that feeds ``app``'s update queue."""

    async def receive(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return PlainTextResponse("forbidden", status_code=403, headers=CLOSE)
        body = await _bounded_body(request, MAX_BODY)
        if body is None:
            return PlainTextResponse("too large", status_code=413, headers=CLOSE)
        try:
            update = Update.de_json(json.loads(body), app.bot)
        except (ValueError, KeyError, TypeError):
            return PlainTextResponse("bad update", status_code=400)
        await app.update_queue.put(update)
        return JSONResponse({"ok": True})

    async def healthz(_: Request) -> Response:
        return JSONResponse({"ok": True})

    return Starlette(routes=[Route("/telegram", receive, methods=["POST"]),
                             Route("/healthz", healthz, methods=["GET"])])


async def run_webhook(app: Application[Any, Any, Any, Any, Any, Any],
                      settings: BotSettings) -> None:
    """Register the webhook with Telegram and serve until interrupted."""
    assert settings.webhook_url and settings.webhook_secret
    await app.initialize()
    await app.start()
    try:
        await app.bot.set_webhook(settings.webhook_url, secret_token=settings.webhook_secret,
                                  allowed_updates=Update.ALL_TYPES)
        server = uvicorn.Server(uvicorn.Config(
            webhook_app(app, settings.webhook_secret), host=settings.webhook_listen,
            port=settings.webhook_port, log_level="warning", access_log=False))
        await server.serve()
    finally:
        await app.stop()
        await app.shutdown()
