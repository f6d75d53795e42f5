"""Routers follow the organisation's version (``intake.org.version``), not a timer.

Two service instances on separate engines stand for two processes (machines) sharing
the database; one test also changes the organisation from another process, through
the ``pakn`` CLI. On SQLite and PostgreSQL: the instance that did not make the change
routes with the new organisation at its next check, and builds no router while nothing
changed (``RoutingCache.builds``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, select

from intake.config import Settings, load_settings
from intake.db import Database, upgrade
from intake.mail.ingest import MailIngestor
from intake.mail.models import IngestStatus
from intake.models import Role
from intake.org.changes import apply_changes, read_changes
from intake.org.data_files import DEFAULT_ORG_FILE, read_organisation
from intake.org.loader import load_organisation
from intake.org.version import OrgVersion, current_version
from intake.routing.service import RoutingCache
from intake.routing.types import RoutingInput
from intake.services.accounts import Accounts
from intake.services.admin import AdminService
from intake.services.complaints import IntakeService
from tests.mail.conftest import test_mail_settings
from tests.mail.test_faults import numbered

ROOT = Path(__file__).resolve().parents[2]
MERGE = """
source: test reform
changes:
  - {action: merge, from: [SO_KH_DT], into: SO_TAI_CHINH, effective: 2025-03-01}
