"""Attachments follow the raw store: with ``PAKN_RAW_STORE=db`` an ingest worker on one
machine stores a mail's attachments in the database and a console on another machine
(another ``PAKN_VAR_DIR``) serves them, with the department check unchanged; the local
directory stays the default; files stored there before a switch stay readable (a
fallback read on that machine, ``pakn db copy-files`` for the others); a database that
refuses the write is the system's error: the mail waits in the mailbox and is taken once
when the database is back."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import OperationalError

from intake.config import load_settings
from intake.console.auth import Accounts
from intake.console.models import Role
from intake.db import Database
from intake.mail.config import load_mail_settings
from intake.mail.ingest import MailIngestor
from intake.mail.worker import MailWorker
from intake.models import Attachment, Complaint
from intake.services.attachments import AttachmentService
from intake.services.complaints import IntakeService
from intake.storage import ATTACHMENTS, ContentStore, DatabaseStore, StoredBlob, sha256_hex
from tests.conftest import ROOT
from tests.console.conftest import PASSWORD
from tests.console.test_security import login
from tests.core.conftest import _fresh_postgres_db
from tests.core.factories import file_complaint
from tests.harness.console import start_console
from tests.harness.dovecot import DovecotServer
from tests.harness.smtp import SmtpPeer
from tests.mail.conftest import TEST_LIMIT, mailbox_env
from tests.mail.test_roles import _prepared

# A scanned record the citizen sends with the complaint: every byte value, 24 KB.
PDF = b"%PDF-1.4\n% bi\xc3\xaan b\xe1\xba\xa3n\n" + bytes(range(256)) * 96 + b"\n%%EOF\n"
PHOTO = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(255, -1, -1)) * 40 + b"\xff\xd9"
HUGE = b"%PDF-1.4\n" + b"0" * (TEST_LIMIT + 1)  # over PAKN_MAIL_MAX_ATTACHMENT_BYTES
OTHER_QUEUE = "SO_TAI_CHINH"


def complaint_mail(number: int, files: list[tuple[str, str, bytes]]) -> bytes:
    """A citizen's complaint to the hotline carrying ``files`` (name, type, bytes)."""
    mail = EmailMessage()
    mail["From"] = f"Nguyễn Văn An {number} <citizen{number}@example.vn>"
    mail["To"] = "thutuchanhchinh@bacgiang.gov.vn"
    mail["Subject"] = "Phản ánh cống thoát nước thôn Đông bị tắc gây ngập"
    mail["Date"] = "Mon, 12 May 2025 08:30:00 +0700"
    mail["Message-ID"] = f"<shared-files-{number}@example.vn>"
    mail.set_content("Kính gửi Đường dây nóng,\n\nCống thoát nước thôn Đông, xã Bích Động, "
                     "huyện Việt Yên bị tắc hơn một tháng, mưa xuống nước tràn vào nhà dân. "
                     f"Tôi gửi kèm biên bản và ảnh chụp hiện trường (thư số {number}).\n\n"
                     "Trân trọng.\nNguyễn Văn An")
    for name, kind, data in files:
        maintype, _, subtype = kind.partition("/")
        mail.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return mail.as_bytes()


def _pakn(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "intake.cli", *args], cwd=ROOT,
                            env={**os.environ, **env}, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _until(condition: Callable[[], bool], processes: list[subprocess.Popen[bytes]],
           timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not condition() \
            and all(p.poll() is None for p in processes):
        time.sleep(0.2)


def _stop(processes: list[subprocess.Popen[bytes]]) -> list[str]:
    for process in processes:
        process.terminate()
    return [process.communicate(timeout=120)[1].decode(errors="replace")
            for process in processes]


def _files(db: Database) -> list[tuple[str, str, str, int, str]]:
    """(complaint code, queue, file name, attachment id, digest) of every attachment."""
    with db.reading() as session:
        return [tuple(row) for row in session.execute(
            select(Complaint.code, Complaint.queue_code, Attachment.filename, Attachment.id,
                   Attachment.sha256).join(Complaint, Complaint.id == Attachment.complaint_id)
            .order_by(Attachment.id))]


def _stored(db: Database, store: str) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(StoredBlob).where(
            StoredBlob.store == store)) or 0)


def _local_files(var_dir: Path) -> list[Path]:
    folder = var_dir / "attachments"
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.fixture
def fresh_pg(pg_url: str) -> str:
    """A new, migrated-later PostgreSQL database of the session's server."""
    return _fresh_postgres_db(pg_url)


