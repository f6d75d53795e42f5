"""The console over HTTP (no browser): login, CSRF, 403 audited, attachment headers."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from intake.config import Settings
from intake.console.app import create_app
from intake.console.auth import StaffIdentity
from intake.services.attachments import AttachmentService
from intake.services.complaints import IntakeService
from intake.services.staff import StaffService
from tests.console.conftest import PASSWORD, QUEUE_A, QUEUE_B, complaint_in


@pytest.fixture
def client(settings: Settings) -> TestClient:
    """The real app over the test database (secret fixed so sessions verify)."""
    return TestClient(create_app(replace(settings, secret_key="test-secret")))


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found
    return found.group(1)


def _login(client: TestClient, username: str) -> str:
    token = _csrf(client.get("/login").text)
    response = client.post("/login", data={"csrf": token, "username": username,
                                           "password": PASSWORD}, follow_redirects=False)
    assert response.status_code == 303
    return _csrf(client.get("/queue").text)


def test_login_requires_csrf_and_password(client: TestClient, alice: StaffIdentity) -> None:
    assert client.get("/queue", follow_redirects=False).headers["location"] == "/login"
    client.get("/login")
    no_token = client.post("/login", data={"username": "alice", "password": PASSWORD})
    assert no_token.status_code == 403
    token = _csrf(client.get("/login").text)
    wrong = client.post("/login", data={"csrf": token, "username": "alice", "password": "x"})
    assert wrong.status_code == 401
    cookie = client.get("/login").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_queue_scope_and_refusal(client: TestClient, service: IntakeService,
                                 staff: StaffService, alice: StaffIdentity,
                                 coordinator: StaffIdentity) -> None:
    mine = complaint_in(service, staff, coordinator, QUEUE_A,
                        text="Xin hỏi <script>alert(1)</script> thủ tục chứng thực")
    theirs = complaint_in(service, staff, coordinator, QUEUE_B)
    _login(client, "alice")
    page = client.get("/queue")
    assert mine.code in page.text and theirs.code not in page.text
    assert "<script>alert" not in page.text and "&lt;script&gt;" in page.text
    assert "Content-Security-Policy" in page.headers
    assert client.get(f"/complaints/{theirs.code}").status_code == 403
    assert [e.kind for e in service.events(theirs.code)][-1] == "access_denied"


def test_actions_need_csrf(client: TestClient, service: IntakeService, staff: StaffService,
                           alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    mine = complaint_in(service, staff, coordinator, QUEUE_A)
    token = _login(client, "alice")
    url = f"/complaints/{mine.code}/actions/note"
    assert client.post(url, data={"text": "x"}).status_code == 403
    assert client.post(url, data={"text": "x", "csrf": "forged"}).status_code == 403
    ok = client.post(url, data={"text": "ghi chú", "csrf": token}, follow_redirects=False)
    assert ok.status_code == 303
    assert [e.kind for e in service.events(mine.code)].count("note") == 1
    empty = client.post(url, data={"text": " ", "csrf": token})
    assert empty.status_code == 400
    kind = client.post(f"/complaints/{mine.code}/actions/kind",
                       data={"kind": "complaint", "csrf": token})
    assert "Khiếu nại (30 ngày làm việc)" in kind.text


def test_attachments_served_safely(client: TestClient, service: IntakeService,
                                   staff: StaffService, settings: Settings,
                                   alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    mine = complaint_in(service, staff, coordinator, QUEUE_A)
    files = AttachmentService(service.db, settings)
    html = files.add(mine.code, b"<html><script>alert(1)</script></html>", "x.html",
                     "text/html", "citizen:test")
    png = files.add(mine.code, b"\x89PNG\r\n\x1a\nfake", "p.png", "image/png", "citizen:test")
    _login(client, "alice")
    page = client.get(f"/complaints/{mine.code}").text
    assert f'<img src="/complaints/{mine.code}/attachments/{png.id}"' in page
    got = client.get(f"/complaints/{mine.code}/attachments/{html.id}")
    assert got.headers["content-type"] == "application/octet-stream"
    assert got.headers["content-disposition"].startswith("attachment;")
    assert got.headers["x-content-type-options"] == "nosniff"
    image = client.get(f"/complaints/{mine.code}/attachments/{png.id}")
    assert image.headers["content-type"] == "image/png"
    assert image.headers["content-disposition"].startswith("inline;")


def test_a_telegram_caption_is_kept_with_its_file_and_shown_escaped(
        client: TestClient, service: IntakeService, staff: StaffService, settings: Settings,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    files = AttachmentService(service.db, settings)
    sender = "telegram:5551234"
    assert files.hold_file(sender, b"\x89PNG\r\n\x1a\ncaption", "anh.png", "image/png",
                           caption="Ảnh cột đèn <hỏng> ở ngõ 3")
    filed = complaint_in(service, staff, coordinator, QUEUE_A, sender=sender,
                         take_held=True, text="Cột đèn đường ngõ 3 thôn Đông hỏng cả tháng")
    (stored,) = files.list(filed.code)
    assert stored.caption == "Ảnh cột đèn <hỏng> ở ngõ 3"
    _login(client, "alice")
    page = client.get(f"/complaints/{filed.code}").text
    assert "Người dân ghi kèm: “Ảnh cột đèn &lt;hỏng&gt; ở ngõ 3”" in page
    assert "<hỏng>" not in page
