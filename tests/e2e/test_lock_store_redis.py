"""``rasa_addons.lock_store.ReportingRedisLockStore`` against a real redis-server.

It runs inside Rasa's environment (``.venv-rasa``), so each check starts that Python on a
short script and reads what the lock store logged: a wrong password must be reported as a
refused password (redis-py's ``AuthenticationError`` is a ``ConnectionError``, which the
store once reported as "does not answer"), never with the password itself, and the
store's Redis calls must give up after ``SOCKET_TIMEOUT`` seconds, not Rasa's 10.

Two servers, one conversation: two stores (two threads, each its own event loop, as two
Rasa servers) take the lock of one conversation for pairs of messages released at the
same instant; no two turns may run at once and every turn must get its turn. Rasa 3.6's
own ``RedisLockStore`` let 290 of 300 such pairs run together here (its ticket lock reads
then writes); the same script runs it with ``stock`` instead of ``ours``.

Two servers, one signed request (the signed channel's replay check, as the channel
calls it): a signature taken through one store is refused through the other and through
the same one, kept for the time left in its window plus a minute for the clocks; with
no lock store yet, or one in memory, the server's own memory decides; a full Redis
(``maxmemory``) lets the own memory decide, is logged once, and once Redis has room
again a replay is refused again.
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

RACE = """
import asyncio, sys, threading
from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from rasa_addons.lock_store import ReportingRedisLockStore
port, password, which, pairs = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
def make():
    if which == "stock":
        return RedisLockStore(host="127.0.0.1", port=port, db=1, password=password,
                              key_prefix="pakn")
    return ReportingRedisLockStore(EndpointConfig(url="127.0.0.1", port=port, db=1,
                                                  password=password, key_prefix="pakn"))
count = dict(inside=0, overlapping=0, failed=0, done=0, stuck=0)
guard = threading.Lock()
together = threading.Barrier(2)
def server():
    store = make()
    async def turn():
        async with store.lock("citizen-1", 60, 0.01):
            with guard:
                count["inside"] += 1
                count["overlapping"] += count["inside"] > 1
            await asyncio.sleep(0.02)  # the turn: NLU, actions, tracker saved
            with guard:
                count["inside"] -= 1
                count["done"] += 1
    async def messages():
        for _ in range(pairs):
            together.wait()  # both servers receive one of the citizen's messages
            try:
                await asyncio.wait_for(turn(), 60)  # only against waiting forever
            except asyncio.TimeoutError:
                with guard:
                    count["stuck"] += 1
                    count["inside"] = 0
                store.red.delete(store.key_prefix + "citizen-1")
            except Exception as exc:
                print("failed", type(exc).__name__, exc)
                with guard:
                    count["failed"] += 1
    asyncio.run(messages())
threads = [threading.Thread(target=server) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(" ".join(f"{k}={v}" for k, v in count.items() if k != "inside"))
"""


SIGNATURES = """
import asyncio, logging, sys, time
from types import SimpleNamespace as NS
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(levelname)s %(message)s")
from rasa.core.lock_store import InMemoryLockStore
from rasa.utils.endpoints import EndpointConfig
from rasa_addons.channels import MAX_SKEW_SECONDS, _first_use_everywhere
from rasa_addons.lock_store import ReportingRedisLockStore, seconds_to_remember
def server(prefix="pakn"):
    return ReportingRedisLockStore(EndpointConfig(url="127.0.0.1", port=int(sys.argv[1]),
                                                  db=1, password="right-pass",
                                                  key_prefix=prefix))
def sent(agent, sig, ts, now):  # what the channel decides after its own memory said yes
    request = NS(app=NS(ctx=NS(agent=agent) if agent is not None else NS()))
    return asyncio.run(_first_use_everywhere(request, sig, ts, now))
first, second = server(), server()
now = time.time()
ts = int(now)
print("first takes a1b2", sent(NS(lock_store=first), "a1b2", ts, now))
print("second replays a1b2", sent(NS(lock_store=second), "a1b2", ts, now))
print("first replays a1b2", sent(NS(lock_store=first), "a1b2", ts, now))
print("second takes c3d4", sent(NS(lock_store=second), "c3d4", ts - 200, now))
print("ttl", first.red.ttl("pakn:seen:a1b2"), second.red.ttl("pakn:seen:c3d4"))
print("no lock key", first.red.exists("pakn:lock:a1b2"))
print("not yet loaded", sent(None, "e5f6", ts, now))
print("memory lock store", sent(NS(lock_store=InMemoryLockStore()), "e5f6", ts, now))
print("remember", seconds_to_remember(ts + MAX_SKEW_SECONDS, now) in (360, 361),
      seconds_to_remember(now + 0.2, now), seconds_to_remember(now - 3600, now))
plain = server(prefix="not-alnum!")
print("default prefix", plain.seen_prefix, plain.key_prefix)
first.red.config_set("maxmemory", "1")
try:
    for n in range(3):
        print("full", n, sent(NS(lock_store=second), f"full{n}", ts, now))
finally:
    first.red.config_set("maxmemory", "0")
print("after", sent(NS(lock_store=second), "full0", ts, now))
print("after replay", sent(NS(lock_store=first), "full0", ts, now))
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


def test_two_servers_taking_one_conversation_at_once_take_turns(redis: RedisServer) -> None:
    pairs = 100
    done = subprocess.run([str(rasa_python(ROOT)), "-c", RACE, str(redis.port), "right-pass",
                           "ours", str(pairs)], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, check=True)
    out = done.stdout + done.stderr
    assert f"overlapping=0 failed=0 done={2 * pairs} stuck=0" in out, out


def test_a_signature_taken_by_one_server_is_refused_by_the_other(redis: RedisServer
                                                                   ) -> None:
    done = subprocess.run([str(rasa_python(ROOT)), "-c", SIGNATURES, str(redis.port)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    out = done.stdout + done.stderr
    said = dict(line.rsplit(" ", 1) for line in done.stdout.splitlines()
                if line.startswith(("first", "second", "no lock", "not yet", "memory",
                                    "full", "after")))
    assert said == {"first takes a1b2": "True", "second replays a1b2": "False",
                    "first replays a1b2": "False", "second takes c3d4": "True",
                    "no lock key": "0", "not yet loaded": "True",
                    "memory lock store": "True", "full 0": "True", "full 1": "True",
                    "full 2": "True", "after": "True", "after replay": "False"}, out
    # kept for the time left in the window plus the clocks' margin (60 s)
    ttl = next(line for line in done.stdout.splitlines() if line.startswith("ttl"))
    first_ttl, second_ttl = (int(x) for x in ttl.split()[1:])
    assert 355 <= first_ttl <= 361 and 155 <= second_ttl <= 161, ttl
    assert "remember True 61 1" in out
    assert "default prefix seen: lock:" in out  # never inside the lock keys
    # a full Redis: the server's own memory decides, and the operator reads why, once
    assert out.count("did not record a used signature (OutOfMemoryError") == 1, out
