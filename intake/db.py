"""Database engine, sessions and migrations.

SQLite (WAL, foreign keys on, a busy timeout so several processes can share the file)
is the embedded default; PostgreSQL is chosen by URL. The schema is owned by Alembic:
``upgrade`` brings any database to the newest revision.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


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
