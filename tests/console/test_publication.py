"""Published answers: staff propose when resolving, a coordinator publishes, the public
page (``/cong-khai``) shows only what was published, anonymised, searchable with or
without diacritics; the assistant's look-up of a similar answer."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from intake.console.auth import StaffIdentity
from intake.services.complaints import IntakeService
from intake.services.publication import (
    NotCoordinator,
    NothingToPublish,
    Publication,
)
from intake.services.staff import StaffService
from tests.console.conftest import QUEUE_A, complaint_in
from tests.console.test_browser import base_url, browser, login, page, run_async

__all__ = ["base_url", "browser", "page"]

QUESTION = ("Tôi là Trần Thị Mai, điện thoại 0987 654 321, email mai.tran@example.vn. Tôi "
            "muốn đăng ký khai sinh cho con nhưng cán bộ tư pháp xã Bích Động yêu cầu "
            "nộp thêm giấy xác nhận cư trú, như vậy có đúng quy định không?")
ANSWER = ("Theo Luật Hộ tịch, khi đăng ký khai sinh người dân không phải nộp giấy xác nhận "
          "cư trú; Sở Tư pháp đã nhắc nhở UBND xã Bích Động. Liên hệ 0204 3854 123 nếu cần.")


def publication(service: IntakeService) -> Publication:
    return Publication(service.db, service.settings.mail_domain, service.settings.public_url)


def test_proposal_is_anonymised_and_only_coordinators_publish(
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A, text=QUESTION)
    pub = publication(service)
    with pytest.raises(NothingToPublish):
        pub.propose(alice, filed.code)
    staff.reply(alice, filed.code, ANSWER)
    proposed = pub.propose(alice, filed.code, "Hộ tịch")
    for personal in ("Trần Thị Mai", "0987 654 321", "mai.tran@example.vn"):
        assert personal not in proposed.question
    assert "0204 3854 123" not in proposed.answer
    assert proposed.status == "proposed" and proposed.field == "Hộ tịch"
    assert pub.search("khai sinh").total == 0  # not published yet
    with pytest.raises(NotCoordinator):
        pub.decide(alice, proposed.id, True)
    done = pub.decide(coordinator, proposed.id, True)
    assert done.status == "published"
    assert [a.code for a in pub.search("giay xac nhan cu tru").items] == [filed.code]
    assert [a.code for a in pub.search("GIẤY XÁC NHẬN").items] == [filed.code]
    assert pub.search("khai sinh", queue=QUEUE_A, field="Hộ tịch").total == 1
    assert pub.search("khai sinh", field="Đất đai").total == 0
    assert pub.search("hộ chiếu").total == 0
    kinds = [e.kind for e in service.events(filed.code)]
    assert "publication_proposed" in kinds and "published" in kinds
    similar = pub.similar("can bo xa doi nop giay xac nhan cu tru khi dang ky khai sinh cho con")
    assert similar is not None and similar.code == filed.code
    assert pub.similar("đường tỉnh 398 có nhiều ổ gà") is None
    pub.withdraw(coordinator, proposed.id)
    assert pub.search("khai sinh").total == 0


def test_public_page_search_without_diacritics_and_nothing_unpublished(
        browser: Browser, page: Page, base_url: str, service: IntakeService,
        staff: StaffService, alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    shown = complaint_in(service, staff, coordinator, QUEUE_A, text=QUESTION)
    hidden = complaint_in(service, staff, coordinator, QUEUE_A,
                          text="Xin hỏi lệ phí đăng ký khai sinh muộn là bao nhiêu, mã bí mật "
                               "KHONGCONGKHAI")
    staff.reply(alice, shown.code, ANSWER)
    staff.reply(alice, hidden.code, "Trả lời riêng KHONGCONGKHAI cho người dân.")
    login(page, base_url, "alice")
    for code, field in ((shown.code, "Hộ tịch"), (hidden.code, "Hộ tịch")):
        page.goto(f"{base_url}/complaints/{code}")
        page.click("#more-actions summary")
        page.check("#resolve-form input[name=publish]")
        page.fill("#resolve-form input[name=field]", field)
        page.click("#resolve-form button")
        page.click("#confirm-yes")
        page.wait_for_url(f"{base_url}/complaints/{code}?done=resolve")
    assert {a.code for a in publication(service).proposed(coordinator)} == {
        shown.code, hidden.code}
    assert page.locator("#nav-publication").count() == 0
    assert page.goto(f"{base_url}/cong-khai/duyet").status == 403  # staff cannot publish

    public = browser.new_context(locale="vi-VN").new_page()
    public.goto(f"{base_url}/cong-khai?q=khai+sinh")
    assert public.locator("article.answer").count() == 0  # proposed is not published

    reviewer = browser.new_context(locale="vi-VN").new_page()
    login(reviewer, base_url, "coord")
    reviewer.click("#nav-publication")
    reviewer.wait_for_url(f"{base_url}/cong-khai/duyet")
    reviewer.click(f"form.proposal[data-code='{shown.code}'] button[value=publish]")
    reviewer.wait_for_url(f"{base_url}/cong-khai/duyet?done=publish")
    reviewer.click(f"form.proposal[data-code='{hidden.code}'] button[value=refuse]")
    reviewer.wait_for_url(f"{base_url}/cong-khai/duyet?done=refuse")

    public.goto(f"{base_url}/cong-khai")
    public.fill("input[name=q]", "dang ky khai sinh giay xac nhan cu tru")
    public.click("#public-search button")
    articles = public.locator("article.answer")
    assert articles.evaluate_all("as => as.map(a => a.dataset.code)") == [shown.code]
    text = articles.first.inner_text()
    assert "giấy xác nhận cư trú" in text and "Sở Tư pháp" in text
    for personal in ("Trần Thị Mai", "0987 654 321", "mai.tran@example.vn", "3854 123"):
        assert personal not in public.content()
    public.select_option("select[name=don_vi]", QUEUE_A)
    public.select_option("select[name=linh_vuc]", "Hộ tịch")
    public.fill("input[name=q]", "")
    public.click("#public-search button")
    assert public.locator("article.answer").count() == 1
    for query in ("KHONGCONGKHAI", "le phi dang ky khai sinh muon", ""):
        public.goto(f"{base_url}/cong-khai?q={query}")
        shown_text = " ".join(public.locator("article.answer").all_inner_texts())
        assert "KHONGCONGKHAI" not in shown_text and "lệ phí" not in shown_text
        assert hidden.code not in public.content()


def test_assistant_points_to_a_similar_published_answer(
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    import actions.published
    from actions.complaint import ValidateComplaintForm

    # a worker thread's own loop (Playwright's sync API holds this thread's), as the
    # action server runs the validator: async, the look-up in a thread

    filed = complaint_in(service, staff, coordinator, QUEUE_A, text=QUESTION)
    staff.reply(alice, filed.code, ANSWER)
    pub = publication(service)
    pub.decide(coordinator, pub.propose(alice, filed.code, "Hộ tịch").id, True)
    monkeypatch.setattr(actions.published, "service", lambda: service)

    async def validate(text: str) -> tuple[dict[str, object], list[str]]:
        tracker = Tracker.from_dict({
            "sender_id": "web:test", "slots": {"requested_slot": "complaint_text"},
            "latest_message": {"text": text, "intent": {"name": "file_complaint"}},
            "events": [], "paused": False, "followup_action": None,
            "active_loop": {"name": "complaint_form"}, "latest_action_name": None})
        dispatcher = CollectingDispatcher()
        slots = await ValidateComplaintForm().validate_complaint_text(
            text, dispatcher, tracker, {})
        return slots, [m.get("text") or "" for m in dispatcher.messages]

    close = ("Cán bộ xã đòi nộp giấy xác nhận cư trú khi tôi đăng ký khai sinh cho con, "
             "xã làm vậy có đúng không")
    slots, said = run_async(validate(close))
    assert slots == {"complaint_text": close}  # the form goes on: filing stays possible
    (hint,) = said
    assert hint.startswith("Câu hỏi tương tự đã được trả lời:")
    assert "Sở Tư pháp" in hint and f"/cong-khai?q={filed.code}" in hint
    assert "Trần Thị Mai" not in hint and "0987" not in hint
    far = "Đường tỉnh 398 qua xã Bích Động có nhiều ổ gà, xe máy ngã liên tục"
    assert run_async(validate(far)) == ({"complaint_text": far}, [])
    assert [a.code for a in pub.search(filed.code).items] == [filed.code]
