"""The assistant's two servers for end-to-end tests: Rasa server + action server.

    with start_rasa_stack(root, database_url, model) as stack:
        stack.send("citizen-1", "xin chào")   # -> [{"recipient_id": ..., "text": ...}, ...]

Both run as in production (commands from :mod:`intake.assistant.processes`): the action
server from this environment with ``PAKN_DATABASE_URL`` set, Rasa from ``.venv-rasa``
with the signed channel of ``root/credentials.yml`` and an ``endpoints.yml`` written into
a temp directory. Each stack has its own random Rasa token, action-server token and
channel secret (``edge_env`` gives them to an edge such as the bot); ``send`` signs its
messages like the console and the bot. Both bind 127.0.0.1 on free ports and log to files
in the temp directory. Rasa needs about 35 s to load a model on two cores.

On a start failure the raised :class:`RasaStackError` includes the end of both logs. On
exit both processes get SIGTERM, then SIGKILL after a grace period.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

from intake.assistant.processes import (
    ServiceNotReadyError,
    action_server_command,
    action_webhook_url,
    rasa_env,
    rasa_server_command,
    wait_until_ready,
    write_endpoints,
)
from intake.chat.relay import CHANNEL_PATH, sign_request
from tests.harness.ports import free_port

RASA_READY_TIMEOUT = 240.0
ACTION_READY_TIMEOUT = 180.0  # the action server loads routing (maybe trains it) first
STOP_GRACE = 15.0


class RasaStackError(RuntimeError):
    """The stack did not start, or a request to it failed; the message has log tails."""


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return f"(no log at {path})"


@dataclass
class RasaStack:
    """A running Rasa server and action server."""

    rasa_url: str
    action_url: str
    database_url: str
    model: Path
    workdir: Path
    rasa_log: Path
    action_log: Path
    endpoints: Path
    rasa_token: str = field(default_factory=lambda: secrets.token_urlsafe(24), repr=False)
    actions_token: str = field(default_factory=lambda: secrets.token_urlsafe(24), repr=False)
    channel_secret: str = field(default_factory=lambda: secrets.token_urlsafe(24),
                                repr=False)
    timeout: float = 30.0
    _client: httpx.Client = field(
        default_factory=lambda: httpx.Client(timeout=30.0, trust_env=False), repr=False
    )

    @property
    def secrets_env(self) -> dict[str, str]:
        """The stack's secrets as the processes read them from their environment."""
        return {"PAKN_RASA_TOKEN": self.rasa_token, "PAKN_ACTIONS_TOKEN": self.actions_token,
                "PAKN_CHANNEL_SECRET": self.channel_secret}

    @property
    def edge_env(self) -> dict[str, str]:
        """What an edge (the bot, a console) needs to talk to this stack."""
        return {"PAKN_RASA_URL": self.rasa_url, "PAKN_RASA_TOKEN": self.rasa_token,
                "PAKN_CHANNEL_SECRET": self.channel_secret}

    def signed_headers(self, body: bytes, timestamp: int | None = None) -> dict[str, str]:
        """The headers an edge of ours sends with ``body``."""
        return sign_request(self.channel_secret, body, timestamp)

    def send(self, sender: str, text: str) -> list[dict[str, Any]]:
        """Post ``text`` as ``sender`` to the signed channel; return Rasa's answers.

        Each answer is a dict with ``recipient_id`` and ``text`` (and ``buttons``,
        ``image``, ``custom`` … when the response has them). Note that the channel
        answers ``[]`` when something failed inside Rasa.
        """
        body = json.dumps({"sender": sender, "message": text,
                           "nonce": secrets.token_hex(12)}).encode()
        response = self._client.post(
            f"{self.rasa_url}{CHANNEL_PATH}", content=body,
            headers=self.signed_headers(body), timeout=self.timeout,
        )
        if response.status_code != httpx.codes.OK:
            raise RasaStackError(
                f"REST webhook answered HTTP {response.status_code}: {response.text[:500]}\n"
                f"{self.log_tails()}"
            )
        answers: list[dict[str, Any]] = response.json()
        return answers

    def texts(self, sender: str, text: str) -> list[str]:
        """Like :meth:`send` but only the text of each answer."""
        return [str(a["text"]) for a in self.send(sender, text) if "text" in a]

    def tracker(self, sender: str) -> dict[str, Any]:
        """The conversation tracker of ``sender`` (slots, events, active loop)."""
        response = self._client.get(f"{self.rasa_url}/conversations/{sender}/tracker",
                                    params={"token": self.rasa_token})
        response.raise_for_status()
        tracker: dict[str, Any] = response.json()
        return tracker

    def parse(self, text: str) -> dict[str, Any]:
        """NLU result for ``text`` (intent, entities, ranking) without a conversation."""
        response = self._client.post(f"{self.rasa_url}/model/parse", json={"text": text},
                                     params={"token": self.rasa_token})
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result

    def log_tails(self, lines: int = 40) -> str:
        """The end of both servers' logs, for error messages."""
        return (
            f"--- action server log ({self.action_log}) ---\n{_tail(self.action_log, lines)}\n"
            f"--- rasa server log ({self.rasa_log}) ---\n{_tail(self.rasa_log, lines)}"
        )

    def close(self) -> None:
        """Close the HTTP client (the processes are stopped by the context manager)."""
        self._client.close()


