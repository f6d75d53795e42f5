"""The chat relay's guards and its reading of Rasa's answers."""

from __future__ import annotations

import pytest

from intake.chat.relay import (
    MSG_EMPTY,
    MSG_NO_WORDS,
    AssistantUnavailable,
    guard,
    parse_rasa_answer,
)


def test_commands_are_not_forwarded_raw() -> None:
    text, refusal = guard("/greet", 100)
    assert refusal is None and text == "greet"


@pytest.mark.parametrize(("typed", "message"), [("", MSG_EMPTY), ("   /", MSG_EMPTY),
                                                 ("😀🙏", MSG_NO_WORDS)])
def test_empty_and_wordless_messages_are_answered(typed: str, message: str) -> None:
    text, refusal = guard(typed, 100)
    assert text is None and refusal is not None and refusal.text == message


def test_too_long_messages_are_refused_with_the_limit() -> None:
    text, refusal = guard("a" * 20_000, 5000)
    assert text is None and refusal is not None and "5.000" in refusal.text


def test_decomposed_text_becomes_nfc() -> None:
    text, _ = guard("xin cha\u0300o", 100)
    assert text == "xin chào"


def test_an_empty_rasa_answer_is_an_error_not_silence() -> None:
    with pytest.raises(AssistantUnavailable):
        parse_rasa_answer([])
    replies = parse_rasa_answer([{"recipient_id": "x", "text": "Xin chào",
                                  "buttons": [{"title": "Gửi", "payload": "có"}]}])
    assert replies[0].text == "Xin chào" and replies[0].buttons == (("Gửi", "có"),)
