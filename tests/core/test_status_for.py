"""One policy for "where is my complaint?": the owner's conversation sees the unit, the
due date and the last answer; anyone else with the code only the status."""

from __future__ import annotations

from intake.models import Channel, Direction, Status
from intake.services.complaints import IntakeService
from tests.core.factories import file_complaint

CHAT = "5550123"


def test_the_filing_chat_sees_the_details_and_a_stranger_only_the_status(
        service: IntakeService) -> None:
    filed = file_complaint(service, channel=Channel.TELEGRAM,
                           reply_channel=Channel.TELEGRAM, reply_address=CHAT,
                           sender=f"telegram:{CHAT}")
    service.add_message(filed.code, Direction.OUTBOUND, "Đã làm việc với cán bộ một cửa.",
                        Channel.TELEGRAM, actor="staff:x")
    service.change_status(filed.code, Status.ANSWERED, actor="staff:x")
    owner = service.status_for(filed.code, f"telegram:{CHAT}")
    assert owner.owner and owner.queue_name
    assert "Trả lời gần nhất: Đã làm việc với cán bộ một cửa." in owner.text_vi
    assert "Hạn trả lời:" in owner.text_vi
    stranger = service.status_for(filed.code.lower(), "telegram:999")
    assert not stranger.owner
    assert stranger.text_vi == f"Phản ánh {filed.code}: Đã trả lời."


def test_the_chat_answers_go_to_is_the_owner_even_without_writing(
        service: IntakeService) -> None:
    filed = file_complaint(service, channel=Channel.TELEGRAM,
                           reply_channel=Channel.TELEGRAM, reply_address=CHAT,
                           sender="someone-else")
    assert service.status_for(filed.code, f"telegram:{CHAT}").owner
    assert not service.status_for(filed.code, f"web:{CHAT}").owner


def test_a_long_answer_is_cut_for_the_chat(service: IntakeService) -> None:
    filed = file_complaint(service, sender="web:abc")
    service.add_message(filed.code, Direction.OUTBOUND, "x" * 3000, Channel.WEB,
                        actor="staff:x")
    answer = service.status_for(filed.code, "web:abc")
    assert answer.last_answer == "x" * 1500 + "…"
