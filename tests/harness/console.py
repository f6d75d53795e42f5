"""The console as it runs in production, for tests that need the real server.

    with start_console(database_url, var_dir) as console:
        httpx.get(console.url + "/healthz")

The command is the supervisor's (:func:`intake.runner.console_command`), so uvicorn's
options (proxy headers, limits) are the ones ``pakn run`` uses. The console listens on a
free loopback port; its log goes to ``var_dir/console.log``. Rasa is not started:
``PAKN_RASA_URL`` points at a closed port unless ``extra_env`` says otherwise.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx

from intake.config import load_settings
from intake.runner import console_command
from tests.harness.ports import free_port
from tests.harness.processes import stop_process_group

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT = 60.0


class ConsoleNotReadyError(RuntimeError):
    """The console did not answer in time; the message has the end of its log."""


@dataclass(frozen=True)
class RunningConsole:
    """A console process serving on ``url``."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path
    var_dir: Path

    @property
    def pid(self) -> int:
        """The server's process id (its memory and I/O are read from /proc)."""
        return self.process.pid

    def log_text(self) -> str:
        """Everything the console wrote so far."""
        return self.log.read_text(errors="replace")


def console_env(database_url: str, var_dir: Path, port: int,
                extra_env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a console process on ``port``."""
    env = {**os.environ, "PAKN_DATABASE_URL": database_url, "PAKN_VAR_DIR": str(var_dir),
           "PAKN_CONSOLE_HOST": "127.0.0.1", "PAKN_CONSOLE_PORT": str(port),
           "PAKN_RASA_URL": f"http://127.0.0.1:{free_port()}", "PYTHONUNBUFFERED": "1"}
    for name in ("PAKN_TRUSTED_PROXIES", "PAKN_SECRET_KEY", "FORWARDED_ALLOW_IPS"):
        env.pop(name, None)
    env.update(extra_env or {})
    return env


def _wait(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    with httpx.Client(timeout=2.0, trust_env=False) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise ConsoleNotReadyError(f"console exited with {process.returncode}:\n"
                                           f"{log.read_text(errors='replace')[-3000:]}")
            try:
                client.get(url + "/healthz")  # 503 without Rasa is an answer too
                return
            except httpx.HTTPError:
                time.sleep(0.1)
    raise ConsoleNotReadyError(f"console not ready after {READY_TIMEOUT:.0f} s:\n"
                               f"{log.read_text(errors='replace')[-3000:]}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    stop_process_group(process, grace=15)


@contextlib.contextmanager
def start_console(database_url: str, var_dir: Path,
                  extra_env: Mapping[str, str] | None = None) -> Iterator[RunningConsole]:
    """Start the console over a migrated database; stop it on exit."""
    var_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = console_env(database_url, var_dir, port, extra_env)
    command = console_command(load_settings(env))
    log = var_dir / "console.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                   stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    running = RunningConsole(f"http://127.0.0.1:{port}", process, log, var_dir)
    try:
        _wait(running.url, process, log)
        yield running
    finally:
        _stop(process)
