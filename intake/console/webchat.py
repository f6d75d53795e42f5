"""The built-in web chat: a page and a JSON endpoint that relays to the assistant.

The browser never talks to Rasa (it stays on loopback): the console relays each
message with the sender ``web:<conversation>``. The conversation id is issued by the
server and signed with the installation's secret key (itsdangerous): a cookie the client
made up, or one whose signature fails, is not a conversation (the page issues a fresh
one; the API answers 403). So nobody can choose, guess or plant the conversation that
the assistant treats as the owner of a complaint. Over HTTPS the cookie is
``__Host-pakn_chat`` (no sibling domain and no plain-HTTP page can set it). The JSON
endpoint wants a CSRF token derived from the conversation, so another site cannot post
as the citizen.

Rate limits: per conversation (a flood from one tab, whatever address it comes from)
and per client address (a flood of fresh conversations from one place). The address is
the peer's, or the one a trusted proxy forwarded (``PAKN_TRUSTED_PROXIES``; uvicorn is
told to believe only those, ``intake.console.serve``); an IPv6 client counts by its /64
network, since one subscriber holds a whole /64 and could rotate through it. Both limits
live in this console process's memory (``RateLimiter``): a restart forgets them, and with
several console processes behind a balancer each counts only what it receives (a client
spread over N processes gets up to N times the limit). Shared counters for several
consoles (PostgreSQL or Redis) come later; the login limits are in the database already.
The body is bounded while it is read (``intake.console.limits``: 413 past ``CHAT_BYTES``).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from itsdangerous import BadSignature, TimestampSigner
from starlette.concurrency import run_in_threadpool

from intake.chat.relay import RasaRelay, Reply
from intake.console.ratelimit import RateLimiter
from intake.delivery.templates import web_chat_greeting
from intake.errors import SenderError
from intake.org.province import Province
from intake.services.satisfaction import Satisfaction

COOKIE = "pakn_chat"
SECURE_COOKIE = "__Host-pakn_chat"
CONVERSATION_SECONDS = 7 * 24 * 3600
PER_CONVERSATION = (20, 30.0)  # messages, seconds
MSG_SLOW_DOWN = "Bạn gửi tin nhắn hơi nhanh. Vui lòng chờ một chút rồi gửi tiếp."
MSG_BAD_SESSION = "Phiên trò chuyện đã hết hạn. Bạn vui lòng tải lại trang."


class WebChat:
    """Routes of the web chat, bound to one relay and one secret."""

    def __init__(self, relay: RasaRelay, secret: bytes, templates: Jinja2Templates,
                 max_chars: int, per_client_minute: int = 60,
                 limiter: RateLimiter | None = None,
                 satisfaction: Satisfaction | None = None) -> None:
        self.relay = relay
        self.secret = secret
        self.signer = TimestampSigner(secret, salt="pakn-web-chat")
        self.templates = templates
        self.max_chars = max_chars
        self.limiter = limiter or RateLimiter(*PER_CONVERSATION)
        self.client_limiter = RateLimiter(per_client_minute, 60.0)
        self.router = APIRouter()
        self.router.add_api_route("/chat", self.page, methods=["GET"],
                                  response_class=HTMLResponse)
        self.router.add_api_route("/chat/api/messages", self.post_message, methods=["POST"])
        self.satisfaction = satisfaction  # issue 16: the question after resolution
        self.router.add_api_route("/chat/api/satisfaction", self.questions, methods=["GET"])
        self.router.add_api_route("/chat/api/satisfaction", self.rate, methods=["POST"])

    def csrf_for(self, conversation: str) -> str:
        """The CSRF token that goes with a conversation."""
        return hmac.new(self.secret, b"chat:" + conversation.encode(),
                        hashlib.sha256).hexdigest()

    def conversation_of(self, request: Request) -> str | None:
        """The server-issued conversation of the request's cookie (None if absent,
        made up, or older than ``CONVERSATION_SECONDS``)."""
        for name in (SECURE_COOKIE, COOKIE):
            value = request.cookies.get(name)
            if not value:
                continue
            try:
                return self.signer.unsign(value, max_age=CONVERSATION_SECONDS).decode()
            except (BadSignature, UnicodeDecodeError):
                continue
        return None

    async def page(self, request: Request) -> Response:
        """The chat page; keeps a valid conversation, else issues a new one."""
        conversation = self.conversation_of(request) or secrets.token_urlsafe(18)
        province: Province | None = getattr(request.state, "province", None)
        greeting = web_chat_greeting(province)
        response = self.templates.TemplateResponse(
            request, "chat.html",
            {"csrf": self.csrf_for(conversation), "max_chars": self.max_chars,
             "greeting": greeting})
        https = request.url.scheme == "https"
        response.set_cookie(SECURE_COOKIE if https else COOKIE,
                            self.signer.sign(conversation).decode(), httponly=True,
                            samesite="strict", secure=https, max_age=CONVERSATION_SECONDS,
                            path="/")
        return response

    async def post_message(self, request: Request) -> Response:
        """Relay ``{"text": …}`` and return ``{"replies": [{text, buttons}]}``."""
        conversation = self.conversation_of(request)
        token = request.headers.get("x-csrf-token", "")
        if conversation is None or not hmac.compare_digest(token,
                                                           self.csrf_for(conversation)):
            return JSONResponse({"error": "csrf", "replies": [Reply(MSG_BAD_SESSION).as_dict()]},
                                status_code=403)
        client = client_key(request.client.host if request.client else "")
        if not self.client_limiter.allow(client) or not self.limiter.allow(conversation):
            return JSONResponse({"replies": [Reply(MSG_SLOW_DOWN).as_dict()]}, status_code=429)
        text = await _text_of(request)
        replies = await self.relay.reply_to(f"web:{conversation}", text, self.max_chars,
                                            metadata={"channel": "web"})
        return JSONResponse({"replies": [r.as_dict() for r in replies]})


    def questions(self, request: Request) -> Response:
        """The satisfaction questions waiting for this conversation (issue 16)."""
        conversation = self.conversation_of(request)
        if conversation is None or self.satisfaction is None:
            return JSONResponse({"questions": []}, status_code=403 if conversation is None
                                else 200)
        codes = self.satisfaction.pending_for(f"web:{conversation}")
        return JSONResponse({"questions": [
            {"code": code, "text": self.satisfaction.question(code), "scores": [1, 2, 3, 4, 5]}
            for code in codes]})

    async def rate(self, request: Request) -> Response:
        """``{"code": …, "score": 1–5}`` from the question's buttons, or ``{"code": …,
        "comment": …}`` after the score (CSRF-checked)."""
        conversation = self.conversation_of(request)
        token = request.headers.get("x-csrf-token", "")
        if conversation is None or self.satisfaction is None or not hmac.compare_digest(
                token, self.csrf_for(conversation)):
            return JSONResponse({"text": MSG_BAD_SESSION}, status_code=403)
        if not self.limiter.allow(conversation):
            return JSONResponse({"text": MSG_SLOW_DOWN}, status_code=429)
        try:
            body: Any = await request.json()
        except ValueError:
            body = {}
        code = body.get("code") if isinstance(body, dict) else None
        score = body.get("score") if isinstance(body, dict) else None
        comment = body.get("comment") if isinstance(body, dict) else None
        if isinstance(code, str) and isinstance(comment, str) and score is None:
            return await self._comment(code[:32], comment, conversation)
        if not isinstance(code, str) or not isinstance(score, int):
            return JSONResponse({"text": "Vui lòng chọn mức từ 1 đến 5."}, status_code=400)
        satisfaction = self.satisfaction
        try:
            state = await run_in_threadpool(satisfaction.rate, code[:32], score, "", "web",
                                            None, f"web:{conversation}")
        except SenderError as exc:
            return JSONResponse({"text": exc.message_vi}, status_code=400)
        return JSONResponse({"text": satisfaction.thanks(state.code, score, with_link=False)})


    async def _comment(self, code: str, comment: str, conversation: str) -> Response:
        satisfaction = self.satisfaction
        assert satisfaction is not None
        try:
            state = await run_in_threadpool(satisfaction.comment, code, comment,
                                            f"web:{conversation}")
        except SenderError as exc:
            return JSONResponse({"text": exc.message_vi}, status_code=400)
        return JSONResponse({"text": satisfaction.comment_thanks(state.code)})


def client_key(host: str) -> str:
    """The key a client address is counted under: an IPv4 address itself, an IPv6
    address by its /64 network (an IPv4-mapped one as IPv4); anything else as given."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host or "unknown"
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


async def _text_of(request: Request) -> str:
    try:
        body: Any = await request.json()
    except ValueError:
        return ""
    text = body.get("text") if isinstance(body, dict) else None
    return text if isinstance(text, str) else ""
