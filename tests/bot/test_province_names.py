"""The province's name follows the organisation in force, in the chat channels.

On the session's stack (Bot API double → real bot → Rasa → action server → intake), the
Telegram /start (the bot's own text), the assistant's greeting (a Rasa response with the
``province`` slot, filled at session start) and the acknowledgement of a complaint filed
in the chat (an action) all say "tỉnh Bắc Giang" with the pre-2025 organisation the stack
loads; after ``pakn org apply-changes`` with the 2025 change of the province (the entry
of ``changes-2025.yml``) a new conversation says "tỉnh Bắc Ninh". The stack's database
is given its first name back at the end (a later change), so other tests see it as
loaded.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import pakn
from tests.harness.rasa_stack import RasaStack
from tests.harness.telegram_api import TelegramApiDouble

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
REFORM = ROOT / "intake" / "org" / "data" / "changes-2025.yml"
CODE = re.compile(r"PA-[0-9A-Z]{8}")
COMPLAINT = "Đèn chiếu sáng đường liên thôn hỏng cả tháng nay, tối đi lại rất nguy hiểm"


def _apply(stack: RasaStack, path: Path) -> str:
    """``pakn org apply-changes`` on the stack's database, as ``make run`` does."""
    return pakn("org", "apply-changes", str(path), "--as-of", "2025-07-02",
                database_url=stack.database_url).stdout


def _province_change_file(tmp: Path, name: str, effective: str) -> Path:
    """A changes file with the 2025 file's own province entry (its name and date
    replaced only for restoring the stack)."""
    doc = yaml.safe_load(REFORM.read_text(encoding="utf-8"))
    (entry,) = [c for c in doc["changes"] if c["action"] == "province"]
    entry = {**entry, "name": name, "effective": effective}
    path = tmp / f"province-{effective}.yml"
    path.write_text(yaml.safe_dump({"source": doc["source"], "changes": [entry]},
                                   allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def restored(rasa_stack: RasaStack, tmp_path: Path) -> Iterator[None]:
    """Give the stack's database its pre-2025 name back after the test."""
    yield
    _apply(rasa_stack, _province_change_file(tmp_path, "Tỉnh Bắc Giang", "2025-07-02"))


def _conversation(telegram: TelegramApiDouble, chat: int) -> tuple[str, str, str]:
    """/start, a greeting and a complaint filed in one chat: the three texts."""
    welcome = telegram.converse(chat, lambda: telegram.push_text(chat, "/start"))[0].text
    greeting = telegram.say(chat, "xin chào")
    assert "xã/phường" in telegram.say(chat, COMPLAINT)
    assert "thủ tục" in telegram.say(chat, "bỏ qua")
    assert "điện thoại" in telegram.say(chat, "bỏ qua")
    assert "Gửi phản ánh này" in telegram.say(chat, "bỏ qua")
    done = telegram.say(chat, "có")
    assert CODE.search(done), done
    return welcome, greeting, done


def test_chat_texts_name_the_province_in_force(
        telegram: TelegramApiDouble, bot_process: subprocess.Popen[bytes],
        rasa_stack: RasaStack, restored: None, tmp_path: Path) -> None:
    welcome, greeting, ack = _conversation(telegram, 5_560_001)
    for text in (welcome, greeting, ack):
        assert "tỉnh Bắc Giang" in text and "Bắc Ninh" not in text, text
    assert "Đã tiếp nhận phản ánh của bạn gửi cơ quan nhà nước tỉnh Bắc Giang" in ack

    report = _apply(rasa_stack, _province_change_file(tmp_path, "Tỉnh Bắc Ninh",
                                                      "2025-07-01"))
    assert "applied: province 'Tỉnh Bắc Ninh' (2025-07-01)" in report

    welcome, greeting, ack = _conversation(telegram, 5_560_002)
    for text in (welcome, greeting, ack):
        assert "tỉnh Bắc Ninh" in text and "Bắc Giang" not in text, text
    assert welcome.startswith("Xin chào! Đây là kênh tiếp nhận phản ánh")
    assert greeting.startswith("Xin chào! Tôi là trợ lý tiếp nhận phản ánh")
    # The assistant's other responses read the same slot.
    assert "tỉnh Bắc Ninh" in rasa_stack.texts("test-province-bot", "bạn là ai")[0]
