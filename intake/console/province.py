"""The province's name on every page (titles, headers, the web chat's greeting).

``ProvinceInForce`` reads it through the service (``IntakeService.province``: the
organisation in force, or ``PAKN_PROVINCE_NAME``) in a worker thread, never on the event
loop, at most once every ``TTL_SECONDS``, and puts it in the request's state; templates
say ``request.state.province.full`` ("Tỉnh Bắc Ninh") or ``.in_sentence`` ("tỉnh Bắc
Ninh"). An organisation change applied by another process shows within ``TTL_SECONDS``.
If the name cannot be read, the last one read is kept (a page never fails for it).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from intake.errors import IntakeError
from intake.org.province import Province

log = logging.getLogger(__name__)
TTL_SECONDS = 10.0


class ProvinceInForce:
    """ASGI middleware: ``request.state.province`` on every HTTP request."""

    def __init__(self, app: ASGIApp, read: Callable[[], Province],
                 ttl: float = TTL_SECONDS) -> None:
        self.app = app
        self.read = read
        self.ttl = ttl
        self._value: Province | None = None
        self._read_at = 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            province = await self.current()
            if province is not None:
                scope.setdefault("state", {})["province"] = province
        await self.app(scope, receive, send)

    async def current(self) -> Province | None:
        """The name, read again when older than the TTL (in a worker thread)."""
        now = time.monotonic()
        if self._value is None or now - self._read_at > self.ttl:
            self._read_at = now
            try:
                self._value = await run_in_threadpool(self.read)
            except (IntakeError, SQLAlchemyError, OSError) as exc:
                log.warning("the province's name could not be read (%s); keeping %s",
                            type(exc).__name__, "the last one" if self._value else "none")
        return self._value
