"""TLS and STARTTLS against a real Dovecot and a real SMTP peer (aiosmtpd), with a test
CA made by openssl: the certificate is always verified (against PAKN_IMAP_CA_FILE /
PAKN_SMTP_CA_FILE), a wrong CA is a clear error retried with backoff, never a fallback
to plain; plain itself needs PAKN_MAIL_ALLOW_PLAIN=1."""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from intake.config import Settings
from intake.db import Database
from intake.delivery.config import mail_dispatcher
from intake.mail.config import MailConfigError, MailSettings, Security, load_mail_settings
from intake.mail.ingest import MailIngestor
from intake.mail.worker import MailWorker
from intake.models import Outbox, OutboxStatus
from intake.services.complaints import IntakeService
from tests.conftest import skip_or_fail
from tests.harness.dovecot import DovecotServer, DovecotUnavailableError, TlsFiles, dovecot_server
from tests.harness.smtp import SmtpPeer, smtp_peer
from tests.mail.conftest import fixture_bytes, mailbox_env

NEW_MAIL = ["vi_utf8_qp.eml", "vi_windows1258.eml"]


@pytest.fixture
def tls_imap(request: pytest.FixtureRequest, tls_files: TlsFiles) -> Iterator[DovecotServer]:
    """Dovecot with ``ssl = required`` (implicit TLS port, STARTTLS) or ``ssl = yes``
    (STARTTLS, plain login still possible), as the test's parameter says."""
    try:
        with dovecot_server({"hotline": "hotline-secret"}, ssl=request.param,
                            tls=tls_files) as server:
            yield server
    except DovecotUnavailableError as exc:
        skip_or_fail(str(exc))


@pytest.fixture
def tls_smtp(tls_files: TlsFiles) -> Iterator[SmtpPeer]:
    """An SMTP peer that requires STARTTLS with the test certificate."""
    with smtp_peer(tls=tls_files) as peer:
        yield peer


def _settings(imap: DovecotServer, smtp: SmtpPeer, var_dir: Path, **env: str) -> MailSettings:
    base = mailbox_env(imap, smtp, var_dir)
    del base["PAKN_MAIL_ALLOW_PLAIN"]  # nothing here may be plain
    base.update({"PAKN_MAIL_PROCESSES": "1", **env})
    return load_mail_settings(base)


def _imap_env(imap: DovecotServer, security: str, ca: Path) -> dict[str, str]:
    port = imap.tls_port if security == "tls" else imap.port
    return {"PAKN_IMAP_SECURITY": security, "PAKN_IMAP_PORT": str(port),
            "PAKN_IMAP_CA_FILE": str(ca), "PAKN_SMTP_SECURITY": "starttls"}


@pytest.mark.parametrize(("tls_imap", "security"), [
    ("required", "tls"), ("required", "starttls"), ("yes", "starttls")],
    indirect=["tls_imap"])
