"""Issue 18, the staff console as a civil servant works it for a day: each problem the
issue names, in headless Chromium at 1366×768 and at 400 px wide (a phone), against
the real app and database (SQLite, and PostgreSQL with the ``postgres`` marker).

``PAKN_SCREENSHOTS=1`` also writes a screenshot of each fixed page to ``docs/``
(``console-18-*.png``, linked from the README).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from sqlalchemy import select, update

from intake.console.auth import Accounts, StaffIdentity
from intake.console.models import Role
from intake.contacts import Contact
from intake.deadlines import VIETNAM, working_days_between
from intake.delivery.outbox import mark_failed
from intake.models import Channel, Complaint, Outbox, utcnow
from intake.services.complaints import IntakeService
from intake.services.staff import StaffService
from tests.console.conftest import PASSWORD, QUEUE_A, QUEUE_B, complaint_in
from tests.console.test_browser import CHROMIUM, DOCS, base_url, browser, login

__all__ = ["base_url", "browser"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium")

WIDE = {"width": 1366, "height": 768}
PHONE = {"width": 400, "height": 800}
BAI_RAC = "Bãi rác tự phát ở đầu thôn Đông bốc mùi. Đề nghị xã cho thu dọn sớm trong tuần."


@pytest.fixture(params=[WIDE, PHONE], ids=["1366", "400"])
def page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A fresh context at 1366×768 or at 400 px (a phone); no dialog may open."""
    context = browser.new_context(viewport=request.param, locale="vi-VN")
    tab = context.new_page()
    tab.on("dialog", lambda d: pytest.fail(f"a dialog opened: {d.message}"))
    yield tab
    context.close()


def fits(page: Page) -> None:
    """At 400 px the page must not scroll sideways (nothing wider than the phone)."""
    width = page.viewport_size["width"] if page.viewport_size else 0
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.url}: {scroll} px wide in a {width} px window"


def shot(page: Page, name: str) -> None:
    """The screenshot of a fixed page, in docs/ when PAKN_SCREENSHOTS=1."""
    fits(page)
    if os.environ.get("PAKN_SCREENSHOTS") == "1":
        width = page.viewport_size["width"] if page.viewport_size else 0
        DOCS.mkdir(exist_ok=True)
        page.screenshot(path=str(DOCS / f"console-18-{name}-{width}.png"), full_page=True)


def test_1_citizen_contact_and_real_delivery_state(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    contact = Contact(name="Nguyễn Văn An", phone="0912345678", email="an@example.vn")
    call = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.PHONE,
                        reply_channel=Channel.PHONE, contact=contact)
    mail = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                        reply_channel=Channel.EMAIL, reply_address="an@example.vn",
                        contact=contact)
    login(page, base_url, "alice")
    page.goto(f"{base_url}/complaints/{call.code}")
    assert page.inner_text("#citizen-name") == "Nguyễn Văn An"
    assert page.inner_text("#citizen-phone") == "0912345678"
    assert "gọi lại" in page.inner_text("#citizen-reply")
    assert mail.code in page.inner_text("#citizen-others")
    page.fill("#reply-form textarea[name=text]", "Đã hướng dẫn ông An qua điện thoại.")
    page.check("#reply-form input[name=answered_by][value=call]")
    page.click("#reply-form button")
    page.wait_for_url(re.compile(r".*done=reply&via=call$"))
    assert page.inner_text("#flash") == "Đã ghi nhận câu trả lời: đã gọi lại cho người dân."
    assert "Đã gửi trả lời" not in page.inner_text("main")
    assert "Trả lời người dân (đã gọi lại cho người dân)" in page.inner_text("table.audit")
    page.goto(f"{base_url}/complaints/{mail.code}")
    page.fill("#reply-form textarea[name=text]", "Sở đã trả lời qua thư.")
    page.click("#reply-form button")
    page.wait_for_url(re.compile(r".*done=reply&via=email$"))
    state = page.locator("#deliveries tr[data-state] .state").last
    assert state.inner_text().startswith("chờ gửi")
    with service.db.transaction() as session:
        row = session.scalars(select(Outbox).where(Outbox.complaint_code == mail.code,
                                                   Outbox.purpose == "answer")).one()
        mark_failed(session, row, "550 5.1.1 hộp thư không tồn tại", "system:test")
    page.reload()
    failed = page.locator("#deliveries tr[data-state=failed]").inner_text()
    assert "lỗi" in failed and "550 5.1.1 hộp thư không tồn tại" in failed
    shot(page, "1-citizen")


