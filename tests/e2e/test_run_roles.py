"""Two ``pakn run`` processes with different roles, as on two machines, sharing one
PostgreSQL: one runs only the assistant (``PAKN_RUN_ROLES=rasa,actions``, listening on
``PAKN_ASSISTANT_BIND``), the other only the console (``PAKN_RUN_ROLES=console``, its web
chat relaying to the first through ``PAKN_RASA_URLS``). Each has its own ``PAKN_VAR_DIR``
(nothing is shared through a local directory) and the same configured secrets.

The assistant listens on 127.0.0.2, a loopback address other than the default one: the
Rasa server is not on 127.0.0.1, so a chat turn that works shows that it followed the bind
address; the action server, which only Rasa on the same machine calls, stays on
127.0.0.1 (the turn runs ``action_session_start`` there).

Both machines' ``PAKN_HOME`` is a copy of the checkout made of links, without any
``pakn.env`` of the developer's: only what the test sets is configured.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from intake.assistant.training import TrainingError, ensure_model
from tests.conftest import skip_or_fail
from tests.e2e.test_assistant_drills import finish
from tests.e2e.test_run_command import _chat_session, _pakn
from tests.harness.ports import free_port
from tests.harness.postgres import PostgresServer, PostgresUnavailableError, postgres_server
from tests.harness.processes import stop_process_group

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
PAKN = str(Path(sys.executable).with_name("pakn"))
BIND = "127.0.0.2"
COMPLAINT = "Đèn đường thôn Đông bị hỏng cả tháng nay, buổi tối đi lại rất nguy hiểm"


@pytest.fixture
def postgres() -> Iterator[PostgresServer]:
    try:
        with postgres_server() as server:
            yield server
    except PostgresUnavailableError as exc:
        skip_or_fail(str(exc))


def _clean_env() -> dict[str, str]:
    """This environment without any PAKN_ or Telegram setting of the developer's shell."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("PAKN_", "TELEGRAM_"))}


def _home(tmp_path: Path) -> Path:
    """A project root linking every entry of the checkout but ``pakn.env``."""
    home = tmp_path / "home"
    home.mkdir()
    for entry in ROOT.iterdir():
        if entry.name != "pakn.env":
            (home / entry.name).symlink_to(entry)
    return home


def _eventually(check: Callable[[], bool], seconds: float = 30) -> bool:
    """``check()`` polled until true or ``seconds`` passed; its last answer."""
    deadline = time.monotonic() + seconds
    while not check() and time.monotonic() < deadline:
        time.sleep(0.2)
    return check()


