"""Conversations with the real assistant: Rasa server + action server + SQLite.

These go through Rasa's REST channel exactly as the web chat and the Telegram bot do,
so the custom actions, the forms and their validation all run for real.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from intake.services.complaints import IntakeService
from tests.e2e.conftest import Conversation
from tests.harness.rasa_stack import RasaStack

pytestmark = pytest.mark.e2e

CODE = re.compile(r"PA-[0-9A-Z]{8}")
BICH_DONG = "Cán bộ một cửa xã Bích Động hẹn trả hồ sơ 3 lần vẫn chưa có kết quả"


def file_bich_dong(citizen: Conversation) -> str:
    """The complaint of the foundation issue, filed end to end; its tracking code."""
    asked = citizen.say(BICH_DONG)
    assert "xã/phường" in asked  # the complaint text was taken from the first message
    assert "thủ tục hành chính" in citizen.say("xã Bích Động, huyện Việt Yên")
    assert "điện thoại" in citizen.say("bỏ qua")
    summary = citizen.say("0912 345 678")
    assert "Bích Động" in summary and "0912345678" in summary
    done = citizen.say("có")
    match = CODE.search(done)
    assert match, done
    assert "UBND thị trấn Bích Động" in done and "Hạn trả lời" in done
    return match.group(0)


def test_greeting(chat: Callable[[], Conversation]) -> None:
    assert "Xin chào" in chat().say("xin chào")
    assert "Xin chào" in chat().say("chao ban")


def test_a_complaint_is_filed_routed_and_found_again(
        chat: Callable[[], Conversation], intake: IntakeService) -> None:
    citizen = chat()
    code = file_bich_dong(citizen)
    stored = intake.get(code)
    assert stored.queue_code == "XA_07777"
    assert stored.text == BICH_DONG
    assert stored.citizen_phone == "0912345678"
    assert stored.location_text == "xã Bích Động, huyện Việt Yên"
    events = intake.events(code)
    assert [e.kind for e in events] == ["created", "routed"]
    assert events[1].data["queue"] == "XA_07777" and events[1].reason

    owner_view = citizen.say(f"tra cứu {code}")
    assert "Đã chuyển đơn vị xử lý" in owner_view and "UBND thị trấn Bích Động" in owner_view

    stranger_view = chat().say(f"kiem tra ma {code.lower()}")
    assert code in stranger_view and "Đã chuyển đơn vị xử lý" in stranger_view
    assert "Bích Động" not in stranger_view  # only the owner's chat sees the details


def test_announce_first_then_describe_without_diacritics(
        chat: Callable[[], Conversation], intake: IntakeService) -> None:
    citizen = chat()
    assert "mô tả nội dung" in citizen.say("toi muon gui phan anh")
    assert "xã/phường" in citizen.say(
        "duong lang bi xe tai cho dat cay nat, mua xuong la ngap bun ca thang nay")
    assert "thủ tục hành chính" in citizen.say("bo qua")
    assert "điện thoại" in citizen.say("khong lien quan")
    assert "Gửi phản ánh này" in citizen.say("ko")
    code = CODE.search(citizen.say("ok"))
    assert code
    assert intake.get(code.group(0)).queue_code == "VP_UBND"


def test_the_related_procedure_is_suggested_from_the_text_and_routes(
        chat: Callable[[], Conversation], rasa_stack: RasaStack,
        intake: IntakeService) -> None:
    citizen = chat()
    assert "mô tả nội dung" in citizen.say("tôi muốn gửi phản ánh")
    citizen.say("Tôi nộp hồ sơ đăng ký khai sinh cho con ở xã Bích Động 2 tuần chưa có kết quả")
    answers = rasa_stack.send(citizen.sender, "thị trấn Bích Động")
    buttons = [b for a in answers for b in a.get("buttons", [])]
    chosen = next((b for b in buttons if b["title"] == "Đăng ký khai sinh"), None)
    assert chosen, answers
    assert "điện thoại" in citizen.say(chosen["payload"])
    assert "Thủ tục liên quan: Đăng ký khai sinh" in citizen.say("bỏ qua")
    code = CODE.search(citizen.say("có"))
    assert code
    stored = intake.get(code.group(0))
    assert stored.queue_code == "XA_07777"
    assert any("Đăng ký khai sinh" in r for r in stored.routing_reasons), stored.routing_reasons


def test_a_typed_procedure_name_is_looked_up(chat: Callable[[], Conversation]) -> None:
    citizen = chat()
    citizen.say("toi muon phan anh")
    citizen.say("Cán bộ tiếp nhận hồ sơ thái độ không tốt, quát nạt người dân")
    citizen.say("bỏ qua")
    assert "điện thoại" in citizen.say("lam so do lan dau")
    assert "Thủ tục liên quan: Cấp Giấy chứng nhận quyền sử dụng đất lần đầu" in \
        citizen.say("bỏ qua")
    assert "Đã hủy" in citizen.say("hủy")


def test_status_asks_for_the_code_and_explains_the_format(
        chat: Callable[[], Conversation]) -> None:
    citizen = chat()
    assert "mã tra cứu" in citizen.say("kiểm tra tình trạng phản ánh của tôi")
    assert "định dạng" in citizen.say("HS-2024-001")
    assert "Không tìm thấy" in citizen.say("PA-ZZZZZZZZ")


def test_cancelling_midway_files_nothing(
        chat: Callable[[], Conversation], intake: IntakeService) -> None:
    before = intake.count()
    citizen = chat()
    citizen.say("tôi muốn phản ánh")
    citizen.say("Trạm y tế xã đóng cửa giờ hành chính, người dân không khám được")
    assert "Đã hủy" in citizen.say("hủy")
    assert intake.count() == before
    assert "Xin chào" in citizen.say("xin chào")  # the conversation goes on normally


def test_saying_yes_again_does_not_file_twice(
        chat: Callable[[], Conversation], intake: IntakeService) -> None:
    citizen = chat()
    file_bich_dong(citizen)
    count = intake.count()
    citizen.say("có")
    citizen.say("gửi đi")
    assert intake.count() == count


@pytest.mark.parametrize("text", [
    "x" * 20_000,
    ("Cán bộ xã gây khó dễ " * 1000).strip(),
    "😀😀😀🙏",
    "'; DROP TABLE complaints; --",
    "PA-12",
    "<script>alert(1)</script>",
])
def test_bad_input_gets_an_answer_and_writes_nothing(
        chat: Callable[[], Conversation], intake: IntakeService, text: str) -> None:
    before = intake.count()
    citizen = chat()
    answer = citizen.say(text)
    assert "Traceback" not in answer
    citizen.say("hủy")
    assert intake.count() == before


def test_a_very_long_complaint_is_refused_politely_inside_the_form(
        chat: Callable[[], Conversation], intake: IntakeService) -> None:
    citizen = chat()
    citizen.say("tôi muốn gửi phản ánh")
    answer = citizen.say("Cán bộ xã gây khó dễ khi làm hồ sơ. " * 600)
    assert "quá dài" in answer
    assert "hủy" in citizen.say("hủy").lower()


@pytest.mark.parametrize("question", [
    "Tôi nộp hồ sơ xin cấp sổ đỏ ở bộ phận một cửa huyện từ tháng trước, giờ đến bước nào "
    "rồi ạ?",
    "ma ho so 000.00.24.H06-240512-0031 da xong chua ad",
])
def test_a_question_about_a_submitted_dossier_is_answered_with_how_to_look_it_up(
        chat: Callable[[], Conversation], question: str) -> None:
    answer = chat().say(question)
    assert "mã hồ sơ" in answer.lower() and "dichvucong" in answer
    assert "Bộ phận Một cửa" in answer
    assert "PA-" in answer  # says the receipt code is not a complaint's code
    assert not CODE.search(answer)
    if "000.00.24.H06" in question:
        assert "000.00.24.H06-240512-0031" in answer


def test_yes_to_the_contact_question_asks_for_the_number_itself(
        chat: Callable[[], Conversation], intake: IntakeService) -> None:
    citizen = chat()
    assert "xã/phường" in citizen.say(BICH_DONG)
    assert "thủ tục hành chính" in citizen.say("xã Bích Động, huyện Việt Yên")
    assert "điện thoại" in citizen.say("bỏ qua")
    asked = citizen.say("có")
    assert "nhập số điện thoại" in asked
    assert "chưa thấy" not in asked and "Bạn có muốn để lại" not in asked
    summary = citizen.say("0987 654 321")
    assert "0987654321" in summary
    code = CODE.search(citizen.say("có"))
    assert code and intake.get(code.group(0)).citizen_phone == "0987654321"


@pytest.mark.parametrize(("text", "intent_answer"), [
    # a question about what to do / whether one may is a procedure question
    ("mất bằng lái xe máy rồi thì phải làm sao", "giấy phép lái xe"),
    # a problem described without "phản ánh" starts a complaint
    ("đèn đường ngõ 5 thôn Đông tắt cả tuần nay rồi", "xã/phường"),
    # personal requests outside the services
    ("cho mình vay 2 triệu được không", "chỉ hỗ trợ"),
    # colloquial thanks
    ("ok tks ad nhé", "vui được hỗ trợ"),
    # thanks, then leave-taking: the conversation ends
    ("cảm ơn nhiều nha, bye", "chúc bạn một ngày tốt lành"),
])
def test_confusable_messages_reach_the_right_answer(
        chat: Callable[[], Conversation], text: str, intent_answer: str) -> None:
    assert intent_answer in chat().say(text).lower()


@pytest.mark.parametrize(("payload", "answer"), [
    # the greeting's, Telegram /start's and the lookup's own buttons: ours, so never
    # left to the classifier (which once took the first for a complaint)
    ("Tôi muốn hỏi về thủ tục hành chính", "thủ tục nào"),
    ("Tôi muốn gửi phản ánh", "mô tả nội dung phản ánh"),
    ("Tra cứu tình trạng phản ánh", "mã tra cứu"),
    ("Tôi muốn tra cứu phản ánh đã gửi", "mã tra cứu"),
])
def test_our_menu_buttons_reach_their_answers(
        chat: Callable[[], Conversation], payload: str, answer: str) -> None:
    assert answer in chat().say(payload)
