"""What a citizen meets on Telegram day to day (issue 18): a long complaint that the app
split in two, captions, a flood, a photo in the middle of the form, and the error handler.

The end-to-end tests run their own ``python -m bot`` (default limits and joining window)
against their own Bot API double, with the session's Rasa stack behind it.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from telegram.error import NetworkError

from bot.app import on_error
from bot.joining import MessageJoiner
from bot.ratelimit import MSG_SLOW_DOWN, FloodGuard
from intake.services.attachments import AttachmentService
from intake.services.complaints import IntakeService
from tests.bot.conftest import bot_env, start_bot, stop_bot
from tests.harness.rasa_stack import RasaStack
from tests.harness.telegram_api import TelegramApiDouble

CODE = re.compile(r"PA-[0-9A-Z]{8}")
JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + bytes(range(256)) * 20
SENTENCES = (
    "Đoạn đường liên thôn từ thôn Đông đi thôn Nam bị sụt lún, ổ gà sâu, trời mưa đọng nước.",
    "Nhiều lần người dân đã phản ánh với thôn và xã nhưng đến nay vẫn chưa được sửa chữa.",
    "Học sinh đi học buổi sáng phải lội nước, đã có hai em bị ngã xe, một cụ già bị thương.",
    "Xe chở vật liệu xây dựng chạy quá tải vào ban đêm làm đường càng hư hỏng nặng hơn.",
)


def long_complaint(chars: int) -> str:
    """A real-looking complaint of about ``chars`` characters (numbered sentences)."""
    parts, n = [], 0
    while sum(len(p) + 1 for p in parts) < chars:
        n += 1
        parts.append(f"({n}) {SENTENCES[n % len(SENTENCES)]}")
    return " ".join(parts)[:chars].rstrip()


def split_like_telegram(text: str, limit: int = 4096) -> list[str]:
    """What a Telegram app sends for a text over ``limit``: parts cut at a space."""
    parts = []
    while len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        parts.append(text[:cut])
        text = text[cut + 1:]
    return [*parts, text]


@pytest.fixture
def daily_bot(rasa_stack: RasaStack, tmp_path: Path
              ) -> Iterator[tuple[TelegramApiDouble, Path]]:
    """A bot with the default joining window and message limit, on its own double."""
    with TelegramApiDouble("444555666:DAILY-token") as api:
        env = bot_env(api, rasa_stack.rasa_url, rasa_stack.database_url, tmp_path,
                      **rasa_stack.edge_env, PAKN_TELEGRAM_BURST="6",
                      PAKN_TELEGRAM_REFILL_PER_SECOND="1")
        process = start_bot(env, tmp_path / "bot.log", api)
        try:
            yield api, tmp_path
        finally:
            stop_bot(process)


@pytest.mark.e2e
def test_a_complaint_the_app_split_in_two_is_stored_whole(
        daily_bot: tuple[TelegramApiDouble, Path],
        intake_services: tuple[IntakeService, AttachmentService]) -> None:
    api, _ = daily_bot
    intake, _ = intake_services
    chat = 5_570_001
    text = long_complaint(6000)
    first, second = split_like_telegram(text)
    assert len(first) <= 4096 and len(first) + 1 + len(second) == 6000
    assert "mô tả nội dung" in api.say(chat, "Tôi muốn gửi phản ánh")
    asked = api.converse(chat, lambda: (api.push_text(chat, first),
                                        api.push_text(chat, second)))
    # One answer: the next question, not "the place is too long" for the second part.
    assert len(asked) == 1 and "xã/phường" in asked[0].text, [s.text for s in asked]
    assert "thủ tục hành chính" in api.say(chat, "bỏ qua")
    assert "điện thoại" in api.say(chat, "bỏ qua")
    assert "Gửi phản ánh này" in api.say(chat, "bỏ qua")
    done = api.say(chat, "có")
    code = CODE.search(done)
    assert code, done
    assert intake.get(code.group(0)).text == f"{first}\n{second}"


@pytest.mark.e2e
def test_a_caption_is_kept_and_a_photo_mid_form_repeats_the_question(
        daily_bot: tuple[TelegramApiDouble, Path],
        intake_services: tuple[IntakeService, AttachmentService]) -> None:
    api, _ = daily_bot
    intake, attachments = intake_services
    chat = 5_570_002
    api.say(chat, "Tôi muốn gửi phản ánh")
    assert "xã/phường" in api.say(chat, "Cột đèn đường ngõ 3 thôn Đông hỏng hơn một tháng nay")
    answer = api.converse(chat, lambda: api.push_photo(chat, JPEG, caption="Ảnh cột đèn hỏng"))
    texts = [s.text for s in answer]
    assert "Đã nhận ảnh" in texts[0] and "gửi phản ánh' rồi" not in texts[0]
    assert "xã/phường" in texts[-1], texts  # the pending question again
    # The form goes on where it was, and still checks the answers: the place is read.
    assert "thủ tục hành chính" in api.say(chat, "xã Bích Động, Việt Yên")
    assert "điện thoại" in api.say(chat, "bỏ qua")
    assert "Gửi phản ánh này" in api.say(chat, "0912 345 678")
    # A second photo at the confirmation: the question again, then "có" still files.
    again = api.converse(chat, lambda: api.push_photo(chat, JPEG + b"second photo"))
    assert "Gửi phản ánh này" in again[-1].text, [s.text for s in again]
    done = api.say(chat, "có")
    code = CODE.search(done)
    assert code and "Đã đính kèm 2 tệp/ảnh" in done, done
    view = intake.get(code.group(0))
    assert view.location_text and "Bích Động" in view.location_text
    assert view.citizen_phone == "0912345678"
    stored = attachments.list(code.group(0))
    assert [a.caption for a in stored][:1] == ["Ảnh cột đèn hỏng"]


@pytest.mark.e2e
def test_thirty_messages_in_three_seconds_get_exactly_one_warning(
        daily_bot: tuple[TelegramApiDouble, Path]) -> None:
    api, _ = daily_bot
    chat = 5_570_003
    for _ in range(30):
        api.push_text(chat, "/help")
        time.sleep(0.1)
    time.sleep(3)  # let the last answers arrive
    warnings = [s for s in api.sent_to(chat) if s.text == MSG_SLOW_DOWN]
    helped = [s for s in api.sent_to(chat) if s.text != MSG_SLOW_DOWN]
    assert len(warnings) == 1
    assert 6 <= len(helped) <= 10  # the burst, then what refilled at 1/s


def test_the_flood_guard_warns_once_per_flood_and_again_after_calm() -> None:
    guard = FloodGuard(burst=6, refill_per_second=1.0)
    verdicts = [guard.check(1, now=0.1 * i) for i in range(30)]
    assert verdicts.count("warn") == 1 and verdicts.count("ok") >= 6
    assert guard.check(1, now=20.0) == "ok"  # calm again for a long while
    later = [guard.check(1, now=20.0 + 0.05 * i) for i in range(10)]
    assert later.count("warn") == 1  # a new flood, a new warning


async def test_the_error_handler_logs_a_dropped_poll_in_one_line(
        caplog: pytest.LogCaptureFixture) -> None:
    context: Any = SimpleNamespace(error=NetworkError("Bad Gateway"))
    with caplog.at_level(logging.WARNING, logger="bot.app"):
        await on_error(None, context)
    (record,) = caplog.records
    assert record.levelno == logging.WARNING and "NetworkError" in record.getMessage()
    assert record.exc_info is None

    caplog.clear()
    context = SimpleNamespace(error=KeyError("boom"))
    with caplog.at_level(logging.WARNING, logger="bot.app"):
        await on_error(None, context)
    (record,) = caplog.records
    assert record.levelno == logging.ERROR and record.exc_info is not None


async def test_joined_texts_go_as_one_turn_and_turns_of_a_chat_never_overlap() -> None:
    joiner = MessageJoiner(window=0.05, long_window=0.2)
    log: list[str] = []

    def turn(label: str) -> Callable[[str], Awaitable[None]]:
        async def run(text: str) -> None:
            log.append(f"start {label}: {text}")
            await asyncio.sleep(0.3)  # a slow assistant
            log.append(f"end {label}")
        return run

    joiner.add(7, "phần một", turn("A"))
    joiner.add(7, "phần hai", turn("A"))
    await asyncio.sleep(0.1)  # the window passed: the joined turn is running
    joiner.add(7, "câu tiếp", turn("B"))
    await asyncio.sleep(0.1)
    # Another kind of update (a photo) waits for both turns before it is handled.
    await joiner.flush(7)
    log.append("photo")
    assert log == ["start A: phần một\nphần hai", "end A", "start B: câu tiếp", "end B",
                   "photo"]


async def test_a_text_near_the_split_size_waits_longer_and_stopping_flushes_it() -> None:
    joiner = MessageJoiner(window=0.05, long_window=5.0)
    got: list[str] = []

    async def run(text: str) -> None:
        got.append(text)

    joiner.add(8, "x" * 4000, run)
    await asyncio.sleep(0.2)
    assert got == []  # still waiting for the rest Telegram split off
    await joiner.flush_all()
    assert got == ["x" * 4000]