def test_worker_reads_the_mailbox_over_tls(
        tls_imap: DovecotServer, tls_smtp: SmtpPeer, tls_files: TlsFiles, security: str,
        settings: Settings, service: IntakeService, db: Database) -> None:
    tls_imap.append("hotline", [fixture_bytes(n) for n in NEW_MAIL])
    live = _settings(tls_imap, tls_smtp, settings.var_dir,
                     **_imap_env(tls_imap, security, tls_files.ca),
                     PAKN_SMTP_CA_FILE=str(tls_files.ca))
    assert live.imap_security is Security(security)
    stats = MailWorker(MailIngestor(service, live), live).run(once=True, max_failures=0)
    assert stats.processed == 2 and service.count() == 2
    assert tls_imap.count("hotline", "INBOX") == 0
    assert tls_imap.count("hotline", "Processed") == 2
    # … and the acknowledgements leave over STARTTLS, verified against the same CA.
    assert asyncio.run(mail_dispatcher(db, live).send_due()) == 2
    assert len(tls_smtp.wait_for(2)) == 2


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_wrong_ca_is_a_clear_error_retried_never_plain(
        tls_files: TlsFiles, other_ca: TlsFiles, security: str, settings: Settings,
        service: IntakeService, caplog: pytest.LogCaptureFixture) -> None:
    with dovecot_server({"hotline": "hotline-secret"}, ssl="required",
                        tls=tls_files) as imap, smtp_peer(tls=tls_files) as smtp:
        imap.append("hotline", [fixture_bytes(NEW_MAIL[0])])
        live = _settings(imap, smtp, settings.var_dir,
                         **_imap_env(imap, security, other_ca.ca))
        worker = MailWorker(MailIngestor(service, live), live)
        before = len(imap.log_path.read_text(errors="replace"))
        with caplog.at_level(logging.WARNING, logger="intake.mail.worker"), \
                pytest.raises(ssl.SSLCertVerificationError):
            worker.run(max_failures=1)
        retries = [r.getMessage() for r in caplog.records if "retrying" in r.getMessage()]
        assert len(retries) == 1
        assert "not trusted" in retries[0] and "PAKN_IMAP_CA_FILE" in retries[0]
        assert "hotline-secret" not in caplog.text
        # Dovecot saw the handshakes fail and no login at all (no plaintext fallback).
        seen = imap.log_path.read_text(errors="replace")[before:]
        assert "unknown ca" in seen and "Login:" not in seen
        assert service.count() == 0 and imap.count("hotline", "INBOX") == 1


def test_starttls_not_offered_is_refused_not_plain(
        imap: DovecotServer, smtp: SmtpPeer, tls_files: TlsFiles, settings: Settings,
        service: IntakeService, caplog: pytest.LogCaptureFixture) -> None:
    imap.append("hotline", [fixture_bytes(NEW_MAIL[0])])  # ``imap`` has ssl = no
    live = _settings(imap, smtp, settings.var_dir,
                     **_imap_env(imap, "starttls", tls_files.ca))
    before = len(imap.log_path.read_text(errors="replace"))
    with caplog.at_level(logging.WARNING, logger="intake.mail.worker"), \
            pytest.raises(Exception) as raised:
        MailWorker(MailIngestor(service, live), live).run(max_failures=0)
    assert "tls" in str(raised.value).lower()
    assert "Login:" not in imap.log_path.read_text(errors="replace")[before:]
    assert service.count() == 0 and imap.count("hotline", "INBOX") == 1


def test_outbox_wrong_ca_keeps_the_row_for_a_retry(
        ingestor: MailIngestor, tls_smtp: SmtpPeer, tls_files: TlsFiles, other_ca: TlsFiles,
        settings: Settings, db: Database) -> None:
    ingestor.ingest(fixture_bytes(NEW_MAIL[0]), "t")
    env = {"PAKN_VAR_DIR": str(settings.var_dir), "PAKN_SMTP_HOST": "127.0.0.1",
           "PAKN_SMTP_PORT": str(tls_smtp.port), "PAKN_SMTP_SECURITY": "starttls",
           "PAKN_IMAP_SECURITY": "tls", "PAKN_SMTP_RETRY_SECONDS": "0.05"}
    wrong = load_mail_settings({**env, "PAKN_SMTP_CA_FILE": str(other_ca.ca)})
    assert asyncio.run(mail_dispatcher(db, wrong).send_due()) == 0
    with db.reading() as session:
        row = session.scalars(select(Outbox)).one()
        assert row.status == OutboxStatus.PENDING and row.attempts == 1
        assert row.last_error and "not trusted" in row.last_error
        assert "PAKN_SMTP_CA_FILE" in row.last_error
    assert tls_smtp.received == []
    right = load_mail_settings({**env, "PAKN_SMTP_CA_FILE": str(tls_files.ca)})
    sender = mail_dispatcher(db, right)

    async def until_sent() -> int:
        for _ in range(100):
            if await sender.send_due():
                return 1
            await asyncio.sleep(0.05)
        return 0

    assert asyncio.run(until_sent()) == 1
    (received,) = tls_smtp.wait_for(1)
    assert received.recipients == ["nguyenvanan@example.vn"]


