"""Rasa's ``RedisLockStore``, made atomic, saying clearly when Redis stops and starts answering.

With several Rasa servers the conversations' ticket locks live in Redis (endpoints
``lock_store: type: rasa_addons.lock_store.ReportingRedisLockStore``, written by
``intake.assistant.locks``).

Atomic ticket lock. Rasa 3.6's ``LockStore`` changes a lock by reading it, changing it
in Python and writing it back (``issue_ticket``, ``finish_serving``, ``cleanup``,
``update_lock``), so two servers taking one conversation at the same instant both read
"no lock", both get ticket 0 and both process their message at once: one of the two turns
is then missing from the tracker store (``SQLTrackerStore.save`` appends only the events
beyond the count already stored). Measured with two stores in two threads against a real
redis-server, 300 pairs of messages of one conversation arriving together: Rasa's store
let 292 pairs run at the same time, and one lost ticket left a turn waiting forever (a
lock with no ticket serves ticket 0 only). Here every change of a lock is one optimistic
Redis transaction (``WATCH`` the key, read, change, ``MULTI``/``SET`` or ``DEL``,
``EXEC``; retried when another server changed it meanwhile), so tickets are issued and
returned one at a time across servers, and the ticket order is the order in which the
servers took the messages. The lock's format and key are Rasa's (``TicketLock``).

What Rasa alone does when Redis is down is raise ``LockError`` inside the channel, which logs one
opaque line per message. This subclass logs, once, an ERROR naming the Redis server and
what it means for citizens (no message is answered; the edges tell them to try again),
a reminder every minute while it lasts, and one line when Redis answers again (service
resumes by itself: every message opens its own Redis call). It also pings Redis when
the server starts, so a wrong ``PAKN_REDIS_URL`` shows at once, not at the first
citizen.

Signatures used on any server. The signed channel (``rasa_addons.channels``) refuses a
captured request replayed within its window; each server remembers the signatures it
took, and with this lock store it also asks Redis (``remember_signature``: one ``SET NX``
of ``<prefix>:seen:<signature>`` for the time left in the window plus a minute for the
servers' clocks), so a request taken by one server is refused by every other server
sharing the Redis. When Redis cannot say (unreachable, full, read-only, a user without
the right to those keys) the server's own memory decides, and a Redis that answers with
an error is logged, at most once a minute.

Runs inside the Rasa server (``.venv-rasa``): it must not import the product.
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from typing import Any, Callable, TypeVar

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX as LOCK_KEYS
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
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
#: a lock changed by another server between our read and our write: read it again
CONFLICT = redis.exceptions.WatchError
#: what Redis raises when it cannot be reached or does not answer in time
UNREACHABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
#: seconds a used signature is remembered past its window: a server whose clock runs d
#: seconds behind accepts a signature d seconds longer than the one that recorded it
CLOCK_MARGIN_SECONDS = 60


def seconds_to_remember(expires_at: float, now: float) -> int:
    """How long Redis keeps a signature valid until ``expires_at`` (Unix seconds): the
    time left, plus the clocks' margin, at least one second."""
    return max(1, math.ceil(expires_at - now) + CLOCK_MARGIN_SECONDS)


class ReportingRedisLockStore(RedisLockStore):
    """``RedisLockStore`` with an operator-facing account of Redis outages."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        options: dict[str, Any] = dict(endpoint_config.kwargs)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT)
        host = endpoint_config.url or "localhost"
        super().__init__(host=host, **options)
        self.where = f"{host}:{options.get('port', 6379)}/{options.get('db', 1)}"
        # beside Rasa's lock keys, whatever prefix Rasa kept ("pakn:lock:" → "pakn:seen:")
        self.seen_prefix = self.key_prefix.removesuffix(LOCK_KEYS) + "seen:"
        self._seen_errors = threading.Lock()
        self._seen_error_logged: float | None = None
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

    def remember_signature(self, signature: str, expires_at: float, now: float
                           ) -> bool | None:
        """Record the signed channel's ``signature`` (valid until ``expires_at``) where
        every server sharing this Redis sees it. True: its first use anywhere; False:
        a server recorded it already; None: Redis could not say (unreachable: the lock's
        own calls report that; any other Redis error is logged here). Called from a
        worker thread: it touches none of the outage bookkeeping of the lock calls."""
        seconds = seconds_to_remember(expires_at, now)
        try:
            return bool(self.red.set(self.seen_prefix + signature, b"1", nx=True,
                                     ex=seconds))
        except UNREACHABLE:
            return None
        except redis.exceptions.RedisError as exc:
            self._signature_not_recorded(exc)
            return None

    def _signature_not_recorded(self, exc: redis.exceptions.RedisError) -> None:
        """Log, at most every ``REMIND_SECONDS``, that Redis answered recording a
        signature with an error (full, read-only, a user without the ``seen`` keys)."""
        with self._seen_errors:
            now = time.monotonic()
            if (self._seen_error_logged is not None
                    and now - self._seen_error_logged < REMIND_SECONDS):
                return
            self._seen_error_logged = now
        log.error("signed channel: Redis at %s did not record a used signature (%s: %s); "
                  "each assistant server checks replays on its own until it does",
                  self.where, type(exc).__name__, exc)

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        """Rasa's, reporting an unreachable Redis."""
        return self._guarded(lambda: RedisLockStore.get_lock(self, conversation_id))

    def delete_lock(self, conversation_id: str) -> None:
        """Rasa's, reporting an unreachable Redis."""
        self._guarded(lambda: RedisLockStore.delete_lock(self, conversation_id))

    def save_lock(self, lock: TicketLock) -> None:
        """Rasa's, reporting an unreachable Redis."""
        self._guarded(lambda: RedisLockStore.save_lock(self, lock))

    def _change(self, conversation_id: str,
                change: Callable[[TicketLock | None], tuple[TicketLock | None, T]]
                ) -> T:
        """Apply ``change`` to the conversation's lock atomically and return its result.

        ``change`` gets the lock as stored (``None``: no lock) and returns the lock to
        store (``None``: delete it) and a result. Another server's change in between
        makes Redis refuse our write (``WATCH``); we then read and change again.
        """
        key = self.key_prefix + conversation_id

        def transaction() -> T:
            with self.red.pipeline() as pipe:
                while True:
                    try:
                        pipe.watch(key)
                        stored = pipe.get(key)
                        lock = (TicketLock.from_dict(json.loads(stored)) if stored
                                else None)
                        new, result = change(lock)
                        pipe.multi()
                        if new is None:
                            pipe.delete(key)
                        else:
                            pipe.set(key, new.dumps())
                        pipe.execute()
                        return result
                    except CONFLICT:
                        continue

        return self._guarded(transaction)

    def issue_ticket(self, conversation_id: str,
                     lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Rasa's, atomic: the lock is created if there is none, and the new ticket is
        the next after the last one issued, whichever server issued it."""
        def issue(lock: TicketLock | None) -> tuple[TicketLock | None, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, issue)
        except Exception as exc:  # as Rasa's: any failure here is a LockError
            raise LockError(f"Error while acquiring lock. Error:\n{exc}") from exc

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        """Rasa's, atomic: our ticket is removed, others' tickets issued meanwhile stay."""
        def finish(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return lock, None

        self._change(conversation_id, finish)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Rasa's (finish serving, then delete the lock if no one waits) as one change:
        a ticket another server issues meanwhile is never deleted with the lock."""
        def clean(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else None), None

        self._change(conversation_id, clean)

    def update_lock(self, conversation_id: str) -> None:
        """Rasa's (drop expired tickets), atomic."""
        def update(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, update)
