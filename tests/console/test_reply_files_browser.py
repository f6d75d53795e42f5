"""Issue 18, the reply composer's files, in headless Chromium against the real app: a
member of staff attaches files to an answer, sees them in the complaint's history and
files (staff's, names escaped), the dispatcher mails them to a real SMTP peer and the
page shows "đã gửi"; a file too large or of a refused type is explained in Vietnamese
with the typed answer kept; a file Telegram cannot take shows "lỗi" with its reason; the
multipart form keeps its CSRF check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from intake.config import Settings
from intake.console.auth import StaffIdentity
from intake.delivery.config import mail_dispatcher
from intake.delivery.dispatcher import Dispatcher
from intake.delivery.transports.telegram import TelegramTransport
from intake.mail.config import MailSettings, Security
from intake.models import Channel
from intake.services.complaints import IntakeService
from intake.services.staff import StaffService
from tests.console.conftest import QUEUE_A, complaint_in
from tests.console.test_browser import (
    CHROMIUM,
    TOKEN,
    base_url,
    browser,
    login,
    page,
    run_async,
)
from tests.harness.smtp import smtp_peer
from tests.harness.telegram_api import TelegramApiDouble

__all__ = ["base_url", "browser", "page"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium")

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
       b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02"
       b"\xfe\xa7V\xbd\xfa\x00\x00\x00\x00IEND\xaeB`\x82")
MARKUP_NAME = "<i>bien-ban</i> kiểm tra.pdf"
ANSWER = "Sở Tư pháp gửi biên bản kiểm tra và ảnh hiện trường."


def _reply_with(page: Page, base_url: str, code: str, text: str,
                files: list[dict[str, object]]) -> None:
    page.goto(f"{base_url}/complaints/{code}")
    page.fill("#reply-form textarea[name=text]", text)
    page.set_input_files("#reply-files", files)  # type: ignore[arg-type]
    page.click("#reply-form button[type=submit]")
    page.wait_for_load_state()


def test_files_attached_in_the_composer_are_in_the_history_and_reach_the_smtp_peer(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        settings: Settings, alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    mailed = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                          reply_channel=Channel.EMAIL, reply_address="dan@example.vn")
    login(page, base_url, "alice")
    _reply_with(page, base_url, mailed.code, ANSWER, [
        {"name": MARKUP_NAME, "mimeType": "application/pdf", "buffer": PDF},
        {"name": "hien-truong.png", "mimeType": "image/png", "buffer": PNG}])
    assert re.search(r"done=reply&via=email&files=2$", page.url), page.url
    assert "Đã đính kèm 2 tệp." in page.inner_text("#flash")
    history = page.inner_text("table.audit")
    assert "Trả lời người dân (gửi qua Email, kèm 2 tệp)" in history
    assert f"Cán bộ gửi kèm tệp “{MARKUP_NAME}” với câu trả lời" in history
    assert page.locator("table.audit i, ul.files i").count() == 0  # the name stays text
    files = page.locator("ul.files li")
    assert files.count() == 2
    assert page.locator("ul.files .staff-file").count() == 2
    assert MARKUP_NAME in page.inner_text("ul.files")
    pending = page.locator("#deliveries tr[data-state]").last
    assert pending.get_attribute("data-state") == "pending"
    assert "chờ gửi" in pending.inner_text()
    with smtp_peer() as peer:
        mail = MailSettings(var_dir=settings.var_dir, smtp_host="127.0.0.1",
                            smtp_port=peer.port, smtp_security=Security.PLAIN)
        assert run_async(mail_dispatcher(service.db, mail).send_due()) == 1
        (received,) = peer.wait_for(1)
    message = received.message()
    assert [(p.get_filename(), p.get_content()) for p in message.iter_attachments()] == [
        (MARKUP_NAME, PDF), ("hien-truong.png", PNG)]
    page.reload()
    sent = page.locator("#deliveries tr[data-state]").last
    assert sent.get_attribute("data-state") == "sent" and "đã gửi" in sent.inner_text()
    # the staff file downloads from the complaint page as it was sent
    link = page.locator("ul.files a[download]").first
    download = page.request.get(f"{base_url}{link.get_attribute('href')}")
    assert download.ok and download.body() == PDF


@pytest.mark.parametrize(("upload", "words"), [
    ({"name": "ban-scan.pdf", "mimeType": "application/pdf",
      "buffer": b"%PDF" + b"0" * (10 * 1024 * 1024)},
     "Tệp “ban-scan.pdf” quá lớn (tối đa 10 MB mỗi tệp)."),
    ({"name": "trang.html", "mimeType": "text/html", "buffer": b"<script>alert(1)</script>"},
     "Không gửi kèm được tệp “trang.html” (loại text/html)"),
])
def test_a_refused_file_is_explained_and_the_typed_answer_kept(
        upload: dict[str, object], words: str, page: Page, base_url: str,
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    mailed = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                          reply_channel=Channel.EMAIL, reply_address="dan@example.vn")
    login(page, base_url, "alice")
    _reply_with(page, base_url, mailed.code, ANSWER, [upload])
    assert words in page.inner_text("#action-error")
    assert page.input_value("#reply-form textarea[name=text]") == ANSWER
    assert "chọn lại tệp" in page.inner_text("#reply-form")
    assert ANSWER not in page.inner_text("ol.thread")  # nothing was answered
    assert page.locator("ul.files li").count() == 0
    assert service.events(mailed.code)[-1].kind != "reply"


def test_a_file_telegram_cannot_take_shows_the_failed_state_and_reason(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        settings: Settings, alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    chat = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.TELEGRAM,
                        reply_channel=Channel.TELEGRAM, reply_address="4343")
    login(page, base_url, "alice")
    _reply_with(page, base_url, chat.code, ANSWER, [
        {"name": "bien-ban.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    assert "Đã đính kèm 1 tệp." in page.inner_text("#flash")
    with TelegramApiDouble(TOKEN) as api:
        async def one_pass() -> dict[str, int]:
            # a transport whose limit is below the file: what a 60 MB file meets at 50 MB
            dispatcher = Dispatcher(service.db, {"telegram": TelegramTransport(
                TOKEN, base_url=api.base_url, max_document_bytes=len(PDF) - 1)},
                files_root=settings.attachments_dir)
            try:
                return await dispatcher.run_once()
            finally:
                await dispatcher.aclose()
        assert run_async(one_pass())["failed"] == 1
        assert api.sent_to(4343) == [] and api.files_to(4343) == []
    page.reload()
    failed = page.locator("#deliveries tr[data-state]").last
    assert failed.get_attribute("data-state") == "failed"
    state = failed.inner_text()
    assert "lỗi" in state and "Lý do: Tệp “bien-ban.pdf”" in state
    assert "vượt giới hạn" in state
    assert "Gửi tin cho người dân không thành công" in page.inner_text("table.audit")
    assert ANSWER in page.inner_text("ol.thread")  # the answer is kept on the complaint


def test_the_multipart_reply_form_keeps_its_csrf_check(
        page: Page, base_url: str, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    mailed = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                          reply_channel=Channel.EMAIL, reply_address="dan@example.vn")
    login(page, base_url, "alice")
    page.goto(f"{base_url}/complaints/{mailed.code}")
    action = page.get_attribute("#reply-form", "action") or ""
    token = page.get_attribute("#reply-form input[name=csrf]", "value") or ""
    assert "csrf=" in action and token
    upload = {"name": "a.pdf", "mimeType": "application/pdf", "buffer": PDF}
    url = f"{base_url}/complaints/{mailed.code}/actions/reply"
    for target, fields in ((f"{base_url}{action}", {"text": ANSWER}),  # no form token
                           (url, {"text": ANSWER, "csrf": "forged"}),
                           (url, {"text": ANSWER})):
        response = page.request.post(target, multipart={**fields, "files": upload},
                                     max_redirects=0)
        assert response.status == 403, (target, fields)
    assert ANSWER not in [m.text for m in service.messages(mailed.code)]
    # a large body without the URL's token is cut at the form budget (413)
    big = {"name": "b.pdf", "mimeType": "application/pdf", "buffer": PDF * 40}
    response = page.request.post(url, multipart={"text": ANSWER, "csrf": token,
                                                 "files": big}, max_redirects=0)
    assert response.status == 413


def test_a_web_chat_citizen_gets_the_files_as_signed_download_links(
        browser: Browser, page: Page, base_url: str, service: IntakeService,
        staff: StaffService, alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    chat = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.WEB,
                        reply_channel=Channel.WEB, sender="web:phien-1")
    login(page, base_url, "alice")
    page.goto(f"{base_url}/complaints/{chat.code}")
    page.fill("#reply-form textarea[name=text]", ANSWER)
    page.check("#reply-form input[name=answered_by][value=lookup]")
    page.set_input_files("#reply-files", [  # type: ignore[list-item]
        {"name": MARKUP_NAME, "mimeType": "application/pdf", "buffer": PDF}])
    page.click("#reply-form button[type=submit]")
    page.wait_for_load_state()
    assert "Đã đính kèm 1 tệp." in page.inner_text("#flash")
    told = service.status_for(chat.code, "web:phien-1").text_vi  # what the web chat shows
    assert ANSWER in told and f"- {MARKUP_NAME}: " in told
    found = re.search(r"(http://\S+/tep-tra-loi/\S+)", told)
    assert found, told
    link = found.group(1).replace(service.settings.public_url, base_url)
    stranger = browser.new_context()  # the citizen: no staff session
    try:
        response = stranger.request.get(link)
        assert response.ok and response.body() == PDF
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-disposition"].startswith("attachment;")
        forged = stranger.request.get(link[:-3] + ("abc" if not link.endswith("abc")
                                                   else "xyz"))
        assert forged.status == 404
        assert stranger.request.get(f"{base_url}/tep-tra-loi/WzEsMl0").status == 404
    finally:
        stranger.close()
    assert service.status_for(chat.code, "web:someone-else").last_answer is None
