"""Files and positions held for a complaint still being written (``pending_attachments``).

Service level, without Rasa: held items survive any process (they are rows + blobs),
are attached exactly once, are deduplicated, are capped, and expire after 24 hours.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from intake.config import load_settings
from intake.db import Database
from intake.models import Channel, utcnow
from intake.services.attachments import (
    MAX_PENDING_FILES,
    AttachmentService,
    PendingAttachment,
    blob_path,
    describe_attached,
)
from intake.services.complaints import IntakeService, NewComplaint
from intake.services.views import AttachedPending
from tests.conftest import pakn
from tests.harness.postgres import PostgresServer

JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + b"held" * 100


def _migrated(url: str) -> Database:
    pakn("db", "upgrade", database_url=url)
    pakn("org", "load", database_url=url)
    return Database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def services(request: pytest.FixtureRequest, tmp_path: Path
             ) -> Iterator[tuple[IntakeService, AttachmentService]]:
    if request.param == "sqlite":
        db = _migrated(f"sqlite:///{tmp_path / 'pakn.db'}")
    else:
        server: PostgresServer = request.getfixturevalue("pg_server")
        db = _migrated(server.create_database(f"pending_{uuid.uuid4().hex[:8]}"))
    settings = load_settings({"PAKN_DATABASE_URL": db.url, "PAKN_VAR_DIR": str(tmp_path)})
    yield IntakeService(db, settings), AttachmentService(db, settings)
    db.dispose()


def _complaint(intake: IntakeService, sender: str) -> str:
    return intake.create_complaint(NewComplaint(
        channel=Channel.TELEGRAM, reply_channel=Channel.TELEGRAM, reply_address="1",
        text="Cống thoát nước thôn Đông bị tắc nhiều ngày", sender=sender),
        actor="citizen:telegram").code


def test_held_items_are_attached_exactly_once(
        services: tuple[IntakeService, AttachmentService]) -> None:
    intake, attachments = services
    sender = "telegram:777001"
    assert attachments.hold_file(sender, JPEG, "anh.jpg", "image/jpeg")
    assert attachments.hold_file(sender, JPEG, "anh.jpg", "image/jpeg")  # redelivered: once
    attachments.hold_location(sender, 21.0, 106.0)
    attachments.hold_location(sender, 21.2781, 106.1938)  # the latest position wins
    assert attachments.has_pending(sender)

    # A fresh service (another process after a restart) sees the same held items.
    fresh = AttachmentService(attachments.db, attachments.settings)
    code = _complaint(intake, sender)
    done = fresh.attach_pending(sender, code, "citizen:telegram")
    assert done.files == 1 and done.location == (21.2781, 106.1938)
    stored = fresh.list(code)
    assert [(a.filename, a.size) for a in stored] == [("anh.jpg", len(JPEG))]
    assert blob_path(attachments.settings.attachments_dir, stored[0].sha256).read_bytes() == JPEG
    assert "GPS 21.278100, 106.193800" in (intake.get(code).location_text or "")

    again = attachments.attach_pending(sender, code, "citizen:telegram")
    assert again.files == 0 and again.location is None
    assert len(attachments.list(code)) == 1 and not attachments.has_pending(sender)


def test_held_items_are_capped_dropped_and_expire(
        services: tuple[IntakeService, AttachmentService]) -> None:
    intake, attachments = services
    sender = "telegram:777002"
    for i in range(MAX_PENDING_FILES):
        assert attachments.hold_file(sender, JPEG + bytes([i]), f"{i}.jpg", "image/jpeg")
    assert not attachments.hold_file(sender, JPEG + b"x", "x.jpg", "image/jpeg")

    attachments.drop_pending(sender)  # /huy
    assert not attachments.has_pending(sender)

    assert attachments.hold_file(sender, JPEG, "old.jpg", "image/jpeg")
    with attachments.db.transaction() as session:
        session.execute(update(PendingAttachment).where(PendingAttachment.sender == sender)
                        .values(created_at=utcnow() - timedelta(hours=25)))
    assert not attachments.has_pending(sender)
    code = _complaint(intake, sender)
    assert attachments.attach_pending(sender, code, "citizen:telegram").files == 0
    with attachments.db.reading() as session:
        assert session.query(PendingAttachment).filter_by(sender=sender).count() == 0


def test_filing_takes_what_the_chat_held_in_the_same_transaction(
        services: tuple[IntakeService, AttachmentService]) -> None:
    """The assistant's filing action passes ``take_held``: the complaint exists with its
    files and map position, and the answer says what was attached — no edge reads the
    reply's text to find the tracking code."""
    intake, attachments = services
    sender = "telegram:777003"
    assert attachments.hold_file(sender, JPEG, "cot-den.jpg", "image/jpeg")
    attachments.hold_location(sender, 21.2781, 106.1938)
    new = NewComplaint(channel=Channel.TELEGRAM, reply_channel=Channel.TELEGRAM,
                       reply_address="777003", sender=sender, take_held=True,
                       text="Cột đèn đường thôn Đông bị hỏng hơn một tháng chưa sửa",
                       external_id="rasa:telegram:777003:m1")
    view = intake.create_complaint(new, actor="citizen:telegram")
    assert view.attached == AttachedPending(1, (21.2781, 106.1938))
    assert describe_attached(view.code, view.attached) == (
        f"Đã đính kèm 1 tệp/ảnh và vị trí trên bản đồ vào phản ánh {view.code}.")
    assert [a.filename for a in attachments.list(view.code)] == ["cot-den.jpg"]
    assert "GPS 21.278100, 106.193800" in (intake.get(view.code).location_text or "")
    assert not attachments.has_pending(sender)

    # The action retried (same Rasa message): the same complaint, nothing attached twice.
    again = intake.create_complaint(new, actor="citizen:telegram")
    assert again.code == view.code and len(attachments.list(view.code)) == 1


def test_filing_without_the_flag_leaves_held_items_alone(
        services: tuple[IntakeService, AttachmentService]) -> None:
    intake, attachments = services
    sender = "telegram:777004"
    assert attachments.hold_file(sender, JPEG, "anh.jpg", "image/jpeg")
    code = _complaint(intake, sender)
    assert attachments.list(code) == [] and attachments.has_pending(sender)


def test_a_map_position_held_during_the_form_places_the_complaint(
        services: tuple[IntakeService, AttachmentService]) -> None:
    """Routing reads the held position before the held items are attached: a street light
    "in front of my lane" is placed at the commune nearest to the pin, not sent to triage
    for want of a place."""
    intake, attachments = services
    text = "Cột đèn đường trước ngõ nhà tôi hỏng cả tháng nay chưa ai sửa"
    unplaced = intake.create_complaint(NewComplaint(
        channel=Channel.TELEGRAM, reply_channel=Channel.TELEGRAM, text=text,
        sender="telegram:777005", take_held=True), actor="citizen:telegram")
    assert not (unplaced.queue_code or "").startswith("XA_")
    attachments.hold_location("telegram:777006", 21.2781, 106.1938)
    placed = intake.create_complaint(NewComplaint(
        channel=Channel.TELEGRAM, reply_channel=Channel.TELEGRAM, text=text,
        sender="telegram:777006", take_held=True), actor="citizen:telegram")
    assert (placed.queue_code or "").startswith("XA_"), placed.routing_reasons
    assert any("km" in reason for reason in placed.routing_reasons)
