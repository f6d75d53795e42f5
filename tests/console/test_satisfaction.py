"""Citizen satisfaction: asked once on the citizen's channel when staff resolve, answered
1–5 with an optional comment, recorded as events; the reports and the CSV carry it. The
e-mail flow runs in Chromium: the real console resolves, the dispatcher sends the mail to
an SMTP peer, the citizen opens the signed link from that mail and answers."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
import uvicorn
from playwright.sync_api import Browser, Page
from sqlalchemy import select

from intake.config import Settings
from intake.console.app import create_app
from intake.console.auth import StaffIdentity
from intake.delivery.config import mail_dispatcher
from intake.delivery.outbox import TELEGRAM_BUTTONS
from intake.mail.config import MailSettings, Security
from intake.models import Channel, Outbox, Status, utcnow
from intake.services.complaints import IntakeService
from intake.services.reports import Reports, to_csv
from intake.services.satisfaction import AlreadyRated, InvalidLink, NotAsked, Satisfaction
from intake.services.staff import StaffService
from intake.services.wording import actor_vi, event_vi
from tests.console.conftest import QUEUE_A, complaint_in, run_at_once
from tests.console.test_browser import browser, login, page, run_async
from tests.harness.ports import free_port
from tests.harness.smtp import smtp_peer

__all__ = ["browser", "page"]


def asked(service: IntakeService, code: str) -> list[Outbox]:
    with service.db.reading() as session:
        return list(session.scalars(select(Outbox).where(
            Outbox.complaint_code == code, Outbox.purpose == "satisfaction")))


def test_asked_once_on_the_citizens_channel_and_answered_once(
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    by_mail = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                           reply_channel=Channel.EMAIL, reply_address="dan@example.vn")
    by_telegram = complaint_in(service, staff, coordinator, QUEUE_A,
                               channel=Channel.TELEGRAM, reply_channel=Channel.TELEGRAM,
                               reply_address="4242")
    by_chat = complaint_in(service, staff, coordinator, QUEUE_A)
    duplicate = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                             reply_channel=Channel.EMAIL, reply_address="b@example.vn")
    for filed in (by_mail, by_telegram, by_chat):
        staff.resolve(alice, filed.code, "Đã xử lý xong")
    staff.merge(alice, duplicate.code, by_mail.code)
    (mail,) = asked(service, by_mail.code)
    assert mail.channel == "email" and "/danh-gia/" in mail.body and "1 = rất" in mail.body
    (telegram,) = asked(service, by_telegram.code)
    assert telegram.channel == "telegram" and "/danh-gia/" not in telegram.body
    assert len(json.loads(telegram.headers[TELEGRAM_BUTTONS])) == 5
    assert asked(service, by_chat.code) == [] and asked(service, duplicate.code) == []
    # reopened and resolved again: not asked twice
    service.change_status(by_mail.code, Status.IN_PROGRESS, "staff:alice", "Mở lại")
    staff.resolve(alice, by_mail.code, "Xong lần hai")
    assert len(asked(service, by_mail.code)) == 1

    satisfaction = Satisfaction(service.db, service.settings)
    with pytest.raises(NotAsked):
        satisfaction.rate(by_chat.code, 5, "", "email")
    state = satisfaction.rate(by_mail.code, 2, "Chậm quá", "email")
    assert (state.score, state.commented) == (2, True)
    with pytest.raises(AlreadyRated):
        satisfaction.rate(by_mail.code, 5, "", "email")
    events = [e for e in service.events(by_mail.code) if e.kind == "satisfaction"]
    assert [(e.data["score"], e.reason) for e in events] == [(2, "Chậm quá")]
    assert event_vi(events[0], {}) == "Người dân đánh giá mức hài lòng: 2/5"
    assert actor_vi("api:Cổng dịch vụ công") == "Ứng dụng Cổng dịch vụ công (Open311)"

    code, score = satisfaction.parse_button(satisfaction.button_data(by_telegram.code, 4))
    with pytest.raises(InvalidLink):
        satisfaction.rate(code, score, "", "telegram", chat_id="999")  # another chat
    with pytest.raises(InvalidLink):
        satisfaction.parse_button(f"dg:{by_telegram.code}:5:0000000000")
    assert satisfaction.rate(code, score, "", "telegram", chat_id="4242").score == 4
    assert satisfaction.comment(code, "Cán bộ nhiệt tình").commented
    with pytest.raises(InvalidLink):
        satisfaction.code_of_token(satisfaction.link(by_mail.code).rsplit("/", 1)[1] + "x")

    start, end = utcnow() - timedelta(days=1), utcnow() + timedelta(days=1)
    (report,) = Reports(service.db).per_queue(coordinator, start, end)
    assert (report.satisfaction_asked, report.satisfaction_answered) == (2, 2)
    assert report.satisfaction_mean == 3.0
    rows = list(csv.reader(io.StringIO(to_csv([report]).removeprefix("\ufeff"))))
    assert rows[0][-4:] == ["Được hỏi mức hài lòng", "Đã trả lời", "Tỷ lệ trả lời (%)",
                            "Mức hài lòng trung bình (1–5)"]
    assert rows[1][-4:] == ["2", "2", "100", "3"]


def test_a_double_tap_on_a_rating_button_records_one_answer(
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    """Two presses handled at once: each checks "no score yet", then writes. Both are made
    to reach their write together (a barrier at the event INSERT, given up after 2 s):
    the complaint's lock makes the second wait for the first and find its score."""
    filed = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.TELEGRAM,
                         reply_channel=Channel.TELEGRAM, reply_address="4242")
    staff.resolve(alice, filed.code, "Đã xử lý xong")
    satisfaction = Satisfaction(service.db, service.settings)
    both_writing = threading.Barrier(2, timeout=2)

    def meet_at_the_rating_insert(_conn: object, _cursor: object, statement: str,
                                  *_rest: object) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO EVENTS"):
            # broken: the other press is waiting for the lock, so go on alone
            with contextlib.suppress(threading.BrokenBarrierError):
                both_writing.wait()

    outcomes: list[str] = []

    def press(score: int) -> None:
        try:
            satisfaction.rate(filed.code, score, "", "telegram", chat_id="4242")
            outcomes.append("rated")
        except AlreadyRated:
            outcomes.append("already")

    run_at_once(service.db.engine, "before_cursor_execute", meet_at_the_rating_insert,
                [lambda: press(4), lambda: press(5)])
    assert sorted(outcomes) == ["already", "rated"]
    assert len([e for e in service.events(filed.code) if e.kind == "satisfaction"]) == 1


