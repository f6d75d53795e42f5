"""Abuse of the running console, bounded: what issue 13's review did, measured.

Starts the console as ``pakn run`` does (``tests.harness.console``: uvicorn in its own
process, a fresh SQLite database with one administrator) and a stand-in for Rasa on
loopback (``/status`` answers 200, the signed channel answers one message), then:

1. an anonymous 100 MB chunked multipart POST to ``/admin/catalog/dry-run``: the status,
   the bytes the client got to send, and what the console wrote meanwhile (``wchar`` and
   ``write_bytes`` of ``/proc/<pid>/io``: disk, sockets and logs included) — want 413 and
   < 2 MB written;
2. an XLSX bomb (0.3 MB inflating to 200 MB of shared strings) uploaded by the
   administrator: the status, the time to the answer and the console's memory (RSS
   before/after, growth of the peak) — want a refusal within 2 s and < 100 MB growth;
3. while the bomb and then a 300,000-row sheet are processed, ``/healthz`` polled every
   20 ms — want every answer within 200 ms;
4. 200 concurrent web-chat messages, each from a fresh conversation (a new cookie from
   ``GET /chat``), and 200 with made-up cookies — want the first limited (429) past the
   per-client limit and the second refused (403);
5. the Telegram bot's webhook server (``python -m bot --mode webhook`` against the Bot API
   double): a 100 MB chunked POST without the secret token, and one with it — want 403
   and 413 while the client has sent only a few MB (the limit, 1 MB, plus what the
   kernel's socket buffers take; socket reads are not in ``/proc/<pid>/io``).

Usage: ``.venv/bin/python bench/abuse.py`` (about a minute; prints one line per check and
exits non-zero if one fails).
"""

from __future__ import annotations

import asyncio
import json
import re
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.webhook import SECRET_HEADER  # noqa: E402
from intake.console.auth import Accounts  # noqa: E402
from intake.console.models import Role  # noqa: E402
from intake.db import Database, upgrade  # noqa: E402
from intake.org.data_files import read_organisation  # noqa: E402
from intake.org.loader import load_organisation  # noqa: E402
from tests.bot.conftest import bot_env, start_webhook_bot, stop_bot  # noqa: E402
from tests.catalog.bombs import xlsx_bomb, xlsx_rows  # noqa: E402
from tests.console.test_security import (  # noqa: E402
    BOUNDARY,
    _multipart_head,
    chunked_post,
    login,
    upload,
)
from tests.harness.console import RunningConsole, start_console  # noqa: E402
from tests.harness.ports import free_port  # noqa: E402
from tests.harness.telegram_api import TelegramApiDouble  # noqa: E402

MB = 1024 * 1024
PASSWORD = "abuse bench password"
CHAT_CSRF = re.compile(r'"csrf": "([0-9a-f]+)"')
results: list[tuple[str, bool, str]] = []


def check(name: str, ok: bool, detail: str) -> None:
    """Record and print one check."""
    results.append((name, ok, detail))
    print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}", flush=True)


class FakeRasa(BaseHTTPRequestHandler):
    """Rasa as the console sees it: ``/status`` and one answer per message."""

    def do_GET(self) -> None:
        self._answer(200 if self.path.startswith("/status") else 404, b"{}")

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        self.rfile.read(length)
        self._answer(200, json.dumps([{"recipient_id": "x", "text": "Xin chào!"}]).encode())

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        """Quiet."""


def proc(pid: int, name: str) -> dict[str, int]:
    """``/proc/<pid>/io`` or the kB fields of ``/proc/<pid>/status``, as numbers."""
    text = Path(f"/proc/{pid}/{name}").read_text()
    values = {}
    for line in text.splitlines():
        key, _, value = line.partition(":")
        parts = value.split()
        if parts and parts[0].isdigit():
            values[key] = int(parts[0]) * (1024 if name == "status" else 1)
    return values


