"""The weaknesses of the security review (issue 13), each against the running console.

The console runs as ``pakn run`` starts it (``tests.harness.console``: uvicorn in its own
process, over a migrated SQLite database); the requests are real HTTP. Each test names
the weakness it guards.
"""

from __future__ import annotations

import json
import re
import select
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import update
from starlette.routing import Mount

from intake.config import load_settings
from intake.console.app import create_app
from intake.console.auth import Accounts
from intake.console.models import Role
from intake.db import Database, upgrade
from intake.org.data_files import read_organisation
from intake.org.loader import load_organisation
from intake.services.attachments import AttachmentService
from intake.services.complaints import IntakeService
from tests.catalog.bombs import xlsx_bomb, xlsx_rows
from tests.console.conftest import PASSWORD, QUEUE_A
from tests.core.factories import file_complaint
from tests.harness.console import RunningConsole, start_console

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
BOUNDARY = "pakn-test-boundary"
MB = 1024 * 1024


# -- the running console --
def _prepared_database(folder: Path) -> str:
    """A migrated SQLite database with the organisation and three accounts."""
    url = f"sqlite:///{folder / 'pakn.db'}"
    upgrade(url)
    db = Database(url)
    load_organisation(db, read_organisation(), source="test")
    accounts = Accounts(db)
    accounts.add_user("quantri", PASSWORD, Role.ADMIN, [])
    accounts.add_user("alice", PASSWORD, Role.STAFF, [QUEUE_A])
    accounts.add_user("coord", PASSWORD, Role.COORDINATOR, [])
    db.dispose()
    return url


ConsoleFactory = Callable[..., RunningConsole]


@pytest.fixture
def new_console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleFactory]:
    """Start a console over its own fresh database (``extra_env`` for its settings)."""
    with ExitStack() as stack:
        def start(extra_env: Mapping[str, str] | None = None) -> RunningConsole:
            folder = tmp_path_factory.mktemp("console")
            url = _prepared_database(folder)
            return stack.enter_context(start_console(url, folder / "var", extra_env))
        yield start


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningConsole]:
    """One console for the tests that do not trip a rate limit."""
    folder = tmp_path_factory.mktemp("console-shared")
    url = _prepared_database(folder)
    with start_console(url, folder / "var") as running:
        yield running


def _client(console: RunningConsole, **headers: str) -> httpx.Client:
    return httpx.Client(base_url=console.url, timeout=30.0, trust_env=False,
                        headers=headers, follow_redirects=False)


def _csrf(html: str) -> str:
    found = CSRF.search(html)
    assert found, html[:500]
    return found.group(1)


def login(client: httpx.Client, username: str, password: str = PASSWORD) -> str:
    """Sign in; the CSRF token of the signed-in session."""
    token = _csrf(client.get("/login").text)
    response = client.post("/login", data={"csrf": token, "username": username,
                                           "password": password})
    assert response.status_code == 303, response.text[:500]
    return _csrf(client.get("/queue").text)