@pytest.mark.parametrize("ca", ["right", "wrong"])
def test_outbox_over_implicit_tls(
        ingestor: MailIngestor, tls_files: TlsFiles, other_ca: TlsFiles, settings: Settings,
        db: Database, ca: str) -> None:
    """``PAKN_SMTP_SECURITY=tls``: TLS from the first byte, verified against the CA file;
    a certificate the CA did not sign leaves the acknowledgement queued, never sent."""
    ingestor.ingest(fixture_bytes(NEW_MAIL[0]), "t")
    with smtp_peer(tls=tls_files, implicit=True) as smtps:
        live = load_mail_settings({
            "PAKN_VAR_DIR": str(settings.var_dir), "PAKN_SMTP_HOST": "127.0.0.1",
            "PAKN_SMTP_PORT": str(smtps.port), "PAKN_SMTP_SECURITY": "tls",
            "PAKN_IMAP_SECURITY": "tls",
            "PAKN_SMTP_CA_FILE": str((tls_files if ca == "right" else other_ca).ca)})
        sent = asyncio.run(mail_dispatcher(db, live).send_due())
        with db.reading() as session:
            row = session.scalars(select(Outbox)).one()
        if ca == "right":
            assert sent == 1 and row.status == OutboxStatus.SENT
            (received,) = smtps.wait_for(1)
            assert received.recipients == ["nguyenvanan@example.vn"]
            assert received.message()["Subject"].startswith("[PA-")
        else:
            assert sent == 0 and row.status == OutboxStatus.PENDING
            assert row.last_error and "not trusted" in row.last_error
            assert smtps.received == []


def test_plain_smtp_to_a_starttls_only_peer_is_refused(
        ingestor: MailIngestor, tls_smtp: SmtpPeer, settings: Settings,
        db: Database) -> None:
    ingestor.ingest(fixture_bytes(NEW_MAIL[0]), "t")
    plain = load_mail_settings({
        "PAKN_VAR_DIR": str(settings.var_dir), "PAKN_SMTP_HOST": "127.0.0.1",
        "PAKN_SMTP_PORT": str(tls_smtp.port), "PAKN_SMTP_SECURITY": "plain",
        "PAKN_MAIL_ALLOW_PLAIN": "1"})
    assert asyncio.run(mail_dispatcher(db, plain).send_due()) == 0
    assert tls_smtp.received == []


@pytest.mark.parametrize("name", ["PAKN_IMAP_SECURITY", "PAKN_SMTP_SECURITY"])
def test_plain_without_the_allow_flag_is_refused(name: str, tmp_path: Path) -> None:
    env = {"PAKN_VAR_DIR": str(tmp_path), "PAKN_IMAP_SECURITY": "tls",
           "PAKN_SMTP_SECURITY": "starttls", name: "plain"}
    with pytest.raises(MailConfigError, match=f"{name}=plain.*PAKN_MAIL_ALLOW_PLAIN=1"):
        load_mail_settings(env)
    assert load_mail_settings({**env, "PAKN_MAIL_ALLOW_PLAIN": "1"})


def test_missing_ca_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(MailConfigError, match="PAKN_IMAP_CA_FILE: no such file"):
        load_mail_settings({"PAKN_VAR_DIR": str(tmp_path),
                            "PAKN_IMAP_CA_FILE": str(tmp_path / "nope.pem")})
    bad = tmp_path / "bad.pem"
    bad.write_text("not a certificate\n")
    settings = load_mail_settings({"PAKN_VAR_DIR": str(tmp_path), "PAKN_IMAP_HOST": "h",
                                   "PAKN_SMTP_HOST": "h", "PAKN_SMTP_CA_FILE": str(bad)})
    with pytest.raises(MailConfigError, match="cannot load the CA file"):
        mail_dispatcher(Database.__new__(Database), settings)
