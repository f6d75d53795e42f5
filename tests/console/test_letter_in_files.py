"""A letter sent as a file (a scan, a photo of the letter) shows that file first on the
complaint page, in Debian's Chromium: images inline and PDFs as a prominent link, both
through the access-controlled attachment route, a citizen's file name never markup.

The complaints come from real hotline messages through the mail pipeline
(``tests/mail/fixtures``), as in production.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from intake.config import Settings
from intake.console.auth import StaffIdentity
from intake.mail.ingest import MailIngestor
from intake.services.complaints import IntakeService
from tests.console.test_browser import CHROMIUM, base_url, browser, login, page
from tests.mail.conftest import fixture_bytes, test_mail_settings
from tests.mail.make_fixtures import PDF

__all__ = ["base_url", "browser", "page"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium")

# Is the element first in the page before the other (document order)?
BEFORE = "([a, b]) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)"


def _mailed(service: IntakeService, settings: Settings, raw: bytes) -> str:
    """File one hotline message through the mail pipeline; its tracking code."""
    result = MailIngestor(service, test_mail_settings(settings.var_dir)).ingest(raw, "test")
    assert result.code, result
    return result.code


def _top_of(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return float(box["y"])


def test_photographed_letter_shows_its_pages_first_inline(
        page: Page, base_url: str, service: IntakeService, settings: Settings,
        coordinator: StaffIdentity) -> None:
    code = _mailed(service, settings, fixture_bytes("vi_scan_photo.eml"))
    login(page, base_url, "coord")
    page.goto(f"{base_url}/complaints/{code}")
    first = page.locator("#letter-files")
    assert "xem tệp trước" in first.inner_text()
    # At the top: before the facts, the (near-empty) text and the other sections, and
    # in the first screen without scrolling.
    for later in ("dl.facts", "#composer", "ol.thread", "#more-actions"):
        assert page.evaluate(BEFORE, [first.element_handle(),
                                      page.locator(later).element_handle()]), later
    assert _top_of(page, "#letter-files img") < 900
    images = first.locator("img")
    assert images.count() == 2
    for i, name in enumerate(["IMG_0412.jpg", "IMG_0413.jpg"]):
        image = images.nth(i)
        src = image.get_attribute("src") or ""
        assert src.startswith(f"/complaints/{code}/attachments/"), src
        assert image.get_attribute("alt") == f"Trang thư: {name}"
        # The browser really loaded and decoded it under the page's CSP.
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
        got = page.request.get(base_url + src)
        assert got.status == 200 and got.headers["content-type"] == "image/jpeg"
        assert got.headers["content-disposition"].startswith("inline;")
        assert got.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in got.headers["content-security-policy"]
    # Shown once: not listed again under the other attachments.
    assert page.locator("ul.files").count() == 0


def test_scanned_pdf_letter_is_a_prominent_download_first(
        page: Page, base_url: str, service: IntakeService, settings: Settings,
        coordinator: StaffIdentity) -> None:
    code = _mailed(service, settings, fixture_bytes("vi_scan_pdf.eml"))
    login(page, base_url, "coord")
    page.goto(f"{base_url}/complaints/{code}")
    link = page.locator("#letter-files a.open-file")
    assert link.count() == 1
    assert link.inner_text() == "Mở / tải về: don-khieu-nai.pdf"
    assert link.get_attribute("download") is not None
    assert page.evaluate(BEFORE, [link.element_handle(),
                                  page.locator("ol.thread").element_handle()])
    assert _top_of(page, "#letter-files a.open-file") < 900
    with page.expect_download() as download:
        link.click()
    saved = download.value.path()
    assert Path(saved).read_bytes() == PDF
    got = page.request.get(base_url + (link.get_attribute("href") or ""))
    assert got.headers["content-type"] == "application/octet-stream"
    assert got.headers["content-disposition"].startswith("attachment;")


def test_a_hostile_file_name_stays_text_and_other_queues_cannot_open_the_file(
        page: Page, base_url: str, service: IntakeService, settings: Settings,
        coordinator: StaffIdentity, alice: StaffIdentity) -> None:
    hostile = "<img src=x onerror=window.pwned=1><script>window.pwned=2;&amp;.jpg"
    raw = fixture_bytes("vi_scan_photo.eml").replace(b"IMG_0412.jpg", hostile.encode())
    code = _mailed(service, settings, raw)
    login(page, base_url, "coord")
    page.goto(f"{base_url}/complaints/{code}")
    first = page.locator("#letter-files")
    assert hostile in first.inner_text()
    assert first.locator("script").count() == 0 and first.locator("img").count() == 2
    assert page.evaluate("typeof window.pwned") == "undefined"
    src = first.locator("img").first.get_attribute("src") or ""
    assert first.locator("img").first.get_attribute("alt") == f"Trang thư: {hostile}"
    # Staff of another queue: the page and the file itself are refused.
    other = page.context.browser
    assert other is not None
    context = other.new_context()
    try:
        theirs = context.new_page()
        login(theirs, base_url, "alice")
        assert service.get(code).queue_code != "SO_TU_PHAP"
        assert theirs.request.get(base_url + src).status == 403
    finally:
        context.close()


def test_a_letter_written_in_the_mail_lists_its_files_as_usual(
        page: Page, base_url: str, service: IntakeService, settings: Settings,
        coordinator: StaffIdentity) -> None:
    code = _mailed(service, settings, fixture_bytes("vi_from_one_word.eml"))
    login(page, base_url, "coord")
    page.goto(f"{base_url}/complaints/{code}")
    assert page.locator("#letter-files").count() == 0
    assert page.locator("ul.files li").count() == 2
    assert page.evaluate(BEFORE, [page.locator("ol.thread").element_handle(),
                                  page.locator("ul.files").element_handle()])
