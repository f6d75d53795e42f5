"""The administration pages in Debian's Chromium (Playwright), against the real app and
database: an administrator creates a staff account who then works only their queue;
staff are refused the admin pages; a catalog upload is dry-run, then imported; a
quarantined mail is retried."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from intake.catalog.service import CatalogService
from intake.config import Settings
from intake.console.auth import Accounts, StaffIdentity
from intake.console.models import Role
from intake.db import Database
from intake.mail.ingest import MailIngestor
from intake.services.complaints import IntakeService
from intake.services.staff import StaffService
from tests.console.conftest import PASSWORD, QUEUE_A, QUEUE_B, complaint_in
from tests.console.test_admin import _admin_events, catalog_file
from tests.console.test_browser import CHROMIUM, base_url, browser, login, page
from tests.mail.conftest import fixture_bytes, test_mail_settings

__all__ = ["base_url", "browser", "page"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium")


@pytest.fixture
def admin(accounts: Accounts) -> StaffIdentity:
    """An administrator."""
    return accounts.add_user("quantri", PASSWORD, Role.ADMIN, [])


def test_admin_creates_staff_who_sees_only_their_queue(
        browser: Browser, page: Page, base_url: str, service: IntakeService,
        staff: StaffService, admin: StaffIdentity, coordinator: StaffIdentity) -> None:
    mine = complaint_in(service, staff, coordinator, QUEUE_A)
    theirs = complaint_in(service, staff, coordinator, QUEUE_B)
    login(page, base_url, "quantri")
    page.click("nav.main a[href='/admin/users']")
    page.wait_for_url(f"{base_url}/admin/users")
    form = page.locator("#create-user-form")
    form.locator("input[name=username]").fill("hoa")
    form.locator("select[name=role]").select_option("staff")
    form.locator("select[name=queues]").select_option([QUEUE_A])
    form.locator("input[name=password]").fill("mat-khau-cua-hoa")
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/users?done=created")
    row = page.locator("tr[data-username='hoa']")
    assert QUEUE_A in row.locator("small.queues").inner_text()

    context = browser.new_context()
    other = context.new_page()
    other.goto(f"{base_url}/login")
    other.fill("input[name=username]", "hoa")
    other.fill("input[name=password]", "mat-khau-cua-hoa")
    other.click("button[type=submit]")
    other.wait_for_url(f"{base_url}/queue")
    codes = other.locator("table.queue tbody tr[data-code]").evaluate_all(
        "rs => rs.map(r => r.dataset.code)")
    assert codes == [mine.code] and theirs.code not in codes
    assert other.locator("nav.main a[href='/admin/users']").count() == 0
    response = other.goto(f"{base_url}/admin/users")
    assert response is not None and response.status == 403
    context.close()

    # the admin deactivates the account: the person is signed out at once
    page.goto(f"{base_url}/admin/users")
    page.locator("tr[data-username='hoa'] form.user-active button").click()
    page.wait_for_url(f"{base_url}/admin/users?done=deactivated")
    assert page.locator("tr[data-username='quantri'] form.user-active").count() == 0


def test_staff_refused_admin_pages(page: Page, base_url: str, db: Database,
                                   alice: StaffIdentity) -> None:
    login(page, base_url, "alice")
    for path in ("/admin/users", "/admin/organisation", "/admin/catalog"):
        response = page.goto(f"{base_url}{path}")
        assert response is not None and response.status == 403
        assert "Chỉ quản trị viên" in page.inner_text("main")
    assert [t for a, act, t in _admin_events(db) if a == "staff:alice"] == [
        "users", "organisation", "catalog"]


def test_catalog_dry_run_then_import(page: Page, base_url: str, db: Database,
                                     admin: StaffIdentity, tmp_path: Path) -> None:
    catalog = CatalogService(db)
    before = catalog.count()
    login(page, base_url, "quantri")
    page.goto(f"{base_url}/admin/catalog")
    assert page.inner_text("#catalog-count") == str(before)
    page.set_input_files("#upload-form input[name=file]", str(catalog_file(tmp_path)))
    page.click("#upload-form button")
    page.wait_for_selector("#catalog-summary")
    assert page.inner_text("#sum-added") == "2"
    assert page.inner_text("#sum-rejected") == "1"
    rejected = page.inner_text("table.rejected")
    assert "BG-XX-999" in rejected and "thiếu ten_tthc" in rejected
    assert catalog.count() == before
    page.click("#confirm-form button")
    page.wait_for_selector("#catalog-summary.done")
    assert catalog.count() == before + 2
    assert page.inner_text("#catalog-count") == str(before + 2)
    assert "danh-muc.json" in page.inner_text("table.imports")


def test_organisation_reload_from_the_page(page: Page, base_url: str,
                                           admin: StaffIdentity) -> None:
    login(page, base_url, "quantri")
    page.goto(f"{base_url}/admin/organisation")
    assert page.locator("table.queue-counts tbody tr").count() >= 1
    page.click("#reload-form button")
    page.wait_for_selector("#reload-summary")
    assert "không đổi" in page.inner_text("#reload-summary")


def test_quarantined_mail_retried_from_the_page(
        page: Page, base_url: str, admin: StaffIdentity, service: IntakeService,
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    ingestor = MailIngestor(service, test_mail_settings(settings.var_dir))

    def exploding(*args: object, **kwargs: object) -> object:
        raise RuntimeError("routing exploded")

    monkeypatch.setattr(service, "create_complaint", exploding)
    broken = ingestor.ingest(fixture_bytes("vi_windows1258.eml"), "imap:INBOX:1:3")
    monkeypatch.undo()
    login(page, base_url, "quantri")
    page.click("nav.main >> text=Hộp thư")
    row = page.locator(f"#quarantined-{broken.ingest_id}")
    assert "RuntimeError: routing exploded" in row.inner_text()
    row.locator("button").click()
    page.wait_for_selector("#retry-result")
    assert "Đã tiếp nhận, mã PA-" in page.inner_text("#retry-result")
    assert page.locator(f"#quarantined-{broken.ingest_id}").count() == 0
    assert page.locator("#quarantine-empty").is_visible()
    assert service.count() == 1
