"""The complaint services against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from intake.errors import (
    ComplaintNotFound,
    InvalidTrackingCode,
    InvalidTransition,
    ValidationError,
)
from intake.models import Channel, Direction, Status
from intake.rows import RowBatch
from intake.services.complaints import IntakeService
from tests.core.factories import BICH_DONG, file_complaint, new_complaint


def test_a_complaint_is_filed_routed_and_audited(service: IntakeService) -> None:
    view = file_complaint(service)
    assert view.code.startswith("PA-") and view.created_now
    assert view.status == Status.ROUTED
    assert view.queue_code == "XA_07777"
    assert view.queue_name == "UBND thị trấn Bích Động"  # the type in lower case, as written
    assert view.due_at is not None and view.due_at > datetime.now(UTC)
    assert any("Bích Động" in reason for reason in view.routing_reasons)
    kinds = [e.kind for e in service.events(view.code)]
    assert kinds == ["created", "routed"]
    routed = service.events(view.code)[1]
    assert routed.data["queue"] == "XA_07777" and routed.data["rule"] == "place_in_text"


def test_the_place_given_by_the_citizen_wins(service: IntakeService) -> None:
    view = file_complaint(service, text="Đèn đường hỏng cả tháng nay không ai sửa",
                          location_text="xa Bich Dong")
    assert view.queue_code == "XA_07777"
    assert view.place_queue_code == "XA_07777"


def test_without_a_place_it_goes_to_triage_with_the_reason(service: IntakeService) -> None:
    view = file_complaint(service, text="Thủ tục rườm rà quá, nộp hồ sơ mãi không xong")
    assert view.queue_code == "VP_UBND"
    assert "phân loại" in view.routing_reasons[0]


def test_filing_twice_with_the_same_external_id_files_once(service: IntakeService) -> None:
    first = file_complaint(service, external_id="rasa:abc:msg-1")
    again = file_complaint(service, external_id="rasa:abc:msg-1")
    assert again.code == first.code and not again.created_now
    assert service.count() == 1


@pytest.mark.parametrize("text", ["", "   ", "😀😀😀", "!!! ???"])
def test_empty_or_wordless_text_is_refused(service: IntakeService, text: str) -> None:
    with pytest.raises(ValidationError) as info:
        file_complaint(service, text=text)
    assert "trống" in info.value.message_vi
    assert service.count() == 0


def test_oversized_text_is_refused_politely(service: IntakeService) -> None:
    with pytest.raises(ValidationError) as info:
        file_complaint(service, text="a " * 10_001)
    assert "quá dài" in info.value.message_vi


def test_sql_looking_text_is_stored_verbatim(service: IntakeService) -> None:
    text = "Robert'); DROP TABLE complaints; -- cán bộ xã Bích Động gây khó dễ"
    view = file_complaint(service, text=text)
    assert service.get(view.code).text == text


def test_text_is_stored_in_nfc(service: IntakeService) -> None:
    decomposed = ("Ca\u0301n bo\u0323\u0302 xa\u0303 Bi\u0301ch \u0110o\u0323\u0302ng "
                  "cha\u0302\u0323m")
    view = file_complaint(service, text=decomposed)
    assert view.text == "Cán bộ xã Bích Động chậm"
    assert view.queue_code == "XA_07777"


def test_look_up_forgives_the_format_and_refuses_unknown_codes(service: IntakeService) -> None:
    view = file_complaint(service)
    assert service.get(view.code.lower().replace("-", " ")).code == view.code
    with pytest.raises(ComplaintNotFound):
        service.get("PA-00000000")
    with pytest.raises(InvalidTrackingCode):
        service.get("HS-2024-0001")


def test_status_changes_follow_the_life_cycle(service: IntakeService) -> None:
    view = file_complaint(service)
    service.change_status(view.code, Status.IN_PROGRESS, actor="staff:1")
    answered = service.change_status(view.code, Status.ANSWERED, actor="staff:1",
                                     reason="Đã trả kết quả")
    assert answered.status == Status.ANSWERED
    with pytest.raises(InvalidTransition):
        service.change_status(view.code, Status.ROUTED, actor="staff:1")
    statuses = [e.data.get("to") for e in service.events(view.code) if e.kind == "status"]
    assert statuses == ["in_progress", "answered"]


def test_messages_are_appended_once(service: IntakeService) -> None:
    view = file_complaint(service)
    service.add_message(view.code, Direction.OUTBOUND, "Xã đã trả hồ sơ.", Channel.CHAT,
                        actor="staff:1", external_id="answer-1")
    service.add_message(view.code, Direction.OUTBOUND, "Xã đã trả hồ sơ.", Channel.CHAT,
                        actor="staff:1", external_id="answer-1")
    thread = service.messages(view.code)
    assert [m.direction for m in thread] == ["in", "out"]
    assert service.get(view.code).last_answer == "Xã đã trả hồ sơ."


def test_list_by_queue_and_status(service: IntakeService) -> None:
    file_complaint(service)
    file_complaint(service, text="Đường huyện đoạn qua thôn tôi xuống cấp nặng, ổ gà chi chít",
                   location_text="huyện Lục Ngạn")  # a district road: the district's queue
    assert [c.queue_code for c in service.list_complaints(queue="HUYEN_219")] == ["HUYEN_219"]
    assert len(service.list_complaints(status=Status.ROUTED)) == 2
    assert service.list_complaints(status=Status.CLOSED) == []


def test_status_notifications_go_to_the_outbox_for_telegram(service: IntakeService) -> None:
    view = service.create_complaint(new_complaint(
        channel=Channel.TELEGRAM, reply_channel=Channel.TELEGRAM, reply_address="12345",
        text=BICH_DONG), actor="citizen:telegram")
    service.change_status(view.code, Status.WAITING_FOR_CITIZEN, actor="staff:1",
                          reason="Đề nghị cung cấp số biên nhận hồ sơ")
    from sqlalchemy import select

    from intake.models import Outbox
    with service.db.reading() as session:
        rows = session.scalars(select(Outbox)).all()
    assert [(r.channel, r.recipient) for r in rows] == [("telegram", "12345")]
    assert "số biên nhận" in rows[0].body


def test_rows_held_for_later_without_the_callers_transaction_are_refused(
        service: IntakeService) -> None:
    """A message committed on its own while its event waits in someone else's batch
    would be written in another transaction, or never: refused before anything is
    written."""
    filed = file_complaint(service)
    before = len(service.events(filed.code))
    with pytest.raises(ValueError, match="caller's session"):
        service.add_message(filed.code, Direction.INBOUND, "Bổ sung: thôn Đông", Channel.EMAIL,
                            actor="citizen:email", later=RowBatch())
    with pytest.raises(ValueError, match="caller's session"):
        service.add_citizen_info(filed.code, "Bổ sung: thôn Đông", Channel.EMAIL,
                                 "dan@example.vn", owner_only=False, later=RowBatch())
    assert len(service.events(filed.code)) == before
    assert len(service.messages(filed.code)) == 1
