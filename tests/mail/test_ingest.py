"""The pipeline on the Vietnamese fixtures: store raw, parse, classify, file, acknowledge."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import func, select

from intake.db import Database
from intake.mail.ingest import MailIngestor
from intake.mail.models import IngestStatus, MailIngest, MailThread
from intake.models import Attachment, Event, Message, Outbox
from intake.services.complaints import IntakeService
from tests.mail.conftest import fixture_bytes


def _outbox(db: Database) -> list[Outbox]:
    with db.reading() as session:
        return list(session.scalars(select(Outbox).order_by(Outbox.id)))


def _ack_id(db: Database, code: str) -> str:
    with db.reading() as session:
        return session.scalars(select(MailThread.message_id).where(
            MailThread.complaint_code == code)).first() or ""


def test_new_complaint_is_filed_routed_and_acknowledged(
        ingestor: MailIngestor, service: IntakeService, db: Database) -> None:
    result = ingestor.ingest(fixture_bytes("vi_utf8_qp.eml"), "test")
    assert result.status is IngestStatus.INGESTED and result.kind == "new"
    assert result.code is not None
    view = service.get(result.code)
    assert view.channel == "email" and view.reply_address == "nguyenvanan@example.vn"
    assert view.subject == "Phản ánh chậm trả hồ sơ tại xã Bích Động"
    assert "Bích Động" in view.text and "0912 345 678" not in view.text  # signature trimmed
    assert view.queue_code and view.queue_code != "VP_UBND"  # routed by the commune
    (ack,) = _outbox(db)
    assert ack.recipient == "nguyenvanan@example.vn" and ack.channel == "email"
    assert ack.subject is not None and ack.subject.startswith(f"[{result.code}] ")
    assert ack.headers["Auto-Submitted"] == "auto-replied"
    assert ack.headers["In-Reply-To"] == "<vi-qp-1@example.vn>"
    assert ack.headers["Message-ID"].endswith("@bacgiang.gov.vn>")
    assert f"Mã tra cứu: {result.code}" in ack.body and "Hạn trả lời:" in ack.body
    assert view.queue_name is not None and view.queue_name in ack.body
    assert ack.complaint_id is not None


def test_raw_bytes_are_stored_before_parsing(ingestor: MailIngestor) -> None:
    raw = fixture_bytes("vi_utf8_base64.eml")
    result = ingestor.ingest(raw, "test")
    with ingestor.db.reading() as session:
        row = session.get(MailIngest, result.ingest_id)
        assert row is not None
        assert ingestor.raw.get(row.sha256) == raw


def test_charsets_decode_to_nfc(ingestor: MailIngestor, service: IntakeService) -> None:
    for name, subject in [("vi_windows1258.eml", "Phản ánh đường hỏng ở thị trấn Chũ"),
                          ("vi_utf8_base64.eml", "Kiến nghị về thủ tục đăng ký khai sinh")]:
        view = service.get(ingestor.ingest(fixture_bytes(name), "t").code or "")
        assert view.subject == subject
        assert unicodedata.is_normalized("NFC", view.text)
        assert unicodedata.is_normalized("NFC", view.subject)
    windows = service.list_complaints()
    assert any("huyện Lục Ngạn" in v.text for v in windows)


def test_html_only_mail_becomes_text_without_quotes(
        ingestor: MailIngestor, service: IntakeService) -> None:
    view = service.get(ingestor.ingest(fixture_bytes("vi_html_only.eml"), "t").code or "")
    assert "cấp phiếu lý lịch tư pháp" in view.text
    assert "<" not in view.text and "color" not in view.text
    assert "nội dung cũ" not in view.text


def test_attachments_pdf_and_photo_are_stored(ingestor: MailIngestor, db: Database) -> None:
    result = ingestor.ingest(fixture_bytes("vi_pdf_photo.eml"), "t")
    with db.reading() as session:
        rows = session.scalars(select(Attachment).order_by(Attachment.id)).all()
        assert [(a.filename, a.content_type) for a in rows] == [
            ("biên bản.pdf", "application/pdf"), ("ảnh hiện trường.jpg", "image/jpeg")]
        assert all(a.message_id is not None for a in rows)
        assert ingestor.files.get(rows[0].sha256).startswith(b"%PDF")
    assert result.status is IngestStatus.INGESTED


def test_oversize_attachment_is_refused_rest_taken(ingestor: MailIngestor, db: Database) -> None:
    result = ingestor.ingest(fixture_bytes("vi_attachment_over_limit.eml"), "t")
    assert result.status is IngestStatus.INGESTED
    with db.reading() as session:
        names = session.scalars(select(Attachment.filename)).all()
        row = session.get(MailIngest, result.ingest_id)
        assert row is not None
        refused = {r["filename"]: r["reason"] for r in row.refused}
    assert list(names) == ["anh.jpg"]
    assert refused == {"video.mp4": "too_large", "setup.exe": "type_not_allowed"}
    (ack,) = _outbox(db)
    assert "video.mp4" in ack.body and "vượt quá dung lượng" in ack.body


def test_reply_to_ack_joins_the_complaint(ingestor: MailIngestor, service: IntakeService,
                                          db: Database) -> None:
    code = ingestor.ingest(fixture_bytes("vi_utf8_qp.eml"), "t").code or ""
    ack_id = _ack_id(db, code)
    reply = ingestor.ingest(fixture_bytes("vi_reply_to_ack.eml", code=code, ack_id=ack_id), "t")
    assert reply.kind == "reply" and reply.code == code
    thread = service.messages(code)
    assert len(thread) == 2
    assert thread[1].text.startswith("Tôi bổ sung") and "Mã tra cứu" not in thread[1].text
    # Threading by In-Reply-To alone (no code in the subject) works too.
    other = ingestor.ingest(fixture_bytes("vi_reply_thread_only.eml", ack_id=ack_id), "t")
    assert other.kind == "reply" and other.code == code
    assert service.count() == 1
    purposes = [o.headers["X-PAKN-Purpose"] for o in _outbox(db)]
    assert purposes == ["ack", "ack_reply", "ack_reply"]


def test_reply_from_another_sender_is_a_new_linked_complaint(
        ingestor: MailIngestor, service: IntakeService, db: Database) -> None:
    code = ingestor.ingest(fixture_bytes("vi_utf8_qp.eml"), "t").code or ""
    other = ingestor.ingest(fixture_bytes("vi_reply_other_sender.eml", code=code,
                                          ack_id=_ack_id(db, code)), "t")
    assert other.kind == "linked" and other.code and other.code != code
    assert len(service.messages(code)) == 1
    assert any(e.kind == "linked" for e in service.events(code))
    assert any(e.kind == "linked" and e.data["related"] == code
               for e in service.events(other.code))
    last = _outbox(db)[-1]
    assert last.recipient == "hoangminh@example.org" and code in last.body


def test_automatic_mail_is_recorded_never_answered(
        ingestor: MailIngestor, service: IntakeService, db: Database) -> None:
    code = ingestor.ingest(fixture_bytes("vi_utf8_qp.eml"), "t").code or ""
    ack_id = _ack_id(db, code)
    kinds = {}
    for name in ("vi_out_of_office.eml", "vi_dsn_bounce.eml", "vi_bulk_newsletter.eml"):
        result = ingestor.ingest(fixture_bytes(name, code=code, ack_id=ack_id), "t")
        assert result.status is IngestStatus.RECORDED
        kinds[name] = result.kind
    assert kinds == {"vi_out_of_office.eml": "auto", "vi_dsn_bounce.eml": "bounce",
                     "vi_bulk_newsletter.eml": "bulk"}
    assert len(_outbox(db)) == 1 and service.count() == 1
    assert {e.kind for e in service.events(code)} >= {"mail_auto", "mail_bounce"}


def test_our_own_mail_is_not_answered(ingestor: MailIngestor, db: Database) -> None:
    raw = (b"From: thutuchanhchinh@bacgiang.gov.vn\r\nTo: x@example.vn\r\nSubject: hi\r\n"
           b"X-Loop: thutuchanhchinh@bacgiang.gov.vn\r\n"
           b"Message-ID: <pakn.1@bacgiang.gov.vn>\r\n\r\nhello\r\n")
    assert ingestor.ingest(raw, "t").kind == "own"
    # Without our loop marker and with a Message-ID we never recorded, it is not ours
    # (see test_trust.py); it is filed, but we never write to our own address.
    unmarked = raw.replace(b"X-Loop: thutuchanhchinh@bacgiang.gov.vn\r\n", b"").replace(
        b"pakn.1@", b"webmail.2@")
    result = ingestor.ingest(unmarked, "t")
    assert result.kind == "new" and result.status is IngestStatus.INGESTED
    with db.reading() as session:
        row = session.get(MailIngest, result.ingest_id)
        assert row is not None and row.ack == "ours"
    assert _outbox(db) == []


def test_duplicates_are_taken_once(ingestor: MailIngestor, service: IntakeService,
                                   db: Database) -> None:
    first = ingestor.ingest(fixture_bytes("vi_duplicate_a.eml"), "t")
    again = ingestor.ingest(fixture_bytes("vi_duplicate_a.eml"), "t")
    copy = ingestor.ingest(fixture_bytes("vi_duplicate_b.eml"), "t")
    assert again.ingest_id == first.ingest_id and not again.new
    assert copy.status is IngestStatus.DUPLICATE and copy.code == first.code
    assert ingestor.ingest(fixture_bytes("vi_duplicate_b.eml"), "t").ingest_id == copy.ingest_id
    assert service.count() == 1 and len(_outbox(db)) == 1


def test_no_message_id_is_keyed_by_content(ingestor: MailIngestor, service: IntakeService) -> None:
    first = ingestor.ingest(fixture_bytes("vi_no_message_id.eml"), "t")
    again = ingestor.ingest(fixture_bytes("vi_no_message_id.eml"), "t")
    assert first.status is IngestStatus.INGESTED and again.ingest_id == first.ingest_id
    assert service.count() == 1
    with ingestor.db.reading() as session:
        row = session.get(MailIngest, first.ingest_id)
        assert row is not None and row.dedup_key and row.dedup_key.startswith("content:")


def test_broken_headers_are_still_taken(ingestor: MailIngestor, service: IntakeService,
                                        db: Database) -> None:
    result = ingestor.ingest(fixture_bytes("vi_broken_headers.eml"), "t")
    assert result.status is IngestStatus.INGESTED and result.kind == "nosender"
    view = service.get(result.code or "")
    assert "Bích Động bị ngập" in view.text and view.reply_address is None
    assert _outbox(db) == []  # nobody to answer


def test_empty_mail_is_answered_politely(ingestor: MailIngestor, service: IntakeService,
                                         db: Database) -> None:
    result = ingestor.ingest(fixture_bytes("vi_empty.eml"), "t")
    assert result.status is IngestStatus.REJECTED and service.count() == 0
    (answer,) = _outbox(db)
    assert answer.headers["X-PAKN-Purpose"] == "rejected" and "trống" in answer.body


def test_garbage_is_quarantined_and_retry_works(
        ingestor: MailIngestor, service: IntakeService, db: Database) -> None:
    result = ingestor.ingest(b"\x00\x01 not a mail", "t")
    assert result.status is IngestStatus.QUARANTINED
    with db.reading() as session:
        row = session.get(MailIngest, result.ingest_id)
        assert row is not None and row.error and "ParseError" in row.error


def test_quarantined_after_a_failure_can_be_retried(
        ingestor: MailIngestor, service: IntakeService, db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*args: object, **kwargs: object) -> object:
        raise RuntimeError("routing exploded")

    monkeypatch.setattr(service, "create_complaint", failing)
    failed = ingestor.ingest(fixture_bytes("vi_utf8_qp.eml"), "t")
    assert failed.status is IngestStatus.QUARANTINED
    monkeypatch.undo()
    again = ingestor.ingest(fixture_bytes("vi_utf8_qp.eml"), "t")
    assert again.ingest_id == failed.ingest_id and again.status is IngestStatus.QUARANTINED
    retried = ingestor.retry(failed.ingest_id)
    assert retried.status is IngestStatus.INGESTED and retried.ingest_id == failed.ingest_id
    assert service.count() == 1 and len(_outbox(db)) == 1


@pytest.mark.usefixtures("clear_of_vietnam_midnight")
def test_daily_ack_limit_per_sender(ingestor: MailIngestor, db: Database) -> None:
    raw = fixture_bytes("vi_utf8_qp.eml")
    for i in range(8):
        ingestor.ingest(raw.replace(b"vi-qp-1@", f"vi-qp-loop{i}@".encode()), "t")
    assert len(_outbox(db)) == ingestor.settings.ack_limit_per_day
    with db.reading() as session:
        assert session.scalar(select(func.count(Message.id))) == 8
        assert session.scalar(select(func.count(Event.id))) is not None


def test_delayed_dsn_does_not_fail_the_outbox_row(
        ingestor: MailIngestor, service: IntakeService, db: Database) -> None:
    code = ingestor.ingest(fixture_bytes("vi_utf8_qp.eml"), "t").code or ""
    ack_id = _ack_id(db, code)
    delayed = fixture_bytes("vi_dsn_bounce.eml", code=code, ack_id=ack_id).replace(
        b"Action: failed\nStatus: 5.1.1",
        b"Action: delayed\nStatus: 4.4.1\nDiagnostic-Code: smtp; 421 try again later")
    delayed = delayed.replace(b"dsn-1@", b"dsn-delayed@")
    assert ingestor.ingest(delayed, "t").kind == "bounce"
    (row,) = _outbox(db)
    assert row.status == "pending" and row.last_error is None
    event = next(e for e in service.events(code) if e.kind == "mail_bounce")
    assert "[delayed]" in str(event.data["dsn"]) and "outbox" not in event.data
    # The final failure report that follows fails the row, with the server's diagnostic.
    failed = fixture_bytes("vi_dsn_bounce.eml", code=code, ack_id=ack_id).replace(
        b"Status: 5.1.1", b"Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 no such user")
    assert ingestor.ingest(failed, "t").kind == "bounce"
    (row,) = _outbox(db)
    assert row.status == "failed"
    assert row.last_error == ("bounce: 5.1.1 khongtontai@example.vn "
                              "(550 5.1.1 no such user)")


def test_an_ingestor_whose_parser_fails_to_load_ahead_still_takes_mail(
        ingestor: MailIngestor, service: IntakeService, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """``warm_up`` runs before a worker's first poll and in each ingest process's start:
    an error there is logged and the ingestor takes its mail (here the parser fails on
    the warm-up sample only)."""
    from intake.mail.ingest import WARM_UP_MAIL
    from intake.mail.parse import parse_message

    def broken_on_the_sample(raw: bytes, *args: object, **kwargs: object) -> object:
        if raw == WARM_UP_MAIL:
            raise LookupError("quote selectors failed to compile")
        return parse_message(raw, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("intake.mail.ingest.parse_message", broken_on_the_sample)
    ingestor.warm_up()
    assert [r.levelname for r in caplog.records
            if "the parser or the holidays not loaded ahead (LookupError)" in r.getMessage()
            ] == ["ERROR"]
    result = ingestor.ingest(fixture_bytes("vi_utf8_qp.eml"), "imap:test")
    assert result.status == IngestStatus.INGESTED and result.code and service.count() == 1
