"""The run command: every default process comes up, the web chat answers, Ctrl-C stops all.

This starts `pakn run` (the supervisor of `make run`) exactly as a new user would, on
free ports and a temporary SQLite database, and talks to it through the browser-facing
web chat endpoint with its session cookie and CSRF token.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from intake.assistant.training import TrainingError, ensure_model
from tests.harness.ports import free_port

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class RunningSystem:
    console: str
    process: subprocess.Popen[bytes]
    log: Path
    ports: dict[str, int]


def _pakn(*args: str, env: dict[str, str]) -> None:
    subprocess.run([str(Path(sys.executable).with_name("pakn")), *args], env=env, check=True,
                   cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, timeout=300)


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path,
                  actions: str, *, until_ok: bool = True) -> None:
    """Until the console says "ok" and the action server answers (a first turn before
    the action server is up gets the fallback: its session start fails). The console's
    /healthz reports this machine's action server too (``test_healthz_reports_…``) and
    keeps a probe's result ``PROBE_SECONDS``: a 200 that is only "degraded" (the action
    server not up yet) is not enough, or the test reading /healthz right after would get
    that kept result (``until_ok=False``: a 200 is enough, for callers that wait for
    their other servers themselves). The direct probe stays for callers whose console
    does not run beside it."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"pakn run exited early:\n{log.read_text(errors='replace')[-4000:]}")
        try:
            health = httpx.get(url + "/healthz", timeout=2)
            if health.status_code == 200 and \
                    (not until_ok or health.json().get("status") == "ok") and \
                    httpx.get(actions + "/health", timeout=2).status_code == 200:
                return
        except (httpx.HTTPError, ValueError):  # not up, or not JSON yet
            pass
        time.sleep(1)
    pytest.fail(f"not healthy after 180 s:\n{log.read_text(errors='replace')[-4000:]}")


@pytest.fixture(scope="module")
def system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningSystem]:
    try:
        ensure_model(ROOT)
    except TrainingError as exc:
        pytest.fail(f"training failed: {exc}")
    work = tmp_path_factory.mktemp("run")
    ports = {"rasa": free_port(), "actions": free_port(), "console": free_port()}
    env = {**os.environ, "PAKN_DATABASE_URL": f"sqlite:///{work / 'pakn.db'}",
           "PAKN_VAR_DIR": str(work), "PAKN_RASA_PORT": str(ports["rasa"]),
           "PAKN_ACTIONS_PORT": str(ports["actions"]),
           "PAKN_CONSOLE_PORT": str(ports["console"])}
    for name in ("TELEGRAM_BOT_TOKEN", "PAKN_IMAP_HOST", "PAKN_RASA_URL"):
        env.pop(name, None)
    _pakn("db", "upgrade", env=env)
    _pakn("org", "load", env=env)
    log = work / "run.log"
    with log.open("wb") as out:
        process = subprocess.Popen([str(Path(sys.executable).with_name("pakn")), "run"],
                                   cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    running = RunningSystem(f"http://127.0.0.1:{ports['console']}", process, log, ports)
    try:
        _wait_healthy(running.console, process, log,
                      f"http://127.0.0.1:{ports['actions']}")
        yield running
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def _chat_session(client: httpx.Client, console: str) -> str:
    page = client.get(console + "/chat")
    assert page.status_code == 200 and "pakn_chat" in client.cookies
    config = re.search(r'<script id="chat-config" type="application/json">(.*?)</script>',
                       page.text)
    assert config
    token: str = json.loads(config.group(1))["csrf"]
    return token


def test_the_web_chat_answers_xin_chao(system: RunningSystem) -> None:
    with httpx.Client(timeout=30) as client:
        token = _chat_session(client, system.console)
        answer = client.post(system.console + "/chat/api/messages", json={"text": "xin chào"},
                             headers={"X-CSRF-Token": token})
    assert answer.status_code == 200
    texts = [r["text"] for r in answer.json()["replies"]]
    assert any("Xin chào" in t for t in texts), texts


def test_healthz_reports_the_rasa_server_and_the_action_server(
        system: RunningSystem) -> None:
    answer = httpx.get(system.console + "/healthz", timeout=10)
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "assistant": True, "assistant_servers": [True],
                             "actions": True}


def test_the_web_chat_refuses_a_post_without_its_csrf_token(system: RunningSystem) -> None:
    with httpx.Client(timeout=30) as client:
        _chat_session(client, system.console)
        answer = client.post(system.console + "/chat/api/messages", json={"text": "xin chào"})
    assert answer.status_code == 403


def test_the_web_chat_answers_empty_and_huge_messages_politely(system: RunningSystem) -> None:
    with httpx.Client(timeout=30) as client:
        token = _chat_session(client, system.console)
        for text, expected in (("   ", "trống"), ("a" * 20_000, "quá dài")):
            answer = client.post(system.console + "/chat/api/messages", json={"text": text},
                                 headers={"X-CSRF-Token": token})
            assert expected in answer.json()["replies"][0]["text"]


def test_logs_say_which_process_said_what(system: RunningSystem) -> None:
    log = system.log.read_text(errors="replace")
    for name in ("rasa", "actions", "console"):
        assert re.search(rf"^\S*\s*{name}\s*\|", log, re.MULTILINE), name
    assert "telegram: not started (set TELEGRAM_BOT_TOKEN" in log
    assert "Traceback" not in log


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_ctrl_c_stops_every_process(system: RunningSystem) -> None:
    os.killpg(system.process.pid, signal.SIGINT)
    system.process.wait(timeout=60)
    time.sleep(1)
    assert not any(_port_open(p) for p in system.ports.values()), system.ports
