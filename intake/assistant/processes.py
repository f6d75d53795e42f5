"""Command lines, configuration and readiness checks for the assistant's two servers.

The Rasa server (``.venv-rasa``, Python 3.10) and the action server (this environment,
``rasa_sdk``) are separate processes. The supervisor (``pakn run``) and the test harness
both start them from here, so they run the same way in production and in tests:

- Rasa listens on loopback by default. Its only channel is our signed one
  (``rasa_addons.channels``, secret ``PAKN_CHANNEL_SECRET``); its HTTP API (the bot reads
  the conversation's state, readiness checks read ``/status``) wants ``PAKN_RASA_TOKEN``,
  given by :mod:`rasa_addons.serve` so it never shows on a command line.
- The action server is started through :mod:`intake.assistant.action_server`, which,
  unlike ``python -m rasa_sdk``, binds the host it is given and refuses requests without
  ``PAKN_ACTIONS_TOKEN``, which Rasa's action endpoint sends (see
  :func:`write_endpoints`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import yaml
from sqlalchemy.engine import make_url

from intake.config import Settings

DEFAULT_HOST = "127.0.0.1"
#: what Rasa's action endpoint sends; Rasa expands ``${…}`` from its environment
ACTIONS_AUTHORIZATION = "Bearer ${PAKN_ACTIONS_TOKEN}"


class ServiceNotReadyError(RuntimeError):
    """A server did not answer its readiness URL in time, or exited while starting."""


SECRET_NAMES = ("PAKN_RASA_TOKEN", "PAKN_ACTIONS_TOKEN", "PAKN_CHANNEL_SECRET")
#: Sanic refuses bodies larger than this (the channel's messages are a few kB; the API's
#: model upload, which would need more, is not used)
RASA_MAX_REQUEST_BYTES = 1024 * 1024


def rasa_executable(root: Path) -> Path:
    """The ``rasa`` executable of the project's Rasa environment (``.venv-rasa``)."""
    return root / ".venv-rasa" / "bin" / "rasa"


def rasa_python(root: Path) -> Path:
    """The Python interpreter of the project's Rasa environment (``.venv-rasa``)."""
    return root / ".venv-rasa" / "bin" / "python"


def assistant_secrets(settings: Settings) -> dict[str, str]:
    """The Rasa token, the action server's token and the channel secret, as environment
    variables for the assistant's processes and the edges (generated on first use when
    not configured, see ``intake.secret_store``)."""
    return {name: settings.resolved(name) for name in SECRET_NAMES}


def rasa_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for a Rasa subprocess: ``base`` (default ``os.environ``) plus quiet
    settings.

    Telemetry off; TensorFlow's C++ logging reduced to errors.
    ``PYTHONPATH``, ``PYTHONHOME`` and ``VIRTUAL_ENV`` are dropped: they would belong to
    this Python 3.11 environment and could break Rasa's Python 3.10 one.
    """
    env = dict(os.environ if base is None else base)
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(name, None)
    env["RASA_TELEMETRY_ENABLED"] = "false"
    env["TF_CPP_MIN_LOG_LEVEL"] = "2"
    env.setdefault("LOG_LEVEL_LIBRARIES", "ERROR")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env["SANIC_REQUEST_MAX_SIZE"] = str(RASA_MAX_REQUEST_BYTES)
    return env


def rasa_server_command(
    root: Path, model: Path, port: int, endpoints: Path, host: str = DEFAULT_HOST
) -> list[str]:
    """``rasa run`` with the HTTP API (token-protected), serving ``model`` on ``host:port``.

    Started through :mod:`rasa_addons.serve`, which adds ``--auth-token`` from
    ``PAKN_RASA_TOKEN``. Channels come from ``root/credentials.yml`` (the signed channel
    the web chat, the Telegram front end and the tests use); the action server and tracker
    store from ``endpoints`` (see :func:`write_endpoints`). Run it with :func:`rasa_env`
    plus :func:`assistant_secrets`.
    """
    return [
        str(rasa_python(root)),
        "-m",
        "rasa_addons.serve",
        "run",
        "--enable-api",
        "-i",
        host,
        "-p",
        str(port),
        "-m",
        str(model),
        "--endpoints",
        str(endpoints),
        "--credentials",
        str(root / "credentials.yml"),
    ]


def action_server_command(
    port: int,
    host: str = DEFAULT_HOST,
    *,
    actions_package: str = "actions",
    python: str | None = None,
) -> list[str]:
    """The action server (:mod:`intake.assistant.action_server`) on ``host:port``.

    ``python`` defaults to the interpreter running this code, i.e. ``.venv/bin/python``
    when called from ``pakn`` or the tests. Give the process ``PAKN_DATABASE_URL``.
    """
    return [
        python or sys.executable,
        "-m",
        "intake.assistant.action_server",
        "--host",
        host,
        "--port",
        str(port),
        "--actions",
        actions_package,
    ]


def action_webhook_url(port: int, host: str = DEFAULT_HOST) -> str:
    """The URL Rasa calls to run custom actions: ``http://host:port/webhook``."""
    return f"http://{host}:{port}/webhook"


