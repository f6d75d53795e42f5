"""The built-in web chat: a page and a JSON endpoint that relays to the assistant.

The browser never talks to Rasa (it stays on loopback): the console relays each
message with the sender ``web:<session>``. The session is a random HttpOnly cookie; the
JSON endpoint wants a CSRF token derived from it, so another site cannot post as the
citizen.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from intake.chat.relay import RasaRelay, Reply
from intake.console.ratelimit import RateLimiter

COOKIE = "pakn_chat"
MSG_SLOW_DOWN = "Bạn gửi tin nhắn hơi nhanh. Vui lòng chờ một chút rồi gửi tiếp."
MSG_BAD_SESSION = "Phiên trò chuyện đã hết hạn. Bạn vui lòng tải lại trang."


class WebChat:
    """Routes of the web chat, bound to one relay and one secret."""

    def __init__(self, relay: RasaRelay, secret: bytes, templates: Jinja2Templates,
                 max_chars: int, limiter: RateLimiter | None = None) -> None:
        self.relay = relay
        self.secret = secret
        self.templates = templates
        self.max_chars = max_chars
        self.limiter = limiter or RateLimiter(limit=20, window=30.0)
        self.router = APIRouter()
        self.router.add_api_route("/chat", self.page, methods=["GET"],
                                  response_class=HTMLResponse)
        self.router.add_api_route("/chat/api/messages", self.post_message, methods=["POST"])

    def csrf_for(self, session: str) -> str:
        """The CSRF token that goes with a chat session."""
        return hmac.new(self.secret, b"chat:" + session.encode(), hashlib.sha256).hexdigest()

    async def page(self, request: Request) -> Response:
        """The chat page; starts a session if the browser has none."""
        session = request.cookies.get(COOKIE) or secrets.token_urlsafe(24)
        response = self.templates.TemplateResponse(
            request, "chat.html", {"csrf": self.csrf_for(session), "max_chars": self.max_chars})
        response.set_cookie(COOKIE, session, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https", max_age=7 * 24 * 3600)
        return response

    async def post_message(self, request: Request) -> Response:
        """Relay ``{"text": …}`` and return ``{"replies": [{text, buttons}]}``."""
        session = request.cookies.get(COOKIE)
        token = request.headers.get("x-csrf-token", "")
        if not session or not hmac.compare_digest(token, self.csrf_for(session)):
            return JSONResponse({"error": "csrf", "replies": [Reply(MSG_BAD_SESSION).as_dict()]},
                                status_code=403)
        if not self.limiter.allow(session):
            return JSONResponse({"replies": [Reply(MSG_SLOW_DOWN).as_dict()]}, status_code=429)
        text = await _text_of(request)
        replies = await self.relay.reply_to(f"web:{session}", text, self.max_chars,
                                            metadata={"channel": "web"})
        return JSONResponse({"replies": [r.as_dict() for r in replies]})


async def _text_of(request: Request) -> str:
    try:
        body: Any = await request.json()
    except ValueError:
        return ""
    text = body.get("text") if isinstance(body, dict) else None
    return text if isinstance(text, str) else ""