def _open(host: str, port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex((host, port)) == 0


def _start(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen([PAKN, "run"], cwd=ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)


def _stop(process: subprocess.Popen[bytes]) -> None:
    stop_process_group(process, first=signal.SIGINT, grace=60)


def _wait(check: Callable[[], bool], processes: dict[str, tuple[subprocess.Popen[bytes], Path]],
          what: str) -> None:
    """Until ``check()`` is true; fails at once when either ``pakn run`` exits."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        for name, (process, log) in processes.items():
            if process.poll() is not None:
                pytest.fail(f"{name} exited:\n{log.read_text(errors='replace')[-4000:]}")
        try:
            if check():
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    logs = "\n".join(f"--- {n}\n{log.read_text(errors='replace')[-3000:]}"
                     for n, (_, log) in processes.items())
    pytest.fail(f"{what}: not after 240 s\n{logs}")


def test_an_assistant_machine_and_a_console_machine_share_one_postgresql(
        tmp_path: Path, postgres: PostgresServer) -> None:
    try:
        ensure_model(ROOT)
    except TrainingError as exc:
        pytest.fail(f"training failed: {exc}")
    ports = {"rasa": free_port(), "actions": free_port(), "console_a": free_port(),
             "console_b": free_port()}
    shared = {"PAKN_DATABASE_URL": postgres.url(), "PAKN_HOME": str(_home(tmp_path)),
              "PAKN_RAW_STORE": "db",
              "PAKN_RASA_TOKEN": secrets.token_urlsafe(24),
              "PAKN_CHANNEL_SECRET": secrets.token_urlsafe(24),
              "PAKN_SECRET_KEY": secrets.token_urlsafe(24)}
    assistant_env = {**_clean_env(), **shared, "PAKN_VAR_DIR": str(tmp_path / "a"),
                     "PAKN_RUN_ROLES": "rasa,actions", "PAKN_ASSISTANT_BIND": BIND,
                     "PAKN_RASA_PORT": str(ports["rasa"]),
                     "PAKN_ACTIONS_PORT": str(ports["actions"]),
                     "PAKN_CONSOLE_PORT": str(ports["console_a"])}
    console_env = {**_clean_env(), **shared, "PAKN_VAR_DIR": str(tmp_path / "b"),
                   "PAKN_RUN_ROLES": "console",
                   "PAKN_RASA_URLS": f"http://{BIND}:{ports['rasa']}",
                   "PAKN_CONSOLE_PORT": str(ports["console_b"]),
                   # this machine's defaults: nothing of the assistant may be started here
                   "PAKN_RASA_PORT": str(ports["rasa"]),
                   "PAKN_ACTIONS_PORT": str(ports["actions"])}
    _pakn("db", "upgrade", env=console_env)
    _pakn("org", "load", env=console_env)
    logs = {"assistant": tmp_path / "assistant.log", "console": tmp_path / "console.log"}
    assistant = _start(assistant_env, logs["assistant"])
    console = _start(console_env, logs["console"])
    running = {"assistant": (assistant, logs["assistant"]),
               "console": (console, logs["console"])}
    web = f"http://127.0.0.1:{ports['console_b']}"
    try:
        _wait(lambda: httpx.get(f"http://127.0.0.1:{ports['actions']}/health",
                                timeout=2).status_code == 200, running, "action server")
        health: dict[str, object] = {}

        def console_ok() -> bool:
            health.update(httpx.get(web + "/healthz", timeout=5).json())
            return health.get("status") == "ok"

        _wait(console_ok, running, "the console's /healthz ok")
        # the action server is the other machine's: not this console's to report
        assert health == {"status": "ok", "assistant": True, "assistant_servers": [True]}
        with httpx.Client(timeout=60) as client:
            csrf = _chat_session(client, web)
            answer = client.post(web + "/chat/api/messages", json={"text": "xin chào"},
                                 headers={"X-CSRF-Token": csrf})
        texts = [r["text"] for r in answer.json()["replies"]]
        assert any("Xin chào" in t for t in texts), texts
        # a complaint filed through this console: the other machine's action server wrote
        # it to the shared database, where this machine reads it
        code = _file_complaint(web)
        shown = subprocess.run([PAKN, "complaint", "show", code, "--json"], cwd=ROOT,
                               env=console_env, capture_output=True, text=True, timeout=120,
                               stdin=subprocess.DEVNULL, check=True)
        assert json.loads(shown.stdout)["text"] == COMPLAINT
        # each machine ran its roles only, and the assistant listens where it was told
        assert not _open("127.0.0.1", ports["rasa"]) and _open(BIND, ports["rasa"])
        # the action server only on loopback, whatever PAKN_ASSISTANT_BIND says
        assert _open("127.0.0.1", ports["actions"]) and not _open(BIND, ports["actions"])
        assert not _open("127.0.0.1", ports["console_a"])
        endpoints = yaml.safe_load((tmp_path / "a" / "run" / "endpoints.yml").read_text())
        assert endpoints["action_endpoint"]["url"] == \
            f"http://127.0.0.1:{ports['actions']}/webhook"
        assert not (tmp_path / "b" / "run" / "endpoints.yml").exists()
        a_log = logs["assistant"].read_text(errors="replace")
        b_log = logs["console"].read_text(errors="replace")
        assert "roles on this machine (PAKN_RUN_ROLES): rasa, actions" in a_log
        assert "roles on this machine (PAKN_RUN_ROLES): console" in b_log
        names = {"assistant": _process_names(a_log), "console": _process_names(b_log)}
        assert names == {"assistant": {"actions", "rasa"}, "console": {"console"}}, names
        assert "Traceback" not in a_log + b_log
        # the assistant machine stops: this console says so (503 "down") once its last
        # probe's results (kept a few seconds) are stale
        _stop(assistant)
        down: list[httpx.Response] = []

        def says_down() -> bool:
            down.append(httpx.get(web + "/healthz", timeout=10))
            return down[-1].status_code == 503

        _eventually(says_down)
        assert (down[-1].status_code, down[-1].json()["status"]) == (503, "down")
    finally:
        _stop(assistant)
        _stop(console)
    assert _eventually(lambda: not _open(BIND, ports["rasa"])
                       and not _open("127.0.0.1", ports["actions"])
                       and not _open("127.0.0.1", ports["console_b"]))


def _file_complaint(web: str) -> str:
    """File ``COMPLAINT`` through the web chat at ``web``; its tracking code."""
    with httpx.Client(timeout=60) as client:
        csrf = _chat_session(client, web)

        def say(text: str) -> str:
            answer = client.post(web + "/chat/api/messages", json={"text": text},
                                 headers={"X-CSRF-Token": csrf})
            return "\n".join(r["text"] for r in answer.json()["replies"])

        assert "mô tả nội dung" in say("Tôi muốn gửi phản ánh")
        assert "xã/phường" in say(COMPLAINT)
        return finish(say)


def _process_names(log: str) -> set[str]:
    """The supervised processes that wrote to ``log`` (honcho's ``HH:MM:SS name |``)."""
    names = set()
    for line in log.splitlines():
        head, bar, _ = line.partition("|")
        parts = head.split()
        if bar and len(parts) == 2 and parts[1] not in {"system", "pakn"}:
            names.add(parts[1])
    return names
