"""No log line carries a tracking code or a citizen's personal data (issue 13), at DEBUG.

Complaints go through every edge as a citizen would send them, with the product's own
loggers at ``DEBUG`` (``PAKN_LOG_LEVEL``; libraries as ``intake.logsetup`` keeps them):

- the web chat of a running console (uvicorn) → the signed channel → Rasa → the action
  server (the session's stack runs its action server at ``DEBUG``): a complaint with an
  e-mail address;
- the Telegram bot (``python -m bot`` against the Bot API double) → Rasa → actions: a
  complaint with a phone number;
- the hotline mailbox pipeline (``MailIngestor``, in this process, every record captured
  at DEBUG): a letter with the writer's name, e-mail, phone and words, then their reply
  quoting the tracking code;
- the staff console: a coordinator finds each complaint by its code and opens it.

Then the console's, the bot's, the action server's and Rasa's logs (Rasa at its
production level: at DEBUG Rasa itself prints every message, which is Rasa's logging,
not ours) and every captured record are searched for the codes, the phone numbers in
their usual spellings, the e-mail addresses, the name and the citizen's sentences.
"""

from __future__ import annotations

import logging
import re
import secrets
import time
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import httpx
import pytest

from intake.console.auth import Accounts
from intake.console.models import Role
from intake.db import Database
from intake.logsetup import quiet_libraries
from intake.mail.ingest import MailIngestor
from intake.services.complaints import IntakeService
from tests.bot.conftest import bot_env, start_bot, stop_bot
from tests.harness.console import RunningConsole, start_console
from tests.harness.rasa_stack import RasaStack
from tests.harness.telegram_api import TelegramApiDouble
from tests.mail.conftest import test_mail_settings

pytestmark = pytest.mark.e2e

CODE = re.compile(r"PA-[0-9A-Z]{8}")
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
DEBUG_ENV = {"PAKN_LOG_LEVEL": "DEBUG"}
PASSWORD = "a long enough password 7"

CHAT_TEXT = "Cán bộ một cửa xã Bích Động hẹn trả hồ sơ 3 lần vẫn chưa có kết quả"
CHAT_EMAIL = "hoangminhtuan.bg@example.vn"
BOT_TEXT = "Đèn đường thôn Nam Tiến hỏng cả tháng nay, buổi tối không ai dám đi qua"
BOT_PHONE = "0913 246 579"
MAIL_NAME = "Trần Thị Mỹ Duyên"
MAIL_EMAIL = "duyen.tranthimy@example.vn"
MAIL_PHONE = "0987 654 321"
MAIL_TEXT = ("Tôi làm hồ sơ cấp giấy chứng nhận quyền sử dụng đất tại huyện Lạng Giang từ tháng "
             "ba nhưng đến nay vẫn chưa được giải quyết, cán bộ không hẹn ngày trả kết quả.")
MAIL_MORE = "Tôi bổ sung thêm: đã đến bộ phận một cửa bốn lần mà không gặp được ai phụ trách."


def _phone_spellings(phone: str) -> list[str]:
    digits = phone.replace(" ", "")
    return [phone, digits, "+84" + digits[1:], "84" + digits[1:], digits[1:]]


def _personal_data() -> list[str]:
    """Every string that must not be in a log line."""
    return [CHAT_TEXT, "hẹn trả hồ sơ 3 lần", CHAT_EMAIL, "hoangminhtuan",
            BOT_TEXT, "Nam Tiến hỏng", *_phone_spellings(BOT_PHONE),
            MAIL_NAME, "Mỹ Duyên", "Tran Thi My Duyen", MAIL_EMAIL, "duyen.tranthimy",
            *_phone_spellings(MAIL_PHONE), MAIL_TEXT[:60], "giấy chứng nhận quyền sử dụng",
            MAIL_MORE[:50], "bốn lần mà không gặp"]


# -- the edges --
@pytest.fixture
def console(rasa_stack: RasaStack, tmp_path: Path) -> Iterator[RunningConsole]:
    """A console at DEBUG, relaying to the session's assistant, over its database."""
    with start_console(rasa_stack.database_url, tmp_path / "console-var",
                       {**rasa_stack.edge_env, **DEBUG_ENV}) as running:
        yield running


def _chat(console: RunningConsole, texts: list[str]) -> str:
    """Say ``texts`` in one web-chat conversation; every reply, joined."""
    answers = []
    with httpx.Client(base_url=console.url, timeout=60.0, trust_env=False) as client:
        token = re.search(r'"csrf": "([0-9a-f]+)"', client.get("/chat").text)
        assert token
        for text in texts:
            response = client.post("/chat/api/messages", json={"text": text},
                                   headers={"x-csrf-token": token.group(1)})
            assert response.status_code == 200, response.text[:300]
            answers.append("\n".join(r["text"] for r in response.json()["replies"]))
    return "\n".join(answers)


