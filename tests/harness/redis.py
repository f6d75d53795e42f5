"""A throwaway Redis server for tests (Debian's ``redis-server``).

Started with its own configuration file in a temp dir: loopback only, a free port, no
persistence (``save ""``, no AOF: Rasa's ticket locks live seconds), optionally a
password. It runs as the current user (Redis, unlike PostgreSQL, does not refuse root).
``stop()`` / ``start()`` take it down and bring it back on the same port, for the fault
drills; everything is stopped and deleted on exit.

    with redis_server() as redis:
        redis.url               # redis://127.0.0.1:PORT/1
        redis.ping()            # True while it answers
        redis.stop(); redis.start()
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from intake.assistant.locks import RedisTarget, local_server_config, redis_answers
from tests.harness.ports import free_port

REDIS_SERVER = "redis-server"
START_TIMEOUT = 15.0
START_ATTEMPTS = 3


class RedisUnavailableError(RuntimeError):
    """``redis-server`` is not installed."""


class RedisStartError(RuntimeError):
    """The server did not start (the message has its log)."""


def find_redis_server() -> str | None:
    """The ``redis-server`` executable, if installed."""
    return shutil.which(REDIS_SERVER) or next(
        (p for p in ("/usr/bin/redis-server", "/usr/sbin/redis-server")
         if Path(p).is_file()), None)


@dataclass
class RedisServer:
    """A private redis-server that can be stopped and started again on its port."""

    executable: str
    directory: Path
    port: int
    password: str | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def target(self) -> RedisTarget:
        """Where it listens (for ``intake.assistant.locks``)."""
        return RedisTarget(host="127.0.0.1", port=self.port, password=self.password)

    @property
    def url(self) -> str:
        """``PAKN_REDIS_URL`` for this server (with its password, if any)."""
        auth = f":{quote(self.password, safe='')}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/1"

    @property
    def log_path(self) -> Path:
        """The server's log file."""
        return self.directory / "redis.log"

    def ping(self) -> bool:
        """True while the server answers."""
        return redis_answers(self.target, timeout=1.0)

    def start(self) -> None:
        """Start (again) on ``port``; raises :class:`RedisStartError` if it does not come
        up within ``START_TIMEOUT`` seconds."""
        config = self.directory / "redis.conf"
        config.write_text(local_server_config(self.target, str(self.directory))
                          .replace('logfile ""', f'logfile "{self.log_path}"'))
        config.chmod(0o600)
        self.process = subprocess.Popen([self.executable, str(config)],
                                        cwd=self.directory, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT
        while not self.ping():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RedisStartError(f"redis-server on port {self.port} did not start:\n"
                                      f"{self._tail()}")
            time.sleep(0.05)

    def stop(self) -> None:
        """Kill the server (SIGKILL: a crash, not a shutdown) and wait for it."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        self.process = None

    def _tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return f"(no log at {self.log_path})"


@contextlib.contextmanager
def redis_server(password: str | None = None) -> Iterator[RedisServer]:
    """Start a private redis-server on a free loopback port and yield it.

    Raises :class:`RedisUnavailableError` when ``redis-server`` is not installed
    (``scripts/install-system-deps.sh`` installs it) and :class:`RedisStartError` when it
    does not start.
    """
    executable = find_redis_server()
    if executable is None:
        raise RedisUnavailableError(
            "redis-server not found (install with: scripts/install-system-deps.sh, or "
            "apt-get install redis-server)")
    directory = Path(tempfile.mkdtemp(prefix="pakn-redis-"))
    server: RedisServer | None = None
    try:
        for attempt in range(1, START_ATTEMPTS + 1):
            candidate = RedisServer(executable, directory, free_port(), password)
            try:
                candidate.start()
            except RedisStartError:  # the port may have been taken since free_port()
                if attempt == START_ATTEMPTS:
                    raise
                continue
            server = candidate
            break
        assert server is not None
        yield server
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(directory, ignore_errors=True)