def _proc_io(pid: int) -> dict[str, int]:
    lines = Path(f"/proc/{pid}/io").read_text().splitlines()
    return {k: int(v) for k, v in (line.split(": ") for line in lines)}


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def chunked_post(base_url: str, path: str, total: int, headers: Mapping[str, str],
                 prefix: bytes = b"", chunk: int = 16 * 1024) -> tuple[int, int]:
    """POST ``total`` bytes with chunked transfer encoding, stopping as soon as the
    server answers (as a client sending a huge body sees it). (status, bytes sent)."""
    url = urlsplit(base_url)
    sock = socket.create_connection((url.hostname or "127.0.0.1", url.port or 80),
                                    timeout=30)
    head = (f"POST {path} HTTP/1.1\r\nHost: {url.netloc}\r\n"
            "Transfer-Encoding: chunked\r\n"
            + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n")
    block = b"x" * chunk
    sent = 0
    try:
        sock.sendall(head.encode("latin-1"))
        if prefix:
            sock.sendall(f"{len(prefix):x}\r\n".encode() + prefix + b"\r\n")
            sent += len(prefix)
        while sent < total and not select.select([sock], [], [], 0)[0]:
            try:
                sock.sendall(f"{len(block):x}\r\n".encode() + block + b"\r\n")
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(block)
        else:
            if sent >= total:
                sock.sendall(b"0\r\n\r\n")
        answer = b""
        while b"\r\n" not in answer:
            data = sock.recv(4096)
            if not data:
                break
            answer += data
    finally:
        sock.close()
    status = answer.split(b" ", 2)[1] if answer.startswith(b"HTTP/1.1 ") else b"0"
    return int(status), sent


def _multipart_head(name: str, content_type: str) -> bytes:
    return (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"{name}\"\r\nContent-Type: {content_type}\r\n\r\n").encode()


def upload(client: httpx.Client, token: str, name: str, data: bytes,
           timeout: float = 30.0) -> httpx.Response:
    """A catalog dry run of ``data`` as the signed-in user (the page's form: the CSRF
    token travels in the URL too, so it is checked before the file is read)."""
    return client.post(f"/admin/catalog/dry-run?csrf={token}", data={"csrf": token},
                       files={"file": (name, data, "application/octet-stream")},
                       timeout=timeout)


# -- 1. bounded requests --
def test_anonymous_chunked_upload_is_refused_before_it_fills_the_disk(
        console: RunningConsole) -> None:
    before = _proc_io(console.pid)["wchar"]
    status, sent = chunked_post(
        console.url, "/admin/catalog/dry-run", 100 * MB,
        {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"},
        prefix=_multipart_head("big.json", "application/json"))
    written = _proc_io(console.pid)["wchar"] - before
    assert status == 413
    assert sent < 100 * MB
    assert written < 2 * MB, f"the console wrote {written} bytes"


def test_web_chat_refuses_a_huge_json_body(console: RunningConsole) -> None:
    with _client(console) as client:
        page = client.get("/chat")
        token = re.search(r'"csrf": "([0-9a-f]+)"', page.text)
        assert token
        body = json.dumps({"text": "x" * (30 * MB)})
        response = client.post("/chat/api/messages", content=body,
                               headers={"x-csrf-token": token.group(1),
                                        "content-type": "application/json"})
        assert response.status_code == 413
        assert "quá" in response.json()["replies"][0]["text"]
        cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    status, sent = chunked_post(console.url, "/chat/api/messages", 30 * MB,
                                {"Content-Type": "application/json", "Cookie": cookie,
                                 "X-CSRF-Token": token.group(1)}, prefix=b'{"text": "')
    assert status == 413 and sent < 30 * MB


def test_signed_in_staff_without_upload_token_cannot_send_a_large_body(
        console: RunningConsole) -> None:
    with _client(console) as client:
        login(client, "quantri")
        cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    status, _sent = chunked_post(
        console.url, "/admin/catalog/dry-run", 30 * MB,
        {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", "Cookie": cookie},
        prefix=_multipart_head("big.json", "application/json"))
    assert status == 413


# -- 2. sessions that can be ended --
def test_logout_ends_the_session_on_the_server(console: RunningConsole) -> None:
    with _client(console) as client:
        token = login(client, "alice")
        stolen = dict(client.cookies.items())
        assert client.post("/logout", data={"csrf": token}).status_code == 303
    with _client(console) as replay:
        replay.cookies.update(stolen)
        response = replay.get("/queue")
        assert response.status_code == 303 and response.headers["location"] == "/login"


def test_a_link_to_the_login_page_does_not_sign_staff_out(console: RunningConsole) -> None:
    with _client(console) as client:
        login(client, "coord")
        page = client.get("/login")  # as a link or an image on another site would
        assert page.status_code == 303 and page.headers["location"] == "/queue"
        assert client.get("/queue").status_code == 200


def test_password_reset_and_sign_out_everywhere_end_other_sessions(
        console: RunningConsole) -> None:
    with _client(console) as admin, _client(console) as alice, \
            _client(console) as alice_phone:
        admin_token = login(admin, "quantri")
        login(alice, "alice")
        login(alice_phone, "alice")
        alice_id = _user_id_of(admin.get("/admin/users").text, "alice")
        done = admin.post(f"/admin/users/{alice_id}/password",
                          data={"csrf": admin_token, "password": "a new password 2"})
        assert done.status_code == 303
        assert alice.get("/queue").status_code == 303  # signed out at once
        assert alice_phone.get("/queue").status_code == 303
        login(alice, "alice", "a new password 2")
        login(alice_phone, "alice", "a new password 2")
        phone_token = _csrf(alice_phone.get("/queue").text)
        everywhere = alice_phone.post("/logout/all", data={"csrf": phone_token})
        assert everywhere.status_code == 303
        assert alice.get("/queue").status_code == 303
        assert alice_phone.get("/queue").status_code == 303


def _user_id_of(users_page: str, username: str) -> int:
    found = re.search(rf'data-username="{re.escape(username)}"(?:.|\n)*?'
                      r'action="/admin/users/(\d+)/update"', users_page)
    assert found, "user not on the users page"
    return int(found.group(1))


def test_idle_sessions_end(console: RunningConsole) -> None:
    from intake.models import StaffSession  # here: the module imports without it

    with _client(console) as client:
        login(client, "coord")
        assert client.get("/queue").status_code == 200
        database = Database(f"sqlite:///{console.var_dir.parent / 'pakn.db'}")
        with database.transaction() as session:  # as if the last request was long ago
            session.execute(update(StaffSession).where(StaffSession.ended_at.is_(None))
                            .values(last_seen_at=datetime(2000, 1, 1, tzinfo=UTC)))
        database.dispose()
        assert client.get("/queue").status_code == 303


# -- 4. spreadsheet bombs and blocking work --
def test_xlsx_bomb_is_refused_quickly_without_memory_growth(console: RunningConsole) -> None:
    bomb = xlsx_bomb()
    assert len(bomb) < MB
    with _client(console) as client:
        token = login(client, "quantri")
        rss_before = _rss(console.pid)
        started = time.monotonic()
        response = upload(client, token, "bomb.xlsx", bomb, timeout=20.0)
        took = time.monotonic() - started
        grown = _rss(console.pid) - rss_before
    assert response.status_code == 400, response.text[:300]
    assert "quá lớn" in response.text
    assert took < 2.0, f"{took:.1f} s"
    assert grown < 100 * MB, f"RSS grew by {grown / MB:.0f} MB"


def test_large_sheet_is_refused_and_other_requests_keep_being_answered(
        console: RunningConsole) -> None:
    sheet = xlsx_rows(300_000)
    latencies: list[float] = []
    with _client(console) as client:
        token = login(client, "quantri")
        result: dict[str, httpx.Response] = {}
        worker = threading.Thread(target=lambda: result.setdefault(
            "r", upload(client, token, "rows.xlsx", sheet, timeout=60.0)))
        worker.start()
        with _client(console) as other:
            while worker.is_alive():
                started = time.monotonic()
                other.get("/healthz")
                latencies.append(time.monotonic() - started)
                time.sleep(0.05)
        worker.join()
    assert result["r"].status_code == 400
    assert "dòng" in result["r"].text
    assert latencies and max(latencies) < 1.0, f"/healthz took up to {max(latencies):.2f} s"


def test_deeply_nested_catalog_json_is_a_clear_400(console: RunningConsole) -> None:
    with _client(console) as client:
        token = login(client, "quantri")
        response = upload(client, token, "deep.json", b"[" * 100_000 + b"]" * 100_000)
    assert response.status_code == 400
    assert "lồng" in response.text


# -- 5. the web chat's identity is the server's --
def test_planted_chat_cookie_is_not_accepted(console: RunningConsole) -> None:
    with _client(console) as client:
        client.cookies.set("pakn_chat", "attacker-chosen-conversation")
        page = client.get("/chat")
        token = re.search(r'"csrf": "([0-9a-f]+)"', page.text)
        assert token
        planted = httpx.Cookies({"pakn_chat": "attacker-chosen-conversation"})
        response = httpx.post(f"{console.url}/chat/api/messages", json={"text": "xin chào"},
                              headers={"x-csrf-token": token.group(1)}, cookies=planted,
                              trust_env=False)
        assert response.status_code == 403


def test_rotating_chat_cookies_are_limited_per_client(new_console: ConsoleFactory) -> None:
    console = new_console()
    statuses: list[int] = []

    def one() -> None:
        with _client(console) as client:
            page = client.get("/chat")
            token = re.search(r'"csrf": "([0-9a-f]+)"', page.text)
            assert token
            statuses.append(client.post("/chat/api/messages", json={"text": "xin chào"},
                                        headers={"x-csrf-token": token.group(1)}).status_code)

    threads = [threading.Thread(target=one) for _ in range(100)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(statuses) == 100
    assert statuses.count(429) >= 30, statuses


def _chat_statuses(console: RunningConsole, senders: list[str], one_conversation: bool
                   ) -> list[int]:
    """Post one chat message per entry of ``senders`` (each sent with that
    ``X-Forwarded-For``), in one conversation or each in a fresh one; the statuses."""
    statuses = []
    token = ""
    with _client(console) as client:
        for address in senders:
            if not one_conversation or not token:
                client.cookies.clear()
                found = re.search(r'"csrf": "([0-9a-f]+)"', client.get("/chat").text)
                assert found
                token = found.group(1)
            statuses.append(client.post(
                "/chat/api/messages", json={"text": "xin chào"},
                headers={"x-csrf-token": token, "X-Forwarded-For": address}).status_code)
    return statuses


def test_chat_limits_per_conversation_and_per_client_address(
        new_console: ConsoleFactory) -> None:
    rotating = [f"198.51.100.{n}" for n in range(1, 26)]
    # behind a trusted proxy: each forwarded address is its own client ...
    proxied = new_console({"PAKN_TRUSTED_PROXIES": "127.0.0.1",
                           "PAKN_CHAT_LIMIT_PER_CLIENT": "10"})
    assert set(_chat_statuses(proxied, rotating[:15], one_conversation=False)) == {200}
    # ... but one conversation stays one conversation, whatever address it comes from
    one = _chat_statuses(proxied, rotating, one_conversation=True)
    assert one[:20] == [200] * 20 and set(one[20:]) == {429}, one
    # an IPv6 client is counted by its /64: rotating within it does not help
    ipv6 = _chat_statuses(proxied, [f"2001:db8:5:6::{n:x}" for n in range(1, 16)],
                          one_conversation=False)
    assert ipv6[:10] == [200] * 10 and set(ipv6[10:]) == {429}, ipv6
    # without a trusted proxy the header is the client's own word and does not count
    direct = new_console({"PAKN_CHAT_LIMIT_PER_CLIENT": "10"})
    alone = _chat_statuses(direct, rotating[:15], one_conversation=False)
    assert alone[:10] == [200] * 10 and set(alone[10:]) == {429}, alone


# -- 6. forwarded headers and the login lockout --
def test_rotating_forwarded_for_does_not_bypass_the_client_limit(
        new_console: ConsoleFactory) -> None:
    console = new_console()
    statuses = []
    with _client(console) as client:
        for attempt in range(25):
            token = _csrf(client.get("/login").text)
            statuses.append(client.post("/login", data={
                "csrf": token, "username": f"user{attempt}", "password": "wrong password"},
                headers={"X-Forwarded-For": f"198.51.100.{attempt + 1}"}).status_code)
    assert statuses[:20] == [401] * 20
    assert set(statuses[20:]) == {429}


def test_failures_from_elsewhere_do_not_lock_the_owner_out(
        new_console: ConsoleFactory) -> None:
    console = new_console({"PAKN_TRUSTED_PROXIES": "127.0.0.1"})
    with _client(console, **{"X-Forwarded-For": "203.0.113.9"}) as attacker:
        for _ in range(6):
            token = _csrf(attacker.get("/login").text)
            last = attacker.post("/login", data={"csrf": token, "username": "alice",
                                                 "password": "guess guess"})
        assert last.status_code == 429
    with _client(console, **{"X-Forwarded-For": "192.0.2.44"}) as owner:
        login(owner, "alice")


# -- 7. input validation instead of 500s --
def test_bad_report_period_and_attachment_id_are_400(console: RunningConsole) -> None:
    database = Database(f"sqlite:///{console.var_dir.parent / 'pakn.db'}")
    # the project's var/ (its routing classifier is cached there): no attachment is written
    service = IntakeService(database, load_settings({"PAKN_DATABASE_URL": database.url}))
    filed = file_complaint(service)
    database.dispose()
    with _client(console) as client:
        login(client, "coord")
        for query in ("from=9999-12-31", "to=9999-12-31", "from=0001-01-01&to=9999-12-31"):
            response = client.get(f"/reports?{query}")
            assert response.status_code == 400, query
            assert "ngày" in response.text
        response = client.get(f"/complaints/{filed.code}/attachments/{10**23}")
        assert response.status_code == 400
        assert client.get("/reports.csv?from=9999-12-31").status_code == 400


# -- 8. CSP everywhere --
def _route_templates(console: RunningConsole) -> list[tuple[str, str]]:
    """(method, path template) of every route of the console's application, read from
    the application itself so that a route added later is walked too."""
    settings = load_settings({"PAKN_DATABASE_URL": _database_url(console),
                              "PAKN_VAR_DIR": str(console.var_dir)})
    found: list[tuple[str, str]] = []

    def walk(routes: list[Any], prefix: str) -> None:
        for route in routes:
            if isinstance(route, Mount):
                found.append(("GET", prefix + route.path + "/{file}"))
            elif getattr(route, "methods", None):
                found.extend((method, prefix + route.path) for method in route.methods
                             if method != "HEAD")
            elif hasattr(route, "original_router"):  # FastAPI's included routers
                walk(route.original_router.routes, prefix + route.include_context.prefix)
            else:
                raise AssertionError(f"a route this test cannot walk: {route!r}")

    walk(create_app(settings).routes, "")
    return sorted(set(found))


def _database_url(console: RunningConsole) -> str:
    return f"sqlite:///{console.var_dir.parent / 'pakn.db'}"


def _assert_framing_refused(response: httpx.Response, what: str) -> None:
    csp = response.headers.get("content-security-policy", "")
    assert "frame-ancestors 'none'" in csp, (what, response.status_code, csp)
    assert response.headers.get("x-frame-options") == "DENY", what
    assert response.headers.get("x-content-type-options") == "nosniff", what
    if response.request.url.path != "/chat":
        assert "script-src" not in csp, (what, csp)  # only the chat page runs a script
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, (what, csp)


def test_every_route_forbids_framing_on_every_answer(console: RunningConsole) -> None:
    database = Database(_database_url(console))
    settings = load_settings({"PAKN_DATABASE_URL": database.url,
                              "PAKN_VAR_DIR": str(console.var_dir)})
    filed = file_complaint(IntakeService(database, settings))
    attachment = AttachmentService(database, settings).add(
        filed.code, b"%PDF-1.4 demo", "don.pdf", "application/pdf", "citizen:test")
    database.dispose()
    values = {"code": filed.code, "attachment_id": str(attachment.id), "action": "reply",
              "user_id": "1", "ingest_id": "1", "file": "chat.js",
              # issue 16: Open311, the satisfaction link, the publication review
              "fmt": "json", "rest": "tokens/x.json", "token": "not-a-signed-token",
              "answer_id": "1"}
    routes = _route_templates(console)
    assert len(routes) >= 25, routes
    statuses: dict[int, int] = {}

    def check(response: httpx.Response, what: str) -> None:
        _assert_framing_refused(response, what)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

    with _client(console) as anonymous, _client(console) as admin:
        login(admin, "quantri")
        for method, template in routes:
            path = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template)
            for who, client in (("anonymous", anonymous), ("admin", admin)):
                what = f"{who} {method} {path}"
                if method == "GET":
                    check(client.get(path), what)
                    continue
                # without the CSRF token (refused, so nothing changes), then too large
                check(client.post(path, data={"x": "1"}), what)
                check(client.post(path, content=b"x" * (300 * 1024),
                                  headers={"content-type": "application/json"}),
                      what + " (300 kB)")
            # nothing above (a GET, a refused POST) may sign the administrator out
            assert admin.get("/queue").status_code == 200, f"signed out by {method} {path}"
        for path in ("/no-such-page", "/complaints/PA-ZZZZZZZZ", "/static/none.js",
                     f"/complaints/{filed.code}/attachments/{10**23}",
                     "/reports?from=9999-12-31"):
            check(admin.get(path), f"admin GET {path}")
        check(admin.get("/logout"), "GET of a POST route")
        check(admin.request("OPTIONS", "/login"), "OPTIONS")
        page = anonymous.get("/chat")
        chat = page.headers["content-security-policy"]
        assert "script-src 'self'" in chat and "connect-src 'self'" in chat
        token = re.search(r'"csrf": "([0-9a-f]+)"', page.text)
        assert token
        check(anonymous.post("/chat/api/messages", content=b"x" * (100 * 1024), headers={
            "x-csrf-token": token.group(1), "content-type": "application/json"}),
              "a chat message over its limit")
        download = admin.get(f"/complaints/{filed.code}/attachments/{attachment.id}")
        assert download.status_code == 200 and "sandbox" in \
            download.headers["content-security-policy"]
    for status in (200, 303, 400, 403, 404, 405, 413):
        assert statuses.get(status), (status, statuses)


def test_a_server_error_page_forbids_framing_too(new_console: ConsoleFactory) -> None:
    console = new_console()
    with _client(console) as client:
        login(client, "coord")
        broken = sqlite3.connect(console.var_dir.parent / "pakn.db")
        broken.execute("DROP TABLE complaints")  # a fault of the server, not the sender
        broken.commit()
        broken.close()
        response = client.get("/queue")
    assert response.status_code == 500, response.text[:300]
    assert "sự cố" in response.text and "Traceback" not in response.text
    _assert_framing_refused(response, "500")
    assert "OperationalError" in console.log_text()  # logged, without the values