def _code_in(answer: str) -> str:
    found = CODE.findall(answer)
    assert found, answer[-500:]
    return str(found[-1])


def _file_by_mail(intake: IntakeService, var_dir: Path) -> list[str]:
    """The letter and the writer's reply through the mail pipeline; their codes."""
    ingestor = MailIngestor(intake, test_mail_settings(var_dir))
    letter = EmailMessage()
    letter["From"] = f"{MAIL_NAME} <{MAIL_EMAIL}>"
    letter["To"] = "thutuchanhchinh@bacgiang.gov.vn"
    letter["Subject"] = "Phản ánh chậm cấp sổ đỏ"
    letter["Message-ID"] = make_msgid(domain="example.vn")
    letter.set_content(f"Kính gửi Sở Tài nguyên và Môi trường,\n\n{MAIL_TEXT}\n\n"
                       f"Trân trọng,\n{MAIL_NAME}\nĐT: {MAIL_PHONE}\n")
    first = ingestor.ingest(letter.as_bytes(), "test")
    assert first.code, first
    reply = EmailMessage()
    reply["From"] = f"{MAIL_NAME} <{MAIL_EMAIL}>"
    reply["To"] = "thutuchanhchinh@bacgiang.gov.vn"
    reply["Subject"] = f"Re: [{first.code}] Phản ánh chậm cấp sổ đỏ"
    reply["Message-ID"] = make_msgid(domain="example.vn")
    reply.set_content(f"{MAIL_MORE}\n\n{MAIL_NAME}\n{MAIL_PHONE}\n")
    second = ingestor.ingest(reply.as_bytes(), "test")
    assert second.code == first.code, second
    return [first.code]


def _staff_looks_up(console: RunningConsole, database_url: str, codes: list[str]) -> None:
    """A coordinator searches for each code and opens the complaint."""
    username = f"coord{secrets.token_hex(3)}"
    database = Database(database_url)
    Accounts(database).add_user(username, PASSWORD, Role.COORDINATOR, [])
    database.dispose()
    with httpx.Client(base_url=console.url, timeout=30.0, trust_env=False) as client:
        token = CSRF.search(client.get("/login").text)
        assert token
        signed_in = client.post("/login", data={"csrf": token.group(1), "username": username,
                                                "password": PASSWORD})
        assert signed_in.status_code == 303, signed_in.text[:300]
        for code in codes:
            assert code in client.get("/queue", params={"q": code}).text
            page = client.get(f"/complaints/{code}")
            assert page.status_code == 200 and code in page.text


def test_no_codes_or_personal_data_in_any_log_line(
        rasa_stack: RasaStack, console: RunningConsole, intake: IntakeService,
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    quiet_libraries()  # as every process of ours does
    caplog.set_level(logging.DEBUG)
    codes = [_code_in(_chat(console, [CHAT_TEXT, "bỏ qua", "bỏ qua", CHAT_EMAIL, "có"]))]

    bot_log = tmp_path / "bot.log"
    chat_id = 5_570_000 + secrets.randbelow(10_000)
    with TelegramApiDouble("555666777:LOGS-token") as api:
        env = bot_env(api, rasa_stack.rasa_url, rasa_stack.database_url, tmp_path / "bot-var",
                      **rasa_stack.edge_env, **DEBUG_ENV)
        bot = start_bot(env, bot_log, api)
        try:
            for text in (BOT_TEXT, "bỏ qua", "bỏ qua", BOT_PHONE):
                api.say(chat_id, text)
            codes.append(_code_in(api.say(chat_id, "có")))
        finally:
            stop_bot(bot)

    codes += _file_by_mail(intake, tmp_path / "mail-var")
    _staff_looks_up(console, rasa_stack.database_url, codes)
    time.sleep(0.5)  # let the servers flush their logs

    sources = {
        "console": console.log_text(),
        "bot": bot_log.read_text(errors="replace"),
        "action server": rasa_stack.action_log.read_text(errors="replace"),
        "rasa": rasa_stack.rasa_log.read_text(errors="replace"),
        "mail pipeline (captured)": "\n".join(
            f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records),
    }
    for where in ("console", "bot", "action server"):  # else this would prove nothing
        assert re.search(r"DEBUG\s+intake\.logsetup", sources[where]), \
            f"the {where} does not log at DEBUG"
    for where, text in sources.items():
        for code in codes:
            assert code not in text, f"tracking code in the {where} log"
        assert not CODE.search(text), f"a tracking code in the {where} log"
        for value in _personal_data():
            assert value not in text, f"{value!r} in the {where} log"
            assert value.lower() not in text.lower(), f"{value!r} in the {where} log"
