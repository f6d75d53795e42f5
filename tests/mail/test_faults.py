"""Faults: the worker killed between fetch and commit, the IMAP connection dropped
mid-fetch. (SMTP down during intake is in test_mailbox.py.)"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, select

from intake.config import Settings
from intake.db import Database
from intake.mail.config import MailSettings
from intake.mail.ingest import MailIngestor
from intake.mail.models import MailIngest
from intake.mail.worker import MailWorker
from intake.models import Complaint, Message, Outbox
from intake.services.complaints import IntakeService
from tests.conftest import ROOT
from tests.harness.dovecot import DovecotServer
from tests.harness.smtp import SmtpPeer
from tests.harness.tcp_proxy import cutting_proxy
from tests.mail.conftest import fixture_bytes, mailbox_env


def numbered(count: int) -> list[bytes]:
    """``count`` distinct Vietnamese complaints (distinct Message-IDs and senders)."""
    base = fixture_bytes("vi_utf8_qp.eml")
    return [base.replace(b"vi-qp-1@", f"fault-{i}@".encode()).replace(
        b"nguyenvanan@", f"citizen{i}@".encode()) for i in range(count)]


def assert_each_once(db: Database, count: int) -> None:
    with db.reading() as session:
        ids = session.scalars(select(Message.external_id)).all()
        assert len(ids) == count and len(set(ids)) == count
        assert session.scalar(select(func.count(Complaint.id))) == count
        assert session.scalar(select(func.count(MailIngest.id))) == count
        assert session.scalar(select(func.count(Outbox.id))) == count


def _taken(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count(MailIngest.id))) or 0


def _wait_for_progress(db: Database, before: int, process: subprocess.Popen[bytes]) -> None:
    """Wait until the worker has committed something (start-up time varies), at most 60 s."""
    deadline = time.monotonic() + 60
    while _taken(db) == before and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)


def _routing_ready(service: IntakeService) -> None:
    """Train the routing classifier into the test's var dir now, so the workers started
    below load it instead of each training it (tens of seconds on a busy machine) while
    the test waits for their first message."""
    service.router()


def _worker(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "intake.cli", "mail", "poll", *args],
                            cwd=ROOT, env={**os.environ, **env}, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_worker_killed_between_fetch_and_commit_takes_each_message_once(
        imap: DovecotServer, smtp: SmtpPeer, settings: Settings, db: Database,
        database_url: str, service: IntakeService) -> None:
    count = 300
    _routing_ready(service)
    imap.append("hotline", numbered(count))
    env = {**mailbox_env(imap, smtp, settings.var_dir), "PAKN_DATABASE_URL": database_url,
           "PAKN_IMAP_FETCH_BATCH": "25"}
    rng = random.Random(5)
    kills = 0
    progress: list[int] = []
    for _ in range(6):
        before = _taken(db)
        process = _worker(env)
        _wait_for_progress(db, before, process)
        # soon after a message lands: a fast machine took all 300 within 0.4 s
        time.sleep(rng.uniform(0.01, 0.1))
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills += 1
        done = _taken(db)
        progress.append(done)
        if done >= count:
            break
    finished = _worker(env, "--once")
    _, stderr = finished.communicate(timeout=300)
    assert finished.returncode == 0, stderr.decode()[-2000:]
    print(f"\n{kills} SIGKILLs during intake of {count} messages; taken after each: {progress}")
    assert any(0 < done < count for done in progress), progress
    assert_each_once(db, count)
    assert imap.count("hotline", "INBOX") == 0
    assert imap.count("hotline", "Processed") == count


def test_sigterm_ends_the_worker_waiting_in_idle_cleanly(
        imap: DovecotServer, smtp: SmtpPeer, settings: Settings, db: Database,
        database_url: str, service: IntakeService) -> None:
    count = 20
    _routing_ready(service)
    env = {**mailbox_env(imap, smtp, settings.var_dir), "PAKN_DATABASE_URL": database_url,
           "PAKN_IMAP_IDLE_TIMEOUT": "600"}
    process = _worker(env)
    imap.append("hotline", numbered(count))
    deadline = time.monotonic() + 90
    while _taken(db) < count and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    while imap.count("hotline", "Processed") < count and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.5)  # back in IDLE, which would otherwise last ten minutes
    asked = time.monotonic()
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    stopped_in = time.monotonic() - asked
    assert process.returncode == 0, stderr.decode()[-2000:]
    assert stopped_in < 20, f"stopping took {stopped_in:.1f} s"
    assert b"Traceback" not in stderr
    assert_each_once(db, count)
    assert imap.count("hotline", "INBOX") == 0


def test_imap_connection_dropped_mid_fetch_resumes(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database) -> None:
    count = 60
    imap.append("hotline", numbered(count))
    with cutting_proxy(imap.port, cut_after=30_000, cuts=2) as proxy:
        settings = replace(live_settings, imap_port=proxy.port, fetch_batch=20)
        worker = MailWorker(MailIngestor(service, settings), settings)
        thread = threading.Thread(target=worker.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and service.count() < count:
            time.sleep(0.1)
        worker.stop.set()
        thread.join(timeout=30)
        assert proxy.cuts_done >= 1 and proxy.connections >= 2
    assert_each_once(db, count)
    assert imap.count("hotline", "INBOX") == 0


def test_cli_ingest_and_quarantine(tmp_path: Path, settings: Settings, db: Database,
                                   database_url: str) -> None:
    env = {**os.environ, "PAKN_DATABASE_URL": database_url,
           "PAKN_VAR_DIR": str(settings.var_dir)}
    garbage = tmp_path / "garbage.eml"
    garbage.write_bytes(b"\r\n\r\n")
    mbox = tmp_path / "two.mbox"
    mbox.write_bytes(b"From a@b Mon Jan  1 00:00:00 2025\n" + fixture_bytes("vi_html_only.eml")
                     + b"\nFrom a@b Mon Jan  1 00:00:00 2025\n"
                     + fixture_bytes("vi_windows1258.eml") + b"\n")
    files = [str(Path(__file__).parent / "fixtures" / "vi_utf8_qp.eml"), str(mbox),
             str(garbage)]

    def pakn(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "intake.cli", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120, check=False)

    result = pakn("mail", "ingest", *files)
    assert result.returncode == 0, result.stderr
    assert "ingested 3" in result.stdout and "quarantined 1" in result.stdout
    listed = pakn("mail", "quarantine", "list")
    assert "ParseError" in listed.stdout and "1 quarantined" in listed.stdout
    ingest_id = listed.stdout.split()[0].lstrip("#")
    retried = pakn("mail", "quarantine", "retry", ingest_id)
    assert retried.returncode == 1 and "quarantined" in retried.stdout
    assert pakn("mail", "quarantine", "retry", "99999").returncode == 1
