"""The console's ASGI application (``uvicorn intake.console.app:create_app --factory``)."""

from __future__ import annotations

import secrets
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
from intake.console.webchat import WebChat

HERE = Path(__file__).resolve().parent


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the console for ``settings`` (default: from the environment)."""
    config = settings or load_settings()
    relay = RasaRelay(config.rasa_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await relay.aclose()

    app = FastAPI(title="PAKN console", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    secret = config.secret_key.encode() if config.secret_key else secrets.token_bytes(32)
    chat = WebChat(relay, secret, templates, config.max_message_chars)
    app.include_router(chat.router)
    staffweb.install(app, config, secret)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/")
    async def home() -> Response:
        return RedirectResponse("/chat", status_code=303)

    @app.get("/healthz")
    async def health() -> Response:
        rasa_ok = await _rasa_alive(config.rasa_url)
        return JSONResponse({"status": "ok", "assistant": rasa_ok},
                            status_code=200 if rasa_ok else 503)

    return app


async def _rasa_alive(rasa_url: str) -> bool:
    try:
        async with httpx.AsyncClient(timeout=2.0) as client:
            response = await client.get(rasa_url.rstrip("/") + "/status")
    except httpx.HTTPError:
        return False
    return response.status_code == 200