def sql_tracker_store(database_url: str) -> dict[str, Any]:
    """Rasa 3.6 ``SQLTrackerStore`` settings for a SQLAlchemy URL.

    For example ``postgresql+psycopg://user:pw@host:5432/rasa`` gives
    ``{"type": "SQL", "dialect": "postgresql", "url": "host", "port": 5432, "db": "rasa",
    ...}`` (the Rasa environment has psycopg2, so the driver suffix is dropped). Give Rasa
    its own database, not the product's.
    """
    url = make_url(database_url)
    store: dict[str, Any] = {"type": "SQL", "dialect": url.get_backend_name()}
    if url.host:
        store["url"] = url.host
    if url.port:
        store["port"] = url.port
    if url.database:
        store["db"] = url.database
    if url.username:
        store["username"] = url.username
    if url.password:
        store["password"] = str(url.password)
    return store


def write_endpoints(
    path: Path, action_url: str, tracker_store: dict[str, Any] | None = None,
    lock_store: dict[str, Any] | None = None,
) -> Path:
    """Write a Rasa ``endpoints.yml`` pointing at the action server (and a tracker store,
    and a lock store).

    ``action_url`` is the full webhook URL (:func:`action_webhook_url`); every call to it
    carries ``Authorization: Bearer $PAKN_ACTIONS_TOKEN`` (Rasa expands the variable from
    its environment when it reads the file, so the token is not written here). Without
    ``tracker_store`` Rasa keeps conversations in memory; without ``lock_store``
    (``intake.assistant.locks``) it locks them in its own memory, right for one server
    only. Returns ``path``.
    """
    content: dict[str, Any] = {"action_endpoint": {
        "url": action_url, "headers": {"Authorization": ACTIONS_AUTHORIZATION}}}
    if tracker_store is not None:
        content["tracker_store"] = dict(tracker_store)
    if lock_store is not None:
        content["lock_store"] = dict(lock_store)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return path


def wait_until_ready(
    url: str,
    timeout: float,
    *,
    process: subprocess.Popen[Any] | None = None,
    interval: float = 0.5,
) -> None:
    """Poll ``url`` until it answers HTTP 200, for at most ``timeout`` seconds.

    If ``process`` is given and exits meanwhile, fail at once instead of waiting out
    the timeout. Raises :class:`ServiceNotReadyError`.
    """
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    # trust_env=False: a proxy from the environment must not sit between us and a
    # local server.
    with httpx.Client(timeout=min(5.0, max(timeout, 0.1)), trust_env=False) as client:
        while True:
            if process is not None and process.poll() is not None:
                raise ServiceNotReadyError(
                    f"process {process.pid} exited with code {process.returncode} "
                    f"before {url} was ready"
                )
            try:
                response = client.get(url)
            except httpx.HTTPError as exc:
                last = f"{type(exc).__name__}: {exc}"
            else:
                if response.status_code == httpx.codes.OK:
                    return
                last = f"HTTP {response.status_code}"
            if time.monotonic() >= deadline:
                raise ServiceNotReadyError(
                    f"{url} not ready after {timeout:.0f} s (last: {last})"
                )
            time.sleep(interval)
