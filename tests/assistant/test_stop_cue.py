"""The cue that ``stop`` must carry (``rasa_addons.text_guard.CueGuard`` with the stop cue
of ``config.yml``), run inside ``.venv-rasa`` on messages DIET took for ``stop``.

Cancelling throws away a half-filled complaint, so DIET's ``stop`` stands only when the
message says so in words. Citizens also cancel with the teencode "thui" (thôi) and with
"không <khai, điền, nhập…> nữa"; without those cues such a cancel became ``deny`` at a
confidence near 0, i.e. the fallback. A place name or a problem that has stopped
("đèn đường không sáng nữa") must still not cancel anything.
"""

from __future__ import annotations

from tests.assistant.rasa_run import intents_after


def _intents_after_guard(texts: list[str]) -> list[str]:
    """The intent each message keeps when DIET ranked ``stop`` first and ``deny`` next."""
    return intents_after("CueGuard", texts, ["stop", "deny"])


def test_cancels_in_teencode_or_as_not_doing_it_any_more_stay_stop() -> None:
    texts = ["thui, mình nghĩ lại rồi", "không nhập nữa", "ko điền thông tin nữa đâu",
             "hok khai báo nữa", "Hủy"]
    assert _intents_after_guard(texts) == ["stop"] * len(texts)


def test_places_and_problems_that_stopped_do_not_cancel() -> None:
    texts = ["xã Bích Động, huyện Việt Yên", "đèn đường không sáng nữa",
             "nước máy không chảy nữa", "xã không trả lời nữa", "ok"]
    assert _intents_after_guard(texts) == ["deny"] * len(texts)
