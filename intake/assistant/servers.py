"""How many assistant servers ``pakn run`` starts, where the edges find them, and Redis.

- ``PAKN_ASSISTANT_SERVERS=N`` (default 1): N Rasa servers on this machine, on
  ``PAKN_RASA_PORT`` … ``PAKN_RASA_PORT + N - 1``, all with the same model, tracker store
  and action server. The edges (web chat, Telegram) spread conversations over them
  (``intake.chat.relay``): ``PAKN_RASA_URLS`` when set (servers on other machines too),
  else the local ones.
- More than one server needs a shared lock: ``PAKN_REDIS_URL`` (Rasa's Redis lock
  store, ``intake.assistant.locks``); without it ``pakn run`` refuses to start rather
  than let two servers interleave one citizen's turns.
- ``PAKN_REDIS_URL`` on this machine (localhost, 127.0.0.1, ::1) where nothing answers:
  ``pakn run`` starts a private ``redis-server`` for it (the ``redis`` process: loopback,
  no persistence, the URL's password); that is what one machine with several servers
  needs and nothing is left running after Ctrl-C. Something already answering there is
  used as it is. A Redis on another machine that does not answer at start is an error:
  starting would give every citizen "try again later"; once running, an outage is logged
  by each Rasa server and service resumes by itself when Redis is back.
- ``PAKN_ASSISTANT_BIND`` (default 127.0.0.1): the address the Rasa servers and the action
  server listen on; the local edges and Rasa's action endpoint reach them there
  (``Settings.assistant_host``). What may listen beyond loopback is decided in
  ``intake.run_roles``.
- On SQLite the servers share ``var/conversations.db``: fine for a few servers on one
  machine at a modest load (SQLite takes one writer at a time); several machines need
  the tracker store on PostgreSQL (``PAKN_DATABASE_URL``).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import make_url

from intake.assistant import redis_process
from intake.assistant.locks import (
    RedisTarget,
    lock_store,
    parse_redis_url,
    redis_answers,
)
from intake.config import Settings


class AssistantConfigError(ValueError):
    """The assistant servers cannot start as configured (the message says what to do)."""


@dataclass(frozen=True)
class AssistantPlan:
    """What ``pakn run`` starts for the assistant, and what the edges are told."""

    ports: tuple[int, ...]
    edge_urls: tuple[str, ...]
    lock_store: dict[str, Any] | None = None
    lock_env: dict[str, str] = field(default_factory=dict)
    redis: RedisTarget | None = None
    start_redis: bool = False
    notes: tuple[str, ...] = ()


def assistant_plan(settings: Settings,
                   answers: Callable[[RedisTarget], bool] = redis_answers) -> AssistantPlan:
    """The plan for ``settings``; ``AssistantConfigError`` when it cannot work."""
    count = settings.assistant_servers
    ports = tuple(settings.rasa_port + i for i in range(count))
    local = tuple(f"http://{settings.assistant_host}:{port}" for port in ports)
    edges = settings.rasa_urls or (local if count > 1 else (settings.rasa_url,))
    if settings.redis_url is None:
        if count > 1:
            raise AssistantConfigError(
                f"PAKN_ASSISTANT_SERVERS={count} needs PAKN_REDIS_URL (Rasa's lock store "
                "shared by the servers, behind each citizen's home server), e.g. "
                "PAKN_REDIS_URL=redis://127.0.0.1:6379/1: pakn run starts a local "
                "redis-server there when nothing answers")
        return AssistantPlan(ports, edges)
    try:
        target = parse_redis_url(settings.redis_url)
    except ValueError as exc:
        raise AssistantConfigError(str(exc)) from exc
    store, env = lock_store(target)
    notes = []
    start = False
    if answers(target):
        notes.append(f"redis: using the Redis at {target.where} for Rasa's lock store")
    elif target.is_local:
        if shutil.which("redis-server") is None:
            raise AssistantConfigError(
                f"PAKN_REDIS_URL names this machine ({target.where}) and nothing answers "
                "there, and redis-server is not installed to start one: install it "
                "(scripts/install-system-deps.sh or apt-get install redis-server)")
        start = True
        notes.append(f"redis: nothing answers at {target.where}: starting a private "
                     "redis-server there (no persistence: it only holds locks)")
    else:
        raise AssistantConfigError(
            f"Redis at {target.where} (PAKN_REDIS_URL) does not answer: start it or fix the "
            "URL; the assistant cannot take a message without its lock store")
    if count > 1 and make_url(settings.database_url).get_backend_name() == "sqlite":
        notes.append(f"assistant: {count} servers share var/conversations.db (SQLite): one "
                     "machine, modest load; use PostgreSQL (PAKN_DATABASE_URL) beyond that")
    return AssistantPlan(ports, edges, store, env, target, start, tuple(notes))


def local_redis_command(settings: Settings, target: RedisTarget) -> list[str]:
    """The private ``redis-server`` for ``target``, run by
    :mod:`intake.assistant.redis_process`: its configuration (with the password, if any)
    goes to ``redis-server`` on its standard input when it actually starts, so no file
    holds it (planning alone writes nothing). ``var/run/`` is its working directory; the
    process needs :func:`local_redis_env`."""
    run_dir = settings.var_dir / "run"
    run_dir.mkdir(parents=True, exist_ok=True)
    return redis_process.command(str(run_dir))


def local_redis_env(settings: Settings) -> dict[str, str]:
    """The environment of the private ``redis-server``'s process: ``PAKN_REDIS_URL`` (its
    password) and a plain ``PATH``, nothing else."""
    return {"PATH": "/usr/bin:/bin",
            redis_process.URL_VARIABLE: settings.redis_url or ""}


def server_name(index: int, count: int) -> str:
    """The supervisor's name of Rasa server ``index`` (``rasa``, or ``rasa1`` … when
    several)."""
    return "rasa" if count == 1 else f"rasa{index + 1}"