def test_2_search_without_diacritics_and_by_partial_o_for_0_code(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    rubbish = complaint_in(service, staff, coordinator, QUEUE_A, text=BAI_RAC)
    other = complaint_in(service, staff, coordinator, QUEUE_A)
    with service.db.transaction() as session:
        session.execute(update(Complaint).where(Complaint.code == other.code).values(
            code="PA-7K0M3X1Q"))
    login(page, base_url, "alice")
    page.fill("#search input[name=q]", "bai rac")
    page.press("#search input[name=q]", "Enter")
    page.wait_for_url(re.compile(r".*/queue\?q=bai\+rac"))
    found = page.locator("table.queue tbody tr[data-code]")
    assert found.evaluate_all("rs => rs.map(r => r.dataset.code)") == [rubbish.code]
    shot(page, "2-search-text")
    page.fill("#search input[name=q]", "pa-7ko")
    page.press("#search input[name=q]", "Enter")
    page.wait_for_url(re.compile(r".*q=pa-7ko"))
    assert found.evaluate_all("rs => rs.map(r => r.dataset.code)") == ["PA-7K0M3X1Q"]
    assert page.input_value("#search input[name=q]") == "pa-7ko"
    shot(page, "2-search-code")


def test_3_unit_names_not_codes(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A)
    login(page, base_url, "alice")
    assert "Sở Tư pháp" in page.inner_text("#who") and QUEUE_A not in page.inner_text("#who")
    cell = page.locator(f"tr[data-code='{filed.code}'] td.unit span")
    assert cell.inner_text() == "Sở Tư pháp" and cell.get_attribute("title") == QUEUE_A
    shot(page, "3-queue")
    page.goto(f"{base_url}/complaints/{filed.code}")
    assert page.inner_text("#queue") == "Sở Tư pháp"
    assert QUEUE_A not in page.inner_text("ul.reasons")
    page.goto(f"{base_url}/reports")
    shown = page.evaluate("""() => Array.from(document.querySelectorAll('svg.report-chart text'))
        .map(t => Array.from(t.childNodes).filter(n => n.nodeType === 3)
        .map(n => n.textContent).join('')).join('|')""")  # the labels, not the tooltips
    assert "Sở Tư pháp" in shown and QUEUE_A not in shown


def test_4_vietnamese_history_org_page_and_csv(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        accounts: Accounts, alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A)
    staff.take(alice, filed.code)
    accounts.add_user("quantri", PASSWORD, Role.ADMIN, [])
    login(page, base_url, "quantri")
    page.goto(f"{base_url}/complaints/{filed.code}")
    history = page.inner_text("table.audit")
    for english in ("created", "routed", "status", "in_progress", "taken"):
        assert english not in history
    assert "Tiếp nhận phản ánh" in history and "Trạng thái: Mới, chưa nhận xử lý → Đang xử lý" \
        in history
    shot(page, "4-history")
    page.goto(f"{base_url}/admin/organisation")
    kinds = page.inner_text("table.queue-counts")
    assert "UBND cấp xã" in kinds and "commune" not in kinds
    exported = page.request.get(f"{base_url}/reports.csv")
    assert exported.body().startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(exported.body().decode("utf-8-sig"))))
    assert header[:3] == ["Mã đơn vị", "Đơn vị", "Tiếp nhận"]


