"""The console in Debian's Chromium (Playwright), against the real app and database.

The app runs under uvicorn in a thread on a free port, over the test's migrated
database (SQLite, and PostgreSQL with the ``postgres`` marker). Answers are delivered
by the delivery dispatcher's transports to the SMTP peer and the Telegram Bot API double.
``PAKN_SCREENSHOTS=1`` also refreshes the screenshots under ``docs/``.
"""

from __future__ import annotations

import asyncio
import os
import re
import threading
import time
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright
from sqlalchemy import update

from intake.config import Settings
from intake.console.app import create_app
from intake.console.auth import StaffIdentity
from intake.delivery.config import mail_dispatcher
from intake.delivery.dispatcher import Dispatcher
from intake.delivery.transports.telegram import TelegramTransport
from intake.mail.config import MailSettings, Security
from intake.models import Channel, Complaint, utcnow
from intake.services.attachments import AttachmentService
from intake.services.complaints import IntakeService
from intake.services.staff import StaffService
from tests.console.conftest import PASSWORD, QUEUE_A, QUEUE_B, complaint_in
from tests.harness.ports import free_port
from tests.harness.smtp import smtp_peer
from tests.harness.telegram_api import TelegramApiDouble

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TOKEN = "123456:TEST-token"
DOCS = Path(__file__).resolve().parents[2] / "docs"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the module."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def base_url(settings: Settings) -> Iterator[str]:
    """The console served by uvicorn (in a thread) over the test database."""
    app = create_app(replace(settings, secret_key="browser-test-secret"))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "console did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context (own cookies) and page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    tab = context.new_page()
    tab.on("dialog", lambda d: pytest.fail(f"a dialog opened: {d.message}"))
    yield tab
    context.close()