@pytest.fixture
def console(settings: Settings) -> Iterator[tuple[str, Settings]]:
    """The console under uvicorn whose public address (the links it signs) is itself."""
    port = free_port()
    config = replace(settings, secret_key="satisfaction-test-secret-0123",
                     public_url=f"http://127.0.0.1:{port}")
    server = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield config.public_url, config
    server.should_exit = True
    thread.join(timeout=10)


def test_rating_through_the_link_in_the_email(
        browser: Browser, page: Page, console: tuple[str, Settings],
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    base_url, config = console
    filed = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                         reply_channel=Channel.EMAIL, reply_address="dan@example.vn")
    login(page, base_url, "alice")
    page.goto(f"{base_url}/complaints/{filed.code}")
    page.click("#more-actions summary")
    page.fill("#resolve-form input[name=text]", "Đã sửa xong đường")
    page.click("#resolve-form button")
    page.click("#confirm-yes")
    page.wait_for_url(f"{base_url}/complaints/{filed.code}?done=resolve")
    with smtp_peer() as peer:
        mail = MailSettings(var_dir=config.var_dir, smtp_host="127.0.0.1",
                            smtp_port=peer.port, smtp_security=Security.PLAIN)
        assert run_async(mail_dispatcher(service.db, mail).send_due()) == 2  # notice + question
        letters = [m.message() for m in peer.wait_for(2)]
    question = next(m for m in letters if "hài lòng" in str(m["Subject"]))
    body = question.get_content()
    link = re.search(r"(http://\S+/danh-gia/\S+)", body)
    assert link and link.group(1).startswith(base_url)

    citizen = browser.new_context(locale="vi-VN").new_page()
    citizen.goto(link.group(1))
    assert filed.code in citizen.inner_text("#code")
    citizen.check("#rating-form input[name=score][value='4']")
    citizen.fill("#rating-form textarea[name=comment]", "Đường đã sửa nhưng còn chậm")
    citizen.click("#rating-form button")
    assert "4/5" in citizen.inner_text("#thanks")
    rated = [e for e in service.events(filed.code) if e.kind == "satisfaction"]
    assert [(e.data["score"], e.data["channel"], e.reason) for e in rated] == [
        (4, "email", "Đường đã sửa nhưng còn chậm")]
    citizen.goto(link.group(1))
    assert "đã đánh giá" in citizen.inner_text("#already")
    assert citizen.locator("form").count() == 0
    forged = citizen.goto(link.group(1)[:-3] + "abc")
    assert forged is not None and forged.status == 404
    posted = citizen.request.post(link.group(1), form={"score": "1", "csrf": "wrong"})
    assert posted.status == 403
    assert len([e for e in service.events(filed.code) if e.kind == "satisfaction"]) == 1

    page.goto(f"{base_url}/reports")
    assert "4 (1/1 = 100.0%)" in page.inner_text(f"tr[data-queue='{QUEUE_A}'] .satisfaction")


