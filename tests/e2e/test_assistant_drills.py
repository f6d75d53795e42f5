"""Fault drills of the assistant, with real processes (issue 15).

Two Rasa servers share one action server, the tracker store on a throwaway PostgreSQL
(``<db>_conversations``, as ``pakn run`` gives it) and Rasa's Redis lock store on a
private redis-server; citizens talk through the product's relay (``intake.chat.relay``)
exactly as the web chat and the Telegram bot do, over both servers. Each drill breaks
one thing in the middle of a complaint form and checks that the citizen is told
politely, that nothing typed is lost, that the form goes on where it was once the part
is back, and that exactly one complaint is filed:

1. Redis down: every message is refused with the polite reply and the Rasa log says
   clearly that Redis does not answer; the conversation is untouched; once Redis is back
   the same message works and the log says so.
2. The action server down (SIGKILL): the polite reply; once it is back the citizen's
   answer is taken.
3. One of two Rasa servers killed (SIGKILL) during a conversation on Telegram (the real
   bot process against the Bot API double): the other continues it.
4. Every Rasa server killed in the middle of the form, one restarted: the citizen goes on
   where they were.

The drills run in this order on one stack (module fixture); each leaves it whole for the
next except the last two, which need no more than one server.
"""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from intake.assistant.conversations import tracker_store
from intake.assistant.locks import lock_store
from intake.assistant.training import TrainingError, ensure_model
from intake.chat.relay import MSG_UNAVAILABLE, RasaRelay, ServerHealth
from intake.config import load_settings
from intake.db import Database
from intake.services.complaints import IntakeService
from tests.bot.conftest import bot_env, start_bot, stop_bot
from tests.conftest import ROOT, pakn, skip_or_fail
from tests.harness.postgres import PostgresServer
from tests.harness.rasa_stack import RasaStack, start_rasa_stack
from tests.harness.redis import RedisServer, RedisUnavailableError, redis_server
from tests.harness.telegram_api import TelegramApiDouble

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

CODE = re.compile(r"PA-[0-9A-Z]{8}")


@dataclass
class Drill:
    """The running stack, its Redis, and the intake services over its database."""

    stack: RasaStack
    redis: RedisServer
    intake: IntakeService
    health: ServerHealth = field(init=False)

    def __post_init__(self) -> None:
        self.health = ServerHealth(self.stack.rasa_urls, retry_after=5.0)

    def citizen(self, home: int) -> Citizen:
        """A new citizen whose conversation's home is Rasa server ``home`` (0, 1)."""
        while True:
            sender = f"web:drill-{uuid.uuid4().hex[:10]}"
            if self.health.home_order(sender)[0] == self.stack.rasa_urls[home]:
                return Citizen(self, sender)

    def filed(self, text: str) -> int:
        """How many complaints carry ``text``."""
        return sum(1 for c in self.intake.list_complaints(limit=1000) if c.text == text)


@dataclass
class Citizen:
    """One conversation through the product's relay."""

    drill: Drill
    sender: str

    def say(self, text: str) -> str:
        """The relay's replies to ``text``, joined (the polite reply on any failure)."""
        async def turn() -> str:
            relay = RasaRelay(self.drill.stack.rasa_urls, self.drill.stack.channel_secret,
                              timeout=60.0, health=self.drill.health)
            try:
                return "\n".join(r.text for r in await relay.reply_to(self.sender, text, 12000))
            finally:
                await relay.aclose()
        return asyncio.run(turn())

    def finish(self) -> str:
        """Skip the optional questions and confirm; the tracking code."""
        return finish(self.say)


def finish(say: Callable[[str], str]) -> str:
    """Skip the form's optional questions and confirm; the tracking code."""
    assert "thủ tục hành chính" in say("bo qua")
    assert "điện thoại" in say("khong lien quan")
    assert "Gửi phản ánh này" in say("ko")
    done = say("ok")
    match = CODE.search(done)
    assert match, done
    return match.group(0)


@pytest.fixture(scope="module")
def drill(tmp_path_factory: pytest.TempPathFactory, pg_server: PostgresServer
          ) -> Iterator[Drill]:
    """Two Rasa servers, one action server, PostgreSQL tracker store, Redis lock store."""
    workdir = tmp_path_factory.mktemp("drills")
    database_url = pg_server.create_database(f"drill_{uuid.uuid4().hex[:8]}")
    pakn("db", "upgrade", database_url=database_url)
    pakn("org", "load", database_url=database_url)
    pakn("catalog", "import", str(ROOT / "intake/catalog/data/demo_catalog.json"),
         database_url=database_url)
    settings = load_settings({"PAKN_DATABASE_URL": database_url,
                              "PAKN_VAR_DIR": str(workdir / "var")})
    store, store_env = tracker_store(settings)
    try:
        model = ensure_model(ROOT)
    except TrainingError as exc:
        pytest.fail(f"training the Rasa model failed: {exc}", pytrace=False)
    try:
        redis_context = redis_server()
        redis = redis_context.__enter__()
    except RedisUnavailableError as exc:
        skip_or_fail(str(exc))
    try:
        lock, lock_env = lock_store(redis.target)
        with start_rasa_stack(ROOT, database_url, model, tracker_store=store,
                              lock_store=lock, extra_env={**store_env, **lock_env},
                              rasa_servers=2, workdir=workdir) as stack:
            database = Database(database_url)
            yield Drill(stack, redis, IntakeService(database, settings))
            database.dispose()
    finally:
        redis_context.__exit__(None, None, None)


