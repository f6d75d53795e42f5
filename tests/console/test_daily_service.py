"""Issue 18, the staff console's services: the one search box, the queue's views, the
citizen panel, deliveries with their real state, Vietnamese history, deadlines as
working-day countdowns and reports in working days (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from intake.console.auth import StaffIdentity
from intake.contacts import Contact
from intake.delivery.outbox import mark_failed
from intake.errors import ValidationError
from intake.models import Channel, Complaint, Outbox, Status, utcnow
from intake.services.complaints import IntakeService
from intake.services.reports import Reports
from intake.services.search import read_search
from intake.services.staff import QueueFilter, StaffService
from intake.services.wording import deadline, short_subject
from tests.conftest import seconds_to_vietnam_midnight
from tests.console.conftest import QUEUE_A, QUEUE_B, complaint_in

BAI_RAC = "Bãi rác tự phát ở đầu thôn Đông bốc mùi. Đề nghị xã cho thu dọn sớm."


def _codes(staff: StaffService, who: StaffIdentity, **wanted: object) -> set[str]:
    return {r.code for r in staff.queue(who, QueueFilter(**wanted)).rows}  # type: ignore[arg-type]


def _set_code(service: IntakeService, code: str, new: str) -> str:
    with service.db.transaction() as session:
        session.execute(update(Complaint).where(Complaint.code == code).values(code=new))
    return new


def test_search_without_diacritics_partial_code_phone_and_email(
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    rubbish = complaint_in(service, staff, coordinator, QUEUE_A, text=BAI_RAC,
                           contact=Contact(name="Trần Thị Bình", phone="0912345678",
                                           email="binh@example.vn"))
    other = complaint_in(service, staff, coordinator, QUEUE_A)
    hidden = complaint_in(service, staff, coordinator, QUEUE_B, text=BAI_RAC)
    code = _set_code(service, other.code, "PA-7K0M3X1Q")
    assert _codes(staff, alice, text="bai rac") == {rubbish.code}
    assert _codes(staff, alice, text="BÃI RÁC") == {rubbish.code}
    assert _codes(staff, alice, text="tran thi binh") == {rubbish.code}
    assert _codes(staff, alice, text="0912 345 678") == {rubbish.code}
    assert _codes(staff, alice, text="+84 912 345 678") == {rubbish.code}
    assert _codes(staff, alice, text="Binh@Example.VN") == {rubbish.code}
    for typed in ("pa-7ko", "PA-7KOM", "7kom3", "k0m3x", "PA 7KOM3XIQ", "pa-7kom3xlq"):
        assert _codes(staff, alice, text=typed) == {code}, typed
    assert _codes(staff, alice, text="bai rac xyz") == set()
    assert hidden.code in _codes(staff, coordinator, text="bai rac")
    assert hidden.code not in _codes(staff, alice, text="bai rac")
    assert _codes(staff, alice, text="50%_") == set()  # wildcards are literal


def test_search_finds_closed_complaints_and_a_changed_contact(
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    done = complaint_in(service, staff, coordinator, QUEUE_A, text=BAI_RAC)
    staff.resolve(alice, done.code, "Đã thu dọn")
    assert _codes(staff, alice, text="bai rac") == {done.code}
    assert _codes(staff, alice) == set()  # the default view lists open complaints only
    with service.db.transaction() as session:
        row = session.scalars(select(Complaint).where(Complaint.code == done.code)).one()
        row.citizen_email = "moi@example.vn"
    assert _codes(staff, alice, text="moi@example") == {done.code}


def test_read_search_kinds() -> None:
    assert read_search("bai rac").code is None
    assert read_search("PA-7KO").code == "7K0"
    assert read_search("k9o3").code == "K903"
    assert read_search("rác").code is None
    assert read_search("0912.345.678").digits == "0912345678"
    assert read_search("   ").empty


def test_the_day_in_vietnam_ends_at_17_utc() -> None:
    assert seconds_to_vietnam_midnight(datetime(2026, 12, 4, 16, 59, tzinfo=UTC)) == 60
    assert seconds_to_vietnam_midnight(datetime(2026, 12, 4, 17, 0, tzinfo=UTC)) == 86_400


@pytest.mark.usefixtures("clear_of_vietnam_midnight")
def test_views_and_counts(service: IntakeService, staff: StaffService, alice: StaffIdentity,
                          coordinator: StaffIdentity) -> None:
    mine = complaint_in(service, staff, coordinator, QUEUE_A)
    free = complaint_in(service, staff, coordinator, QUEUE_A)
    late = complaint_in(service, staff, coordinator, QUEUE_A)
    soon = complaint_in(service, staff, coordinator, QUEUE_A)
    done = complaint_in(service, staff, coordinator, QUEUE_A)
    staff.take(alice, mine.code)
    staff.resolve(alice, done.code, "")
    now = utcnow()
    with service.db.transaction() as session:
        session.execute(update(Complaint).where(Complaint.code == late.code).values(
            due_at=now - timedelta(days=1)))
        session.execute(update(Complaint).where(Complaint.code == soon.code).values(
            due_at=now + timedelta(minutes=30)))
    page = staff.queue(alice, QueueFilter())
    assert page.views["open"] == 4 and page.views["finished"] == 1
    assert page.views["mine"] == 1 and page.views["unassigned"] == 3
    assert page.views["today"] == 4 and page.views["overdue"] == 1
    assert page.views["due_soon"] == 1
    assert {r.code for r in page.rows} == {mine.code, free.code, late.code, soon.code}
    assert _codes(staff, alice, view="mine") == {mine.code}
    assert _codes(staff, alice, view="overdue") == {late.code}
    assert _codes(staff, alice, view="due_soon") == {soon.code}
    assert _codes(staff, alice, view="finished") == {done.code}
    assert free.code in _codes(staff, alice, view="unassigned")
    newest = staff.queue(alice, QueueFilter(sort="received", descending=True)).rows
    assert newest[0].code == soon.code
    by_code = staff.queue(alice, QueueFilter(sort="code")).rows
    assert [r.code for r in by_code] == sorted(r.code for r in by_code)
    row = page.rows[0]
    assert row.queue_name == "Sở Tư pháp" and row.created_at is not None


def test_deadline_words() -> None:
    monday = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam
    running = Status.IN_PROGRESS.value
    assert deadline(monday + timedelta(hours=6), running, monday).text == "Đến hạn hôm nay"
    assert deadline(monday + timedelta(days=2), running, monday).text == "Còn 2 ngày làm việc"
    friday_due = monday + timedelta(days=4)
    assert deadline(friday_due + timedelta(days=3), running, friday_due).text == \
        "Còn 1 ngày làm việc"  # Friday → Monday: the weekend is not counted
    assert deadline(monday - timedelta(days=3), running, monday).text == \
        "Quá hạn 1 ngày làm việc"  # due last Friday
    waiting = Status.WAITING_FOR_CITIZEN.value
    assert deadline(monday - timedelta(days=9), waiting, monday).text == \
        "Tạm dừng chờ công dân bổ sung"
    assert short_subject("Bà phản ánh việc đường hỏng. Xin xử lý sớm.", "chat") == \
        "Bà phản ánh việc đường hỏng."
    assert short_subject("Về việc: đường hỏng. Xin xử lý", "email") == \
        "Về việc: đường hỏng. Xin xử lý"


def test_citizen_panel_deliveries_and_history(
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    contact = Contact(name="Nguyễn Văn An", phone="0987654321", email="an@example.vn")
    by_mail = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                           reply_channel=Channel.EMAIL, reply_address="an@example.vn",
                           contact=contact)
    earlier = complaint_in(service, staff, coordinator, QUEUE_A, contact=contact)
    theirs = complaint_in(service, staff, coordinator, QUEUE_B, contact=contact)
    assert staff.reply(alice, by_mail.code, "Sở đã xử lý.") == "email"
    with service.db.transaction() as session:
        row = session.scalars(select(Outbox).where(
            Outbox.complaint_code == by_mail.code, Outbox.purpose == "answer")).one()
        mark_failed(session, row, "550 mailbox unavailable", "system:test")
    detail = staff.detail(alice, by_mail.code)
    panel = detail.citizen
    assert panel is not None and panel.name == "Nguyễn Văn An"
    assert panel.phone == "0987654321" and panel.email == "an@example.vn" and panel.reachable
    assert [o.code for o in panel.others] == [earlier.code]  # not the other unit's
    answer = [d for d in detail.deliveries if d.purpose == "answer"]
    assert [(d.status, d.error) for d in answer] == [("failed", "550 mailbox unavailable")]
    lines = [h.what for h in detail.history]
    assert "Tiếp nhận phản ánh" in lines
    assert "Chuyển đơn vị: Sở Tư pháp" in lines
    assert "Trả lời người dân (gửi qua Email)" in lines
    assert "Trạng thái: Mới, chưa nhận xử lý → Đã trả lời" in lines
    assert all("_" not in w and "routed" not in w and "status" not in w for w in lines)
    assert theirs.code not in {o.code for o in panel.others}


def test_phone_reply_is_recorded_as_called_back(
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    call = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.PHONE,
                        reply_channel=Channel.PHONE, contact=Contact(phone="0912000111"))
    assert staff.reply(alice, call.code, "Đã giải thích qua điện thoại.", "call") == "none"
    detail = staff.detail(alice, call.code)
    assert detail.citizen is not None and not detail.citizen.reachable
    assert detail.deliveries == []
    assert "Trả lời người dân (đã gọi lại cho người dân)" in [h.what for h in detail.history]
    with pytest.raises(ValidationError):
        staff.reply(alice, call.code, "x", "fax")


def test_merge_into_a_missing_or_malformed_code_names_it(
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    dup = complaint_in(service, staff, coordinator, QUEUE_A)
    with pytest.raises(ValidationError) as missing:
        staff.merge(alice, dup.code, "PA-ZZZZZZZZ")
    assert "PA-ZZZZZZZZ" in missing.value.message_vi
    with pytest.raises(ValidationError) as malformed:
        staff.merge(alice, dup.code, "PA-12")
    assert "không đúng định dạng" in malformed.value.message_vi
    assert service.get(dup.code).status != Status.CLOSED.value


@pytest.mark.usefixtures("clear_of_vietnam_midnight")
def test_reports_leave_merges_out_of_resolutions(
        service: IntakeService, staff: StaffService, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    kept = complaint_in(service, staff, coordinator, QUEUE_A)
    dup = complaint_in(service, staff, coordinator, QUEUE_A)
    staff.merge(alice, dup.code, kept.code, "Trùng nội dung")
    start, end = utcnow() - timedelta(days=1), utcnow() + timedelta(minutes=1)
    (row,) = Reports(service.db).per_queue(alice, start, end)
    assert (row.received, row.merged) == (2, 1)
    assert row.median_resolution_days is None  # the merge is no resolution
    staff.resolve(alice, kept.code, "Đã xử lý")
    (row,) = Reports(service.db).per_queue(alice, start, end)
    assert row.median_resolution_days is not None and row.median_resolution_days < 1


def test_catalog_rejections_in_vietnamese() -> None:
    from intake.services.wording import catalog_reason_vi

    assert catalog_reason_vi("ten_tthc is missing or empty") == "thiếu ten_tthc (hoặc để trống)"
    assert catalog_reason_vi("thoi_han_ngay: expected a number, got 'abc'") == \
        "thoi_han_ngay: cần một số, nhận được 'abc'"
    assert catalog_reason_vi("a.json#2: ngay_cong_bo: invalid date '2020-13-01': month") == \
        "a.json#2: ngay_cong_bo: ngày không hợp lệ '2020-13-01'"
    assert catalog_reason_vi("missing ten_tthc, ma_tthc") == "thiếu ten_tthc, ma_tthc"
    assert catalog_reason_vi("a.json: missing ten_tthc") == "a.json: thiếu ten_tthc"
    assert catalog_reason_vi("something new") == "something new"
