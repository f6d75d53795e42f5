"""The console's ASGI application (served by ``python -m intake.console.serve``).

Around every route: ``ErrorShield`` (an unhandled error becomes a logged, polite 500),
``SecurityHeaders`` (CSP with ``frame-ancestors 'none'`` everywhere) and ``BodyLimit``
(request bodies bounded while they are read). The signing key of sessions, CSRF tokens
and web-chat conversations is ``PAKN_SECRET_KEY``, else the installation's generated one
(``var/secrets/``), so sessions survive a restart and several console processes agree.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from intake.chat.relay import RasaRelay
from intake.config import Settings, load_settings
from intake.console import staffweb
from intake.console.guards import ErrorShield, SecurityHeaders
from intake.console.limits import BodyLimit
from intake.console.province import ProvinceInForce
from intake.console.webchat import WebChat
from intake.open311 import api as open311_api
from intake.services.factory import get_service
from intake.services.satisfaction import Satisfaction

HERE = Path(__file__).resolve().parent


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the console for ``settings`` (default: from the environment)."""
    config = settings or load_settings()
    relay = RasaRelay(config.assistant_urls, config.resolved("PAKN_CHANNEL_SECRET"))
    rasa_token = config.resolved("PAKN_RASA_TOKEN")

    # one pool for /healthz; a server that does not accept a connection within a second
    # is down for a health check
    probe = httpx.AsyncClient(timeout=httpx.Timeout(2.0, connect=1.0), trust_env=False)
    probes = HealthProbes(probe, config.assistant_urls, rasa_token,
                          config.actions_health_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await relay.aclose()
        await probe.aclose()

    app = FastAPI(title="PAKN console", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    secret = config.resolved("PAKN_SECRET_KEY").encode()
    chat = WebChat(relay, secret, templates, config.max_message_chars,
                   config.chat_messages_per_client_minute,
                   satisfaction=Satisfaction(get_service(config).db, config))
    app.include_router(chat.router)
    staffweb.install(app, config, secret)
    open311_api.install(app, config)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(ProvinceInForce, read=get_service(config).province)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(ErrorShield)

    @app.get("/")
    async def home() -> Response:
        return RedirectResponse("/chat", status_code=303)

    @app.get("/healthz")
    async def health() -> Response:
        """Probe every assistant server (``PAKN_RASA_URLS``, else ``PAKN_RASA_URL``) at
        once and report each, in the configured order (``assistant_servers``: true when
        that server's ``/status`` answers; no URLs, which would show the internal layout),
        and, when this machine runs it (``PAKN_ACTIONS_HEALTH_URL``, set by ``pakn run``),
        the action server (``actions``: true when its ``/health`` answers; absent when
        the action server is another machine's).

        Status 200 while at least one server answers: the web chat fails over to it, so
        citizens are served and a load balancer must keep this console; ``"status":
        "degraded"`` then says that some server, or the action server, does not answer
        (what monitoring should alert on). The action server down is "degraded", not
        "down": the Rasa servers answer citizens politely meanwhile, the staff pages work,
        and taking this console out of a balancer would not bring it back (without the
        action server, ``action_session_start`` fails). On a console without the action
        server here, "ok" says only that the Rasa servers answer: each assistant machine's
        action server is watched on that machine (its ``/health`` on loopback).
        503 with ``"status": "down"`` when no server answers: no chat message can be
        answered. ``assistant`` is true when at least one answers (as with one server).

        The results are kept ``PROBE_SECONDS`` (``HealthProbes``): a balancer probing
        every second does not send the Rasa token to every server every second."""
        servers, actions = await probes.results()
        answering = any(servers)
        body: dict[str, object] = {"assistant": answering, "assistant_servers": servers}
        if actions is not None:
            body["actions"] = actions
        healthy = all(servers) and actions is not False
        body = {"status": "ok" if healthy else "degraded" if answering else "down", **body}
        return JSONResponse(body, status_code=200 if answering else 503)

    return app


#: how long ``/healthz`` reuses its probes' results (seconds)
PROBE_SECONDS = 5.0


class HealthProbes:
    """The probes of ``/healthz``, run at most once per ``PROBE_SECONDS``: callers within
    that time (or waiting on a probe under way) share its results."""

    def __init__(self, client: httpx.AsyncClient, rasa_urls: tuple[str, ...], token: str,
                 actions_url: str | None) -> None:
        self.client = client
        self.rasa_urls = rasa_urls
        self.token = token
        self.actions_url = actions_url
        self._lock = asyncio.Lock()
        self._taken = float("-inf")
        self._results: tuple[list[bool], bool | None] = ([], None)

    async def results(self) -> tuple[list[bool], bool | None]:
        """Each Rasa server's answer, in order, and the action server's (None: not
        this machine's)."""
        async with self._lock:
            if time.monotonic() - self._taken >= PROBE_SECONDS:
                checks = [_rasa_alive(self.client, url, self.token) for url in self.rasa_urls]
                if self.actions_url is not None:
                    checks.append(_actions_alive(self.client, self.actions_url))
                found = await asyncio.gather(*checks)
                servers = list(found[:len(self.rasa_urls)])
                actions = found[-1] if self.actions_url is not None else None
                self._results = (servers, actions)
                self._taken = time.monotonic()
            return self._results


async def _rasa_alive(client: httpx.AsyncClient, rasa_url: str, token: str) -> bool:
    """True when Rasa answers ``/status`` (its model is loaded). The token travels as
    Rasa wants it (a query parameter); failures are not logged, so neither is the URL."""
    try:
        response = await client.get(rasa_url.rstrip("/") + "/status",
                                    params={"token": token})
    except httpx.HTTPError:
        return False
    return response.status_code == 200


async def _actions_alive(client: httpx.AsyncClient, actions_url: str) -> bool:
    """True when the action server answers ``/health`` (open without its token)."""
    try:
        response = await client.get(actions_url.rstrip("/") + "/health")
    except httpx.HTTPError:
        return False
    return response.status_code == 200
