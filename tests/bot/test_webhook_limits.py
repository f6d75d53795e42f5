"""The bot's webhook server reads nothing for strangers and bounds what it reads (issue 13).

Against ``python -m bot --mode webhook`` running as its own process (uvicorn), with raw
sockets so that the test decides how much of a body is ever sent: a request without
Telegram's secret token is answered 403 from its headers alone, before a byte of its body
is sent; with the token, a declared length over the limit is 413 before the body, and a
chunked body is refused (413) once it passes the limit, long before the client is done.
The measure is what the client got to send before the answer came: a server that read
the whole 50 MB first would let it send all of it; one that refuses early answers while
at most its limit plus the kernel's socket buffers (a few MB on loopback) went out.
(``/proc/<pid>/io`` does not help: socket reads by ``recv`` are not in ``rchar``.) No
Rasa is needed: nothing here reaches the assistant.
"""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from bot.webhook import MAX_BODY, SECRET_HEADER
from tests.bot.conftest import bot_env, start_webhook_bot, stop_bot
from tests.console.test_security import chunked_post
from tests.harness.ports import free_port
from tests.harness.telegram_api import TelegramApiDouble

SECRET = "webhook-limits_s3cret-for-the-test"
MB = 1024 * 1024
TOTAL = 50 * MB


@pytest.fixture(scope="module")
def webhook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a running webhook-mode bot (Rasa unreachable: not needed here)."""
    folder = tmp_path_factory.mktemp("bot-webhook")
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    with TelegramApiDouble("444555666:LIMITS-token") as api:
        env = bot_env(api, f"http://127.0.0.1:{free_port()}",
                      f"sqlite:///{folder / 'bot.db'}", folder,
                      PAKN_CHANNEL_SECRET="channel-secret-for-the-test",
                      PAKN_TELEGRAM_MODE="webhook", PAKN_TELEGRAM_WEBHOOK_URL=url,
                      PAKN_TELEGRAM_WEBHOOK_SECRET=SECRET,
                      PAKN_TELEGRAM_WEBHOOK_LISTEN="127.0.0.1",
                      PAKN_TELEGRAM_WEBHOOK_PORT=str(port))
        process: subprocess.Popen[bytes] = start_webhook_bot(env, folder / "bot.log", api)
        try:
            yield url
        finally:
            stop_bot(process)


def _headers_only(url: str, headers: dict[str, str], timeout: float = 5.0) -> int:
    """Send a POST's headers (declaring a 50 MB body) and no body; the status the server
    answers with, or 0 if it waited for the body instead (until ``timeout``)."""
    parts = urlsplit(url)
    head = (f"POST {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {50 * MB}\r\n"
            + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n")
    with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80),
                                  timeout=timeout) as sock:
        sock.sendall(head.encode("latin-1"))
        try:
            answer = sock.recv(4096)
        except TimeoutError:
            return 0
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0


def test_the_secret_is_checked_before_the_body_is_read(webhook: str) -> None:
    assert _headers_only(webhook, {}) == 403
    assert _headers_only(webhook, {SECRET_HEADER: "not-the-secret"}) == 403
    base, path = webhook.rsplit("/", 1)
    status, sent = chunked_post(base, f"/{path}", TOTAL,
                                {"Content-Type": "application/json",
                                 SECRET_HEADER: "not-the-secret"}, prefix=b'{"update_id": 1')
    assert status == 403, status
    assert sent < TOTAL / 2, f"{sent / MB:.1f} MB sent before the refusal"


def test_a_body_over_the_limit_is_413_while_it_is_read(webhook: str) -> None:
    assert _headers_only(webhook, {SECRET_HEADER: SECRET}) == 413  # declared: not read
    base, path = webhook.rsplit("/", 1)
    status, sent = chunked_post(base, f"/{path}", TOTAL,
                                {"Content-Type": "application/json", SECRET_HEADER: SECRET},
                                prefix=b'{"update_id": 1, "message": {"text": "')
    assert status == 413, status
    assert sent < MAX_BODY + TOTAL / 4, f"{sent / MB:.1f} MB sent before the refusal"
    # the server is still there for Telegram's own updates
    update = {"update_id": 7, "message": {"message_id": 1, "date": 0,
                                          "chat": {"id": 1, "type": "private"}, "text": "hi"}}
    good = httpx.post(webhook, json=update, headers={SECRET_HEADER: SECRET},
                      trust_env=False)
    assert good.status_code == 200