@pytest.mark.parametrize("backend", [pytest.param("db", marks=pytest.mark.postgres), "dir"])
def test_an_attachment_ingested_on_one_machine_is_downloaded_from_a_console_on_another(
        backend: str, imap: DovecotServer, smtp: SmtpPeer, request: pytest.FixtureRequest,
        tmp_path: Path) -> None:
    """``db``: the mailbox's fetcher, the ingest worker and the console each run with their
    own ``PAKN_VAR_DIR`` (three machines) on one PostgreSQL. ``dir`` (the default): one
    machine, one ``var/``; the same download works from the directory."""
    fetch_dir, ingest_dir = tmp_path / "fetcher", tmp_path / "ingester"
    console_dir = tmp_path / "console" if backend == "db" else ingest_dir
    url = (_fresh_postgres_db(request.getfixturevalue("pg_url")) if backend == "db"
           else f"sqlite:///{tmp_path / 'pakn.db'}")
    service = _prepared(url, ingest_dir)  # the router is trained where the ingest runs
    imap.append("hotline", [
        complaint_mail(1, [("biên bản.pdf", "application/pdf", PDF),
                           ("hiện trường.jpg", "image/jpeg", PHOTO)]),
        complaint_mail(2, [("bien-ban-ban-sao.pdf", "application/pdf", PDF),  # same bytes
                           ("qua-lon.pdf", "application/pdf", HUGE)])])  # set aside
    common = {"PAKN_DATABASE_URL": url, "PAKN_MAIL_PROCESSES": "1",
              "PAKN_RAW_STORE": backend}
    if backend == "db":  # a fetcher and an ingest worker, as on two machines
        processes = [_pakn({**mailbox_env(imap, smtp, fetch_dir), **common}, "mail", "fetch"),
                     _pakn({**mailbox_env(imap, smtp, ingest_dir), **common},
                           "mail", "ingest-worker")]
    else:
        processes = [_pakn({**mailbox_env(imap, smtp, ingest_dir), **common}, "mail", "poll")]
    try:
        _until(lambda: imap.count("hotline", "Processed") >= 2, processes, 300)
    finally:
        errors = _stop(processes)
    assert all(p.returncode == 0 for p in processes), [e[-1500:] for e in errors]
    assert imap.count("hotline", "Processed") == 2
    db = service.db
    files = _files(db)
    assert sorted(name for _, _, name, _, _ in files) == [
        "bien-ban-ban-sao.pdf", "biên bản.pdf", "hiện trường.jpg"]  # the huge one set aside
    digests = {digest for *_, digest in files}
    assert digests == {sha256_hex(PDF), sha256_hex(PHOTO)}
    if backend == "db":
        assert _stored(db, ATTACHMENTS) == 2  # content-addressed: the PDF stored once
        for var_dir in (fetch_dir, ingest_dir):
            assert _local_files(var_dir) == []  # nothing written to any machine's disk
    else:
        assert _stored(db, ATTACHMENTS) == 0
        assert len(_local_files(ingest_dir)) == 2
    (code, queue, _, pdf_id, _) = next(f for f in files if f[2] == "biên bản.pdf")
    photo_id = next(f[3] for f in files if f[2] == "hiện trường.jpg")
    accounts = Accounts(db)
    accounts.add_user("alice", PASSWORD, Role.STAFF, [queue])
    other = OTHER_QUEUE if queue != OTHER_QUEUE else "SO_TU_PHAP"
    accounts.add_user("bob", PASSWORD, Role.STAFF, [other])
    db.dispose()

    with start_console(url, console_dir, {"PAKN_RAW_STORE": backend}) as console, \
            httpx.Client(base_url=console.url, timeout=30.0, trust_env=False) as alice, \
            httpx.Client(base_url=console.url, timeout=30.0, trust_env=False) as bob:
        login(alice, "alice")
        pdf = alice.get(f"/complaints/{code}/attachments/{pdf_id}")
        assert pdf.status_code == 200, pdf.text[:300]
        assert pdf.content == PDF
        assert pdf.headers["content-type"] == "application/octet-stream"
        assert pdf.headers["content-disposition"] == (
            "attachment; filename*=UTF-8''bi%C3%AAn%20b%E1%BA%A3n.pdf")
        assert pdf.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in pdf.headers["content-security-policy"]
        photo = alice.get(f"/complaints/{code}/attachments/{photo_id}")
        assert photo.status_code == 200 and photo.content == PHOTO
        assert photo.headers["content-type"] == "image/jpeg"
        assert photo.headers["content-disposition"].startswith("inline;")
        assert alice.get(f"/complaints/{code}/attachments/{pdf_id + 1000}").status_code == 404
        # Staff of another department see nothing of it, whichever store holds it.
        login(bob, "bob")
        refused = bob.get(f"/complaints/{code}/attachments/{pdf_id}")
        assert refused.status_code == 403 and PDF[:16] not in refused.content
    if backend == "db":
        assert _local_files(console_dir) == []


def _settings_env(url: str, var_dir: Path, store: str) -> dict[str, str]:
    return {"PAKN_DATABASE_URL": url, "PAKN_VAR_DIR": str(var_dir), "PAKN_RAW_STORE": store}