def prepared_database(folder: Path) -> str:
    """A migrated SQLite database with the organisation and an administrator."""
    url = f"sqlite:///{folder / 'pakn.db'}"
    upgrade(url)
    db = Database(url)
    load_organisation(db, read_organisation(), source="bench")
    Accounts(db).add_user("quantri", PASSWORD, Role.ADMIN, [])
    db.dispose()
    return url


def anonymous_chunked_upload(console: RunningConsole) -> None:
    """Check 1."""
    before = proc(console.pid, "io")
    status, sent = chunked_post(
        console.url, "/admin/catalog/dry-run", 100 * MB,
        {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"},
        prefix=_multipart_head("big.json", "application/json"))
    after = proc(console.pid, "io")
    wrote = after["wchar"] - before["wchar"]
    disk = after["write_bytes"] - before["write_bytes"]
    check("anonymous 100 MB chunked POST", status == 413 and wrote < 2 * MB,
          f"HTTP {status} after {sent / MB:.2f} MB sent; console wrote {wrote / 1024:.1f} kB "
          f"(of which {disk / 1024:.1f} kB to disk)")


def poll_health(console: RunningConsole, stop: threading.Event,
                latencies: list[float]) -> None:
    """Poll ``/healthz`` every 20 ms until ``stop``."""
    with httpx.Client(base_url=console.url, timeout=10.0, trust_env=False) as client:
        while not stop.is_set():
            started = time.monotonic()
            client.get("/healthz").raise_for_status()
            latencies.append(time.monotonic() - started)
            time.sleep(0.02)


def during(console: RunningConsole, work: Callable[[], None]) -> list[float]:
    """Run ``work`` while polling ``/healthz``; the latencies seen."""
    latencies: list[float] = []
    stop = threading.Event()
    poller = threading.Thread(target=poll_health, args=(console, stop, latencies))
    poller.start()
    time.sleep(0.1)
    try:
        work()
    finally:
        time.sleep(0.1)
        stop.set()
        poller.join()
    return latencies


def spreadsheet_bombs(console: RunningConsole) -> None:
    """Checks 2 and 3."""
    bomb, rows = xlsx_bomb(200), xlsx_rows(300_000)
    with httpx.Client(base_url=console.url, timeout=60.0, trust_env=False,
                      follow_redirects=False) as client:
        token = login(client, "quantri", PASSWORD)
        outcome: dict[str, tuple[int, float]] = {}

        def send(name: str, data: bytes) -> None:
            started = time.monotonic()
            response = upload(client, token, name, data, timeout=60.0)
            outcome[name] = (response.status_code, time.monotonic() - started)

        rss_before = proc(console.pid, "status")
        latencies = during(console, lambda: send("bomb.xlsx", bomb))
        rss_after = proc(console.pid, "status")
        status, took = outcome["bomb.xlsx"]
        grown = rss_after["VmRSS"] - rss_before["VmRSS"]
        peak = rss_after["VmHWM"] - rss_before["VmHWM"]
        check(f"XLSX bomb ({len(bomb) / MB:.2f} MB → 200 MB)",
              status == 400 and took < 2.0 and max(grown, peak) < 100 * MB,
              f"HTTP {status} in {took * 1000:.0f} ms; RSS {rss_before['VmRSS'] / MB:.0f} → "
              f"{rss_after['VmRSS'] / MB:.0f} MB (peak +{peak / MB:.0f} MB)")
        latencies += during(console, lambda: send("rows.xlsx", rows))
        status, took = outcome["rows.xlsx"]
        check(f"300,000-row sheet ({len(rows) / MB:.1f} MB)", status == 400,
              f"HTTP {status} in {took:.1f} s (off the event loop)")
    worst = max(latencies)
    check("/healthz during both", worst < 0.2,
          f"{len(latencies)} answers, p50 {statistics.median(latencies) * 1000:.0f} ms, "
          f"max {worst * 1000:.0f} ms")


async def chat_flood(console: RunningConsole) -> None:
    """Check 4."""
    async def fresh_conversation() -> int:
        async with httpx.AsyncClient(base_url=console.url, timeout=30.0,
                                     trust_env=False) as client:
            page = await client.get("/chat")
            token = CHAT_CSRF.search(page.text)
            assert token
            response = await client.post("/chat/api/messages", json={"text": "xin chào"},
                                         headers={"x-csrf-token": token.group(1)})
            return response.status_code

    async def made_up_cookie(number: int) -> int:
        async with httpx.AsyncClient(base_url=console.url, timeout=30.0,
                                     trust_env=False) as client:
            response = await client.post(
                "/chat/api/messages", json={"text": "xin chào"},
                headers={"x-csrf-token": "0" * 64, "cookie": f"pakn_chat=forged-{number}"})
            return response.status_code

    started = time.monotonic()
    fresh = Counter(await asyncio.gather(*(fresh_conversation() for _ in range(200))))
    took = time.monotonic() - started
    check("200 concurrent messages, rotating fresh conversations",
          fresh[429] >= 100 and fresh[200] <= 100,
          f"{dict(sorted(fresh.items()))} in {took:.1f} s")
    forged = Counter(await asyncio.gather(*(made_up_cookie(n) for n in range(200))))
    check("200 concurrent messages, made-up cookies", forged == Counter({403: 200}),
          f"{dict(sorted(forged.items()))}")


def bot_webhook(work: Path, rasa_url: str) -> None:
    """Check 5."""
    port, secret = free_port(), "abuse-bench-webhook-secret"
    with TelegramApiDouble("777888999:ABUSE-token") as api:
        env = bot_env(api, rasa_url, f"sqlite:///{work / 'bot.db'}", work / "bot-var",
                      PAKN_TELEGRAM_MODE="webhook", PAKN_TELEGRAM_WEBHOOK_SECRET=secret,
                      PAKN_TELEGRAM_WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram",
                      PAKN_TELEGRAM_WEBHOOK_LISTEN="127.0.0.1",
                      PAKN_TELEGRAM_WEBHOOK_PORT=str(port))
        bot = start_webhook_bot(env, work / "bot.log", api)
        try:
            for name, headers, want in (
                    ("without the secret", {}, 403),
                    ("with the secret", {SECRET_HEADER: secret}, 413)):
                status, sent = chunked_post(f"http://127.0.0.1:{port}", "/telegram", 100 * MB,
                                            {"Content-Type": "application/json", **headers},
                                            prefix=b'{"update_id": 1, "message": {"text": "')
                check(f"bot webhook, 100 MB chunked POST {name}",
                      status == want and sent < 20 * MB,
                      f"HTTP {status} after {sent / MB:.2f} MB sent")
        finally:
            stop_bot(bot)


def main() -> int:
    """Start the console and the Rasa stand-in, run the checks, print the summary."""
    work = Path(tempfile.mkdtemp(prefix="pakn-abuse-"))
    url = prepared_database(work)
    rasa = ThreadingHTTPServer(("127.0.0.1", free_port()), FakeRasa)
    threading.Thread(target=rasa.serve_forever, daemon=True).start()
    rasa_url = f"http://127.0.0.1:{rasa.server_address[1]}"
    try:
        with start_console(url, work / "var", {"PAKN_RASA_URL": rasa_url}) as console:
            print(f"console pid {console.pid} on {console.url}; work dir {work}", flush=True)
            anonymous_chunked_upload(console)
            spreadsheet_bombs(console)
            asyncio.run(chat_flood(console))
        bot_webhook(work, rasa_url)
    finally:
        rasa.shutdown()
    failed = [name for name, ok, _ in results if not ok]
    print(f"{len(results) - len(failed)}/{len(results)} checks passed"
          + (f"; failed: {', '.join(failed)}" if failed else ""), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
