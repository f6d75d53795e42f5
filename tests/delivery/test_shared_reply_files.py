"""Files staff attach to an answer with ``PAKN_RAW_STORE=db``: the console on one machine
stores them in the database, a dispatcher on another machine (another ``PAKN_VAR_DIR``)
sends them to a real SMTP peer and the Telegram Bot API double; a file gone from the
store fails the Telegram answer before its text is sent alone."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, func, select

from intake.config import load_settings
from intake.console.auth import StaffIdentity
from intake.db import Database
from intake.delivery.config import build_dispatcher, load_delivery_settings
from intake.delivery.dispatcher import Dispatcher
from intake.models import Attachment, Channel, Outbox, OutboxStatus
from intake.services.complaints import IntakeService
from intake.services.staff import StaffService
from intake.storage import ATTACHMENTS, StoredBlob
from tests.core.factories import file_complaint
from tests.delivery.conftest import TOKEN
from tests.delivery.test_reply_files import ANSWER, CHAT, FILES, PDF, PNG
from tests.harness.dispatch import run_dispatcher_once
from tests.harness.smtp import SmtpPeer
from tests.harness.telegram_api import TelegramApiDouble


def _staff_on(db: Database, url: str, var_dir: Path) -> StaffService:
    """The staff services of a console machine keeping files in the database."""
    return StaffService(IntakeService(db, load_settings({
        "PAKN_DATABASE_URL": url, "PAKN_VAR_DIR": str(var_dir), "PAKN_RAW_STORE": "db"})))


def _dispatcher_on(url: str, var_dir: Path, smtp: SmtpPeer, telegram: TelegramApiDouble,
                   db: Database) -> Dispatcher:
    """``pakn delivery``'s dispatcher on another machine, as its environment builds it."""
    settings = load_delivery_settings({
        "PAKN_DATABASE_URL": url, "PAKN_VAR_DIR": str(var_dir), "PAKN_RAW_STORE": "db",
        "PAKN_SMTP_HOST": "127.0.0.1", "PAKN_SMTP_PORT": str(smtp.port),
        "PAKN_SMTP_SECURITY": "plain", "PAKN_MAIL_ALLOW_PLAIN": "1",
        "TELEGRAM_BOT_TOKEN": TOKEN, "PAKN_TELEGRAM_BASE_URL": telegram.base_url})
    return build_dispatcher(db, settings)


def _answer(db: Database, code: str) -> Outbox:
    with db.reading() as session:
        row = session.scalars(select(Outbox).where(
            Outbox.complaint_code == code, Outbox.purpose == "answer")).one()
        session.expunge(row)
        return row


def _local_files(var_dir: Path) -> list[Path]:
    folder = var_dir / "attachments"
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_answer_files_stored_by_one_console_are_sent_by_a_dispatcher_on_another_machine(
        smtp: SmtpPeer, telegram: TelegramApiDouble, database_url: str, db: Database,
        coordinator: StaffIdentity, tmp_path: Path) -> None:
    console, sender = tmp_path / "console", tmp_path / "dispatcher"
    staff = _staff_on(db, database_url, console)
    by_mail = file_complaint(staff.intake, channel=Channel.EMAIL,
                             reply_channel=Channel.EMAIL, reply_address="dan@example.vn").code
    by_chat = file_complaint(staff.intake, channel=Channel.TELEGRAM,
                             reply_channel=Channel.TELEGRAM, reply_address=str(CHAT)).code
    assert staff.reply(coordinator, by_mail, ANSWER, files=FILES) == "email"
    assert staff.reply(coordinator, by_chat, ANSWER, files=FILES) == "telegram"
    with db.reading() as session:  # the same two files for both answers: stored once
        assert session.scalar(select(func.count()).select_from(StoredBlob).where(
            StoredBlob.store == ATTACHMENTS)) == 2
    assert _local_files(console) == []
    dispatcher = _dispatcher_on(database_url, sender, smtp, telegram, db)
    assert run_dispatcher_once(dispatcher)["sent"] >= 2
    received = [r.message() for r in smtp.wait_for(1)
                if ANSWER in r.message().get_body(("plain",)).get_content()]  # type: ignore[union-attr]
    assert len(received) == 1
    assert [(p.get_filename(), p.get_content()) for p in received[0].iter_attachments()] == [
        ("Công văn số 12-SXD.pdf", PDF), ("hien-truong.png", PNG)]
    assert [(f.method, f.data) for f in telegram.files_to(CHAT)] == [
        ("sendDocument", PDF), ("sendPhoto", PNG)]
    assert _answer(db, by_mail).status == _answer(db, by_chat).status == OutboxStatus.SENT.value
    assert _local_files(sender) == []


def test_a_file_gone_from_the_database_store_fails_the_telegram_answer_before_any_text(
        smtp: SmtpPeer, telegram: TelegramApiDouble, database_url: str, db: Database,
        coordinator: StaffIdentity, tmp_path: Path) -> None:
    staff = _staff_on(db, database_url, tmp_path / "console")
    code = file_complaint(staff.intake, channel=Channel.TELEGRAM,
                          reply_channel=Channel.TELEGRAM, reply_address=str(CHAT)).code
    staff.reply(coordinator, code, ANSWER, files=FILES)
    with db.transaction() as session:
        digest = session.scalars(select(Attachment.sha256).where(
            Attachment.filename == "hien-truong.png")).one()
        session.execute(delete(StoredBlob).where(StoredBlob.sha256 == digest))
    dispatcher = _dispatcher_on(database_url, tmp_path / "dispatcher", smtp, telegram, db)
    counts = run_dispatcher_once(dispatcher)
    assert counts == {"sent": 0, "retry": 0, "failed": 1}
    assert telegram.sent_to(CHAT) == [] and telegram.files_to(CHAT) == []  # no text alone
    row = _answer(db, code)
    assert row.status == OutboxStatus.FAILED.value
    assert row.last_error == ("Không đọc được tệp đính kèm “hien-truong.png” trong kho "
                              "lưu trữ.")
