"""Database engine, sessions and migrations.

SQLite (WAL, foreign keys on, a busy timeout so several processes can share the file)
is the embedded default; PostgreSQL is chosen by URL. The schema is owned by Alembic:
``upgrade`` brings any database to the newest revision.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# PostgreSQL's deadlock and serialization failures: the transaction was ended (rolled
# back) because of another one's locks, not because of anything it did wrong.
CONFLICT_STATES = ("40P01", "40001")
# A unit of work ended by such a conflict runs again, from its start, this many times in all.
UNIT_ATTEMPTS = 3
# Before running it again, a random pause of up to this many seconds times the attempt: two
# units that conflicted over the same rows do not start again in step and meet again.
RETRY_JITTER_S = 0.05

T = TypeVar("T")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; creates the directory of a SQLite file if needed.

    ``hide_parameters``: a database error's message (which may reach a log) never quotes
    the values of the statement: complaint texts, addresses, tracking codes."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 15}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


class Database:
    """An engine plus a session factory: one per process, shared by the services."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def local_file(self) -> Path | None:
        """The SQLite database file, or ``None`` (a server database, or in memory)."""
        if self.engine.dialect.name != "sqlite":
            return None
        database = self.engine.url.database
        return Path(database) if database and database != ":memory:" else None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on error."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only (nothing is committed)."""
        with self._sessions() as session:
            yield session

    def dispose(self) -> None:
        """Close pooled connections (tests, shutdown)."""
        self.engine.dispose()


def hold_sqlite_write_lock(session: Session) -> None:
    """On SQLite, hold the database's one write lock from now until the transaction ends.

    The driver begins a transaction only at the first write, so what a unit of work reads
    before writing is no lock at all: ``BEGIN IMMEDIATE`` takes the write lock first
    (waiting up to the busy timeout) when the transaction has not begun; once it has
    begun with a write, the lock is held already. PostgreSQL: nothing (rows are locked
    with ``FOR UPDATE``)."""
    if session.get_bind().dialect.name != "sqlite":
        return
    connection = session.connection()
    driver = connection.connection.dbapi_connection
    if driver is not None and not driver.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def is_lock_conflict(exc: BaseException) -> bool:
    """PostgreSQL ended the transaction as a deadlock's victim or on a serialization
    failure (``CONFLICT_STATES``)."""
    return isinstance(exc, OperationalError) and \
        getattr(exc.orig, "sqlstate", None) in CONFLICT_STATES


def retry_on_lock_conflict(unit: Callable[[], T], attempts: int = UNIT_ATTEMPTS) -> T:
    """``unit()``, run again from its start when a lock conflict ended it
    (``is_lock_conflict``), up to ``attempts`` times in all.

    ``unit`` must be one whole unit of work: it begins its transaction and ends it, so
    the conflict rolled back everything it did and running it again repeats nothing.
    It runs again after a short random pause (``RETRY_JITTER_S``). The other transaction
    has gone on (PostgreSQL ends one of the two), so the next
    attempt finds its locks released, or waits for them. Any other error, and the
    conflict of the last attempt, propagate."""
    for attempt in range(1, attempts + 1):
        try:
            return unit()
        except OperationalError as exc:
            if attempt == attempts or not is_lock_conflict(exc):
                raise
            log.info("a lock conflict ended a unit of work (attempt %d); again", attempt)
            time.sleep(random.uniform(0, RETRY_JITTER_S * attempt))
    raise AssertionError("unreachable")


def alembic_config(url: str) -> Config:
    """Alembic configuration pointing at the shipped migrations and ``url``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "heads") -> None:
    """Migrate the database at ``url`` to ``revision`` (idempotent).

    ``heads``: every branch of the migration history (parts of intake developed in
    parallel may each add a revision on the same parent until a merge revision joins them).
    """
    command.upgrade(alembic_config(url), revision)
