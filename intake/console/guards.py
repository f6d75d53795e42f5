"""What every response of the console carries, and what becomes of errors.

- ``SecurityHeaders``: a Content-Security-Policy with ``frame-ancestors 'none'`` on every
  response (pages, the web chat, static files, JSON, error pages), ``X-Frame-Options``,
  ``nosniff`` and ``Referrer-Policy``; the console's pages and the chat API are not
  cached. The staff console runs no script at all; the web chat runs only its own
  ``/static/chat.js`` and talks only to its own origin. A response that sets its own
  policy keeps it (attachments are sandboxed).
- ``install_error_pages``: a sender's mistake is answered politely in Vietnamese with a
  4xx — a body over its limit (413), a malformed path or query value such as an id past
  the database's integers (400), any other ``SenderError`` (400) — as a page, or as a
  chat reply on the web chat's API.
- ``ErrorShield``: an exception nothing else answered is logged with its type, the route
  and a traceback without the exception's message (which can quote a citizen's words or
  a tracking code), and the sender gets a polite 500 page instead of a stack trace.
"""

from __future__ import annotations

import json
import logging
import traceback
from typing import Annotated

from fastapi import FastAPI, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from intake.console.limits import CHAT_PREFIX, RequestTooLarge
from intake.errors import SenderError

log = logging.getLogger(__name__)

PAGE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            "frame-ancestors 'none'; base-uri 'none'")
CHAT_CSP = ("default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
            "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
FILE_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'"
MAX_DB_ID = 2**31 - 1
#: an id in a URL: a positive database integer (a larger one is a 400, not an overflow)
DbId = Annotated[int, PathParam(ge=1, le=MAX_DB_ID)]
NO_STORE_PREFIXES = ("/login", "/logout", "/queue", "/complaints", "/reports", "/admin",
                     "/chat/api/")
MSG_TOO_LARGE = "Nội dung gửi lên quá lớn (tối đa {limit}). Vui lòng gửi nội dung ngắn hơn."
MSG_TOO_LARGE_CHAT = ("Tin nhắn quá lớn. Bạn vui lòng tóm tắt lại, hoặc gửi "
                      "bản đầy đủ qua email thutuchanhchinh@bacgiang.gov.vn.")
MSG_BAD_INPUT = "Yêu cầu không hợp lệ: {detail}."
MSG_SYSTEM_ERROR = ("Xin lỗi, hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút; "
                    "sự cố đã được ghi lại.")


def _headers_for(path: str) -> dict[bytes, bytes]:
    csp = CHAT_CSP if path == "/chat" else PAGE_CSP
    headers = {b"content-security-policy": csp.encode(), b"x-frame-options": b"DENY",
               b"x-content-type-options": b"nosniff", b"referrer-policy": b"same-origin"}
    if path.startswith(NO_STORE_PREFIXES):
        headers[b"cache-control"] = b"no-store"
    return headers


class SecurityHeaders:
    """ASGI middleware adding the headers above to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Add each header the response does not already set."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        wanted = _headers_for(scope.get("path", ""))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(
                    (name, value) for name, value in wanted.items() if name not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)


class ErrorShield:
    """ASGI middleware: an unhandled exception is logged without personal data and
    answered with a polite 500 (if nothing was sent yet)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app; answer 500 when it fails before responding."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception as exc:  # noqa: BLE001  logged below, without its message
            log.error("unhandled %s on %s %s\n%s", type(exc).__name__, scope.get("method"),
                      _route_of(scope), "".join(traceback.format_tb(exc.__traceback__)))
            if not started:
                await _answer_500(scope, send)


def _route_of(scope: Scope) -> str:
    """The route's template (``/complaints/{code}``), never the URL with its values."""
    route = scope.get("route")
    template = getattr(route, "path", None)
    return template if isinstance(template, str) else "(no route)"


async def _answer_500(scope: Scope, send: Send) -> None:
    path = scope.get("path", "")
    if path.startswith("/chat/api/"):
        body = json.dumps({"replies": [{"text": MSG_SYSTEM_ERROR, "buttons": []}]},
                          ensure_ascii=False).encode()
        kind = b"application/json"
    else:
        body = (f"<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Lỗi hệ thống"
                f"</title><p>{MSG_SYSTEM_ERROR}</p></html>").encode()
        kind = b"text/html; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
               *_headers_for(path).items()]
    await send({"type": "http.response.start", "status": 500, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


def _problem(where: str, location: tuple[object, ...]) -> str:
    """What was wrong, in Vietnamese, from a validation error's location."""
    name = str(location[-1]) if location else "?"
    return f"giá trị '{name}' trong {where}" if where else f"giá trị '{name}'"


def install_error_pages(app: FastAPI, templates: Jinja2Templates) -> None:
    """Answer senders' mistakes with a 4xx page (or chat reply) instead of a 500."""

    def answer(request: Request, message: str, status: int) -> Response:
        if request.url.path.startswith(CHAT_PREFIX):
            return JSONResponse({"replies": [{"text": message, "buttons": []}]},
                                status_code=status)
        return templates.TemplateResponse(request, "error.html", {
            "message": message, "back": "/queue", "user": None, "csrf": ""},
            status_code=status)

    async def too_large(request: Request, exc: Exception) -> Response:
        limit = exc.limit if isinstance(exc, RequestTooLarge) else 0
        message = MSG_TOO_LARGE_CHAT if request.url.path.startswith(CHAT_PREFIX) \
            else MSG_TOO_LARGE.format(limit=_size(limit))
        response = answer(request, message, 413)
        response.headers["Connection"] = "close"  # the rest of the body is not wanted
        return response

    async def invalid(request: Request, exc: Exception) -> Response:
        errors = exc.errors() if isinstance(exc, RequestValidationError) else []
        where = {"path": "đường dẫn", "query": "tham số"}
        first = errors[0] if errors else {}
        location = tuple(first.get("loc", ()))
        detail = _problem(where.get(str(location[0]) if location else "", ""), location)
        return answer(request, MSG_BAD_INPUT.format(detail=detail), 400)

    async def sender_error(request: Request, exc: Exception) -> Response:
        message = exc.message_vi if isinstance(exc, SenderError) else SenderError.message_vi
        return answer(request, message, 400)

    app.add_exception_handler(RequestTooLarge, too_large)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(SenderError, sender_error)