def test_rating_in_the_web_chat(browser: Browser, console: tuple[str, Settings],
                                service: IntakeService, staff: StaffService,
                                alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    from itsdangerous import TimestampSigner

    base_url, config = console
    assert config.secret_key
    chat = browser.new_context(locale="vi-VN").new_page()
    chat.goto(f"{base_url}/chat")
    cookie = next(c for c in chat.context.cookies() if c["name"] == "pakn_chat")
    conversation = TimestampSigner(config.secret_key.encode(), salt="pakn-web-chat").unsign(
        cookie["value"]).decode()
    mine = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.WEB,
                        reply_channel=Channel.WEB, sender=f"web:{conversation}")
    theirs = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.WEB,
                          reply_channel=Channel.WEB, sender="web:another-conversation")
    for filed in (mine, theirs):
        staff.resolve(alice, filed.code, "Đã xử lý xong")
    chat.goto(f"{base_url}/chat")
    question = chat.locator("li.satisfaction")
    question.wait_for()
    assert mine.code in question.inner_text() and "hài lòng" in question.inner_text()
    assert theirs.code not in chat.inner_text("#log")
    question.locator("button", has_text="5").click()
    chat.locator("li.satisfaction-done").wait_for()
    assert "5/5" in chat.inner_text("li.satisfaction-done")
    rated = [e for e in service.events(mine.code) if e.kind == "satisfaction"]
    assert [(e.data["score"], e.data["channel"]) for e in rated] == [(5, "web")]
    chat.fill("li.satisfaction-comment textarea", "Cán bộ xã nhiệt tình")
    chat.click("li.satisfaction-comment button")
    chat.locator("li.satisfaction-commented").wait_for()
    assert "Cảm ơn" in chat.inner_text("li.satisfaction-commented")
    comments = [e.reason for e in service.events(mine.code) if e.kind == "satisfaction_comment"]
    assert comments == ["Cán bộ xã nhiệt tình"]
    chat.goto(f"{base_url}/chat")
    chat.locator("li.greeting").wait_for()
    chat.wait_for_timeout(500)
    assert chat.locator("li.satisfaction").count() == 0
    csrf = re.search(r'"csrf": "([0-9a-f]+)"', chat.content())
    assert csrf
    stolen = chat.request.post(f"{base_url}/chat/api/satisfaction",
                               data=json.dumps({"code": theirs.code, "score": 1}),
                               headers={"Content-Type": "application/json",
                                        "X-CSRF-Token": csrf.group(1)})
    assert stolen.status == 400 and "không hợp lệ" in stolen.json()["text"]
    remark = chat.request.post(f"{base_url}/chat/api/satisfaction",
                               data=json.dumps({"code": theirs.code, "comment": "chen vao"}),
                               headers={"Content-Type": "application/json",
                                        "X-CSRF-Token": csrf.group(1)})
    assert remark.status == 400
    assert not [e for e in service.events(theirs.code)
                if e.kind in ("satisfaction", "satisfaction_comment")]
