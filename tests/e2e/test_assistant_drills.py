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
5. One citizen's two messages reaching both servers at the same instant (what two relays
   that disagree about the home server, or a failover, would do): the shared Redis lock
   makes them take turns, both are in the conversation once each, and the form goes on
   as after the two answers one after the other.
6. A signed request taken by one server and replayed to the other within the window:
   refused there (the servers share the memory of used signatures in Redis).

The drills share one stack (module fixture), but none depends on another having run
before it: each starts by bringing back whatever it needs that an earlier drill left
down (``whole``: Redis, the action server and both Rasa servers; ``one_server``: Redis,
the action server and at least one Rasa server), all at once; in the file's order that
restarts nothing.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
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

    def bring_back(self, rasa_servers: int) -> None:
        """Start again Redis, the action server and Rasa servers until at least
        ``rasa_servers`` of them run (those an earlier drill stopped or killed)."""
        if not self.redis.ping():
            self.redis.stop()
            self.redis.start()
        rasa = [name for name in self.stack.processes if name.startswith("rasa")]
        down = [name for name in rasa if not self.stack.running(name)]
        missing = max(0, rasa_servers - (len(rasa) - len(down)))
        self.stack.ensure_running("actions", *down[:missing])


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


@pytest.fixture
def whole(drill: Drill) -> Drill:
    """The drill stack with everything running."""
    drill.bring_back(rasa_servers=len(drill.stack.rasa_urls))
    return drill


@pytest.fixture
def one_server(drill: Drill) -> Drill:
    """The drill stack with Redis, the action server and at least one Rasa server."""
    drill.bring_back(rasa_servers=1)
    return drill


def test_redis_down_refuses_politely_says_so_clearly_and_service_resumes(whole: Drill) -> None:
    drill = whole
    text = "Đèn đường thôn Đông hỏng cả tháng nay, buổi tối rất tối và nguy hiểm"
    citizen = drill.citizen(home=0)
    assert "mô tả nội dung" in citizen.say("Tôi muốn gửi phản ánh")
    events = len(drill.stack.tracker(citizen.sender)["events"])
    where = f"127.0.0.1:{drill.redis.port}/1"
    down, back = (f"lock store: Redis at {where} does not answer",
                  f"lock store: Redis at {where} answers again")
    logged = {line: drill.stack.log_of("rasa1").count(line) for line in (down, back)}

    drill.redis.stop()
    assert citizen.say(text) == MSG_UNAVAILABLE
    assert drill.stack.log_of("rasa1").count(down) == logged[down] + 1
    assert len(drill.stack.tracker(citizen.sender)["events"]) == events  # untouched

    drill.redis.start()
    assert "xã/phường" in citizen.say(text)  # the same message works again
    assert drill.stack.log_of("rasa1").count(back) == logged[back] + 1
    citizen.finish()
    assert drill.filed(text) == 1


def test_action_server_down_polite_reply_and_the_answer_is_taken_once_it_is_back(
        whole: Drill) -> None:
    drill = whole
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


def test_one_citizen_two_messages_at_once_on_both_servers_take_turns_none_lost(
        whole: Drill) -> None:
    """Both servers get one of the citizen's messages at the same instant, straight on
    their channel (the relay's home server bypassed), while the form asks where it
    happened: "bo qua" twice. Taken one after the other, the first skips the place and
    the second the related procedure; taken at once, both would read the same
    conversation and one turn would be missing from the tracker store."""
    drill = whole
    text = "Cống thoát nước ở ngõ 5 thôn Bắc bị tắc, nước thải tràn ra đường mỗi khi mưa"
    citizen = drill.citizen(home=0)
    assert "mô tả nội dung" in citizen.say("Tôi muốn gửi phản ánh")
    assert "xã/phường" in citizen.say(text)

    async def both_servers_at_once() -> list[str]:
        relays = [RasaRelay([url], drill.stack.channel_secret, timeout=60.0)
                  for url in drill.stack.rasa_urls]
        try:
            answers = await asyncio.gather(*(
                relay.send(citizen.sender, "bo qua", {"drill": {"copy": n}})
                for n, relay in enumerate(relays, 1)))
        finally:
            for relay in relays:
                await relay.aclose()
        return ["\n".join(r.text for r in answer) for answer in answers]

    replies = asyncio.run(both_servers_at_once())  # AssistantUnavailable fails the test
    tracker = drill.stack.tracker(citizen.sender)
    copies = [((e.get("metadata") or {}).get("drill") or {}).get("copy")
              for e in tracker["events"] if e.get("event") == "user"]
    assert sorted(c for c in copies if c is not None) == [1, 2]  # each once, none lost
    slots = tracker["slots"]
    assert (slots["complaint_text"], slots["complaint_location"],
            slots["complaint_procedure"]) == (text, "-", "-")
    assert slots["requested_slot"] == "complaint_contact"
    assert sum("điện thoại" in reply for reply in replies) == 1  # the second asks for it
    assert "Gửi phản ánh này" in citizen.say("ko")
    assert CODE.search(citizen.say("ok"))
    assert drill.filed(text) == 1


def test_one_of_two_rasa_servers_killed_the_other_continues_the_conversation(
        whole: Drill, tmp_path: Path) -> None:
    """Through the real Telegram bot (its relay given both servers, PAKN_RASA_URLS)."""
    drill = whole
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
        one_server: Drill) -> None:
    drill = one_server
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


def test_a_signed_request_taken_by_one_server_is_refused_by_the_other(whole: Drill
                                                                       ) -> None:
    """A request captured on its way to one server and replayed to the other within the
    window is refused there too (the servers share the memory of used signatures in the
    lock store's Redis); a fresh request to that server is answered."""
    drill = whole
    sender = f"telegram:{secrets.randbelow(10**9)}"

    def signed(text: str) -> tuple[bytes, dict[str, str]]:
        body = json.dumps({"sender": sender, "message": text,
                           "nonce": secrets.token_hex(12)}).encode()
        return body, drill.stack.signed_headers(body)

    first, second = (f"{url}/webhooks/pakn/webhook" for url in drill.stack.rasa_urls)
    body, headers = signed("xin chào")
    with httpx.Client(timeout=60.0, trust_env=False) as client:
        taken = client.post(first, content=body, headers=headers)
        assert taken.status_code == 200 and taken.json(), taken.text[:200]
        replayed = client.post(second, content=body, headers=headers)
        assert replayed.status_code == 403, replayed.text[:200]
        assert "used already" in replayed.text
        fresh_body, fresh_headers = signed("xin chào")
        fresh = client.post(second, content=fresh_body, headers=fresh_headers)
        assert fresh.status_code == 200 and fresh.json(), fresh.text[:200]
    users = [e for e in drill.stack.tracker(sender)["events"] if e["event"] == "user"]
    assert len(users) == 2, "the replayed request reached the assistant"
