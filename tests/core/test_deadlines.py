"""Working-day due dates (weekends skipped; holidays come with the console issue)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from intake.deadlines import VIETNAM, add_working_days, due_at


def test_friday_plus_one_working_day_is_monday() -> None:
    assert add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)


def test_ten_working_days_span_two_weekends() -> None:
    assert add_working_days(date(2026, 11, 27), 10) == date(2026, 12, 11)


def test_due_at_is_end_of_the_working_day_in_vietnam() -> None:
    received = datetime(2026, 11, 27, 20, 30, tzinfo=UTC)  # Saturday 03:30 in Vietnam
    due = due_at(received, 1).astimezone(VIETNAM)
    assert (due.date(), due.hour) == (date(2026, 11, 30), 17)
