"""``/healthz`` with several assistant servers: every server probed and reported, and
the action server when this machine runs it (``PAKN_ACTIONS_HEALTH_URL``).

Real HTTP servers on loopback stand in for Rasa's ``/status`` (200 with the right token)
and the action server's ``/health``; a port where nothing listens is a server that is
down.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from intake.config import load_settings
from intake.console import app as app_module
from intake.console.app import create_app
from intake.db import upgrade
from tests.harness.ports import free_port

TOKEN = "t" * 32


class Handler(BaseHTTPRequestHandler):
    #: the requests that carried the Rasa token
    with_token: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        path = urlsplit(self.path).path
        if "token" in query:
            Handler.with_token.append(path)
        ok = (path == "/status" and query.get("token") == [TOKEN]) or path == "/health"
        self.send_response(200 if ok else 401)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('healthz') / 'pakn.db'}"
    upgrade(url)
    return url


@pytest.fixture
def alive() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _health(tmp_path: Path, database_url: str, urls: list[str], actions: str | None = None
            ) -> tuple[int, dict[str, object]]:
    env = {"PAKN_DATABASE_URL": database_url, "PAKN_VAR_DIR": str(tmp_path / "var"),
           "PAKN_RASA_TOKEN": TOKEN, "PAKN_RASA_URLS": ",".join(urls)}
    if actions is not None:
        env["PAKN_ACTIONS_HEALTH_URL"] = actions
    settings = load_settings(env)
    with TestClient(create_app(settings)) as client:
        response = client.get("/healthz")
    return response.status_code, response.json()


def test_every_server_is_probed_and_one_down_is_degraded_not_down(
        tmp_path: Path, database_url: str, alive: str) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    code, body = _health(tmp_path, database_url, [alive, dead])
    assert code == 200
    assert body == {"status": "degraded", "assistant": True,
                    "assistant_servers": [True, False]}
    # the first server down used to be reported as the whole assistant down
    code, body = _health(tmp_path, database_url, [dead, alive])
    assert (code, body["status"], body["assistant_servers"]) == (200, "degraded",
                                                                 [False, True])
    assert dead not in str(body) and alive not in str(body)


def test_all_up_is_ok_and_none_up_is_503(tmp_path: Path, database_url: str, alive: str) -> None:
    assert _health(tmp_path, database_url, [alive]) == (200, {"status": "ok", "assistant": True,
                                                "assistant_servers": [True]})
    dead = [f"http://127.0.0.1:{free_port()}" for _ in range(2)]
    code, body = _health(tmp_path, database_url, dead)
    assert (code, body["status"], body["assistant"]) == (503, "down", False)


def test_the_action_server_of_this_machine_is_reported_and_down_is_degraded(
        tmp_path: Path, database_url: str, alive: str) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    assert _health(tmp_path, database_url, [alive], actions=alive) == (
        200, {"status": "ok", "assistant": True, "assistant_servers": [True],
              "actions": True})
    # Rasa answers but a first turn would fail (action_session_start): not "ok"
    assert _health(tmp_path, database_url, [alive], actions=dead) == (
        200, {"status": "degraded", "assistant": True, "assistant_servers": [True],
              "actions": False})
    code, body = _health(tmp_path, database_url, [dead], actions=alive)
    assert (code, body["status"], body["actions"]) == (503, "down", True)
    # another machine's action server: not this console's to report
    assert "actions" not in _health(tmp_path, database_url, [alive])[1]


def test_probes_are_reused_for_a_few_seconds(tmp_path: Path, database_url: str, alive: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A balancer asking every second does not send the Rasa token to every server every
    second: within ``PROBE_SECONDS`` the last probe's results answer."""
    env = {"PAKN_DATABASE_URL": database_url, "PAKN_VAR_DIR": str(tmp_path / "var"),
           "PAKN_RASA_TOKEN": TOKEN, "PAKN_RASA_URLS": alive}
    Handler.with_token.clear()
    with TestClient(create_app(load_settings(env))) as client:
        bodies = [client.get("/healthz").json() for _ in range(5)]
        assert bodies == [{"status": "ok", "assistant": True,
                           "assistant_servers": [True]}] * 5
        assert Handler.with_token == ["/status"]
    monkeypatch.setattr(app_module, "PROBE_SECONDS", 0.0)  # expired: probed again
    with TestClient(create_app(load_settings(env))) as client:
        client.get("/healthz")
        client.get("/healthz")
    assert Handler.with_token == ["/status"] * 3
