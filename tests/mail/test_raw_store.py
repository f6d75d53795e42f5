"""The raw store: in the database (``PAKN_RAW_STORE=db``, shared by machines) or a local
directory (the default); and the fault drill of the directory's disk filling up."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from intake.db import Database
from intake.mail.config import MailConfigError, load_mail_settings
from intake.mail.ingest import MailIngestor
from intake.mail.models import MailIngest
from intake.mail.queue import QueuedMessage
from intake.mail.worker import MailWorker
from intake.services.complaints import IntakeService
from intake.storage import ContentStore, DatabaseStore, StoredBlob, sha256_hex
from tests.conftest import ROOT, skip_or_fail
from tests.harness.dovecot import DovecotServer
from tests.harness.smtp import SmtpPeer
from tests.mail.conftest import fixture_bytes, mailbox_env, test_mail_settings
from tests.mail.test_faults import assert_each_once, numbered
from tests.mail.test_roles import _prepared


def test_database_store_keeps_bytes_once_by_digest(db: Database) -> None:
    store = DatabaseStore(db, "raw")
    data = b"From: a@b\r\n\r\n" + bytes(range(256)) * 40  # every byte value, 10 KB
    digest = store.put(data)
    assert digest == sha256_hex(data) and store.put(data) == digest  # twice: once
    assert store.get(digest) == data
    assert DatabaseStore(db, "files").put(data) == digest  # another store, same bytes
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(StoredBlob)) == 2
    with pytest.raises(FileNotFoundError):
        store.get(sha256_hex(b"never stored"))


def test_database_store_takes_a_chunk_in_one_commit_and_reads_a_claim_in_one_query(
        db: Database, tmp_path: Path, statements: Counter[str]) -> None:
    """A fetched chunk of mail is stored in one transaction (not a commit per message)
    and a claim's bytes are read in one query; bytes stored already, or twice in the
    chunk, are kept once, in order; a digest nowhere is absent from the answer, and the
    files of the directory used before the switch to the database are still read."""
    before = ContentStore(tmp_path / "raw", ".eml", fsync=False)
    old = before.put(b"From: old@example.vn\r\n\r\nstored before the switch")
    store = DatabaseStore(db, "raw", fallback=before)
    known = store.put(b"From: a@example.vn\r\n\r\nalready here")
    chunk = [f"From: c{i}@example.vn\r\n\r\nthư {i}".encode() for i in range(30)]
    chunk += [chunk[0], b"From: a@example.vn\r\n\r\nalready here"]
    missing = sha256_hex(b"never stored")
    statements.clear()
    digests = store.put_many(chunk)
    assert digests == [sha256_hex(data) for data in chunk] and digests[-1] == known
    assert statements["COMMIT"] == 1
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(StoredBlob)) == 31
    statements.clear()
    found = store.get_many([*digests[:25], old, missing])
    assert _selects(statements) == 1
    assert found == {**dict(zip(digests[:25], chunk[:25], strict=True)),
                     old: b"From: old@example.vn\r\n\r\nstored before the switch"}
    assert store.put_many([]) == [] and store.get_many([]) == {}
    assert before.get_many([old, missing]) == {old: before.get(old)}


def test_a_claim_reads_its_raw_mail_in_one_query_and_drops_damaged_bytes(
        service: IntakeService, tmp_path: Path, statements: Counter[str]) -> None:
    """The worker reads a claim's raw bytes from the database store in one query; bytes
    that do not hash to their digest are not handed on (they are fetched again)."""
    db = service.db
    settings = test_mail_settings(tmp_path, PAKN_RAW_STORE="db")
    worker = MailWorker(MailIngestor(service, settings), settings)
    raws = numbered(5)
    digests = worker.ingestor.raw.put_many(raws)
    damaged = sha256_hex(b"what was stored")
    with db.transaction() as session:
        session.add(StoredBlob(store="raw", sha256=damaged, size=3, data=b"not"))
    claim = [QueuedMessage(i, i, 1, digest, f"imap:INBOX:1:{i}", 2, "genuine")
             for i, digest in enumerate([*digests, damaged, sha256_hex(b"lost")], 1)]
    statements.clear()
    stored = worker._stored_of(claim)
    assert _selects(statements) == 1
    assert stored == dict(zip(digests, raws, strict=True))


def _selects(statements: Counter[str]) -> int:
    """How many of the counted statements were SELECTs."""
    return sum(n for statement, n in statements.items() if statement.startswith("SELECT"))


def test_directory_store_makes_each_folder_once_and_again_when_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ``ab/cd`` folders are made once (not a mkdir per file); one removed behind the
    store's back (an operator's clean-up) is made again by the next write."""
    store = ContentStore(tmp_path / "raw", ".eml", fsync=False)
    made: list[Path] = []
    real_makedirs = os.makedirs

    def makedirs(path: str, *args: Any, **kwargs: Any) -> None:
        made.append(Path(path))
        real_makedirs(path, *args, **kwargs)

    monkeypatch.setattr(os, "makedirs", makedirs)
    digest = store.put(b"mail 0")
    path = store.path_of(digest)
    assert digest == sha256_hex(b"mail 0") and path.parent in made
    first = len(made)
    path.unlink()  # the folder stays: the next file there needs no mkdir
    assert store.put(b"mail 0") == digest and store.get(digest) == b"mail 0"
    assert len(made) == first
    path.unlink()
    path.parent.rmdir()  # removed behind the store's back: made again
    assert store.put(b"mail 0") == digest and store.get(digest) == b"mail 0"
    assert made[first:] == [path.parent]
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left


