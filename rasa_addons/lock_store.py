"""Rasa's ``RedisLockStore``, saying clearly when Redis stops and starts answering.

With several Rasa servers the conversations' ticket locks live in Redis (endpoints
``lock_store: type: rasa_addons.lock_store.ReportingRedisLockStore``, written by
``intake.assistant.locks``). The locking itself is Rasa's, unchanged. What Rasa alone
does when Redis is down is raise ``LockError`` inside the channel, which logs one
opaque line per message. This subclass logs, once, an ERROR naming the Redis server and
what it means for citizens (no message is answered; the edges tell them to try again),
a reminder every minute while it lasts, and one line when Redis answers again (service
resumes by itself: every message opens its own Redis call). It also pings Redis when
the server starts, so a wrong ``PAKN_REDIS_URL`` shows at once, not at the first
citizen.

Runs inside the Rasa server (``.venv-rasa``): it must not import the product.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Callable, TypeVar

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig

log = logging.getLogger(__name__)
T = TypeVar("T")
REMIND_SECONDS = 60.0
#: seconds a Redis call may take: Rasa calls the lock store on its event loop, so a Redis
#: that hangs would stall every conversation of this server for Rasa's 10 s default
SOCKET_TIMEOUT = 2.0
#: what Redis raises when it refuses our credentials; redis-py makes it a subclass of
#: ConnectionError, so it must be caught before UNREACHABLE
REFUSED = redis.exceptions.AuthenticationError
#: what Redis raises when it cannot be reached or does not answer in time
UNREACHABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class ReportingRedisLockStore(RedisLockStore):
    """``RedisLockStore`` with an operator-facing account of Redis outages."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        options: dict[str, Any] = dict(endpoint_config.kwargs)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT)
        host = endpoint_config.url or "localhost"
        super().__init__(host=host, **options)
        self.where = f"{host}:{options.get('port', 6379)}/{options.get('db', 1)}"
        self.down_since: float | None = None
        self.refused = 0
        self._reminded = 0.0
        self._refusal_logged: float | None = None
        try:
            self.red.ping()
        except REFUSED:
            self._refused_password()
        except UNREACHABLE as exc:
            self._went_down(exc)
        else:
            log.info("lock store: Redis at %s answers; conversations are locked there "
                     "(several assistant servers can share them)", self.where)

    def _refused_password(self) -> None:
        """Log (never the password itself) that Redis refuses our credentials: once, then
        at most every ``REMIND_SECONDS`` (each message would otherwise log it again)."""
        now = time.monotonic()
        if self._refusal_logged is not None and now - self._refusal_logged < REMIND_SECONDS:
            return
        self._refusal_logged = now
        log.error("lock store: Redis at %s refuses the password (PAKN_REDIS_URL): no "
                  "message can be answered until the URL's password is fixed", self.where)

    def _went_down(self, exc: Exception) -> None:
        now = time.monotonic()
        if self.down_since is None:
            self.down_since = self._reminded = now
            log.error("lock store: Redis at %s does not answer (%s: %s). The assistant "
                      "answers no message until it does (citizens are asked to try again "
                      "in a few minutes); it resumes by itself when Redis is back",
                      self.where, type(exc).__name__, exc)
        elif now - self._reminded >= REMIND_SECONDS:
            self._reminded = now
            log.error("lock store: Redis at %s still does not answer after %.0f s "
                      "(%d messages refused so far)", self.where, now - self.down_since,
                      self.refused)

    def _guarded(self, call: Callable[[], T]) -> T:
        try:
            result = call()
        except REFUSED:
            self.refused += 1
            self._refused_password()
            raise
        except UNREACHABLE as exc:
            self.refused += 1
            self._went_down(exc)
            raise
        if self.down_since is not None:
            log.warning("lock store: Redis at %s answers again after %.0f s (%d messages "
                        "were refused meanwhile)", self.where,
                        time.monotonic() - self.down_since, self.refused)
            self.down_since = None
            self.refused = 0
        return result

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        """Rasa's, reporting an unreachable Redis."""
        return self._guarded(lambda: RedisLockStore.get_lock(self, conversation_id))

    def delete_lock(self, conversation_id: str) -> None:
        """Rasa's, reporting an unreachable Redis."""
        self._guarded(lambda: RedisLockStore.delete_lock(self, conversation_id))

    def save_lock(self, lock: TicketLock) -> None:
        """Rasa's, reporting an unreachable Redis."""
        self._guarded(lambda: RedisLockStore.save_lock(self, lock))
