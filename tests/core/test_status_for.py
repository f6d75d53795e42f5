"""One policy for "where is my complaint?": the owner's conversation sees the unit, the
due date and the last answer; anyone else with the code only the status."""

from __future__ import annotations

import pytest

from intake.errors import ComplaintFinished, NotYourComplaint
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


def test_the_owner_adds_information_and_the_waiting_clock_runs_again(
        service: IntakeService) -> None:
    filed = file_complaint(service, channel=Channel.TELEGRAM,
                           reply_channel=Channel.TELEGRAM, reply_address=CHAT,
                           sender=f"telegram:{CHAT}")
    service.change_status(filed.code, Status.WAITING_FOR_CITIZEN, actor="staff:x",
                          reason="Xin số thửa đất")
    service.add_citizen_info(filed.code, "Thửa số 112, tờ bản đồ số 7", Channel.TELEGRAM,
                             f"telegram:{CHAT}", external_id="rasa:telegram:1:m9")
    after = service.get(filed.code)
    assert after.status == Status.IN_PROGRESS.value
    kinds = [e.kind for e in service.events(filed.code)]
    assert "clock_resumed" in kinds
    assert service.messages(filed.code)[-1].text == "Thửa số 112, tờ bản đồ số 7"


def test_a_stranger_cannot_add_to_a_complaint(service: IntakeService) -> None:
    filed = file_complaint(service, sender="web:owner")
    with pytest.raises(NotYourComplaint) as refused:
        service.add_citizen_info(filed.code, "Tôi bổ sung thêm nội dung", Channel.WEB,
                                 "web:someone-else")
    assert "chính bạn gửi" in refused.value.message_vi
    assert len(service.messages(filed.code)) == 1


def test_a_finished_complaint_takes_no_addition_from_chat_and_a_replay_moves_nothing(
        service: IntakeService) -> None:
    owner = f"telegram:{CHAT}"
    filed = file_complaint(service, channel=Channel.TELEGRAM, reply_channel=Channel.TELEGRAM,
                           reply_address=CHAT, sender=owner)
    service.change_status(filed.code, Status.WAITING_FOR_CITIZEN, actor="staff:x")
    service.add_citizen_info(filed.code, "Số thửa 112", Channel.TELEGRAM, owner,
                             external_id="rasa:m1")
    service.change_status(filed.code, Status.WAITING_FOR_CITIZEN, actor="staff:x")
    service.add_citizen_info(filed.code, "Số thửa 112", Channel.TELEGRAM, owner,
                             external_id="rasa:m1")  # the same message, delivered again
    assert service.get(filed.code).status == Status.WAITING_FOR_CITIZEN.value
    assert len(service.messages(filed.code)) == 2
    service.change_status(filed.code, Status.CLOSED, actor="staff:x")
    with pytest.raises(ComplaintFinished) as refused:
        service.add_citizen_info(filed.code, "Vẫn chưa sửa xong", Channel.TELEGRAM, owner)
    assert "gửi phản ánh mới" in refused.value.message_vi
