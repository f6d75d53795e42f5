"""Rasa's lock store on Redis, for several assistant servers (issue 15).

Rasa processes one conversation's messages one at a time with a ticket lock. Its default
lock store lives in one process's memory, so two Rasa servers sharing a tracker store
could interleave a citizen's turns. With ``PAKN_REDIS_URL`` set, every Rasa server gets
Rasa's own ``RedisLockStore`` (through :mod:`rasa_addons.lock_store`, which only adds a
clear log line when Redis stops or starts answering) and the lock is shared:

- ``redis://[[user]:password@]host[:port][/db]`` (``rediss://`` for TLS), default port
  6379, database 1 (Rasa's default);
- the password is not written into Rasa's ``endpoints.yml``: the file names
  ``${PAKN_REDIS_PASSWORD}``, which Rasa reads from its environment (as the tracker
  store's password, ``intake.assistant.conversations``);
- keys are prefixed ``pakn:lock:`` (the locks) and ``pakn:seen:`` (the signed channel's
  used signatures, see ``rasa_addons.channels``), so one Redis can serve other
  applications too; a Redis user limited to some keys needs both.

``pakn run`` starts a private ``redis-server`` (loopback, no persistence: a lock lives
seconds) when the URL names this machine and nothing answers there; a remote Redis that
does not answer at start is an error the operator must fix (see ``intake.runner``).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

PASSWORD_VARIABLE = "PAKN_REDIS_PASSWORD"
KEY_PREFIX = "pakn"  # Rasa wants it alphanumeric; keys become "pakn:lock:<sender>"
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
DEFAULT_PORT = 6379
DEFAULT_DB = 1


@dataclass(frozen=True)
class RedisTarget:
    """Where the lock store lives, from ``PAKN_REDIS_URL``."""

    host: str
    port: int = DEFAULT_PORT
    db: int = DEFAULT_DB
    username: str | None = None
    password: str | None = None
    tls: bool = False

    @property
    def where(self) -> str:
        """``host:port/db``, for messages (never the password)."""
        return f"{self.host}:{self.port}/{self.db}"

    @property
    def is_local(self) -> bool:
        """True when the URL names this machine's loopback."""
        return self.host in LOCAL_HOSTS


def parse_redis_url(url: str) -> RedisTarget:
    """``PAKN_REDIS_URL`` → :class:`RedisTarget`; ``ValueError`` with the reason when the
    URL is not a ``redis://`` or ``rediss://`` URL Rasa's lock store can use."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"redis", "rediss"}:
        raise ValueError("PAKN_REDIS_URL: expected redis://[:password@]host[:port][/db] "
                         f"(or rediss:// for TLS), not {parts.scheme or 'no'} scheme")
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError as exc:  # a port that is not a number
        raise ValueError(f"PAKN_REDIS_URL: {exc}") from exc
    if not parts.hostname:
        raise ValueError("PAKN_REDIS_URL: no host")
    path = parts.path.strip("/")
    if path and not path.isdigit():
        raise ValueError(f"PAKN_REDIS_URL: the database must be a number, not {path!r}")
    username = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    for what, value in (("user name", username), ("password", password)):
        if value is not None and _has_control_characters(value):
            # it would go into redis.conf and the endpoints: a newline there is a new line
            raise ValueError(f"PAKN_REDIS_URL: the {what} contains a control character (a "
                             "newline, tab, …), which is not allowed: choose one without")
    return RedisTarget(host=parts.hostname, port=port, db=int(path) if path else DEFAULT_DB,
                       username=username, password=password, tls=parts.scheme == "rediss")


def _has_control_characters(text: str) -> bool:
    """True when ``text`` holds an ASCII control character (below space, or DEL) or a
    Unicode line separator."""
    return any(ord(c) < 32 or ord(c) == 127 or c in "\x85\u2028\u2029" for c in text)


def lock_store(target: RedisTarget) -> tuple[dict[str, Any], dict[str, str]]:
    """Rasa's ``lock_store`` endpoint settings for ``target``, and the environment Rasa
    needs to read them (the password)."""
    store: dict[str, Any] = {"type": "rasa_addons.lock_store.ReportingRedisLockStore",
                             "url": target.host, "port": target.port, "db": target.db,
                             "key_prefix": KEY_PREFIX}
    if target.tls:
        store["use_ssl"] = True
    if target.username:
        store["username"] = target.username
    env: dict[str, str] = {}
    if target.password:
        store["password"] = "${" + PASSWORD_VARIABLE + "}"
        env[PASSWORD_VARIABLE] = target.password
    return store, env


def redis_answers(target: RedisTarget, timeout: float = 2.0) -> bool:
    """True when something at ``target`` answers a Redis ``PING`` (with ``+PONG``, or with
    ``-NOAUTH``: a Redis that wants the password is still a Redis that answers)."""
    try:
        with socket.create_connection((target.host, target.port), timeout=timeout) as sock:
            if target.tls:  # a TLS handshake is more than this check needs: it listens
                return True
            sock.sendall(b"PING\r\n")
            answer = sock.recv(64)
    except OSError:
        return False
    return answer.startswith((b"+PONG", b"-NOAUTH", b"-ERR"))


def local_server_config(target: RedisTarget, directory: str) -> str:
    """The configuration of the private ``redis-server`` ``pakn run`` starts for a local
    ``PAKN_REDIS_URL`` where nothing listens: loopback only, that port, no persistence
    (locks live seconds), the URL's password if it has one. Written to a file only its
    owner can read, never on a command line."""
    lines = [f"bind {'::1' if target.host == '::1' else '127.0.0.1'}",
             f"port {target.port}", "protected-mode yes", 'save ""', "appendonly no",
             f"dir {directory}", "loglevel warning", "logfile \"\""]
    if target.password:
        if _has_control_characters(target.password):
            raise ValueError("the Redis password contains a control character")
        quoted = target.password.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'requirepass "{quoted}"')
    return "\n".join(lines) + "\n"