@pytest.mark.usefixtures("clear_of_vietnam_midnight")
def test_5_queue_views_sorting_received_date_short_subject(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    long_text = ("Bà phản ánh việc đường liên thôn bị xe tải chở đất làm hỏng. Mặt đường "
                 "có nhiều ổ gà sâu, trời mưa đọng nước, học sinh đi lại rất khó khăn.")
    mine = complaint_in(service, staff, coordinator, QUEUE_A, text=long_text)
    free = complaint_in(service, staff, coordinator, QUEUE_A)
    closed = complaint_in(service, staff, coordinator, QUEUE_A)
    staff.take(alice, mine.code)
    staff.resolve(alice, closed.code, "Đã xử lý")
    login(page, base_url, "alice")
    codes = "rs => rs.map(r => r.dataset.code)"
    rows = page.locator("table.queue tbody tr[data-code]")
    assert set(rows.evaluate_all(codes)) == {mine.code, free.code}  # closed not "cần xử lý"
    assert page.inner_text("a[data-view=mine] b") == "1"
    assert page.inner_text("a[data-view=finished] b") == "1"
    assert page.inner_text("a[data-view=today] b") == "2"
    subject = page.inner_text(f"tr[data-code='{mine.code}'] td.subject")
    assert subject == "Bà phản ánh việc đường liên thôn bị xe tải chở đất làm hỏng."
    assert "Đã chuyển đơn vị xử lý" not in page.inner_text("table.queue tbody")
    assert page.inner_text(f"tr[data-code='{free.code}'] td[data-label='Trạng thái']") == \
        "Mới, chưa nhận xử lý"
    received = page.inner_text(f"tr[data-code='{mine.code}'] td[data-label='Tiếp nhận']")
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", received.strip())
    page.click("a[data-view=mine]")
    page.wait_for_url(re.compile(r".*view=mine"))
    assert rows.evaluate_all(codes) == [mine.code]
    page.click("a[data-view=unassigned]")
    assert rows.evaluate_all(codes) == [free.code]
    page.click("a[data-view=finished]")
    assert rows.evaluate_all(codes) == [closed.code]
    page.goto(f"{base_url}/queue?sort=received&dir=desc")
    assert rows.evaluate_all(codes) == [free.code, mine.code]
    if page.viewport_size and page.viewport_size["width"] > 700:
        page.click("th a[data-sort=received]")  # now ascending
        page.wait_for_url(re.compile(r".*sort=received(?!.*desc)"))
        assert rows.evaluate_all(codes) == [mine.code, free.code]
    else:
        page.select_option("select[name=sort]", "received")
        page.select_option("select[name=dir]", "asc")
        page.click("form.filters button")
        assert rows.evaluate_all(codes) == [mine.code, free.code]
    shot(page, "5-queue-views")


def test_6_composer_first_menu_confirmation_and_closed_complaint(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A)
    login(page, base_url, "alice")
    page.goto(f"{base_url}/complaints/{filed.code}")
    order = page.evaluate("""() => {
        const c = document.querySelector('#composer'), m = document.querySelector('#more-actions');
        return c.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING; }""")
    assert order
    assert not page.is_visible("#resolve-form")  # in the menu, closed
    page.select_option("#template-form select[name=template]", index=1)
    page.click("#template-form button")
    assert filed.code in page.input_value("#reply-form textarea[name=text]")
    shot(page, "6-composer")
    page.click("#more-actions summary")
    page.fill("#resolve-form input[name=text]", "Đã thu dọn xong")
    page.click("#resolve-form button")
    assert "Kết thúc phản ánh" in page.inner_text("#confirm")
    assert service.get(filed.code).status != "closed"  # nothing happened yet
    shot(page, "6-confirm")
    page.click("#confirm-yes")
    page.wait_for_url(re.compile(r".*done=resolve$"))
    assert page.inner_text("#flash") == "Đã kết thúc phản ánh."
    assert service.get(filed.code).status == "closed"
    assert page.locator("#reply-form, #resolve-form, #reject-form, #merge-form, "
                        "#transfer-form, #take").count() == 0
    assert "Phản ánh đã kết thúc" in page.inner_text("#finished")
    shot(page, "6-closed")


def test_7_feedback_after_actions_and_errors_keep_the_input(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A)
    login(page, base_url, "alice")
    page.goto(f"{base_url}/complaints/{filed.code}")
    page.click("#more-actions summary")
    page.fill("#merge-form input[name=into]", "PA-ZZZZZZZZ")
    page.fill("#merge-form input[name=text]", "trùng với đơn hôm qua")
    page.click("#merge-form button")
    page.click("#confirm-yes")
    assert "Không tìm thấy phản ánh PA-ZZZZZZZZ" in page.inner_text("#action-error")
    assert page.is_visible("#merge-form")  # the menu is open on the form that failed
    assert page.input_value("#merge-form input[name=into]") == "PA-ZZZZZZZZ"
    assert page.input_value("#merge-form input[name=text]") == "trùng với đơn hôm qua"
    shot(page, "7-merge-error")
    page.fill("#merge-form input[name=into]", "PA-12")
    page.click("#merge-form button")
    assert "không đúng định dạng" in page.inner_text("#action-error")
    page.select_option("#transfer-form select[name=queue]", QUEUE_B)
    page.fill("#transfer-form input[name=text]", "Thuộc thẩm quyền Sở Tài chính")
    page.click("#transfer-form button")
    page.wait_for_url(re.compile(r".*/queue\?done=transfer"))
    assert f"Đã chuyển phản ánh {filed.code}" in page.inner_text("#flash")


@pytest.mark.usefixtures("clear_of_vietnam_midnight")
def test_8_deadlines_as_working_day_countdowns(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    today = complaint_in(service, staff, coordinator, QUEUE_A)
    late = complaint_in(service, staff, coordinator, QUEUE_A)
    normal = complaint_in(service, staff, coordinator, QUEUE_A)
    waiting = complaint_in(service, staff, coordinator, QUEUE_A)
    now = utcnow()
    with service.db.transaction() as session:
        session.execute(update(Complaint).where(Complaint.code == today.code).values(
            due_at=now + timedelta(seconds=90)))
        session.execute(update(Complaint).where(Complaint.code == late.code).values(
            due_at=now - timedelta(days=30)))
    staff.ask_info(alice, waiting.code, "Đề nghị cho biết số nhà cụ thể.")
    login(page, base_url, "alice")

    def due(code: str) -> str:
        return page.inner_text(f"tr[data-code='{code}'] td.deadline span")

    assert due(today.code) in ("Đến hạn hôm nay", "Quá hạn hôm nay")
    # a month late: the working days of that month (fewer over Tết), never "today"
    late_days = working_days_between((now - timedelta(days=30)).astimezone(VIETNAM).date(),
                                     now.astimezone(VIETNAM).date())
    assert late_days >= 10 and due(late.code) == f"Quá hạn {late_days} ngày làm việc"
    assert re.fullmatch(r"Còn \d+ ngày làm việc", due(normal.code))
    assert due(waiting.code) == "Tạm dừng chờ công dân bổ sung"
    shot(page, "8-deadlines")
    page.goto(f"{base_url}/complaints/{waiting.code}")
    assert page.inner_text("#deadline").startswith("Tạm dừng chờ công dân bổ sung")
    page.goto(f"{base_url}/reports")
    assert "ngày làm việc" in page.inner_text("table.report thead")
    shot(page, "8-reports")


def test_9_every_page_fits_a_phone(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A, text=BAI_RAC * 3)
    staff.reply(alice, filed.code, "Trả lời " * 40)
    login(page, base_url, "alice")
    for path in ("/queue", f"/complaints/{filed.code}", "/reports", "/complaints/new",
                 "/queue?view=finished"):
        page.goto(f"{base_url}{path}")
        fits(page)
    page.goto(f"{base_url}/complaints/{filed.code}")
    shot(page, "9-complaint")


def test_13_web_chat_greets_with_three_quick_replies(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/chat")
    greeting = page.locator("#log li.bot").first
    greeting.wait_for()
    assert greeting.inner_text().startswith("Xin chào!")
    assert greeting.locator(".buttons button").all_inner_texts() == [
        "Hỏi thủ tục hành chính", "Gửi phản ánh, kiến nghị", "Tra cứu phản ánh đã gửi"]
    fits(page)
    shot(page, "13-chat")