def test_files_stored_in_the_directory_stay_readable_after_the_switch_to_the_database(
        database_url: str, db: Database, tmp_path: Path) -> None:
    """Before the switch a Telegram photo went to ``var/attachments`` of machine A. After
    it, A still reads it (fallback); machine B does not, until ``pakn db copy-files`` on
    A copies it (and the raw mail) into the table; the command is idempotent and refuses
    a damaged file instead of storing it under a digest it does not have."""
    machine_a, machine_b = tmp_path / "a", tmp_path / "b"
    before = AttachmentService(db, load_settings(_settings_env(database_url, machine_a,
                                                                "dir")))
    service = IntakeService(db, load_settings(_settings_env(database_url, machine_a, "dir")))
    code = file_complaint(service).code
    view = before.add(code, PHOTO, "anh.jpg", "image/jpeg", "citizen:test")
    damaged = before.add(code, PDF, "bien-ban.pdf", "application/pdf", "citizen:test")
    raw = ContentStore(machine_a / "mail" / "raw", ".eml", fsync=False)
    raw_digest = raw.put(b"Subject: old\r\n\r\nraw mail kept before the switch\r\n")
    on_a = AttachmentService(db, load_settings(_settings_env(database_url, machine_a, "db")))
    on_b = AttachmentService(db, load_settings(_settings_env(database_url, machine_b, "db")))
    assert isinstance(on_a.store, DatabaseStore) and on_a.local_path(view) is None
    assert on_a.read(view) == PHOTO  # the fallback read on the machine that has it
    with pytest.raises(FileNotFoundError):
        on_b.read(view)
    # A disk error on A flipped one byte of the PDF: its name no longer matches it.
    pdf_path = ContentStore(machine_a / "attachments").path_of(damaged.sha256)
    pdf_path.write_bytes(PDF[:-1] + b"?")

    def copy_files() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "intake.cli", "db", "copy-files"],
                              cwd=ROOT, capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL,
                              env={**os.environ, **_settings_env(database_url, machine_a,
                                                                 "db")})
    first = copy_files()
    assert first.returncode == 1, first.stderr[-1500:]
    assert "raw" in first.stdout and "copied 1," in first.stdout
    assert "attachments" in first.stdout and f"not copied (its bytes do not match its name): " \
        f"{pdf_path}" in first.stderr
    assert on_b.read(view) == PHOTO  # machine B reads it from the database now
    assert DatabaseStore(db, "raw").get(raw_digest).startswith(b"Subject: old")
    with pytest.raises(FileNotFoundError):
        on_b.read(damaged)  # never stored under a digest it does not have
    pdf_path.unlink()
    again = copy_files()
    assert again.returncode == 0, again.stderr[-1500:]
    assert again.stdout.count("copied 0, already in the database 1, not copied 0") == 2
    assert _stored(db, ATTACHMENTS) == 1 and _stored(db, "raw") == 1


@pytest.mark.postgres
def test_a_database_refusing_the_attachment_leaves_the_mail_in_the_mailbox_then_takes_it_once(
        imap: DovecotServer, smtp: SmtpPeer, fresh_pg: str, tmp_path: Path) -> None:
    """The database's disk is full for the attachments (a trigger raising SQLSTATE 53100,
    as PostgreSQL does): the ingest fails as the system's error, nothing of the message
    is recorded and it stays in the mailbox; once the database accepts writes again the
    next pass takes it, once, with its file readable from another machine."""
    url = fresh_pg
    service = _prepared(url, tmp_path / "worker")
    imap.append("hotline", [complaint_mail(7, [("bien-ban.pdf", "application/pdf", PDF)])])
    env = {**mailbox_env(imap, smtp, tmp_path / "worker"), "PAKN_DATABASE_URL": url,
           "PAKN_RAW_STORE": "db", "PAKN_MAIL_PROCESSES": "1"}
    settings = replace(load_mail_settings(env, service.settings), processes=1)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("""
            CREATE FUNCTION refuse_files() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.store = 'attachments' THEN
                RAISE EXCEPTION 'could not extend file: No space left on device'
                  USING ERRCODE = 'disk_full';
              END IF;
              RETURN NEW;
            END $$"""))
        conn.execute(text("CREATE TRIGGER refuse_files BEFORE INSERT ON stored_blobs "
                          "FOR EACH ROW EXECUTE FUNCTION refuse_files()"))
    try:
        worker = MailWorker(MailIngestor(service, settings), settings)
        with pytest.raises(OperationalError, match="No space left"):
            worker.run(once=True, max_failures=0)
        assert service.count() == 0 and _files(service.db) == []
        assert imap.count("hotline", "INBOX") == 1  # not acknowledged: still there
        with admin.connect() as conn:
            conn.execute(text("DROP TRIGGER refuse_files ON stored_blobs"))
        worker = MailWorker(MailIngestor(service, settings), settings)
        worker.run(once=True, max_failures=0)
        worker.run(once=True, max_failures=0)  # a second pass changes nothing
    finally:
        admin.dispose()
    assert imap.count("hotline", "INBOX") == 0 and imap.count("hotline", "Processed") == 1
    assert service.count() == 1
    ((code, _, name, _, digest),) = _files(service.db)
    assert name == "bien-ban.pdf" and digest == sha256_hex(PDF)
    elsewhere = AttachmentService(service.db, load_settings(
        _settings_env(url, tmp_path / "console", "db")))
    (view,) = elsewhere.list(code)
    assert elsewhere.read(view) == PDF
    service.db.dispose()
