"""Where the assistant keeps its conversations, and for how long (issue 15, first slice).

Rasa keeps conversations in memory unless told otherwise: a restart in the middle of
the complaint form would lose what the citizen typed. The assistant therefore runs with
Rasa's own ``SQLTrackerStore``:

- embedded default (the product on SQLite): a SQLite file, ``var/conversations.db``;
- the product on PostgreSQL: a database of its own on the same server,
  ``<product database>_conversations``, which Rasa creates on first start (it logs in
  to the product's database to do so). The password is not written into Rasa's
  ``endpoints.yml``: the file names ``${PAKN_CONVERSATIONS_DB_PASSWORD}``, which Rasa
  reads from its environment.

Conversations hold personal data, so they are kept ``PAKN_CONVERSATION_DAYS`` (90)
days after their last event: ``pakn assistant prune`` deletes older ones (``pakn run``
does it at start; run it daily from cron on a server that stays up).
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, make_url

from intake.config import Settings

CONVERSATIONS_FILE = "conversations.db"
PASSWORD_VARIABLE = "PAKN_CONVERSATIONS_DB_PASSWORD"
DEFAULT_DAYS = 90
SECONDS_PER_DAY = 86_400


def store_url(settings: Settings) -> URL:
    """The SQLAlchemy URL of the conversations' database."""
    product = make_url(settings.database_url)
    if product.get_backend_name() == "sqlite":
        return make_url(f"sqlite:///{settings.var_dir / CONVERSATIONS_FILE}")
    return product.set(database=f"{product.database}_conversations")


def tracker_store(settings: Settings) -> tuple[dict[str, Any], dict[str, str]]:
    """Rasa's ``tracker_store`` settings, and the environment Rasa needs to read them."""
    url = store_url(settings)
    if url.get_backend_name() == "sqlite":
        settings.var_dir.mkdir(parents=True, exist_ok=True)
        return {"type": "SQL", "dialect": "sqlite", "db": url.database}, {}
    product = make_url(settings.database_url)
    store: dict[str, Any] = {"type": "SQL", "dialect": "postgresql",
                             "url": url.host or "localhost", "db": url.database,
                             "login_db": product.database}
    if url.port:
        store["port"] = url.port
    if url.username:
        store["username"] = url.username
    env: dict[str, str] = {}
    if url.password:
        store["password"] = "${" + PASSWORD_VARIABLE + "}"
        env[PASSWORD_VARIABLE] = str(url.password)
    return store, env


def retention_days(settings: Settings) -> int:
    """``PAKN_CONVERSATION_DAYS`` (at least 1)."""
    return max(1, settings.conversation_days)


def prune(settings: Settings, days: int, now: float | None = None) -> int:
    """Delete the conversations whose last event is older than ``days`` days; how many
    events were deleted (0 when the assistant has not created its database or table
    yet: on PostgreSQL Rasa creates its database on its first start, after this runs)."""
    if not _store_exists(settings):
        return 0
    engine = create_engine(store_url(settings))
    try:
        if "events" not in inspect(engine).get_table_names():
            return 0
        cutoff = (time.time() if now is None else now) - days * SECONDS_PER_DAY
        with engine.begin() as connection:
            done = connection.execute(text(
                "DELETE FROM events WHERE sender_id IN (SELECT sender_id FROM events "
                "GROUP BY sender_id HAVING MAX(timestamp) < :cutoff)"), {"cutoff": cutoff})
        return int(done.rowcount or 0)
    finally:
        engine.dispose()


def _store_exists(settings: Settings) -> bool:
    """False when the conversations' PostgreSQL database does not exist yet (asked on the
    product's database, which the same user reaches); a SQLite file is created on use."""
    url = store_url(settings)
    if url.get_backend_name() == "sqlite":
        return True
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            found = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                       {"name": url.database}).first()
        return found is not None
    finally:
        engine.dispose()
