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

Several Rasa servers (``rasa_servers=2``) share the one action server, the tracker store
and the lock store given (``lock_store``, see ``intake.assistant.locks``): ``rasa_urls``
lists them. For the fault drills, ``kill("rasa1")`` / ``kill("actions")`` SIGKILL one
process (a crash, not a shutdown) and ``restart(name)`` starts it again on its port and
waits until it is ready; ``ensure_running()`` starts again, together, whichever are down.
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
from tests.harness.processes import stop_process_group

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
class _Process:
    """One supervised server of the stack: how to start it and how to see it is ready."""

    command: list[str]
    env: dict[str, str]
    log: Path
    ready_url: str
    ready_timeout: float
    popen: subprocess.Popen[bytes] | None = None


@dataclass
class RasaStack:
    """A running Rasa server (or several) and action server."""

    rasa_url: str
    action_url: str
    database_url: str
    model: Path
    workdir: Path
    rasa_log: Path
    action_log: Path
    endpoints: Path
    rasa_urls: list[str] = field(default_factory=list)
    root: Path = field(default_factory=Path)
    processes: dict[str, _Process] = field(default_factory=dict, repr=False)
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

    def kill(self, name: str) -> None:
        """SIGKILL the process ``name`` (``actions``, ``rasa1`` …) and its children."""
        process = self.processes[name].popen
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=STOP_GRACE)

    def restart(self, name: str) -> None:
        """Start ``name`` again (same port, command and environment; its log goes on)
        and wait until it is ready."""
        self.kill(name)
        self._start_again([name])

    def running(self, name: str) -> bool:
        """True while process ``name`` has not exited (killed or crashed)."""
        process = self.processes[name].popen
        return process is not None and process.poll() is None

    def ensure_running(self, *names: str) -> list[str]:
        """Start again those of ``names`` (default: every process) that are not running,
        all at once, and wait until each is ready (the fault drills leave the stack
        whole this way for whichever runs next); the names started."""
        dead = [n for n in (names or tuple(self.processes)) if not self.running(n)]
        self._start_again(dead)
        return dead

    def _start_again(self, names: list[str]) -> None:
        for name in names:
            spec = self.processes[name]
            with open(spec.log, "ab") as out:
                spec.popen = _start(spec.command, self.root, spec.env, out)
        try:
            for name in names:
                spec = self.processes[name]
                wait_until_ready(spec.ready_url, spec.ready_timeout, process=spec.popen)
        except ServiceNotReadyError as exc:
            raise RasaStackError(f"{exc}\n{self.log_tails()}") from exc

    def log_of(self, name: str) -> str:
        """The whole log of process ``name``."""
        return self.processes[name].log.read_text(errors="replace")


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
    stop_process_group(process, grace=STOP_GRACE)


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
    lock_store: dict[str, Any] | None = None,
    rasa_servers: int = 1,
) -> Iterator[RasaStack]:
    """Start the action server and the Rasa server(s) for ``model`` and yield the stack.

    ``database_url`` goes to the action server as ``PAKN_DATABASE_URL``; ``extra_env`` is
    added to both processes' environments; ``tracker_store`` (see
    ``intake.assistant.processes.sql_tracker_store``) and ``lock_store`` (see
    ``intake.assistant.locks.lock_store``) go into Rasa's endpoints.yml; ``rasa_servers``
    Rasa servers share them and the action server (logs ``rasa.log``, ``rasa2.log`` …).
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
    ports: set[int] = set()
    while len(ports) < rasa_servers + 1:
        ports.add(free_port())
    action_port, *rasa_ports = sorted(ports)
    endpoints = write_endpoints(
        workdir / "endpoints.yml", action_webhook_url(action_port), tracker_store, lock_store
    )
    stack = RasaStack(
        rasa_url=f"http://127.0.0.1:{rasa_ports[0]}",
        action_url=f"http://127.0.0.1:{action_port}",
        database_url=database_url,
        model=model,
        workdir=workdir,
        rasa_log=workdir / "rasa.log",
        action_log=workdir / "action-server.log",
        endpoints=endpoints,
        rasa_urls=[f"http://127.0.0.1:{port}" for port in rasa_ports],
        root=root,
    )
    extra = {**dict(extra_env or {}), **stack.secrets_env}
    stack.processes["actions"] = _Process(
        action_server_command(action_port, actions_package=actions_package),
        {**os.environ, **extra, "PAKN_DATABASE_URL": database_url}, stack.action_log,
        f"{stack.action_url}/health", ACTION_READY_TIMEOUT)
    for index, (port, url) in enumerate(zip(rasa_ports, stack.rasa_urls, strict=True)):
        # /status answers 200 only once the model is loaded (409 before).
        stack.processes[f"rasa{index + 1}"] = _Process(
            rasa_server_command(root, model, port, endpoints), rasa_env({**os.environ, **extra}),
            workdir / ("rasa.log" if index == 0 else f"rasa{index + 1}.log"),
            f"{url}/status?token={stack.rasa_token}", RASA_READY_TIMEOUT)
    started = False
    try:
        for spec in stack.processes.values():
            with open(spec.log, "wb") as out:
                spec.popen = _start(spec.command, root, spec.env, out)
        try:
            for spec in stack.processes.values():
                wait_until_ready(spec.ready_url, spec.ready_timeout, process=spec.popen)
        except ServiceNotReadyError as exc:
            raise RasaStackError(f"{exc}\n{stack.log_tails()}") from exc
        started = True
        yield stack
    finally:
        stack.close()
        for spec in reversed(stack.processes.values()):
            if spec.popen is not None:
                _stop(spec.popen)
        if started and own_workdir:
            shutil.rmtree(workdir, ignore_errors=True)
