"""Request bodies bounded while they are read, for every route of the console.

Each request gets a byte budget from its path before anything reads its body: a form
(login, staff actions, administration) ``FORM_BYTES``, a web-chat message ``CHAT_BYTES``.
A declared ``Content-Length`` over the budget is refused before a single body byte is
read (and before uvicorn sends ``100 Continue``); a chunked body is counted as it arrives
and refused the moment it passes the budget, so no temporary file (multipart uploads
spool to disk past 1 MB) ever grows beyond it. Only a handler that has checked who is
asking may raise its request's budget: the catalog upload does, to ``UPLOAD_BYTES``, for
a signed-in administrator whose CSRF token came in the URL.

Refusals raise ``RequestTooLarge`` inside the handler's body read; ``app.py`` answers it
with 413 and a Vietnamese message.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

FORM_BYTES = 256 * 1024
CHAT_BYTES = 64 * 1024
UPLOAD_BYTES = 20 * 1024 * 1024 + 64 * 1024  # the 20 MB file plus the form around it
CHAT_PREFIX = "/chat/api/"
_SCOPE_KEY = "pakn.body_budget"


class RequestTooLarge(Exception):
    """The request's body is over its budget (answered 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"request body over {limit} bytes")
        self.limit = limit


@dataclass
class BodyBudget:
    """How many body bytes one request may still send."""

    limit: int
    received: int = 0

    def allow(self, limit: int) -> None:
        """Raise the budget (only after checking who is asking)."""
        self.limit = limit


def budget_for_path(path: str) -> int:
    """The budget a request starts with."""
    return CHAT_BYTES if path.startswith(CHAT_PREFIX) else FORM_BYTES


def budget_of(request: Request) -> BodyBudget:
    """The budget of ``request`` (set by ``BodyLimit``)."""
    budget = request.scope.get(_SCOPE_KEY)
    if not isinstance(budget, BodyBudget):  # an app built without the middleware
        budget = request.scope[_SCOPE_KEY] = BodyBudget(budget_for_path(request.url.path))
    return budget


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() else None
    return None


class BodyLimit:
    """ASGI middleware counting every request's body against its budget."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Wrap ``receive`` so that reading past the budget raises ``RequestTooLarge``."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        budget = BodyBudget(budget_for_path(scope.get("path", "")))
        scope[_SCOPE_KEY] = budget
        declared = _declared_length(scope)

        async def limited() -> Message:
            if declared is not None and declared > budget.limit:
                raise RequestTooLarge(budget.limit)
            message = await receive()
            if message["type"] == "http.request":
                budget.received += len(message.get("body", b""))
                if budget.received > budget.limit:
                    raise RequestTooLarge(budget.limit)
            return message

        await self.app(scope, limited, send)