def run_async(coro: Coroutine[Any, Any, Any]) -> Any:
    """Run ``coro`` on its own loop in a worker thread (Playwright's sync API owns this
    thread's loop)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def login(page: Page, base_url: str, username: str) -> None:
    """Sign in through the form."""
    page.goto(f"{base_url}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/queue")


def test_login_sees_only_own_queue_and_other_queue_refused(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    mine = complaint_in(service, staff, coordinator, QUEUE_A)
    theirs = complaint_in(service, staff, coordinator, QUEUE_B)
    page.goto(f"{base_url}/queue")
    assert page.url == f"{base_url}/login"
    login(page, base_url, "alice")
    rows = page.locator("table.queue tbody tr[data-code]")
    assert rows.evaluate_all("rs => rs.map(r => r.dataset.code)") == [mine.code]
    response = page.goto(f"{base_url}/complaints/{theirs.code}")
    assert response is not None and response.status == 403
    assert "không có quyền" in page.inner_text("main")
    audit = [e for e in service.events(theirs.code) if e.kind == "access_denied"]
    assert audit and audit[-1].actor == "staff:alice"


def test_reply_delivered_by_email_and_telegram(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        settings: Settings, alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    by_mail = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                           reply_channel=Channel.EMAIL, reply_address="dan@example.vn")
    by_chat = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.TELEGRAM,
                           reply_channel=Channel.TELEGRAM, reply_address="4242")
    login(page, base_url, "alice")
    for code, answer in ((by_mail.code, "Sở đã trả lời qua thư."),
                         (by_chat.code, "Sở đã trả lời qua Telegram.")):
        page.goto(f"{base_url}/complaints/{code}")
        page.fill("#reply-form textarea[name=text]", answer)
        page.click("#reply-form button")
        page.wait_for_url(re.compile(re.escape(f"{base_url}/complaints/{code}?done=reply")))
        assert "Đã xếp trả lời vào hàng gửi" in page.inner_text("#flash")
        assert answer in page.inner_text("ol.thread")
    with smtp_peer() as peer:
        mail = MailSettings(var_dir=settings.var_dir, smtp_host="127.0.0.1",
                            smtp_port=peer.port, smtp_security=Security.PLAIN)
        assert run_async(mail_dispatcher(service.db, mail).send_due()) == 1
        (received,) = peer.wait_for(1)
        assert received.recipients == ["dan@example.vn"]
        assert "Sở đã trả lời qua thư." in received.message().get_content()
    with TelegramApiDouble(TOKEN) as api:
        async def one_pass() -> dict[str, int]:
            dispatcher = Dispatcher(service.db, {"telegram": TelegramTransport(
                TOKEN, base_url=api.base_url)})
            try:
                return await dispatcher.run_once()
            finally:
                await dispatcher.aclose()
        assert run_async(one_pass())["sent"] == 1
        (sent,) = api.sent_to(4242)
        assert "Sở đã trả lời qua Telegram." in sent.text


def test_transfer_leaves_queue_and_appears_in_other(
        browser: Browser, page: Page, base_url: str, service: IntakeService,
        staff: StaffService, alice: StaffIdentity, bob: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    moving = complaint_in(service, staff, coordinator, QUEUE_A)
    login(page, base_url, "alice")
    page.goto(f"{base_url}/complaints/{moving.code}")
    page.click("#more-actions summary")
    page.select_option("#transfer-form select[name=queue]", QUEUE_B)
    page.fill("#transfer-form input[name=text]", "Thuộc thẩm quyền Sở Tài chính")
    page.click("#transfer-form button")
    page.wait_for_url(re.compile(re.escape(f"{base_url}/queue?done=transfer")))
    assert moving.code in page.inner_text("#flash")
    assert page.locator(f"tr[data-code='{moving.code}']").count() == 0
    context = browser.new_context()
    other = context.new_page()
    login(other, base_url, "bob")
    assert other.locator(f"tr[data-code='{moving.code}']").count() == 1
    other.goto(f"{base_url}/complaints/{moving.code}")
    assert "Thuộc thẩm quyền Sở Tài chính" in other.inner_text("ul.reasons")
    context.close()


def test_script_text_and_html_attachment_are_inert(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        settings: Settings, alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    payload = ("Đường hỏng <script>window.pwned = 1; alert('xss')</script>"
               "<img src=x onerror=alert(2)>")
    bad = complaint_in(service, staff, coordinator, QUEUE_A, text=payload)
    html = AttachmentService(service.db, settings).add(
        bad.code, b"<html><script>alert('file')</script></html>", "trang.html", "text/html",
        "citizen:test")
    login(page, base_url, "alice")
    page.goto(f"{base_url}/complaints/{bad.code}")
    assert "<script>window.pwned = 1" in page.inner_text("ol.thread")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("ol.thread script, ol.thread img").count() == 0
    link = page.locator(f"a[href='/complaints/{bad.code}/attachments/{html.id}']")
    assert link.get_attribute("download") is not None
    assert page.locator("iframe, embed, object").count() == 0
    got = page.request.get(f"{base_url}/complaints/{bad.code}/attachments/{html.id}")
    assert got.headers["content-type"] == "application/octet-stream"
    assert got.headers["content-disposition"].startswith("attachment;")
    assert got.headers["x-content-type-options"] == "nosniff"


def test_form_without_csrf_token_is_refused(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    mine = complaint_in(service, staff, coordinator, QUEUE_A)
    login(page, base_url, "alice")
    page.goto(f"{base_url}/complaints/{mine.code}")
    page.click("#more-actions summary")
    page.evaluate("document.querySelector('#note-form input[name=csrf]').remove()")
    page.fill("#note-form textarea[name=text]", "không có mã CSRF")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.click("#note-form button")
    assert posted.value.status == 403
    assert "note" not in [e.kind for e in service.events(mine.code)]


@pytest.mark.skipif(os.environ.get("PAKN_SCREENSHOTS") != "1",
                    reason="set PAKN_SCREENSHOTS=1 to refresh docs/*.png")
def test_screenshots(page: Page, base_url: str, service: IntakeService, staff: StaffService,
                     settings: Settings, alice: StaffIdentity,
                     coordinator: StaffIdentity) -> None:
    texts = ["Cán bộ một cửa xã Bích Động hẹn trả hồ sơ 3 lần vẫn chưa có kết quả",
             "Xin hỏi thủ tục chứng thực bản sao từ bản chính cần giấy tờ gì?",
             "Hồ sơ cấp phiếu lý lịch tư pháp nộp từ tháng trước chưa được trả",
             "Đề nghị hướng dẫn thủ tục đăng ký khai sinh cho con <script>alert(1)</script>"]
    filed = [complaint_in(service, staff, coordinator, QUEUE_A, text=t,
                          channel=ch, reply_channel=ch,
                          reply_address="dan@example.vn" if ch == Channel.EMAIL else None)
             for t, ch in zip(texts, (Channel.CHAT, Channel.EMAIL, Channel.TELEGRAM,
                                      Channel.EMAIL), strict=True)]
    with service.db.transaction() as session:
        session.execute(update(Complaint).where(Complaint.code == filed[0].code).values(
            due_at=utcnow() - timedelta(days=2)))
    staff.take(alice, filed[1].code)
    staff.reply(alice, filed[1].code, "Sở Tư pháp đã nhận và sẽ trả lời trong 5 ngày làm việc.")
    staff.note(alice, filed[1].code, "Đã gọi điện xác nhận với công dân.")
    AttachmentService(service.db, settings).add(filed[1].code, b"%PDF-1.4 demo", "don.pdf",
                                                "application/pdf", "citizen:test")
    login(page, base_url, "alice")
    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=str(DOCS / "console-queue.png"), full_page=True)
    page.goto(f"{base_url}/complaints/{filed[1].code}")
    page.screenshot(path=str(DOCS / "console-complaint.png"), full_page=True)


def test_phone_complaint_recorded_by_staff_gets_code_and_is_routed(
        page: Page, base_url: str, service: IntakeService, alice: StaffIdentity) -> None:
    login(page, base_url, "alice")
    page.click("a.new")
    page.wait_for_url(f"{base_url}/complaints/new")
    page.check("input[name=channel][value=phone]")
    page.fill("textarea[name=text]",
              "Cán bộ một cửa xã Bích Động hẹn trả hồ sơ 3 lần vẫn chưa có kết quả")
    page.fill("input[name=location]", "xã Bích Động, huyện Việt Yên")
    page.fill("input[name=name]", "Nguyễn Văn An")
    page.fill("input[name=phone]", "0912 345 678")
    page.fill("input[name=email]", "an@example.vn")
    page.click("#record-form button")
    code = page.inner_text("#made-code")
    filed = service.get(code)
    assert filed.channel == "phone" and filed.status == "routed" and filed.queue_code
    assert filed.queue_code in page.inner_text("#made-queue")
    assert filed.citizen_phone == "0912345678" and filed.reply_address == "an@example.vn"
    assert [e.kind for e in service.events(code)][:2] == ["created", "routed"]
    assert service.events(code)[0].actor == "staff:alice"
