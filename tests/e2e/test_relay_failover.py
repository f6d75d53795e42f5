"""The edges' relay over several assistant servers: spread by sender, failover, no resend.

Real HTTP servers on loopback stand in for Rasa's channel (they answer what Rasa's would,
a JSON list of bot messages, and count what they receive): what is checked here is the
relay's choice of server, not the assistant. The same relay against real Rasa servers is
in ``test_assistant_drills.py``.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from intake.chat.relay import (
    MSG_UNAVAILABLE,
    AssistantUnavailable,
    FailoverTransport,
    RasaRelay,
    ServerHealth,
)
from intake.config import load_settings, parse_rasa_urls
from tests.harness.ports import free_port

SECRET = "s" * 32


class FakeChannel:
    """An HTTP server answering the channel's POSTs after ``delay`` seconds."""

    def __init__(self, delay: float = 0.0) -> None:
        self.received: list[dict[str, str]] = []
        self.delay = delay
        self.lock = threading.Lock()
        self.in_flight = self.most_at_once = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with owner.lock:
                    owner.received.append(body)
                    owner.in_flight += 1
                    owner.most_at_once = max(owner.most_at_once, owner.in_flight)
                time.sleep(owner.delay)
                with owner.lock:
                    owner.in_flight -= 1
                answer = json.dumps([{"recipient_id": body["sender"],
                                      "text": f"ok {owner.url}"}]).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def do_GET(self) -> None:
                answer = json.dumps({"served_by": owner.url}).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: object) -> None:
                """Quiet."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeChannel:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def two() -> Iterator[tuple[FakeChannel, FakeChannel]]:
    with FakeChannel() as a, FakeChannel() as b:
        yield a, b


def _send_all(relay: RasaRelay, senders: list[str]) -> list[str]:
    async def go() -> list[str]:
        try:
            return [(await relay.reply_to(s, "xin chào", 1000))[0].text for s in senders]
        finally:
            await relay.aclose()
    return asyncio.run(go())


def test_senders_are_spread_stably_and_a_removed_server_moves_only_its_own() -> None:
    servers = ["http://10.0.0.1:5005", "http://10.0.0.2:5005", "http://10.0.0.3:5005"]
    senders = [f"web:{n}" for n in range(3000)]
    health, again = ServerHealth(servers), ServerHealth(list(reversed(servers)))
    homes = {s: health.home_order(s)[0] for s in senders}
    assert all(again.home_order(s)[0] == homes[s] for s in senders)  # any process agrees
    shares = Counter(homes.values())
    assert all(800 < shares[s] < 1200 for s in servers), shares
    fewer = ServerHealth(servers[:2])
    moved = [s for s in senders if fewer.home_order(s)[0] != homes[s]]
    assert moved and all(homes[s] == servers[2] for s in moved)


def test_a_server_that_refuses_connections_is_skipped_and_nothing_is_sent_twice(
        two: tuple[FakeChannel, FakeChannel]) -> None:
    a, b = two
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    relay = RasaRelay([a.url, dead, b.url], SECRET)
    senders = [f"web:{n}" for n in range(60)]
    on_dead = [s for s in senders if relay.health.home_order(s)[0] == dead]
    assert on_dead
    answers = _send_all(relay, senders)
    assert all(t.startswith("ok ") for t in answers)
    got = Counter(m["sender"] for m in [*a.received, *b.received])
    assert got == Counter(senders)  # every message once, none lost, none doubled
    # a sender whose home is the dead server went to its next server in its own order
    for sender in on_dead:
        expected = next(u for u in relay.health.home_order(sender) if u != dead)
        assert answers[senders.index(sender)] == f"ok {expected}"


def test_after_a_timeout_the_message_is_not_resent_to_another_server(
        two: tuple[FakeChannel, FakeChannel]) -> None:
    a, b = two
    a.delay = 2.0
    relay = RasaRelay([a.url, b.url], SECRET, timeout=0.5)
    sender = next(f"web:{n}" for n in range(100)
                  if relay.health.home_order(f"web:{n}")[0] == a.url)
    assert _send_all(relay, [sender]) == [MSG_UNAVAILABLE]
    time.sleep(2.0)
    assert [m["sender"] for m in a.received] == [sender] and b.received == []

    async def raw() -> None:
        again = RasaRelay([a.url, b.url], SECRET, timeout=0.5)
        try:
            await again.send(sender, "xin chào")
        finally:
            await again.aclose()
    with pytest.raises(AssistantUnavailable, match="not resent"):
        asyncio.run(raw())


def test_when_no_server_answers_the_citizen_gets_the_polite_message() -> None:
    relay = RasaRelay([f"http://127.0.0.1:{free_port()}", f"http://127.0.0.1:{free_port()}"],
                      SECRET)
    assert _send_all(relay, ["web:x"]) == [MSG_UNAVAILABLE]


def test_the_http_api_goes_to_the_first_reachable_server(
        two: tuple[FakeChannel, FakeChannel]) -> None:
    a, _b = two
    dead = f"http://127.0.0.1:{free_port()}"
    health = ServerHealth([dead, a.url])
    # a sender whose home is the dead server (bind(0) may give the same port every time,
    # so the sender varies, not the port)
    sender = next(s for s in (f"web:{n}" for n in range(200))
                  if health.order_for(s)[0] == dead)

    async def go() -> dict[str, str]:
        async with httpx.AsyncClient(base_url=dead, transport=FailoverTransport(health),
                                     timeout=5) as client:
            response = await client.get(f"/conversations/{sender}/tracker",
                                        params={"token": "t"})
            result: dict[str, str] = response.json()
            return result
    assert asyncio.run(go()) == {"served_by": a.url}
    assert health.order_for(sender)[-1] == dead  # tried last from now on


def test_the_http_api_for_a_conversation_goes_to_its_senders_home_server(
        two: tuple[FakeChannel, FakeChannel]) -> None:
    a, b = two
    health = ServerHealth([a.url, b.url])
    senders = [f"telegram:{n}" for n in range(40)]
    assert {health.home_order(s)[0] for s in senders} == {a.url, b.url}

    async def go() -> list[str]:
        async with httpx.AsyncClient(base_url=a.url, transport=FailoverTransport(health),
                                     timeout=5) as client:
            served = []
            for sender in senders:
                response = await client.get(f"/conversations/{sender}/tracker")
                served.append(response.json()["served_by"])
            domain = await client.get("/domain")  # not a conversation's: the "" order
            assert domain.json()["served_by"] == health.home_order("")[0]
            return served
    assert asyncio.run(go()) == [health.home_order(s)[0] for s in senders]


def test_a_full_connection_pool_is_not_a_server_failure(
        two: tuple[FakeChannel, FakeChannel]) -> None:
    a, b = two
    a.delay = 1.5
    relay = RasaRelay([a.url, b.url], SECRET, timeout=5,
                      limits=httpx.Limits(max_connections=1))
    relay._client.timeout = httpx.Timeout(5, pool=0.3)
    sender, other = [f"web:{n}" for n in range(100)
                     if relay.health.home_order(f"web:{n}")[0] == a.url][:2]

    async def go() -> list[str | BaseException]:
        try:
            results = await asyncio.gather(relay.send(sender, "một"),
                                           relay.send(other, "hai"),
                                           return_exceptions=True)
        finally:
            await relay.aclose()
        return [r if isinstance(r, BaseException) else r[0].text for r in results]
    results = asyncio.run(go())
    assert f"ok {a.url}" in results  # the one that had the connection
    refused = [r for r in results if isinstance(r, AssistantUnavailable)]
    assert len(refused) == 1 and "PoolTimeout" in str(refused[0])
    assert b.received == []  # not failed over to the other server
    assert relay.health.order_for(sender)[0] == a.url  # nor marked down


def test_one_citizens_messages_go_one_at_a_time_in_order(
        two: tuple[FakeChannel, FakeChannel]) -> None:
    """Three messages of one citizen handed to the relay at once (a web chat user typing
    quickly) reach the server one after the other, each after the previous answer."""
    a, b = two
    a.delay = b.delay = 0.3
    relay = RasaRelay([a.url, b.url], SECRET, timeout=30)
    sender = "web:typing-fast"
    answered: list[str] = []

    async def one(text: str) -> None:
        await relay.send(sender, text)
        answered.append(text)

    async def go() -> None:
        try:
            await asyncio.gather(one("một"), one("hai"), one("ba"))
        finally:
            await relay.aclose()
    asyncio.run(go())
    home = a if relay.health.home_order(sender)[0] == a.url else b
    assert [m["message"] for m in home.received] == ["một", "hai", "ba"]
    assert home.most_at_once == 1  # never two of them at the server together
    assert answered == ["một", "hai", "ba"]
    assert relay._turns == {} and relay._waiting == {}  # nothing kept per citizen


def test_configuration_of_several_servers() -> None:
    settings = load_settings({"PAKN_RASA_URLS": "http://a:5005, http://b:5005/"})
    assert settings.assistant_urls == ("http://a:5005", "http://b:5005")
    assert settings.rasa_url == "http://a:5005"
    one = load_settings({"PAKN_RASA_URL": "http://c:5005"})
    assert one.assistant_urls == ("http://c:5005",)
    for bad in ("a:5005", "http://a:5005,http://a:5005", "ftp://a"):
        with pytest.raises(ValueError, match="PAKN_RASA_URLS"):
            parse_rasa_urls(bad)
    for bad in ("0", "9", "two"):
        with pytest.raises(ValueError, match="PAKN_ASSISTANT_SERVERS"):
            load_settings({"PAKN_ASSISTANT_SERVERS": bad})
