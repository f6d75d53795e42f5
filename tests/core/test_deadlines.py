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


def test_due_dates_follow_the_day_of_receipt_in_vietnam_not_in_utc() -> None:
    """Thursday 23:59 and Friday 00:01 in Vietnam, one UTC day: due Friday and Monday
    (a due date is worked out once per day of receipt and limit, by Vietnam's day)."""
    thursday = datetime(2026, 11, 26, 16, 59, tzinfo=UTC)
    friday = datetime(2026, 11, 26, 17, 1, tzinfo=UTC)
    assert due_at(thursday, 1).astimezone(VIETNAM).date() == date(2026, 11, 27)
    assert due_at(friday, 1).astimezone(VIETNAM).date() == date(2026, 11, 30)
    assert due_at(thursday.replace(minute=0), 1) == due_at(thursday, 1)


def test_working_days_between_counts_as_day_by_day() -> None:
    """The week-based count equals walking day by day (weekends, Tết, 2 September)."""
    import random
    from datetime import date as _date
    from datetime import timedelta as _td

    from intake.deadlines import is_working_day, working_days_between

    rng = random.Random(18)
    for _ in range(400):
        start = _date(2024, 1, 1) + _td(days=rng.randint(0, 1200))
        end = start + _td(days=rng.randint(-3, 400))
        walked = sum(1 for i in range(1, (end - start).days + 1)
                     if is_working_day(start + _td(days=i)))
        assert working_days_between(start, end) == walked, (start, end)
