"""One status-change path: whichever door a step comes through (the intake service, a
staff action, a transfer), the clock resumes the same way after waiting for the citizen,
the step is audited once, and the citizen hears of it through delivery."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select

from intake.console.auth import StaffIdentity
from intake.db import Database
from intake.deadlines import VIETNAM, working_days_between
from intake.errors import InvalidTransition
from intake.models import (
    OPEN_STATUSES,
    RUNNING_STATUSES,
    Channel,
    Complaint,
    Event,
    Outbox,
    Status,
)
from intake.services.complaints import IntakeService
from intake.services.staff import StaffService
from tests.console.conftest import QUEUE_A, QUEUE_B, complaint_in, paused_working_days

Resume = Callable[[IntakeService, StaffService, StaffIdentity, str], object]
LEAVE_WAITING: dict[str, Resume] = {
    "service.change_status": lambda svc, _s, _w, code: svc.change_status(
        code, Status.IN_PROGRESS, actor="staff:alice"),
    "staff.take": lambda _svc, staff, who, code: staff.take(who, code),
    "staff.transfer": lambda _svc, staff, who, code: staff.transfer(
        who, code, QUEUE_B, "Thuộc thẩm quyền Sở Tài chính"),
    "staff.reply": lambda _svc, staff, who, code: staff.reply(who, code, "Đã giải quyết."),
}


def _waited_three_weeks(db: Database, staff: StaffService, who: StaffIdentity,
                        code: str) -> None:
    staff.ask_info(who, code, "Xin cho biết địa chỉ cụ thể?")
    with db.transaction() as session:
        event = session.scalars(select(Event).where(Event.kind == "status").order_by(
            Event.id.desc()).limit(1)).one()
        event.at = event.at - timedelta(days=21)


@pytest.mark.parametrize("door", sorted(LEAVE_WAITING))
def test_leaving_waiting_resumes_the_clock_whichever_door(
        door: str, service: IntakeService, staff: StaffService, db: Database,
        coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A)
    _waited_three_weeks(db, staff, coordinator, filed.code)
    before = service.get(filed.code).due_at
    LEAVE_WAITING[door](service, staff, coordinator, filed.code)
    after = service.get(filed.code)
    assert after.status != Status.WAITING_FOR_CITIZEN
    (resumed,) = [e for e in service.events(filed.code) if e.kind == "clock_resumed"]
    lost = resumed.data["lost_working_days"]
    assert lost == paused_working_days(resumed, days=21) > 0
    assert before is not None and after.due_at is not None
    assert working_days_between(before.astimezone(VIETNAM).date(),
                                after.due_at.astimezone(VIETNAM).date()) == lost


def test_a_status_change_reaches_an_email_citizen_through_delivery_once(
        service: IntakeService, staff: StaffService, db: Database,
        coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A, channel=Channel.EMAIL,
                         reply_channel=Channel.EMAIL, reply_address="dan@example.vn")
    staff.reject(coordinator, filed.code, "Nội dung không thuộc thẩm quyền của tỉnh")
    with db.reading() as session:
        (row,) = session.scalars(select(Outbox).where(Outbox.complaint_code == filed.code))
        assert (row.purpose, row.channel, row.recipient) == ("status", "email",
                                                             "dan@example.vn")
        assert "Không tiếp nhận" in row.subject and "không thuộc thẩm quyền" in row.body
    steps = [e.data for e in service.events(filed.code) if e.kind == "status"]
    assert steps[-1] == {"from": "routed", "to": "rejected"}


def test_a_chat_citizen_gets_no_push_and_an_illegal_step_changes_nothing(
        service: IntakeService, staff: StaffService, db: Database,
        coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A)  # web chat: no push
    service.change_status(filed.code, Status.CLOSED, actor="staff:x", reason="Xong")
    with pytest.raises(InvalidTransition):
        service.change_status(filed.code, Status.WAITING_FOR_CITIZEN, actor="staff:x")
    assert service.get(filed.code).status == Status.CLOSED
    with db.reading() as session:
        assert session.scalars(select(Outbox)).all() == []


def test_open_and_running_statuses_are_one_definition() -> None:
    finished = {Status.ANSWERED, Status.CLOSED, Status.REJECTED}
    assert set(Status) - finished == OPEN_STATUSES
    assert OPEN_STATUSES - {Status.WAITING_FOR_CITIZEN} == RUNNING_STATUSES


def test_a_step_is_decided_on_the_status_another_transaction_committed(
        service: IntakeService, staff: StaffService, db: Database,
        coordinator: StaffIdentity) -> None:
    """Staff answer a complaint while another unit of work (an ingest batch filing the
    citizen's reply, another officer) holds it: the answer waits for that unit, then
    starts from the status it committed, not from the one read before."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: the second write fails, not overwrites")
    filed = complaint_in(service, staff, coordinator, QUEUE_A)
    staff.ask_info(coordinator, filed.code, "Xin cho biết địa chỉ cụ thể?")
    done: list[object] = []
    with db.transaction() as other:
        row = other.scalar(select(Complaint).where(Complaint.code == filed.code)
                           .with_for_update())
        assert row is not None and row.status == Status.WAITING_FOR_CITIZEN.value
        row.status = Status.IN_PROGRESS.value
        other.flush()
        answering = threading.Thread(target=lambda: done.append(
            service.change_status(filed.code, Status.ANSWERED, actor="staff:alice")))
        answering.start()
        answering.join(timeout=1.0)
        assert answering.is_alive(), "the answer did not wait for the unit holding the row"
    answering.join(timeout=30)
    assert done and service.get(filed.code).status == Status.ANSWERED
    moves = [e.data for e in service.events(filed.code) if e.kind == "status"]
    assert moves[-1] == {"from": Status.IN_PROGRESS.value, "to": Status.ANSWERED.value}
    resumed = [e for e in service.events(filed.code) if e.kind == "clock_resumed"]
    assert resumed == []  # the other unit left "waiting" itself; nobody resumed twice