def test_a_message_read_back_from_the_store_is_not_stored_or_hashed_again(
        ingestor: MailIngestor, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker hands its ingest processes the bytes it read back from the raw store
    and checked against their digest: ingest records them under that digest without
    storing (or hashing) them again; bytes given without one are stored first, as ever."""
    queued, loose = fixture_bytes("vi_utf8_qp.eml"), fixture_bytes("vi_html_only.eml")
    digest = ingestor.raw.put(queued)
    stored: list[bytes] = []
    real_put = ingestor.raw.put

    def put(data: bytes) -> str:
        stored.append(data)
        return real_put(data)

    monkeypatch.setattr(ingestor.raw, "put", put)
    first, second = ingestor.ingest_batch([(queued, "imap:INBOX:1:1", digest),
                                           (loose, "file:loose.eml")])
    assert stored == [loose]  # only the bytes not stored yet
    with ingestor.db.reading() as session:
        records = {row.id: row.sha256 for row in session.scalars(select(MailIngest))}
    assert records == {first.ingest_id: digest, second.ingest_id: sha256_hex(loose)}
    assert ingestor.raw.get(sha256_hex(loose)) == loose


def test_raw_store_is_chosen_by_configuration(service: IntakeService, tmp_path: Path) -> None:
    assert isinstance(MailIngestor(service, test_mail_settings(tmp_path)).raw, ContentStore)
    db_settings = test_mail_settings(tmp_path, PAKN_RAW_STORE="db")
    ingestor = MailIngestor(service, db_settings)
    assert isinstance(ingestor.raw, DatabaseStore)
    raw = numbered(1)[0]
    result = ingestor.ingest(raw, "test")
    assert result.new and ingestor.raw.get(sha256_hex(raw)) == raw
    assert not db_settings.raw_dir.exists()  # nothing written to the local directory
    for good, store in (("DIR ", "dir"), ("", "dir"), ("Db", "db")):
        assert load_mail_settings({"PAKN_RAW_STORE": good}).raw_store == store
    for bad in ("s3", "database", "dir,db"):
        with pytest.raises(MailConfigError, match="PAKN_RAW_STORE"):
            load_mail_settings({"PAKN_RAW_STORE": bad})


def _mount_tmpfs(path: Path, size: str) -> None:
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        skip_or_fail(f"cannot mount a small tmpfs for the disk-full drill (needs root): "
                     f"{done.stderr.strip()}")


def _taken(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count(MailIngest.id))) or 0)


def test_raw_store_disk_full_loses_nothing_and_says_so(
        imap: DovecotServer, smtp: SmtpPeer, tmp_path: Path) -> None:
    """The raw store's disk fills up during a flood of 150 complaints (room for about
    60 files): the worker says so in its log and keeps every message in the mailbox
    that it has not taken; once space is freed it goes on, and each message is taken
    once."""
    if os.geteuid() != 0:
        skip_or_fail("the disk-full drill mounts a tmpfs: run as root")
    url = f"sqlite:///{tmp_path / 'pakn.db'}"
    service = _prepared(url, tmp_path)
    count = 150
    imap.append("hotline", numbered(count))
    raw_dir = tmp_path / "mail" / "raw"
    _mount_tmpfs(raw_dir, "256k")
    log_path = tmp_path / "worker.log"
    env = {**mailbox_env(imap, smtp, tmp_path), "PAKN_DATABASE_URL": url,
           "PAKN_MAIL_PROCESSES": "1", "PAKN_IMAP_FETCH_BATCH": "20"}
    try:
        with log_path.open("wb") as log:
            worker = subprocess.Popen(
                [sys.executable, "-m", "intake.cli", "mail", "poll"], cwd=ROOT,
                env={**os.environ, **env}, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=log)
            try:
                deadline = time.monotonic() + 600  # start-up on a busy machine included
                while time.monotonic() < deadline and worker.poll() is None and \
                        "disk full" not in log_path.read_text(errors="replace"):
                    time.sleep(0.2)
                text = log_path.read_text(errors="replace")
                assert f"disk full: No space left on device writing the raw store ({raw_dir})" \
                    in text, text[-2000:]
                assert worker.poll() is None  # it waits, it does not give up
                taken = _taken(service.db)
                inbox = imap.count("hotline", "INBOX")
                assert taken < count and inbox >= count - taken  # nothing left unsaved
                subprocess.run(["mount", "-o", "remount,size=16m", str(raw_dir)], check=True)
                deadline = time.monotonic() + 240
                while time.monotonic() < deadline and worker.poll() is None and \
                        imap.count("hotline", "Processed") < count:
                    time.sleep(0.3)
            finally:
                worker.terminate()
                worker.wait(timeout=300)
        assert worker.returncode == 0, log_path.read_text(errors="replace")[-2000:]
        assert_each_once(service.db, count)
        assert imap.count("hotline", "INBOX") == 0
        assert imap.count("hotline", "Processed") == count
    finally:
        subprocess.run(["umount", "-l", str(raw_dir)], check=False)
        service.db.dispose()
