"""The working-day calendar (weekends, Tết, Hùng Kings) and the clock pausing while the
complaint waits for the citizen."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from intake.console.auth import StaffIdentity
from intake.db import Database
from intake.deadlines import (
    VIETNAM,
    add_working_days,
    due_at,
    is_working_day,
    resume_due,
    working_days_between,
)
from intake.errors import ValidationError
from intake.models import Event, Status
from intake.services.complaints import IntakeService
from intake.services.kinds import due_rules
from intake.services.staff import QueueFilter, StaffService
from tests.console.conftest import QUEUE_A, complaint_in, paused_working_days


def test_tet_2026_and_its_weekend_are_skipped() -> None:
    # Tết Bính Ngọ: Mon 16 – Fri 20 February 2026 off, then the weekend.
    assert not any(is_working_day(date(2026, 2, d)) for d in range(14, 23))
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    assert add_working_days(date(2026, 2, 12), 3) == date(2026, 2, 24)


def test_tet_2027_is_lunar_not_fixed() -> None:
    assert not is_working_day(date(2027, 2, 8))  # Tết Đinh Mùi
    assert is_working_day(date(2027, 2, 16))    # a plain Tuesday a year after Tết 2026


def test_hung_kings_day_observed_and_reunification() -> None:
    # 10/3 lunar falls on Sunday 26 April 2026: observed Monday 27.
    assert add_working_days(date(2026, 4, 24), 1) == date(2026, 4, 28)
    # 30 April and 1 May (Thu, Fri) off: Wednesday + 1 → Monday 4 May.
    assert add_working_days(date(2026, 4, 29), 1) == date(2026, 5, 4)


def test_due_at_across_tet_is_end_of_day_in_vietnam() -> None:
    received = datetime(2026, 2, 13, 9, 0, tzinfo=UTC)  # Friday before Tết
    due = due_at(received, 10).astimezone(VIETNAM)
    assert (due.date(), due.hour) == (date(2026, 3, 6), 17)


def test_working_days_between() -> None:
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1
    assert working_days_between(date(2026, 11, 27), date(2026, 11, 30)) == 1
    assert working_days_between(date(2026, 11, 30), date(2026, 11, 27)) == 0


def test_resume_moves_due_by_the_working_days_paused() -> None:
    due = datetime(2026, 2, 9, 17, 0, tzinfo=VIETNAM)
    paused = datetime(2026, 2, 4, 10, 0, tzinfo=VIETNAM)
    resumed = datetime(2026, 2, 24, 8, 0, tzinfo=VIETNAM)
    # 5, 6, 9–13, 23, 24 February: 9 working days lost (Tết and weekends not counted).
    moved = resume_due(due, paused, resumed).astimezone(VIETNAM)
    assert (moved.date(), moved.hour) == (date(2026, 2, 27), 17)
    same_day = resume_due(due, paused, paused + timedelta(hours=3))
    assert same_day == due


def test_clock_pauses_while_waiting_for_the_citizen(
        service: IntakeService, staff: StaffService, db: Database, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A)
    staff.ask_info(alice, filed.code, "Xin cho biết địa chỉ cụ thể?")
    later = datetime.now(UTC) + timedelta(days=60)
    assert not staff.queue(alice, QueueFilter(overdue=True), now=later).rows  # paused
    with db.transaction() as session:  # the question was asked three weeks ago
        event = session.scalars(select(Event).where(Event.kind == "status").order_by(
            Event.id.desc()).limit(1)).one()
        event.at = event.at - timedelta(days=21)
    before = service.get(filed.code).due_at
    staff.take(alice, filed.code)
    after = service.get(filed.code)
    assert after.status == Status.IN_PROGRESS
    assert before is not None and after.due_at is not None
    resumed = [e for e in service.events(filed.code) if e.kind == "clock_resumed"]
    assert resumed and resumed[0].actor == "staff:alice"
    lost = paused_working_days(resumed[0], days=21)
    assert lost > 0
    assert working_days_between(before.astimezone(VIETNAM).date(),
                                after.due_at.astimezone(VIETNAM).date()) == lost


def test_due_rules_are_configurable() -> None:
    assert due_rules("")["complaint"].working_days == 30
    assert due_rules("complaint=45, denunciation=60")["denunciation"].working_days == 60
    with pytest.raises(ValidationError):
        due_rules("bribe=3")


def test_kind_sets_due_date_from_receipt_plus_pauses(
        service: IntakeService, staff: StaffService, db: Database, alice: StaffIdentity,
        coordinator: StaffIdentity) -> None:
    filed = complaint_in(service, staff, coordinator, QUEUE_A)
    staff.set_kind(alice, filed.code, "complaint")
    classified = service.get(filed.code)
    assert classified.due_at == due_at(classified.created_at, 30)
    assert staff.kind_of(filed.code) == "complaint"
    staff.ask_info(alice, filed.code, "Xin bổ sung giấy tờ?")
    with db.transaction() as session:
        event = session.scalars(select(Event).where(Event.kind == "status").order_by(
            Event.id.desc()).limit(1)).one()
        event.at = event.at - timedelta(days=7)
    staff.take(alice, filed.code)
    resumed = service.get(filed.code).due_at
    staff.set_kind(alice, filed.code, "feedback")  # shorter rule, pause still counted
    (event,) = [e for e in service.events(filed.code) if e.kind == "clock_resumed"]
    lost = event.data["lost_working_days"]
    assert lost == paused_working_days(event, days=7)
    base = due_at(classified.created_at, 10).astimezone(VIETNAM)
    after = service.get(filed.code).due_at
    assert after is not None and resumed is not None
    assert after.astimezone(VIETNAM).date() == add_working_days(base.date(), lost)
    with pytest.raises(ValidationError, match="unknown kind"):
        staff.set_kind(alice, filed.code, "bribe")
