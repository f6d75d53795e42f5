"""Due dates in working days (Vietnam time).

The foundation counts Monday to Friday only; the console issue adds the public-holiday
calendar (Tết and Hùng Kings by the lunar calendar) and pausing while waiting for the
citizen.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
END_OF_WORKING_DAY = time(17, 0)


def is_working_day(day: date) -> bool:
    """Monday to Friday."""
    return day.weekday() < 5


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
    if days < 0:
        raise ValueError("days must be >= 0")
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def due_at(received: datetime, working_days: int) -> datetime:
    """End of the working day ``working_days`` after receipt, in UTC."""
    local_day = received.astimezone(VIETNAM).date()
    due_day = add_working_days(local_day, working_days)
    return datetime.combine(due_day, END_OF_WORKING_DAY, tzinfo=VIETNAM).astimezone(UTC)
