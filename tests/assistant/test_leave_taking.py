"""A message that ends by taking leave after a closing clause ends the conversation
(``goodbye``), though the classifier hears the thanks or the "chào" first
(``rasa_addons.text_guard.PatternIntents`` with the patterns of ``config.yml``, run inside
``.venv-rasa``). A greeting, a thanks alone, or a "chào" that opens a question is left to
the classifier."""

from __future__ import annotations

from tests.assistant.rasa_run import intents_after_each

LEAVE_TAKING = [  # what the classifier heard first
    ("cám ơn bạn nhiều, tạm biệt", "thank"),
    ("ok thanks ad, bye bye", "thank"),
    ("xong rồi, chào em nhé", "greet"),
    ("mình xin phép nghỉ đây, chào mọi người", "greet"),
    ("vậy thôi nhé bot, pp", "deny"),
]
NOT_LEAVE_TAKING = [
    ("chào bạn", "greet"),
    ("cảm ơn bạn nhiều nhé", "thank"),
    ("cảm ơn, chào bạn, cho mình hỏi làm căn cước ở đâu", "ask_procedure"),
    ("alo, chào ad", "greet"),
    ("thôi, không gửi nữa", "stop"),
]


def test_leave_taking_at_the_end_is_goodbye_and_the_rest_is_the_classifiers() -> None:
    heard = [(text, [first, "goodbye"]) for text, first in LEAVE_TAKING + NOT_LEAVE_TAKING]
    kept = intents_after_each("PatternIntents", heard)
    assert kept[:len(LEAVE_TAKING)] == ["goodbye"] * len(LEAVE_TAKING)
    assert kept[len(LEAVE_TAKING):] == [first for _, first in NOT_LEAVE_TAKING]
