"""Fixtures of the intake-core tests: a migrated, organisation-loaded database per test,
on SQLite and (with the ``postgres`` marker's cluster) on PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from intake.config import Settings, load_settings
from intake.db import Database, upgrade
from intake.org.data_files import read_organisation
from intake.org.loader import load_organisation
from intake.services.complaints import IntakeService


def _fresh_postgres_db(pg_url: str) -> str:
    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return pg_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated database URL: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'pakn.db'}"
    else:
        url = _fresh_postgres_db(request.getfixturevalue("pg_url"))
    upgrade(url)
    return url


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """The database with the shipped organisation loaded."""
    database = Database(database_url)
    load_organisation(database, read_organisation(), source="test")
    yield database
    database.dispose()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    """Settings pointing at the test database and a temporary var dir."""
    return load_settings({"PAKN_DATABASE_URL": database_url, "PAKN_VAR_DIR": str(tmp_path)})


@pytest.fixture
def service(db: Database, settings: Settings) -> IntakeService:
    """The intake services over the test database."""
    return IntakeService(db, settings)
