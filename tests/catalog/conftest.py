"""Fixtures of the catalog tests: a migrated database (SQLite and PostgreSQL, from the
core tests' fixtures), the catalog service over it, and the national sample's location."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.catalog.service import CatalogService
from intake.db import Database
from tests.conftest import ROOT, skip_or_fail
from tests.core.conftest import database_url, db  # noqa: F401  (fixtures reused)

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def catalog(db: Database) -> Iterator[CatalogService]:  # noqa: F811
    """The catalog service over the test database (no caching delay)."""
    yield CatalogService(db, refresh_seconds=0.0)


@pytest.fixture(scope="session")
def national_sample() -> Path:
    """The 207 national-export records (not shipped: no licence); skip if absent."""
    path = Path(os.environ.get("PAKN_TTHC_SAMPLE_DIR")
                or ROOT.parent / "shared" / "data" / "tthc-national-sample")
    if not path.is_dir():
        skip_or_fail(f"national sample not found at {path} (set PAKN_TTHC_SAMPLE_DIR)")
    return path
