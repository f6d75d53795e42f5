"""The assistant is reachable only by our own edges (issue 13, weaknesses 3 and 8).

Against the running Rasa server and action server (the session's ``rasa_stack``): a
message without the edges' signature is refused (nobody speaks as ``telegram:<id>`` or
``web:<id>`` but the bot and the console), a captured signed message cannot be replayed,
a huge body is refused while Rasa reads it (1 MB), the HTTP API wants its token, the
action server wants the token Rasa's action endpoint sends, and neither server logs
tracking codes or phone numbers.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from collections.abc import Callable

import httpx
import pytest

from tests.console.test_security import chunked_post
from tests.e2e.conftest import Conversation
from tests.e2e.test_conversations import BICH_DONG
from tests.harness.rasa_stack import RasaStack

pytestmark = pytest.mark.e2e

MB = 1024 * 1024
SPOOFED = {"sender": "telegram:424242", "message": "xin chào", "metadata": {}}


def _client() -> httpx.Client:
    return httpx.Client(timeout=30.0, trust_env=False)


def test_unsigned_messages_are_refused(rasa_stack: RasaStack) -> None:
    with _client() as client:
        rest = client.post(f"{rasa_stack.rasa_url}/webhooks/rest/webhook", json=SPOOFED)
        assert rest.status_code in (403, 404), rest.text[:200]
        url = f"{rasa_stack.rasa_url}/webhooks/pakn/webhook"
        assert client.post(url, json=SPOOFED).status_code == 403
        forged = client.post(url, json=SPOOFED, headers={
            "X-Pakn-Timestamp": str(int(time.time())), "X-Pakn-Signature": "0" * 64})
        assert forged.status_code == 403
        stale = rasa_stack.signed_headers(b'{"sender": "a", "message": "b"}',
                                          timestamp=int(time.time()) - 3600)
        assert client.post(url, content=b'{"sender": "a", "message": "b"}',
                           headers=stale).status_code == 403
    assert "Xin chào" in " ".join(rasa_stack.texts("telegram:424242", "xin chào"))


def _user_turns(rasa_stack: RasaStack, sender: str) -> int:
    return sum(1 for event in rasa_stack.tracker(sender)["events"] if event["event"] == "user")


def test_a_captured_signed_request_cannot_be_replayed(rasa_stack: RasaStack) -> None:
    sender = f"telegram:{secrets.randbelow(10**9)}"
    body = json.dumps({"sender": sender, "message": "xin chào",
                       "nonce": secrets.token_hex(12)}).encode()
    headers = rasa_stack.signed_headers(body)
    url = f"{rasa_stack.rasa_url}/webhooks/pakn/webhook"
    with _client() as client:
        first = client.post(url, content=body, headers=headers)
        assert first.status_code == 200 and first.json(), first.text[:200]
        assert _user_turns(rasa_stack, sender) == 1
        again = client.post(url, content=body, headers=headers)  # within the window
        assert again.status_code == 403, again.text[:200]
        shouted = {**headers, "X-Pakn-Signature": headers["X-Pakn-Signature"].upper()}
        assert client.post(url, content=body, headers=shouted).status_code == 403
    assert _user_turns(rasa_stack, sender) == 1, "a replayed message reached the assistant"
    # our edges send the same words twice within a second: two requests, both answered
    for _ in range(2):
        assert "Xin chào" in " ".join(rasa_stack.texts(sender, "xin chào"))
    assert _user_turns(rasa_stack, sender) == 3


def test_a_huge_body_is_refused_while_rasa_reads_it(rasa_stack: RasaStack) -> None:
    # What the client got to send before the answer: Sanic's default (100 MB) would read
    # all 50 MB first; refused at 1 MB, only that and the socket buffers (a few MB) go out.
    for path in ("/webhooks/pakn/webhook", "/conversations/telegram:1/tracker/events"):
        status, sent = chunked_post(rasa_stack.rasa_url, path, 50 * MB,
                                    {"Content-Type": "application/json"}, prefix=b'{"a": "')
        assert status == 413, (path, status)
        assert sent < 20 * MB, (path, f"{sent / MB:.1f} MB sent before the refusal")


def test_http_api_wants_its_token(rasa_stack: RasaStack) -> None:
    calls = [("GET", "/conversations/telegram:424242/tracker", None),
             ("POST", "/conversations/telegram:424242/tracker/events",
              {"event": "slot", "name": "tracking_code", "value": "PA-00000000"}),
             ("POST", "/model/parse", {"text": "xin chào"}),
             ("PUT", "/model", {"model_file": "/tmp/other.tar.gz"}),
             ("GET", "/status", None)]
    with _client() as client:
        for method, path, body in calls:
            response = client.request(method, rasa_stack.rasa_url + path, json=body)
            assert response.status_code == 401, (method, path, response.status_code)
    assert rasa_stack.parse("xin chào")["intent"]["name"] == "greet"  # with the token


def test_action_server_wants_rasas_token(rasa_stack: RasaStack) -> None:
    body = {"next_action": "action_check_status", "sender_id": "telegram:424242",
            "tracker": {"sender_id": "telegram:424242", "slots": {"tracking_code": None},
                        "latest_message": {}, "events": [], "active_loop": {}},
            "domain": {}, "version": "3.6.21"}
    with _client() as client:
        bare = client.post(f"{rasa_stack.action_url}/webhook", json=body)
        assert bare.status_code == 401, bare.text[:200]
        wrong = client.post(f"{rasa_stack.action_url}/webhook", json=body,
                            headers={"Authorization": "Bearer not-the-token"})
        assert wrong.status_code == 401
        assert client.get(f"{rasa_stack.action_url}/health").status_code == 200


def file_with_phone(citizen: Conversation) -> str:
    """A complaint filed with a phone number (place and procedure skipped); its code."""
    citizen.say(BICH_DONG)
    citizen.say("bỏ qua")
    citizen.say("bỏ qua")
    assert "0912345678" in citizen.say("0912 345 678")
    found = re.search(r"PA-[0-9A-Z]{8}", citizen.say("có"))
    assert found, "no tracking code in the answer"
    return found.group(0)


def test_no_tracking_codes_or_phone_numbers_in_the_servers_logs(
        chat: Callable[[], Conversation], rasa_stack: RasaStack) -> None:
    code = file_with_phone(chat())
    time.sleep(0.5)  # let both servers flush their logs
    logs = rasa_stack.action_log.read_text(errors="replace") \
        + rasa_stack.rasa_log.read_text(errors="replace")
    assert code not in logs
    assert not re.search(r"PA-[0-9A-Z]{8}", logs)
    assert "0912345678" not in logs and "0912 345 678" not in logs
