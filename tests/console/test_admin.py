"""The administration pages over HTTP: admins only (refusals audited), CSRF on every
form, accounts, organisation reload, and the catalog's dry run then import."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from intake.catalog.service import CatalogService
from intake.config import Settings
from intake.console.admin import AdminService
from intake.console.app import create_app
from intake.console.auth import Accounts, StaffIdentity
from intake.db import Database
from intake.mail.ingest import MailIngestor
from intake.mail.models import IngestStatus, MailIngest
from intake.models import AdminEvent, Role, StaffUser, utcnow
from intake.services.complaints import IntakeService
from tests.console.conftest import PASSWORD, QUEUE_A, QUEUE_B
from tests.mail.conftest import fixture_bytes, test_mail_settings

FIXTURE = Path(__file__).resolve().parents[1] / "catalog" / "fixtures" / "flat_small.json"


@pytest.fixture
def client(settings: Settings) -> TestClient:
    """The real app over the test database (secret fixed so sessions verify)."""
    return TestClient(create_app(replace(settings, secret_key="test-secret")))


@pytest.fixture
def admin(accounts: Accounts) -> StaffIdentity:
    """An administrator."""
    return accounts.add_user("quantri", PASSWORD, Role.ADMIN, [])


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found
    return found.group(1)


def _login(client: TestClient, username: str, password: str = PASSWORD) -> str:
    token = _csrf(client.get("/login").text)
    response = client.post("/login", data={"csrf": token, "username": username,
                                           "password": password}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return _csrf(client.get("/queue").text)


def _user_id(db: Database, username: str) -> int:
    with db.reading() as session:
        found = session.scalar(select(StaffUser.id).where(StaffUser.username == username))
    assert found is not None
    return found


def _admin_events(db: Database) -> list[tuple[str, str, str | None]]:
    with db.reading() as session:
        return [(e.actor, e.action, e.target) for e in session.scalars(
            select(AdminEvent).order_by(AdminEvent.id))]


def catalog_file(tmp_path: Path, name: str = "danh-muc.json") -> Path:
    """Two good procedures and one without a name (rejected)."""
    records: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))[:2]
    broken = dict(records[0], ma_tthc="BG-XX-999")
    del broken["ten_tthc"]
    path = tmp_path / name
    path.write_text(json.dumps([*records, broken], ensure_ascii=False), encoding="utf-8")
    return path


def test_staff_and_coordinator_refused_and_audited(
        client: TestClient, db: Database, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    token = _login(client, "alice")
    for path in ("/admin/users", "/admin/organisation", "/admin/catalog", "/admin/mail",
                 "/admin"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 403, path
        assert "Chỉ quản trị viên" in response.text
    response = client.post("/admin/users", data={
        "csrf": token, "username": "mallory", "role": "admin", "password": "x" * 12})
    assert response.status_code == 403
    response = client.post("/admin/organisation/reload", data={"csrf": token})
    assert response.status_code == 403
    other = TestClient(client.app)
    _login(other, "coord")
    assert other.get("/admin/users").status_code == 403
    refusals = [e for e in _admin_events(db) if e[1] == "access_denied"]
    assert ("staff:alice", "access_denied", "users:create") in refusals
    assert any(actor == "staff:coord" for actor, _, _ in refusals)
    assert "Tài khoản" not in client.get("/queue").text  # no admin menu for staff
    with db.reading() as session:
        assert session.scalar(select(StaffUser).where(StaffUser.username == "mallory")) is None


def test_admin_pages_keep_strict_csp(client: TestClient, admin: StaffIdentity) -> None:
    _login(client, "quantri")
    for path in ("/admin/users", "/admin/organisation", "/admin/catalog", "/admin/mail"):
        response = client.get(path)
        assert response.status_code == 200
        assert "script-src" not in response.headers["content-security-policy"]
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
        assert "<script" not in response.text


def test_forms_without_csrf_refused(client: TestClient, db: Database,
                                    admin: StaffIdentity, alice: StaffIdentity) -> None:
    _login(client, "quantri")
    alice_id = _user_id(db, "alice")
    posts: list[tuple[str, dict[str, str]]] = [
        ("/admin/users", {"username": "eve", "role": "admin", "password": "y" * 12}),
        (f"/admin/users/{alice_id}/active", {"active": "0"}),
        (f"/admin/users/{alice_id}/password", {"password": "z" * 12}),
        (f"/admin/users/{alice_id}/update", {"role": "admin"}),
        ("/admin/organisation/reload", {}),
        ("/admin/catalog/import", {"token": "0" * 32}),
        ("/admin/mail/1/retry", {}),
    ]
    for path, data in posts:
        assert client.post(path, data=data).status_code == 403, path
        assert client.post(path, data=data | {"csrf": "forged"}).status_code == 403, path
    assert client.post("/admin/catalog/dry-run",
                       files={"file": ("a.json", b"[]", "application/json")}).status_code == 403
    with db.reading() as session:
        found = session.get(StaffUser, alice_id)
        assert found is not None and found.active and found.role == "staff"
        assert session.scalar(select(StaffUser).where(StaffUser.username == "eve")) is None


def test_admin_creates_staff_who_logs_in_to_own_queue(
        client: TestClient, settings: Settings, db: Database, admin: StaffIdentity) -> None:
    token = _login(client, "quantri")
    page = client.get("/admin/users").text
    assert "quantri" in page and f'value="{QUEUE_A}"' in page
    response = client.post("/admin/users", data={
        "csrf": token, "username": "hoa", "role": "staff", "queues": [QUEUE_A],
        "password": "mat-khau-cua-hoa"}, follow_redirects=False)
    assert response.status_code == 303
    assert "hoa" in client.get("/admin/users").text
    staff = TestClient(create_app(replace(settings, secret_key="test-secret")))
    _login(staff, "hoa", "mat-khau-cua-hoa")
    signed_in = staff.get("/queue").text  # role and unit by name, the code as a tooltip
    assert f'(Cán bộ: <span title="{QUEUE_A}">Sở Tư pháp</span>)' in signed_in
    assert staff.get("/admin/users").status_code == 403
    rows = {u.username: u for u in AdminService(db).users()}
    assert rows["hoa"].queues == (QUEUE_A,) and rows["hoa"].last_login_at is not None
    assert ("staff:quantri", "user_created", "hoa") in _admin_events(db)


def test_admin_changes_role_queues_password_and_deactivates(
        client: TestClient, db: Database, admin: StaffIdentity,
        alice: StaffIdentity) -> None:
    token = _login(client, "quantri")
    alice_id = _user_id(db, "alice")
    assert client.post(f"/admin/users/{alice_id}/update", data={
        "csrf": token, "role": "staff", "queues": [QUEUE_A, QUEUE_B]},
        follow_redirects=False).status_code == 303
    assert Accounts(db).identity(alice_id) == StaffIdentity(
        alice_id, "alice", "staff", (QUEUE_B, QUEUE_A) if QUEUE_B < QUEUE_A else
        (QUEUE_A, QUEUE_B))
    # staff without any queue is refused
    response = client.post(f"/admin/users/{alice_id}/update",
                           data={"csrf": token, "role": "staff"})
    assert response.status_code == 400 and "ít nhất một đơn vị" in response.text
    assert client.post(f"/admin/users/{alice_id}/password", data={
        "csrf": token, "password": "mat-khau-moi-123"},
        follow_redirects=False).status_code == 303
    assert Accounts(db).authenticate("alice", "mat-khau-moi-123", "t") is not None
    assert client.post(f"/admin/users/{alice_id}/active", data={
        "csrf": token, "active": "0"}, follow_redirects=False).status_code == 303
    assert Accounts(db).identity(alice_id) is None
    assert Accounts(db).authenticate("alice", "mat-khau-moi-123", "t") is None
    assert client.post(f"/admin/users/{alice_id}/active", data={
        "csrf": token, "active": "1"}, follow_redirects=False).status_code == 303
    assert Accounts(db).identity(alice_id) is not None
    actions = [a for _, a, t in _admin_events(db) if t == "alice"]
    assert actions == ["user_updated", "password_reset", "user_deactivated",
                       "user_reactivated"]


def test_admin_cannot_deactivate_or_demote_self(client: TestClient, db: Database,
                                                admin: StaffIdentity) -> None:
    token = _login(client, "quantri")
    response = client.post(f"/admin/users/{admin.id}/active",
                           data={"csrf": token, "active": "0"})
    assert response.status_code == 400 and "chính mình" in response.text
    response = client.post(f"/admin/users/{admin.id}/update",
                           data={"csrf": token, "role": "coordinator"})
    assert response.status_code == 400
    assert Accounts(db).identity(admin.id) == admin


def test_organisation_page_and_reload(client: TestClient, db: Database,
                                      admin: StaffIdentity) -> None:
    token = _login(client, "quantri")
    page = client.get("/admin/organisation").text
    assert 'data-kind="department"' in page or "data-kind=" in page
    assert "Thêm mới" in page  # the queue history of the test's load, in Vietnamese
    response = client.post("/admin/organisation/reload", data={"csrf": token})
    assert response.status_code == 200
    assert 'id="reload-summary"' in response.text and "thêm 0" in response.text
    assert ("staff:quantri", "organisation_reloaded", "departments.yml") in _admin_events(db)


def test_catalog_dry_run_shows_rejections_and_writes_nothing_then_import(
        client: TestClient, db: Database, admin: StaffIdentity, tmp_path: Path) -> None:
    token = _login(client, "quantri")
    catalog = CatalogService(db)
    before = catalog.count()
    path = catalog_file(tmp_path)
    response = client.post("/admin/catalog/dry-run", data={"csrf": token}, files={
        "file": ("../../danh muc.json", path.read_bytes(), "application/json")})
    assert response.status_code == 200, response.text
    html = response.text
    assert 'id="sum-added">2<' in html and 'id="sum-rejected">1<' in html
    assert "BG-XX-999" in html and "ten_tthc" in html
    assert catalog.count() == before
    assert AdminService(db).imports() == []
    found = re.search(r'name="token" value="([0-9a-f]{32})"', html)
    assert found
    # the confirm form needs its CSRF token too
    assert client.post("/admin/catalog/import", data={"token": found.group(1)}
                       ).status_code == 403
    response = client.post("/admin/catalog/import",
                           data={"csrf": token, "token": found.group(1)})
    assert response.status_code == 200
    assert "Đã nhập" in response.text
    assert catalog.count() == before + 2
    (run,) = AdminService(db).imports()
    assert (run.source_file, run.added, run.rejected) == ("danh_muc.json", 2, 1)
    assert ("staff:quantri", "catalog_imported", "danh_muc.json") in _admin_events(db)
    again = client.post("/admin/catalog/import", data={"csrf": token,
                                                       "token": found.group(1)})
    assert again.status_code == 400  # the upload is gone once imported


def test_catalog_upload_refuses_bad_files(client: TestClient, admin: StaffIdentity,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    token = _login(client, "quantri")
    response = client.post("/admin/catalog/dry-run", data={"csrf": token}, files={
        "file": ("x.html", b"<script>alert(1)</script>", "text/html")})
    assert response.status_code == 400 and ".json, .csv" in response.text
    response = client.post("/admin/catalog/dry-run", data={"csrf": token}, files={
        "file": ("x.json", b"{not json", "application/json")})
    assert response.status_code == 400 and "không đọc được" in response.text
    monkeypatch.setattr("intake.console.adminweb.MAX_UPLOAD", 10)
    response = client.post("/admin/catalog/dry-run", data={"csrf": token}, files={
        "file": ("x.json", b"[" + b" " * 100 + b"]", "application/json")})
    assert response.status_code == 413
    assert client.post("/admin/catalog/import",
                       data={"csrf": token, "token": "../../etc"}).status_code == 400


def test_mail_quarantine_is_listed_escaped_and_retried_from_the_page(
        client: TestClient, db: Database, settings: Settings, service: IntakeService,
        admin: StaffIdentity, alice: StaffIdentity, monkeypatch: pytest.MonkeyPatch) -> None:
    ingestor = MailIngestor(service, test_mail_settings(settings.var_dir))
    hostile = fixture_bytes("vi_utf8_qp.eml").replace(
        b"Subject: =?utf-8?B?UGjhuqNuIMOhbmggY2jhuq1tIHRy4bqjIGjhu5Mgc8ahIHThuqFpIHjDoyBC"
        b"w61jaCDEkOG7mW5n?=", b"Subject: <script>alert(1)</script> ho so cham")

    def exploding(*args: object, **kwargs: object) -> object:
        raise RuntimeError("routing exploded")

    monkeypatch.setattr(service, "create_complaint", exploding)  # a bug, fixed later
    broken = ingestor.ingest(hostile, "imap:INBOX:1:7")
    monkeypatch.undo()
    garbage = ingestor.ingest(b"\x00\x01 not a mail", "imap:INBOX:1:8")
    assert {broken.status, garbage.status} == {IngestStatus.QUARANTINED}

    staff_client = TestClient(client.app)
    _login(staff_client, "alice")
    assert staff_client.get("/admin/mail").status_code == 403

    token = _login(client, "quantri")
    page = client.get("/admin/mail").text
    assert "Thư bị cách ly (2)" in page and "RuntimeError: routing exploded" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ho so cham" in page
    assert "<script>" not in page
    retry = f"/admin/mail/{broken.ingest_id}/retry"
    assert client.post(retry, data={}).status_code == 403
    assert client.post(retry, data={"csrf": "forged"}).status_code == 403

    done = client.post(retry, data={"csrf": token})
    assert done.status_code == 200
    assert re.search(rf"Thư #{broken.ingest_id}: Đã tiếp nhận, mã PA-[0-9A-Z]{{8}}", done.text)
    assert "Thư bị cách ly (1)" in done.text and service.count() == 1
    still = client.post(f"/admin/mail/{garbage.ingest_id}/retry", data={"csrf": token})
    assert f"Thư #{garbage.ingest_id}: Cách ly" in still.text
    again = client.post(retry, data={"csrf": token})
    assert again.status_code == 400 and "không nằm trong khu cách ly" in again.text
    huge = client.post(f"/admin/mail/{10**23}/retry", data={"csrf": token})
    assert huge.status_code == 400 and "Mã thư không hợp lệ" in huge.text
    assert ("staff:quantri", "mail_retried", f"#{broken.ingest_id}") in _admin_events(db)
    assert service.count() == 1


def _count(page: str, attribute: str, key: str) -> int:
    found = re.search(rf'data-{attribute}="{re.escape(key)}"><td>[^<]*</td><td>(\d+)</td>', page)
    assert found, key
    return int(found.group(1))


def test_mail_page_counts_what_was_set_aside_in_the_last_24_hours(
        client: TestClient, db: Database, settings: Settings, service: IntakeService,
        admin: StaffIdentity) -> None:
    mail = replace(test_mail_settings(settings.var_dir), ack_limit_per_hour=1)
    ingestor = MailIngestor(service, mail)
    taken = {name: ingestor.ingest(fixture_bytes(name, code="PA-00000000", ack_id="x@y.vn"),
                                   name)
             for name in ("vi_utf8_qp.eml", "vi_official_ooo.eml", "vi_bulk_newsletter.eml",
                          "vi_calendar_invite.eml", "vi_official_roundcube.eml",
                          "vi_empty.eml", "vi_read_receipt.eml", "vi_cc_copy_a.eml",
                          "vi_cc_copy_b.eml")}
    # Our own mail come back (our address with our loop marker), and bytes that are no
    # message at all (quarantined): every outcome set aside is counted at least once.
    ours = (b"From: thutuchanhchinh@bacgiang.gov.vn\nTo: x@example.vn\nSubject: x\n"
            b"X-Loop: thutuchanhchinh@bacgiang.gov.vn\nMessage-ID: <own-1@mail.example>\n\nx\n")
    assert ingestor.ingest(ours, "own").kind == "own"
    assert ingestor.ingest(b"\x00\x01 no header here", "junk").status is IngestStatus.QUARANTINED
    with db.transaction() as session:  # the newsletter came two days ago: not counted
        old = session.get(MailIngest, taken["vi_bulk_newsletter.eml"].ingest_id)
        assert old is not None
        old.received_at = utcnow() - timedelta(days=2)
    _login(client, "quantri")
    page = client.get("/admin/mail").text
    counts = {key: _count(page, "outcome", key) for key in (
        "recorded:auto", "recorded:bulk", "recorded:calendar", "recorded:own",
        "recorded:receipt", "rejected", "duplicate", "quarantined")}
    assert counts == {"recorded:auto": 1, "recorded:bulk": 0, "recorded:calendar": 1,
                      "recorded:own": 1, "recorded:receipt": 1, "rejected": 1,
                      "duplicate": 1, "quarantined": 1}
    # The hourly limit (1) held the next three answers: an alert, and the count per reason.
    assert _count(page, "held", "hourly_limit") == 3
    assert 'id="ack-hourly-alert"' in page and "3 thư trả lời tự động đã bị giữ lại" in page


def test_audit_log_shows_actions_in_vietnamese_not_codes(
        client: TestClient, db: Database, admin: StaffIdentity, alice: StaffIdentity) -> None:
    """Every audited account action and a refused visit read in Vietnamese on
    /admin/users; no stored code (``user_created`` …) reaches the page."""
    refused = TestClient(client.app)
    _login(refused, "alice")
    assert refused.get("/admin/catalog").status_code == 403
    token = _login(client, "quantri")
    assert client.post("/admin/users", data={
        "csrf": token, "username": "hoa", "role": "staff", "queues": [QUEUE_A],
        "password": "mat-khau-cua-hoa"}, follow_redirects=False).status_code == 303
    hoa = _user_id(db, "hoa")
    for path, data in ((f"/admin/users/{hoa}/update", {"role": "coordinator"}),
                       (f"/admin/users/{hoa}/password", {"password": "mat-khau-moi-123"}),
                       (f"/admin/users/{hoa}/active", {"active": "0"}),
                       (f"/admin/users/{hoa}/active", {"active": "1"})):
        assert client.post(path, data={"csrf": token, **data},
                           follow_redirects=False).status_code == 303
    stored = {action for _, action, _ in _admin_events(db)}
    assert stored >= {"user_created", "user_updated", "password_reset", "user_deactivated",
                      "user_reactivated", "access_denied"}
    page = client.get("/admin/users").text
    audit = page[page.index("Nhật ký quản trị"):]
    rows = re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>",
                      audit)
    shown = {(who, what, target) for who, what, target in rows}
    assert ("quantri", "Tạo tài khoản", "hoa") in shown
    assert ("quantri", "Đổi vai trò, đơn vị", "hoa") in shown
    assert ("quantri", "Đặt lại mật khẩu", "hoa") in shown
    assert ("quantri", "Khoá tài khoản", "hoa") in shown
    assert ("quantri", "Mở lại tài khoản", "hoa") in shown
    assert ("alice", "Bị từ chối truy cập", "Trang danh mục thủ tục") in shown
    for code in stored:
        assert code not in audit, code
    assert "staff:" not in audit