def test_redis_down_refuses_politely_says_so_clearly_and_service_resumes(drill: Drill) -> None:
    text = "Đèn đường thôn Đông hỏng cả tháng nay, buổi tối rất tối và nguy hiểm"
    citizen = drill.citizen(home=0)
    assert "mô tả nội dung" in citizen.say("Tôi muốn gửi phản ánh")
    events = len(drill.stack.tracker(citizen.sender)["events"])

    drill.redis.stop()
    assert citizen.say(text) == MSG_UNAVAILABLE
    where = f"127.0.0.1:{drill.redis.port}/1"
    assert f"lock store: Redis at {where} does not answer" in drill.stack.log_of("rasa1")
    assert len(drill.stack.tracker(citizen.sender)["events"]) == events  # untouched

    drill.redis.start()
    assert "xã/phường" in citizen.say(text)  # the same message works again
    assert f"lock store: Redis at {where} answers again" in drill.stack.log_of("rasa1")
    citizen.finish()
    assert drill.filed(text) == 1


def test_action_server_down_polite_reply_and_the_answer_is_taken_once_it_is_back(
        drill: Drill) -> None:
    text = "Trạm y tế xã đóng cửa trong giờ hành chính, người dân không khám bệnh được"
    citizen = drill.citizen(home=1)
    assert "mô tả nội dung" in citizen.say("Tôi muốn gửi phản ánh")

    drill.stack.kill("actions")
    assert citizen.say(text) == MSG_UNAVAILABLE
    drill.stack.restart("actions")
    assert "xã/phường" in citizen.say(text)
    tracker = drill.stack.tracker(citizen.sender)
    assert tracker["slots"]["complaint_text"] == text
    citizen.finish()
    assert drill.filed(text) == 1


def test_one_of_two_rasa_servers_killed_the_other_continues_the_conversation(
        drill: Drill, tmp_path: Path) -> None:
    """Through the real Telegram bot (its relay given both servers, PAKN_RASA_URLS)."""
    text = "Đường liên thôn bị xe tải chở đất làm hỏng, mưa xuống lầy lội không đi được"
    stack = drill.stack
    with TelegramApiDouble(f"{uuid.uuid4().int % 10**9}:DRILL") as api:
        env = bot_env(api, stack.rasa_url, stack.database_url, tmp_path, **stack.edge_env,
                      PAKN_RASA_URLS=",".join(stack.rasa_urls),
                      PAKN_TELEGRAM_JOIN_SECONDS="0")
        bot = start_bot(env, tmp_path / "bot.log", api)
        try:
            chat = next(c for c in range(7_000_000, 7_001_000)
                        if drill.health.home_order(f"telegram:{c}")[0] == stack.rasa_urls[0])

            def say(words: str) -> str:
                return api.say(chat, words, timeout=90)

            assert "mô tả nội dung" in say("Tôi muốn gửi phản ánh")
            assert "xã/phường" in say(text)
            stack.kill("rasa1")  # the chat's home server
            code = finish(say)  # answered by rasa2, which reads the shared tracker store
        finally:
            stop_bot(bot)
    assert drill.filed(text) == 1
    assert drill.intake.get(code).text == text
    assert "sent to" in (tmp_path / "bot.log").read_text()  # the relay said it failed over


def test_every_rasa_server_killed_mid_form_then_restarted_the_citizen_goes_on(
        drill: Drill) -> None:
    text = "Bãi rác tự phát cạnh chợ xã bốc mùi hôi thối, chưa ai đến thu gom"
    citizen = drill.citizen(home=1)
    assert "mô tả nội dung" in citizen.say("Tôi muốn gửi phản ánh")
    assert "xã/phường" in citizen.say(text)

    drill.stack.kill("rasa1")
    drill.stack.kill("rasa2")
    assert citizen.say("bo qua") == MSG_UNAVAILABLE  # nothing reached a server
    drill.stack.restart("rasa1")
    tracker = drill.stack.tracker(citizen.sender)
    assert tracker["slots"]["complaint_text"] == text
    assert (tracker.get("active_loop") or {}).get("name") == "complaint_form"
    citizen.finish()
    assert drill.filed(text) == 1