def _start(command: list[str], cwd: Path, env: Mapping[str, str], log: IO[bytes]
           ) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command,
        cwd=cwd,
        env=dict(env),
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: children are stopped too
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_GRACE)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_GRACE)


@contextlib.contextmanager
def start_rasa_stack(
    root: Path,
    database_url: str,
    model: Path,
    *,
    tracker_store: dict[str, Any] | None = None,
    extra_env: Mapping[str, str] | None = None,
    actions_package: str = "actions",
    workdir: Path | None = None,
) -> Iterator[RasaStack]:
    """Start the action server and the Rasa server for ``model`` and yield the stack.

    ``database_url`` goes to the action server as ``PAKN_DATABASE_URL``; ``extra_env`` is
    added to both processes' environments; ``tracker_store`` (see
    ``intake.assistant.processes.sql_tracker_store``) goes into Rasa's endpoints.yml.
    Logs and endpoints.yml go to ``workdir`` (kept; pytest fixtures pass a
    ``tmp_path_factory`` directory), else to a temp directory that is deleted afterwards
    unless the stack failed to start.
    """
    root = root.resolve()
    if not model.is_file():
        raise RasaStackError(f"model {model} does not exist (train it: ensure_model)")
    own_workdir = workdir is None
    if workdir is None:
        workdir = Path(tempfile.mkdtemp(prefix="pakn-rasa-stack-"))
    workdir.mkdir(parents=True, exist_ok=True)
    action_port, rasa_port = free_port(), free_port()
    while rasa_port == action_port:
        rasa_port = free_port()
    endpoints = write_endpoints(
        workdir / "endpoints.yml", action_webhook_url(action_port), tracker_store
    )
    stack = RasaStack(
        rasa_url=f"http://127.0.0.1:{rasa_port}",
        action_url=f"http://127.0.0.1:{action_port}",
        database_url=database_url,
        model=model,
        workdir=workdir,
        rasa_log=workdir / "rasa.log",
        action_log=workdir / "action-server.log",
        endpoints=endpoints,
    )
    extra = {**dict(extra_env or {}), **stack.secrets_env}
    action_env = {**os.environ, **extra, "PAKN_DATABASE_URL": database_url}
    processes: list[subprocess.Popen[bytes]] = []
    started = False
    try:
        with open(stack.action_log, "wb") as action_out, open(stack.rasa_log, "wb") as rasa_out:
            action = _start(
                action_server_command(action_port, actions_package=actions_package),
                root, action_env, action_out,
            )
            processes.append(action)
            rasa = _start(
                rasa_server_command(root, model, rasa_port, endpoints),
                root, rasa_env({**os.environ, **extra}), rasa_out,
            )
            processes.append(rasa)
        try:
            wait_until_ready(f"{stack.action_url}/health", ACTION_READY_TIMEOUT, process=action)
            # /status answers 200 only once the model is loaded (409 before).
            wait_until_ready(f"{stack.rasa_url}/status?token={stack.rasa_token}",
                             RASA_READY_TIMEOUT, process=rasa)
        except ServiceNotReadyError as exc:
            raise RasaStackError(f"{exc}\n{stack.log_tails()}") from exc
        started = True
        yield stack
    finally:
        stack.close()
        for process in reversed(processes):
            _stop(process)
        if started and own_workdir:
            shutil.rmtree(workdir, ignore_errors=True)
