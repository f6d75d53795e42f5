"""Procedure questions answered from the demo catalog, over the REST channel.

Needs the demo catalog (``intake/catalog/data/demo_catalog.json``), which the
``rasa_stack`` fixture imports after the organisation; skipped (or failed under
PAKN_REQUIRE_SERVICES=1) when it is missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, skip_or_fail
from tests.e2e.conftest import Conversation
from tests.harness.rasa_stack import RasaStack

pytestmark = pytest.mark.e2e
DEMO = ROOT / "intake" / "catalog" / "data" / "demo_catalog.json"
CODE = re.compile(r"\(mã ([A-Za-z0-9._\-]+)\)")


@pytest.fixture(autouse=True)
def _demo_catalog() -> Path:
    if not DEMO.is_file():
        skip_or_fail(f"{DEMO} missing: the demo catalog is needed for these conversations")
    return DEMO


def _answers(stack: RasaStack, sender: str, text: str) -> list[dict[str, Any]]:
    answers = stack.send(sender, text)
    assert answers, f"no answer to {text!r}\n{stack.log_tails()}"
    return answers


def test_documents_question_names_procedure_code_and_offers_buttons(
        rasa_stack: RasaStack) -> None:
    answers = _answers(rasa_stack, "test-proc-docs", "Đăng ký khai sinh cần giấy tờ gì?")
    text = "\n".join(a.get("text", "") for a in answers)
    assert "Đăng ký khai sinh" in text and CODE.search(text) and "Hồ sơ gồm" in text
    buttons = [b for a in answers for b in a.get("buttons", [])]
    assert any(b["title"] == "Lệ phí" for b in buttons)


def test_fee_follow_up_uses_the_procedure_under_discussion(
        chat: Callable[[], Conversation]) -> None:
    citizen = chat()
    first = citizen.say("lý lịch tư pháp cần giấy tờ gì")
    code = CODE.search(first)
    assert code and "lý lịch tư pháp" in first.lower()
    fee = citizen.say("còn lệ phí thì sao?")
    assert f"(mã {code.group(1)})" in fee and "phí" in fee.lower()


def test_question_without_diacritics(chat: Callable[[], Conversation]) -> None:
    answer = chat().say("lam can cuoc cong dan mat bao lau")
    assert "Căn cước" in answer and "Thời hạn" in answer


def test_ambiguous_question_is_resolved_with_a_button(rasa_stack: RasaStack) -> None:
    sender = "test-proc-ambiguous"
    answers = _answers(rasa_stack, sender, "thủ tục cấp giấy phép xây dựng")
    buttons = [b for a in answers for b in a.get("buttons", [])]
    if len(buttons) > 3 or not buttons:  # answered directly: not ambiguous in this catalog
        pytest.fail(f"expected a choice of up to 3 procedures, got {answers}")
    chosen = _answers(rasa_stack, sender, buttons[0]["payload"])
    text = "\n".join(a.get("text", "") for a in chosen)
    assert buttons[0]["title"][:30] in text and CODE.search(text)


def test_unknown_procedure_is_said_honestly(rasa_stack: RasaStack) -> None:
    answers = _answers(rasa_stack, "test-proc-unknown",
                       "thủ tục xin giấy phép bay flycam trên sao hỏa")
    text = "\n".join(a.get("text", "") for a in answers)
    assert "chưa tìm thấy" in text or "Xin lỗi" in text
    payloads = [b["payload"] for a in answers for b in a.get("buttons", [])]
    assert "Tôi muốn gửi phản ánh" in payloads


def test_a_guess_says_it_is_unsure_and_offers_a_way_out(rasa_stack: RasaStack) -> None:
    """No procedure stands out: three are offered as a guess, with "none of these". (A
    second-hand motorbike's transfer is not in the demo catalog; its licence procedures
    share some words.)"""
    sender = "test-proc-guess"
    answers = _answers(rasa_stack, sender, "thủ tục xe máy cũ mua lại")
    text = "\n".join(a.get("text", "") for a in answers)
    titles = [b["title"] for a in answers for b in a.get("buttons", [])]
    assert "chưa chắc" in text, answers
    assert titles[-1] == "Không phải các thủ tục này" and 2 <= len(titles) - 1 <= 3
    payloads = [b["payload"] for a in answers for b in a.get("buttons", [])]
    chosen = _answers(rasa_stack, sender, payloads[0])
    assert CODE.search("\n".join(a.get("text", "") for a in chosen))
    way_out = _answers(rasa_stack, sender, payloads[-1])
    assert "thủ tục nào" in "\n".join(a.get("text", "") for a in way_out)
