"""``rasa_addons.lock_store.ReportingRedisLockStore`` against a real redis-server.

It runs inside Rasa's environment (``.venv-rasa``), so each check starts that Python on a
short script and reads what the lock store logged: a wrong password must be reported as a
refused password (redis-py's ``AuthenticationError`` is a ``ConnectionError``, which the
store once reported as "does not answer"), never with the password itself, and the
store's Redis calls must give up after ``SOCKET_TIMEOUT`` seconds, not Rasa's 10.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.assistant.processes import rasa_python
from tests.harness.redis import RedisServer, RedisUnavailableError, redis_server

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import logging, sys
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(levelname)s %(message)s")
from rasa.utils.endpoints import EndpointConfig
from rasa_addons.lock_store import ReportingRedisLockStore
store = ReportingRedisLockStore(EndpointConfig(url="127.0.0.1", port=int(sys.argv[1]),
                                               db=1, password=sys.argv[2],
                                               key_prefix="pakn"))
print("timeout", store.red.connection_pool.connection_kwargs["socket_timeout"])
for _ in range(3):  # three messages
    try:
        store.get_lock("citizen-1")
    except Exception as exc:
        print("raised", type(exc).__name__)
    else:
        print("locked")
"""


@pytest.fixture(scope="module")
def redis() -> Iterator[RedisServer]:
    try:
        with redis_server(password="right-pass") as server:
            yield server
    except RedisUnavailableError as exc:
        pytest.skip(str(exc))


def _run(redis: RedisServer, password: str) -> str:
    done = subprocess.run([str(rasa_python(ROOT)), "-c", SCRIPT, str(redis.port), password],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout + done.stderr


def test_a_wrong_password_is_reported_as_refused_not_as_redis_down(
        redis: RedisServer) -> None:
    out = _run(redis, "wrong-pass-xyz")
    assert out.count("refuses the password") == 1  # not once per message
    assert "does not answer" not in out
    assert "wrong-pass-xyz" not in out
    assert out.count("raised AuthenticationError") == 3
    assert "timeout 2.0" in out


def test_the_right_password_locks(redis: RedisServer) -> None:
    out = _run(redis, "right-pass")
    assert "answers; conversations are locked there" in out
    assert "locked" in out and "refuses" not in out
