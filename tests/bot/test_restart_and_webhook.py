"""The bot as a process that can die and be replaced, and as a webhook server.

Each test runs its own ``python -m bot`` against its own Bot API double (so it does not
compete with the session's polling bot), with the session's Rasa stack behind it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx
import pytest

from intake.services.attachments import AttachmentService
from intake.services.complaints import IntakeService
from tests.bot.conftest import bot_env, start_bot, start_webhook_bot, stop_bot
from tests.harness.ports import free_port
from tests.harness.rasa_stack import RasaStack
from tests.harness.telegram_api import TelegramApiDouble

pytestmark = pytest.mark.e2e

CODE = re.compile(r"PA-[0-9A-Z]{8}")
CONTENT = "Đèn đường thôn Nam hỏng cả tháng nay, buổi tối không ai dám đi qua"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + bytes(range(255, -1, -1)) * 30
SECRET = "webhook-s3cret_for-the-test"


def test_a_photo_held_before_a_restart_is_attached_after_it(
        rasa_stack: RasaStack, bot_var_dir: Path,
        intake_services: tuple[IntakeService, AttachmentService]) -> None:
    intake, attachments = intake_services
    chat = 5_560_001
    with TelegramApiDouble("222333444:RESTART-token") as api:
        env = bot_env(api, rasa_stack.rasa_url, rasa_stack.database_url, bot_var_dir,
                      **rasa_stack.edge_env)
        first = start_bot(env, bot_var_dir / "bot-restart-1.log", api)
        try:
            assert "mô tả nội dung" in api.say(chat, "Tôi muốn gửi phản ánh")
            assert "xã/phường" in api.say(chat, CONTENT)
            held = api.converse(chat, lambda: api.push_photo(chat, JPEG))
            assert "Đã nhận ảnh" in held[0].text and "xã/phường" in held[-1].text
        finally:
            stop_bot(first)
        assert attachments.has_pending(f"telegram:{chat}")

        api.state.calls.clear()
        second = start_bot(env, bot_var_dir / "bot-restart-2.log", api)
        try:
            before = len(api.sent_to(chat))
            api.push_location(chat, 21.2781, 106.1938)  # acknowledged, then the next question
            located = "\n".join(s.text for s in api.wait_messages(chat, 2, after=before))
            assert "thủ tục hành chính" in located
            assert "điện thoại" in api.say(chat, "bỏ qua")
            assert "Gửi phản ánh này" in api.say(chat, "0912 345 678")
            done = api.say(chat, "có")
            match = CODE.search(done)
            assert match, done
            assert "Đã đính kèm 1 tệp/ảnh và vị trí trên bản đồ" in done
            code = match.group(0)
            stored = attachments.list(code)
            assert [(a.content_type, a.size) for a in stored] == [("image/jpeg", len(JPEG))]
            assert "GPS 21.278100, 106.193800" in (intake.get(code).location_text or "")
            assert not attachments.has_pending(f"telegram:{chat}")
            # Exactly once: attaching again finds nothing held.
            again = attachments.attach_pending(f"telegram:{chat}", code, "test")
            assert again.files == 0 and again.location is None
            assert len(attachments.list(code)) == 1
        finally:
            stop_bot(second)


def test_webhook_mode_as_its_own_process(rasa_stack: RasaStack, tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    with TelegramApiDouble("333444555:WEBHOOK-token") as api:
        env = bot_env(api, rasa_stack.rasa_url, rasa_stack.database_url, tmp_path,
                      **rasa_stack.edge_env,
                      PAKN_TELEGRAM_MODE="webhook", PAKN_TELEGRAM_WEBHOOK_URL=url,
                      PAKN_TELEGRAM_WEBHOOK_SECRET=SECRET,
                      PAKN_TELEGRAM_WEBHOOK_LISTEN="127.0.0.1",
                      PAKN_TELEGRAM_WEBHOOK_PORT=str(port))
        process = start_webhook_bot(env, tmp_path / "bot.log", api)
        try:
            registered = api.webhooks()[-1]
            assert registered["url"] == url and registered["secret_token"] == SECRET
            assert not api.calls("getUpdates")

            chat = 5_560_002
            assert "Xin chào" in api.say(chat, "/start")
            assert "Xin chào" in api.say(chat, "xin chào")  # through Rasa and back
            assert api.deliveries() and all(status == 200 for _, status in api.deliveries())

            update = {"update_id": 999_999, "message": {
                "message_id": 1, "date": 0, "chat": {"id": chat, "type": "private"},
                "from": {"id": chat, "is_bot": False, "first_name": "X"}, "text": "/help"}}
            before = len(api.sent_to(chat))
            assert httpx.post(url, json=update, trust_env=False).status_code == 403
            assert httpx.post(url, json=update, trust_env=False, headers={
                "X-Telegram-Bot-Api-Secret-Token": "wrong"}).status_code == 403
            time.sleep(1.0)
            assert len(api.sent_to(chat)) == before, "a refused update was handled"
        finally:
            stop_bot(process)
        assert process.returncode == 0 or process.returncode == -15