"""
# named by its procedure's department: routed there while it exists, to its successor after
ABOUT_KH_DT = RoutingInput("Đăng ký doanh nghiệp bị trả hồ sơ nhiều lần",
                           procedure_queue="SO_KH_DT", procedure_name="Đăng ký doanh nghiệp")


def _changes(tmp_path: Path) -> Path:
    path = tmp_path / "changes.yml"
    path.write_text(MERGE, encoding="utf-8")
    return path


def _version(db: Database) -> int:
    with db.reading() as session:
        return current_version(session)


@pytest.fixture
def checked_every_time(database_url: str, tmp_path: Path) -> Settings:
    """Settings whose routers look at the version before every use."""
    return load_settings({"PAKN_DATABASE_URL": database_url, "PAKN_VAR_DIR": str(tmp_path),
                          "PAKN_ORG_CHECK_SECONDS": "0"})


@pytest.fixture
def other(database_url: str, checked_every_time: Settings, db: Database
          ) -> Iterator[IntakeService]:
    """A second service on its own engine: another process on another machine."""
    engine = Database(database_url)
    yield IntakeService(engine, checked_every_time)
    engine.dispose()


def test_the_other_instance_follows_a_change_and_rebuilds_only_then(
        db: Database, checked_every_time: Settings, other: IntakeService,
        tmp_path: Path) -> None:
    here = IntakeService(db, checked_every_time)
    assert other.router().route(ABOUT_KH_DT).queue_code == "SO_KH_DT"
    places = other.places()
    for _ in range(5):  # nothing changed: the version is read each time, nothing rebuilt
        assert other.router().route(ABOUT_KH_DT).queue_code == "SO_KH_DT"
    assert other.routing.builds == 1 and other.places() is places

    before = _version(db)
    again = load_organisation(db, read_organisation(), source="same file again")
    assert not again.changed and _version(db) == before  # a load that changes nothing
    dry = apply_changes(here, read_changes(_changes(tmp_path)), as_of=date(2025, 6, 1),
                        dry_run=True)
    assert dry.applied and _version(db) == before  # a dry run is rolled back, bump too
    other.router()
    assert other.routing.builds == 1

    report = apply_changes(here, read_changes(_changes(tmp_path)), as_of=date(2025, 6, 1))
    assert report.applied and _version(db) == before + 1
    decision = other.router().route(ABOUT_KH_DT)
    assert decision.queue_code == "SO_TAI_CHINH"
    assert other.routing.builds == 2 and other.places() is not places
    other.router().route(ABOUT_KH_DT)
    assert other.routing.builds == 2

    # applying the same file again changes nothing: no bump, no rebuild anywhere
    assert not apply_changes(here, read_changes(_changes(tmp_path)),
                             as_of=date(2025, 6, 1)).applied
    assert _version(db) == before + 1
    other.router()
    assert other.routing.builds == 2


def test_a_change_made_by_another_process_is_seen(
        database_url: str, other: IntakeService, tmp_path: Path) -> None:
    """``pakn org apply-changes`` in its own process; this one routes with its result."""
    assert other.router().route(ABOUT_KH_DT).queue_code == "SO_KH_DT"
    env = {**os.environ, "PAKN_DATABASE_URL": database_url, "PAKN_VAR_DIR": str(tmp_path),
           "PAKN_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "intake.cli", "org", "apply-changes",
         str(_changes(tmp_path)), "--as-of", "2025-06-01"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert other.router().route(ABOUT_KH_DT).queue_code == "SO_TAI_CHINH"
    assert other.routing.builds == 2


def test_the_check_is_made_at_most_every_n_seconds(
        db: Database, settings: Settings, tmp_path: Path) -> None:
    """Between two looks the router is reused without reading the version; a change is
    taken at the first look after it."""
    now = [1000.0]
    cache = RoutingCache(db, settings, "VP_UBND", check_seconds=30, clock=lambda: now[0])
    assert cache.router().route(ABOUT_KH_DT).queue_code == "SO_KH_DT"
    apply_changes(IntakeService(db, settings), read_changes(_changes(tmp_path)),
                  as_of=date(2025, 6, 1))
    now[0] += 29
    assert cache.router().route(ABOUT_KH_DT).queue_code == "SO_KH_DT"  # not looked yet
    assert cache.builds == 1
    now[0] += 2
    assert cache.router().route(ABOUT_KH_DT).queue_code == "SO_TAI_CHINH"
    assert cache.builds == 2
    now[0] += 31
    cache.router()
    assert cache.builds == 2  # looked again: unchanged


def test_every_writer_of_the_organisation_moves_the_version(
        db: Database, settings: Settings, tmp_path: Path) -> None:
    """The console's reload (an edited organisation file) and ``pakn org load`` move it
    in their own transaction; reloading the same file does not."""
    org_file = tmp_path / "departments.yml"
    org_file.write_text(DEFAULT_ORG_FILE.read_text(encoding="utf-8").replace(
        "Sở Nội vụ", "Sở Nội vụ (mới)", 1), encoding="utf-8")
    for name in ("xa-phuong", "quan-huyen-24.json"):
        (tmp_path / name).symlink_to(DEFAULT_ORG_FILE.parent / name)
    who = Accounts(db).add_user("admin1", "mật khẩu đủ dài 123", Role.ADMIN, [])
    admin = AdminService(db, org_file=org_file)
    before = _version(db)
    assert admin.reload_organisation(who).renamed == ["SO_NOI_VU"]
    assert _version(db) == before + 1
    assert not admin.reload_organisation(who).changed
    assert _version(db) == before + 1
    assert load_organisation(db, read_organisation(), source="back").renamed == ["SO_NOI_VU"]
    with db.reading() as session:
        row = session.scalar(select(OrgVersion))
        assert row is not None and row.version == before + 2


def test_a_district_moved_without_a_rename_is_a_change(db: Database) -> None:
    """A commune given another district by the data (no new name) changes the places:
    the load says so and moves the version."""
    org = read_organisation()
    commune = next(q for q in org.queues if q.code == "XA_07777")
    moved = tuple(replace(q, parent_code="HUYEN_213") if q.code == "XA_07777" else q
                  for q in org.queues)
    before = _version(db)
    summary = load_organisation(db, replace(org, queues=moved), source="moved")
    assert summary.updated == ["XA_07777"] and summary.changed
    assert commune.parent_code != "HUYEN_213" and _version(db) == before + 1


def test_a_look_the_database_does_not_answer_keeps_the_router(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A version look that fails (here: the SQLite file moved away, so the look finds no
    table) routes with the router already built rather than sending the complaint to
    triage; the next look that works finds the same version and builds nothing."""
    path = tmp_path / "pakn.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    db = Database(url)
    load_organisation(db, read_organisation(), source="test")
    settings = load_settings({"PAKN_DATABASE_URL": url, "PAKN_VAR_DIR": str(tmp_path)})
    cache = RoutingCache(db, settings, "VP_UBND", check_seconds=0)
    router = cache.router()
    db.dispose()
    path.rename(tmp_path / "away.db")
    try:
        assert cache.router() is router
        assert "organisation version not read (OperationalError)" in caplog.text
    finally:
        db.dispose()
        path.unlink(missing_ok=True)
        (tmp_path / "away.db").rename(path)
    assert cache.router() is router and cache.builds == 1
    assert cache.router().route(ABOUT_KH_DT).queue_code == "SO_KH_DT"
    db.dispose()


def test_a_batch_of_mail_looks_at_the_version_once(
        db: Database, checked_every_time: Settings, tmp_path: Path) -> None:
    """With a look before every use (``PAKN_ORG_CHECK_SECONDS=0``), the mail pipeline
    routes a claimed batch with one look at the version, not one per message; the next
    batch looks again."""
    ingestor = MailIngestor(IntakeService(db, checked_every_time),
                            test_mail_settings(tmp_path / "var"))
    looks: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "org_version" in statement:
            looks.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        mail = numbered(12)
        first = ingestor.ingest_batch([(raw, f"a{i}") for i, raw in enumerate(mail[:6])])
        assert [r.status for r in first] == [IngestStatus.INGESTED] * 6
        assert len(looks) == 1
        ingestor.ingest_batch([(raw, f"b{i}") for i, raw in enumerate(mail[6:])])
        assert len(looks) == 2
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
