"""Issue 18, bad input at the console's new doors over HTTP: odd query values, a search
with markup and wildcards, a template number out of range, an unknown way of answering,
a confirmation without its token (SQLite and PostgreSQL)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from intake.console.auth import StaffIdentity
from intake.contacts import Contact
from intake.models import Channel
from intake.services.complaints import IntakeService
from intake.services.staff import StaffService
from tests.console.conftest import QUEUE_A, complaint_in
from tests.console.test_web import _csrf, _login, client

__all__ = ["client"]


def test_queue_ignores_odd_values_and_escapes_the_search(
        client: TestClient, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A)
    _login(client, "alice")
    odd = client.get("/queue", params={"view": "drop table", "sort": "1;--", "dir": "up",
                                       "status": "x", "channel": "fax"})
    assert odd.status_code == 200 and f'data-code="{filed.code}"' in odd.text
    marked = client.get("/queue", params={"q": "<script>alert(1)</script>"})
    assert marked.status_code == 200 and "<script>alert(1)" not in marked.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in marked.text
    assert 'data-code="' not in client.get("/queue", params={"q": "%_%"}).text
    long = client.get("/queue", params={"q": "bích động " * 300})
    assert long.status_code == 200


def test_template_number_out_of_range_and_unknown_answer_way(
        client: TestClient, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    call = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.PHONE,
                        reply_channel=Channel.PHONE, contact=Contact(phone="0912000111"))
    token = _login(client, "alice")
    for picked in ("999", "-1", "abc"):
        page = client.get(f"/complaints/{call.code}", params={"template": picked})
        assert page.status_code == 200
        assert '<textarea name="text" rows="5" required></textarea>' in page.text
    refused = client.post(f"/complaints/{call.code}/actions/reply", data={
        "csrf": token, "text": "Đã giải thích cho ông.", "answered_by": "fax"})
    assert refused.status_code == 400 and "Cách trả lời không hợp lệ." in refused.text
    assert "Đã giải thích cho ông.</textarea>" in refused.text  # the input kept
    assert not [m for m in service.messages(call.code) if m.direction == "out"]


def test_confirmation_needs_its_token_and_nothing_happens_before(
        client: TestClient, service: IntakeService, staff: StaffService,
        alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A)
    token = _login(client, "alice")
    asked = client.post(f"/complaints/{filed.code}/actions/reject",
                        data={"csrf": token, "text": "Không thuộc phạm vi"})
    assert asked.status_code == 200 and 'id="confirm-form"' in asked.text
    assert service.get(filed.code).status != "rejected"
    forged = client.post(f"/complaints/{filed.code}/actions/reject",
                         data={"text": "Không thuộc phạm vi", "confirmed": "1"})
    assert forged.status_code == 403 and service.get(filed.code).status != "rejected"
    done = client.post(f"/complaints/{filed.code}/actions/reject", data={
        "csrf": _csrf(asked.text), "text": "Không thuộc phạm vi", "confirmed": "1"},
        follow_redirects=False)
    assert done.status_code == 303 and service.get(filed.code).status == "rejected"
    empty = client.post(f"/complaints/{filed.code}/actions/note",
                        data={"csrf": token, "text": "   "})
    assert empty.status_code == 400 and "không được để trống" in empty.text
