"""Mail intake split at the raw store: one fetcher per mailbox (``pakn mail fetch``) and
ingest workers (``pakn mail ingest-worker``) as separate processes, as ``pakn run``
starts them with ``PAKN_MAIL_ROLES``; and the fault drill of PostgreSQL restarted while
they ingest."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from intake.assistant.training import model_path
from intake.config import load_settings
from intake.db import Database, upgrade
from intake.mail.models import MailQueued
from intake.org.data_files import read_organisation
from intake.org.loader import load_organisation
from intake.runner import MailRolesError, mail_roles, mail_specs
from intake.services.complaints import IntakeService
from intake.storage import StoredBlob
from tests.conftest import ROOT, skip_or_fail
from tests.harness.dovecot import DovecotServer
from tests.harness.postgres import (
    PostgresServer,
    PostgresUnavailableError,
    _start,
    _stop,
    find_pg_bin,
    postgres_server,
)
from tests.harness.smtp import SmtpPeer
from tests.mail.conftest import mailbox_env
from tests.mail.test_faults import assert_each_once, numbered
from tests.mail.test_triage import flood


def test_roles_from_the_environment(tmp_path: Path) -> None:
    settings = load_settings({"PAKN_VAR_DIR": str(tmp_path), "PAKN_IMAP_HOST": "imap.x",
                              "PAKN_DATABASE_URL": "postgresql+psycopg://u@db.x/pakn"})
    names = [s.name for s in mail_specs(settings, {})]
    assert names == ["mail"]  # the embedded default: `pakn mail poll`
    split = mail_specs(settings, {"PAKN_MAIL_ROLES": "fetch, ingest",
                                  "PAKN_MAIL_INGEST_WORKERS": "3"})
    assert [s.name for s in split] == ["mail-fetch", "mail-ingest-1", "mail-ingest-2",
                                       "mail-ingest-3"]
    assert split[0].command[-2:] == ["mail", "fetch"]
    assert split[1].command[-2:] == ["mail", "ingest-worker"]
    # An ingest machine needs no mailbox; a fetcher does.
    no_imap = load_settings({"PAKN_VAR_DIR": str(tmp_path),
                             "PAKN_DATABASE_URL": "postgresql+psycopg://u@db.x/pakn"})
    assert [s.name for s in mail_specs(no_imap, {"PAKN_MAIL_ROLES": "ingest"})] == [
        "mail-ingest-1"]
    assert mail_specs(no_imap, {"PAKN_MAIL_ROLES": "fetch"}) == []
    assert mail_specs(no_imap, {}) == []
    for bad in ({"PAKN_MAIL_ROLES": "fetch,poll"}, {"PAKN_MAIL_ROLES": "ingest",
                                                    "PAKN_MAIL_INGEST_WORKERS": "0"},
                {"PAKN_MAIL_INGEST_WORKERS": "two"}):
        with pytest.raises(MailRolesError, match="PAKN_MAIL_"):
            mail_roles(bad)


def test_sqlite_refuses_several_or_ingest_only_workers(tmp_path: Path) -> None:
    """SQLite's claim takes no lock: two ingest workers would take the same rows."""
    sqlite = load_settings({"PAKN_VAR_DIR": str(tmp_path), "PAKN_IMAP_HOST": "imap.x",
                            "PAKN_DATABASE_URL": f"sqlite:///{tmp_path / 'pakn.db'}"})
    assert [s.name for s in mail_specs(sqlite, {})] == ["mail"]
    assert [s.name for s in mail_specs(sqlite, {"PAKN_MAIL_ROLES": "fetch,ingest"})] == [
        "mail-fetch", "mail-ingest-1"]
    with pytest.raises(MailRolesError, match="PAKN_MAIL_INGEST_WORKERS=2 needs PostgreSQL"):
        mail_specs(sqlite, {"PAKN_MAIL_ROLES": "fetch,ingest",
                            "PAKN_MAIL_INGEST_WORKERS": "2"})
    with pytest.raises(MailRolesError, match="PAKN_MAIL_ROLES=ingest needs PostgreSQL"):
        mail_specs(sqlite, {"PAKN_MAIL_ROLES": "ingest"})


@pytest.mark.parametrize(("env", "named"), [
    ({"PAKN_MAIL_INGEST_WORKERS": "two"}, "PAKN_MAIL_INGEST_WORKERS must be a whole"),
    ({"PAKN_MAIL_ROLES": "fetch,poll"}, "PAKN_MAIL_ROLES: unknown role(s) poll"),
    ({"PAKN_MAIL_ROLES": "ingest"}, "PAKN_MAIL_ROLES=ingest needs PostgreSQL"),
])
def test_pakn_run_refuses_bad_mail_roles_before_anything_runs(
        tmp_path: Path, env: dict[str, str], named: str) -> None:
    if not model_path(ROOT).is_file():
        skip_or_fail("no trained assistant in models/ (pakn run checks it first)")
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("PAKN_", "TELEGRAM_"))}
    done = subprocess.run(
        [sys.executable, "-m", "intake.runner"], cwd=ROOT, capture_output=True, text=True,
        timeout=120, stdin=subprocess.DEVNULL,
        env={**clean, "PAKN_VAR_DIR": str(tmp_path), **env,
             "PAKN_DATABASE_URL": f"sqlite:///{tmp_path / 'pakn.db'}"})
    assert done.returncode == 2, done.stderr[-2000:]
    assert named in done.stderr and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert "deleted" not in done.stdout  # nothing ran, the pruning included


