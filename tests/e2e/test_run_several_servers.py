"""``pakn run`` with two assistant servers and a Redis it starts itself.

``PAKN_ASSISTANT_SERVERS=2`` and ``PAKN_REDIS_URL`` on this machine where nothing
listens: the run command starts a private ``redis-server`` (process ``redis``), two Rasa
servers (``rasa1``, ``rasa2``) that both lock conversations there, the action server and
the console, whose web chat spreads conversations over both. Ctrl-C stops everything,
Redis included. Misconfigurations stop it at once with the reason.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from intake.assistant.training import TrainingError, ensure_model
from tests.e2e.test_run_command import _chat_session, _pakn, _port_open, _wait_healthy
from tests.harness.ports import free_port
from tests.harness.processes import stop_process_group

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
PAKN = str(Path(sys.executable).with_name("pakn"))


def _env(work: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "PAKN_DATABASE_URL": f"sqlite:///{work / 'pakn.db'}",
           "PAKN_VAR_DIR": str(work), **extra}
    for name in ("TELEGRAM_BOT_TOKEN", "PAKN_IMAP_HOST", "PAKN_RASA_URL", "PAKN_RASA_URLS",
                 "PAKN_SMTP_HOST", "PAKN_REDIS_URL", "PAKN_REDIS_PASSWORD",
                 "PAKN_ASSISTANT_SERVERS", "PAKN_MAIL_ROLES"):
        if name not in extra:  # the inherited value, not the test's own
            env.pop(name, None)
    return env


def _answers(url: str, token: str) -> bool:
    try:
        return httpx.get(url, params={"token": token}, timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


def test_misconfigured_several_servers_stop_at_once_with_the_reason(tmp_path: Path) -> None:
    try:
        ensure_model(ROOT)
    except TrainingError as exc:
        pytest.fail(f"training failed: {exc}")
    for extra, reason in (
            ({"PAKN_ASSISTANT_SERVERS": "2"}, "needs PAKN_REDIS_URL"),
            ({"PAKN_REDIS_URL": "redis://redis.invalid:6379/1"}, "does not answer"),
            ({"PAKN_REDIS_URL": "http://127.0.0.1:6379"}, "PAKN_REDIS_URL: expected")):
        done = subprocess.run([PAKN, "run"], cwd=ROOT, env=_env(tmp_path, **extra),
                              capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL)
        assert done.returncode == 2 and reason in done.stderr + done.stdout, done


def test_two_servers_and_a_private_redis_answer_and_stop_together(tmp_path: Path) -> None:
    try:
        ensure_model(ROOT)
    except TrainingError as exc:
        pytest.fail(f"training failed: {exc}")
    ports = {"rasa": free_port(), "actions": free_port(), "console": free_port(),
             "redis": free_port()}
    while ports["rasa"] + 1 in ports.values():
        ports["rasa"] = free_port()
    password = secrets.token_urlsafe(12)
    token = secrets.token_urlsafe(24)
    env = _env(tmp_path, PAKN_RASA_PORT=str(ports["rasa"]),
               PAKN_ACTIONS_PORT=str(ports["actions"]),
               PAKN_CONSOLE_PORT=str(ports["console"]), PAKN_ASSISTANT_SERVERS="2",
               PAKN_REDIS_URL=f"redis://:{password}@127.0.0.1:{ports['redis']}/1",
               PAKN_RASA_TOKEN=token)
    _pakn("db", "upgrade", env=env)
    _pakn("org", "load", env=env)
    log = tmp_path / "run.log"
    with log.open("wb") as out:
        process = subprocess.Popen([PAKN, "run"], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    console = f"http://127.0.0.1:{ports['console']}"
    try:
        _wait_healthy(console, process, log, f"http://127.0.0.1:{ports['actions']}",
                      until_ok=False)  # the second server is waited for below
        second = f"http://127.0.0.1:{ports['rasa'] + 1}/status"
        deadline = time.monotonic() + 240
        while not _answers(second, token):
            assert time.monotonic() < deadline and process.poll() is None, \
                log.read_text(errors="replace")[-4000:]
            time.sleep(1)
        for _ in range(6):  # six conversations, spread over both servers
            with httpx.Client(timeout=60) as client:
                csrf = _chat_session(client, console)
                answer = client.post(console + "/chat/api/messages",
                                     json={"text": "xin chào"}, headers={"X-CSRF-Token": csrf})
            texts = [r["text"] for r in answer.json()["replies"]]
            assert any("Xin chào" in t for t in texts), texts
        text = log.read_text(errors="replace")
        assert f"nothing answers at 127.0.0.1:{ports['redis']}/1: starting" in text
        where = f"lock store: Redis at 127.0.0.1:{ports['redis']}/1 answers"
        for name in ("rasa1", "rasa2"):
            assert re.search(rf"^\S*\s*{name}\s*\|.*{re.escape(where)}", text, re.MULTILINE), \
                name
        assert password not in text
        assert password not in (tmp_path / "run" / "endpoints.yml").read_text()
    finally:
        stop_process_group(process, first=signal.SIGINT, grace=60)
    time.sleep(1)
    open_ports = {name: port for name, port in
                  {**ports, "rasa2": ports["rasa"] + 1}.items() if _port_open(port)}
    assert not open_ports
