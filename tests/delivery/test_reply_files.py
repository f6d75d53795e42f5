"""Files staff attach to an answer (the reply composer) travel with it through the one
dispatcher: as MIME attachments to a real SMTP peer, as a photo and a document to the
Telegram Bot API double; a file Telegram cannot take fails the delivery with a
Vietnamese reason (the answer stays on the complaint); a phone complaint records the
files without sending; bad files are refused before anything is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from intake.config import Settings
from intake.console.auth import StaffIdentity
from intake.db import Database
from intake.delivery.config import mail_dispatcher
from intake.delivery.dispatcher import Dispatcher
from intake.delivery.models import OutboxFile
from intake.delivery.transports.telegram import TelegramTransport
from intake.enums import Direction
from intake.mail_config import MailSettings, Security
from intake.models import Attachment, Channel, Event, Outbox, OutboxStatus
from intake.services.attachments import (
    REPLY_MAX_FILE_BYTES,
    ReplyFile,
    ReplyFileRefused,
    blob_path,
)
from intake.services.complaints import IntakeService
from intake.services.staff import RecordedCall, StaffService
from tests.core.factories import file_complaint
from tests.delivery.conftest import TOKEN
from tests.harness.dispatch import run_dispatcher_once
from tests.harness.smtp import SmtpPeer
from tests.harness.telegram_api import TelegramApiDouble

CHAT = 7_301
ANSWER = "Sở gửi công văn trả lời và ảnh hiện trường đã khắc phục."
PDF = b"%PDF-1.4\n% c\xc3\xb4ng v\xc4\x83n\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
       b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02"
       b"\xfe\xa7V\xbd\xfa\x00\x00\x00\x00IEND\xaeB`\x82")
FILES = (ReplyFile("Công văn số 12-SXD.pdf", "application/pdf", PDF),
         ReplyFile("hien-truong.png", "image/png", PNG))


def _telegram(db: Database, settings: Settings, api: TelegramApiDouble,
              max_document_bytes: int | None = None) -> Dispatcher:
    transport = (TelegramTransport(TOKEN, api.base_url) if max_document_bytes is None
                 else TelegramTransport(TOKEN, api.base_url, max_document_bytes))
    return Dispatcher(db, {"telegram": transport}, files_root=settings.attachments_dir)


def _outbox(db: Database, code: str) -> list[Outbox]:
    with db.reading() as session:
        rows = list(session.scalars(select(Outbox).where(
            Outbox.complaint_code == code).order_by(Outbox.id)))
        session.expunge_all()
        return rows


def _telegram_complaint(service: IntakeService) -> str:
    return file_complaint(service, channel=Channel.TELEGRAM, reply_channel=Channel.TELEGRAM,
                          reply_address=str(CHAT)).code


def test_answer_files_reach_a_real_smtp_peer_as_mime_attachments(
        smtp: SmtpPeer, service: IntakeService, staff: StaffService, settings: Settings,
        coordinator: StaffIdentity, db: Database) -> None:
    code = file_complaint(service, channel=Channel.EMAIL, reply_channel=Channel.EMAIL,
                          reply_address="dan@example.vn").code
    assert staff.reply(coordinator, code, ANSWER, files=FILES) == "email"
    (row,) = [r for r in _outbox(db, code) if r.purpose == "answer"]
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(OutboxFile).where(
            OutboxFile.outbox_id == row.id)) == 2
    mail = MailSettings(var_dir=settings.var_dir, smtp_host="127.0.0.1",
                        smtp_port=smtp.port, smtp_security=Security.PLAIN)
    assert run_dispatcher_once(mail_dispatcher(db, mail))["sent"] >= 1
    received = [r for r in smtp.wait_for(1) if ANSWER in r.message().get_body(
        ("plain",)).get_content()]  # type: ignore[union-attr]
    assert len(received) == 1
    message = received[0].message()
    attached = [(p.get_filename(), p.get_content_type(), p.get_content())
                for p in message.iter_attachments()]
    assert attached == [("Công văn số 12-SXD.pdf", "application/pdf", PDF),
                        ("hien-truong.png", "image/png", PNG)]
    (sent,) = [r for r in _outbox(db, code) if r.purpose == "answer"]
    assert sent.status == OutboxStatus.SENT.value and sent.last_error is None


def test_answer_files_reach_the_telegram_double_as_photo_and_document(
        telegram: TelegramApiDouble, service: IntakeService, staff: StaffService,
        settings: Settings, coordinator: StaffIdentity, db: Database) -> None:
    code = _telegram_complaint(service)
    assert staff.reply(coordinator, code, ANSWER, files=FILES) == "telegram"
    assert run_dispatcher_once(_telegram(db, settings, telegram))["sent"] == 1
    assert any(ANSWER in m.text for m in telegram.sent_to(CHAT))
    files = telegram.files_to(CHAT)
    assert [(f.method, f.filename, f.data) for f in files] == [
        ("sendDocument", "Công văn số 12-SXD.pdf", PDF), ("sendPhoto", "hien-truong.png", PNG)]
    (row,) = [r for r in _outbox(db, code) if r.purpose == "answer"]
    assert row.status == OutboxStatus.SENT.value


def test_a_file_over_telegrams_limit_fails_with_a_reason_and_nothing_is_sent(
        telegram: TelegramApiDouble, service: IntakeService, staff: StaffService,
        settings: Settings, coordinator: StaffIdentity, db: Database) -> None:
    code = _telegram_complaint(service)
    staff.reply(coordinator, code, ANSWER, files=FILES)
    counts = run_dispatcher_once(_telegram(db, settings, telegram, max_document_bytes=len(PDF) - 1))
    assert counts == {"sent": 0, "retry": 0, "failed": 1}
    assert telegram.sent_to(CHAT) == [] and telegram.files_to(CHAT) == []
    (row,) = [r for r in _outbox(db, code) if r.purpose == "answer"]
    assert row.status == OutboxStatus.FAILED.value
    assert row.last_error is not None
    assert "Công văn số 12-SXD.pdf" in row.last_error and "vượt giới hạn" in row.last_error
    assert ANSWER in [m.text for m in service.messages(code) if m.direction == "out"]
    assert [e.kind for e in service.events(code)].count("delivery_failed") == 1


def test_an_upload_telegram_refuses_as_too_large_fails_instead_of_retrying(
        telegram: TelegramApiDouble, service: IntakeService, staff: StaffService,
        settings: Settings, coordinator: StaffIdentity, db: Database) -> None:
    code = _telegram_complaint(service)
    staff.reply(coordinator, code, ANSWER, files=FILES[:1])
    telegram.max_upload_bytes = len(PDF) - 1  # the double answers 413, as Telegram does
    assert run_dispatcher_once(_telegram(db, settings, telegram))["failed"] == 1
    (row,) = [r for r in _outbox(db, code) if r.purpose == "answer"]
    assert row.status == OutboxStatus.FAILED.value
    assert row.last_error and row.last_error.startswith("Telegram từ chối tệp đính kèm")


def test_a_file_missing_from_the_store_fails_the_delivery_with_a_reason(
        telegram: TelegramApiDouble, service: IntakeService, staff: StaffService,
        settings: Settings, coordinator: StaffIdentity, db: Database) -> None:
    code = _telegram_complaint(service)
    staff.reply(coordinator, code, ANSWER, files=FILES[1:])
    with db.reading() as session:
        digest = session.scalars(select(Attachment.sha256).where(
            Attachment.filename == "hien-truong.png")).one()
    blob_path(settings.attachments_dir, digest).unlink()
    assert run_dispatcher_once(_telegram(db, settings, telegram))["failed"] == 1
    (row,) = [r for r in _outbox(db, code) if r.purpose == "answer"]
    assert row.last_error == ("Không đọc được tệp đính kèm “hien-truong.png” trong kho "
                              "lưu trữ.")


def test_a_phone_complaint_records_the_answer_and_its_files_without_sending(
        service: IntakeService, staff: StaffService, coordinator: StaffIdentity,
        db: Database) -> None:
    view = staff.record_call(coordinator, RecordedCall(
        Channel.PHONE, "Đèn đường thôn Hạ hỏng ba tuần nay", name="Lê Văn Cường",
        phone="0912345678"))
    assert staff.reply(coordinator, view.code, ANSWER, "call", FILES[:1]) == "none"
    assert [r for r in _outbox(db, view.code) if r.purpose == "answer"] == []
    detail = staff.detail(coordinator, view.code)
    assert [(a.filename, a.by_staff) for a in detail.attachments] == [
        ("Công văn số 12-SXD.pdf", True)]
    lines = [h.what for h in detail.history]
    assert "Trả lời người dân (đã gọi lại cho người dân, kèm 1 tệp)" in lines
    assert "Cán bộ gửi kèm tệp “Công văn số 12-SXD.pdf” với câu trả lời" in lines


@pytest.mark.parametrize(("files", "words"), [
    ([ReplyFile("trong.pdf", "application/pdf", b"")], "Tệp “trong.pdf” đang trống."),
    ([ReplyFile("lon.pdf", "application/pdf", b"x" * (REPLY_MAX_FILE_BYTES + 1))],
     "Tệp “lon.pdf” quá lớn (tối đa 10 MB mỗi tệp)."),
    ([ReplyFile("<b>trang</b>.html", "text/html", b"<script>alert(1)</script>")],
     "Không gửi kèm được tệp “<b>trang</b>.html” (loại text/html)"),
    ([ReplyFile("chuong-trinh.exe", "application/octet-stream", b"MZ")],
     "Không gửi kèm được tệp “chuong-trinh.exe”"),
    ([ReplyFile(f"anh-{i}.png", "image/png", PNG + bytes([i])) for i in range(6)],
     "Chỉ gửi kèm tối đa 5 tệp mỗi lần trả lời."),
])
def test_bad_files_are_refused_before_anything_is_stored(
        files: list[ReplyFile], words: str, service: IntakeService, staff: StaffService,
        settings: Settings, coordinator: StaffIdentity, db: Database) -> None:
    code = _telegram_complaint(service)
    with pytest.raises(ReplyFileRefused) as refused:
        staff.reply(coordinator, code, ANSWER, files=files)
    assert words in refused.value.message_vi
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 0
        assert session.scalar(select(func.count()).select_from(Event).where(
            Event.kind == "reply")) == 0
    assert [m for m in service.messages(code) if m.direction == Direction.OUTBOUND] == []
    assert not Path(settings.attachments_dir).exists() or not any(
        p.is_file() for p in Path(settings.attachments_dir).rglob("*"))