def _pakn(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "intake.cli", "mail", *args], cwd=ROOT,
                            env={**os.environ, **env}, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _count(url: str) -> int:
    check = Database(url)
    try:
        with check.reading() as session:
            from intake.mail.models import MailIngest
            return int(session.scalar(select(func.count(MailIngest.id))) or 0)
    finally:
        check.dispose()


def _stop_all(processes: list[subprocess.Popen[bytes]]) -> list[str]:
    errors = []
    for process in processes:
        process.terminate()
    for process in processes:
        _, stderr = process.communicate(timeout=120)
        errors.append(stderr.decode(errors="replace"))
    return errors


@pytest.fixture
def own_pg() -> Iterator[PostgresServer]:
    """A PostgreSQL cluster of this test alone (it is restarted)."""
    try:
        with postgres_server(databases=["roles"]) as server:
            yield server
    except PostgresUnavailableError as exc:
        skip_or_fail(str(exc))


def _prepared(url: str, var_dir: Path) -> IntakeService:
    upgrade(url)
    db = Database(url)
    load_organisation(db, read_organisation(), source="test")
    service = IntakeService(db, load_settings({"PAKN_DATABASE_URL": url,
                                               "PAKN_VAR_DIR": str(var_dir)}))
    service.router()  # trained once into var/, loaded by the workers
    return service


def _wait(condition: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not condition():  # type: ignore[operator]
        time.sleep(0.1)


def test_fetcher_and_two_ingest_workers_take_each_message_once_across_a_postgres_restart(
        imap: DovecotServer, smtp: SmtpPeer, own_pg: PostgresServer, tmp_path: Path) -> None:
    url = own_pg.url("roles")
    service = _prepared(url, tmp_path)
    citizens = 150
    imap.append("hotline", [*flood(100, "roles"), *numbered(citizens)])
    total = 100 + citizens
    # The raw store in the database, as machines sharing one PostgreSQL run it.
    env = {**mailbox_env(imap, smtp, tmp_path), "PAKN_DATABASE_URL": url,
           "PAKN_MAIL_PROCESSES": "1", "PAKN_IMAP_FETCH_BATCH": "25", "PAKN_RAW_STORE": "db"}
    fetcher = _pakn(env, "fetch")
    workers = [_pakn(env, "ingest-worker") for _ in range(2)]
    processes = [fetcher, *workers]
    try:
        _wait(lambda: _count(url) >= 20 or any(p.poll() is not None for p in processes), 120)
        taken_before = _count(url)
        assert 0 < taken_before < total, taken_before
        bin_dir = find_pg_bin()
        assert bin_dir is not None
        _stop(bin_dir, own_pg)  # PostgreSQL goes away in the middle of ingest …
        time.sleep(3)
        assert all(p.poll() is None for p in processes)  # … nobody gives up …
        _start(bin_dir, own_pg)  # … and comes back on the same port
        _wait(lambda: imap.count("hotline", "Processed") + imap.count(
            "hotline", "Quarantine") >= total, 240)
    finally:
        errors = _stop_all(processes)
    assert all(p.returncode == 0 for p in processes), [e[-1500:] for e in errors]
    # The operator is told what happened, in one line, and that it is retried.
    assert any("retrying in" in e and "OperationalError" in e for e in errors), \
        [e[-1500:] for e in errors]
    assert imap.count("hotline", "INBOX") == 0
    assert imap.count("hotline", "Processed") == total
    db = Database(url)
    try:
        assert _count(url) == total  # each message taken once: no ingest record twice
        assert service.count() == citizens  # the flood recorded, never filed
        with db.reading() as session:
            assert session.scalars(select(MailQueued)).all() == []
            assert session.scalar(select(func.count()).select_from(StoredBlob).where(
                StoredBlob.store == "raw")) == total
        assert not (tmp_path / "mail" / "raw").exists()
    finally:
        db.dispose()
    service.db.dispose()


def test_fetcher_and_ingest_worker_processes_on_sqlite(
        imap: DovecotServer, smtp: SmtpPeer, tmp_path: Path) -> None:
    """The embedded database with one ingest worker: the same exactly-once outcome."""
    url = f"sqlite:///{tmp_path / 'pakn.db'}"
    service = _prepared(url, tmp_path)
    count = 60
    imap.append("hotline", numbered(count))
    env = {**mailbox_env(imap, smtp, tmp_path), "PAKN_DATABASE_URL": url,
           "PAKN_MAIL_PROCESSES": "1"}
    processes = [_pakn(env, "fetch"), _pakn(env, "ingest-worker")]
    try:
        _wait(lambda: imap.count("hotline", "Processed") >= count
              or any(p.poll() is not None for p in processes), 180)
    finally:
        errors = _stop_all(processes)
    assert all(p.returncode == 0 for p in processes), [e[-1500:] for e in errors]
    assert_each_once(service.db, count)
    assert imap.count("hotline", "INBOX") == 0
    service.db.dispose()
