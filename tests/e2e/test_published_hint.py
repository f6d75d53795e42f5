"""The assistant points to a published answer before a citizen files (issue 16), with
the real Rasa server and action server over the signed channel."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest

from intake.console.auth import Accounts
from intake.models import Channel, Role
from intake.services.complaints import IntakeService, NewComplaint
from intake.services.publication import Publication
from intake.services.staff import StaffService
from tests.e2e.conftest import Conversation

pytestmark = pytest.mark.e2e

QUESTION = ("Trạm bơm thủy lợi của thôn Hạ hỏng từ đầu vụ mà chưa được sửa, ruộng lúa của "
            "bà con thiếu nước tưới, đề nghị sửa trạm bơm sớm")
ANSWER = ("Công ty thủy lợi đã thay máy bơm của trạm bơm thôn Hạ ngày 12/3; trạm đã bơm "
          "nước trở lại cho cánh đồng.")


def test_a_published_answer_is_offered_and_filing_goes_on(
        chat: Callable[[], Conversation], intake: IntakeService) -> None:
    staff = StaffService(intake)
    coordinator = Accounts(intake.db).add_user(f"coord_{uuid.uuid4().hex[:8]}",
                                               "correct horse battery", Role.COORDINATOR, [])
    filed = intake.create_complaint(NewComplaint(
        channel=Channel.CHAT, reply_channel=Channel.CHAT, text=QUESTION, sender="test",
        external_id=f"published-hint:{uuid.uuid4().hex}"), actor="citizen:test")
    staff.reply(coordinator, filed.code, ANSWER)
    publication = Publication(intake.db, intake.settings.mail_domain,
                              intake.settings.public_url)
    publication.decide(coordinator, publication.propose(coordinator, filed.code,
                                                        "Thủy lợi").id, True)

    citizen = chat()
    assert "mô tả nội dung" in citizen.say("toi muon gui phan anh")
    reply = citizen.say("tram bom thuy loi thon ha hong chua sua, ruong lua thieu nuoc tuoi")
    assert "Câu hỏi tương tự đã được trả lời" in reply
    assert "thay máy bơm" in reply and f"/cong-khai?q={filed.code}" in reply
    assert "xã/phường" in reply  # the form goes on: the citizen can still file
