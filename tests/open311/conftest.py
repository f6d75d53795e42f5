"""Fixtures of the Open311 tests: the console's app under uvicorn (in a thread) over the
core tests' migrated database, and a client application's key."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
import uvicorn

from intake.config import Settings
from intake.console.app import create_app
from intake.services.api_clients import ApiClients
from intake.services.complaints import IntakeService
from tests.core.conftest import database_url, db, service, settings
from tests.harness.ports import free_port

__all__ = ["database_url", "db", "service", "settings"]


def serve(settings: Settings) -> Iterator[str]:
    """The console for ``settings`` on a free port until the generator is closed."""
    app = create_app(replace(settings, secret_key="open311-test-secret-0123456789"))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "console did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def console_url(settings: Settings, service: IntakeService) -> Iterator[str]:
    """The running console's base URL (routing loaded first: the classifier is trained
    once per process, which would otherwise be the first POST's wait)."""
    service.warm_up_routing()
    yield from serve(settings)


@pytest.fixture
def api_url(console_url: str) -> str:
    """The GeoReport v2 root."""
    return f"{console_url}/open311/v2"


@pytest.fixture
def api_key(db: object, settings: Settings) -> str:
    """A key of a client application ("Cổng dịch vụ công") with roomy limits."""
    from intake.db import Database

    assert isinstance(db, Database)
    _client, key = ApiClients(db).add("Cổng dịch vụ công", per_minute=50, per_day=500)
    return key
