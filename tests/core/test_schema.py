"""The migrations build the schema the models declare, on SQLite and PostgreSQL: what
``alembic check`` would report is nothing; the outbox's complaint index comes and goes
with its revision."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from intake.db import alembic_config, make_engine, upgrade
from intake.schema import metadata


def _declared_or_ours(item: object, name: str | None, kind: str, reflected: bool,
                      _compared: object) -> bool:
    """Left out of the comparison: PostgreSQL's trigram (GIN) indexes for the console's
    search, which only the migrations make (the models cannot declare them for SQLite)."""
    return not (kind == "index" and reflected and (name or "").endswith("_trgm"))


def _differences(url: str) -> list[object]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_object": _declared_or_ours})
            return list(compare_metadata(context, metadata))
    finally:
        engine.dispose()


def _outbox_indexes(url: str) -> dict[str, list[str | None]]:
    engine = make_engine(url)
    try:
        return {str(index["name"]): list(index["column_names"])
                for index in inspect(engine).get_indexes("outbox")}
    finally:
        engine.dispose()


def test_the_migrations_build_what_the_models_declare(database_url: str) -> None:
    assert _differences(database_url) == []


def test_the_outbox_is_indexed_by_complaint_until_its_revision_is_undone(
        database_url: str) -> None:
    assert _outbox_indexes(database_url)["ix_outbox_complaint_id"] == ["complaint_id"]
    command.downgrade(alembic_config(database_url), "0016b")
    assert "ix_outbox_complaint_id" not in _outbox_indexes(database_url)
    upgrade(database_url)
    assert "ix_outbox_complaint_id" in _outbox_indexes(database_url)
