"""The satisfaction question on Telegram, through the Bot API double: the real delivery
dispatcher (``pakn delivery send``) sends the question with five buttons after staff
resolve; the real bot (``python -m bot``) takes the press and records the score.

Rasa is not involved (buttons of the question never reach it), so the bot runs against
an address where no Rasa listens; the database is the core tests' SQLite one."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.config import Settings, load_settings
from intake.console.auth import Accounts
from intake.db import Database, upgrade
from intake.models import Channel, Role
from intake.org.data_files import read_organisation
from intake.org.loader import load_organisation
from intake.services.complaints import IntakeService
from intake.services.staff import StaffService
from tests.bot.conftest import TOKEN, bot_env, start_bot, start_delivery, stop_bot
from tests.core.factories import file_complaint
from tests.harness.ports import free_port
from tests.harness.telegram_api import TelegramApiDouble

CHAT = 5151
OTHER_CHAT = 6262


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[TelegramApiDouble, IntakeService]]:
    """A migrated SQLite database, the double, the bot and the dispatcher."""
    url = f"sqlite:///{tmp_path / 'pakn.db'}"
    upgrade(url)
    db = Database(url)
    load_organisation(db, read_organisation(), source="test")
    settings: Settings = load_settings({"PAKN_DATABASE_URL": url,
                                        "PAKN_VAR_DIR": str(tmp_path)})
    with TelegramApiDouble(TOKEN) as api:
        env = bot_env(api, f"http://127.0.0.1:{free_port()}", url, tmp_path,
                      PAKN_DELIVERY_POLL_SECONDS="0.2", PAKN_DELIVERY_RETRY_SECONDS="0.5")
        bot: subprocess.Popen[bytes] = start_bot(env, tmp_path / "bot.log", api)
        dispatcher = start_delivery(env, tmp_path / "delivery.log")
        try:
            yield api, IntakeService(db, settings)
        finally:
            stop_bot(dispatcher)
            stop_bot(bot)
            db.dispose()


def test_rating_with_the_buttons(world: tuple[TelegramApiDouble, IntakeService]) -> None:
    api, service = world
    staff = StaffService(service)
    coordinator = Accounts(service.db).add_user("coord", "correct horse battery",
                                                Role.COORDINATOR, [])
    filed = file_complaint(service, channel=Channel.TELEGRAM,
                           reply_channel=Channel.TELEGRAM, reply_address=str(CHAT))
    staff.resolve(coordinator, filed.code, "Đã sửa xong đường")
    notice, question = api.wait_messages(CHAT, 2)
    assert filed.code in notice.text and "Đã kết thúc" in notice.text
    assert "hài lòng" in question.text and filed.code in question.text
    buttons = question.buttons()
    assert [text[0] for text, _ in buttons] == ["1", "2", "3", "4", "5"]

    forged = buttons[4][1].rsplit(":", 1)[0] + ":0000000000"
    (refused,) = api.converse(CHAT, lambda: api.push_callback(CHAT, question, forged))
    assert "không hợp lệ" in refused.text
    (elsewhere,) = api.converse(OTHER_CHAT,
                                lambda: api.push_callback(OTHER_CHAT, question, buttons[0][1]))
    assert "không hợp lệ" in elsewhere.text
    assert not [e for e in service.events(filed.code) if e.kind == "satisfaction"]

    thanks = api.converse(CHAT, lambda: api.push_callback(CHAT, question, buttons[4][1]))
    assert "5/5" in thanks[-1].text and "/danh-gia/" in thanks[-1].text
    assert any(c.get("message_id") == question.message_id and not c.get("reply_markup")
               for c in api.calls("editMessageReplyMarkup"))
    rated = [e for e in service.events(filed.code) if e.kind == "satisfaction"]
    assert [(e.data["score"], e.data["channel"]) for e in rated] == [(5, "telegram")]
    (again,) = api.converse(CHAT, lambda: api.push_callback(CHAT, question, buttons[0][1]))
    assert "đã đánh giá" in again.text
    assert len([e for e in service.events(filed.code) if e.kind == "satisfaction"]) == 1
