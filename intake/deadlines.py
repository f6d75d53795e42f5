"""Due dates in working days (Vietnam time).

Working days are Monday to Friday except Vietnam's public holidays, taken from the
maintained ``holidays`` library (Tết and the Hùng Kings' day follow the lunar calendar;
observed and substituted days off included), not guessed here. The clock pauses while
a complaint waits for the citizen: ``resume_due`` moves the due date by the working days
the pause covered.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
END_OF_WORKING_DAY = time(17, 0)


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[date]:
    """Vietnam's public holidays (days off) of ``year``."""
    return frozenset(holidays.country_holidays("VN", years=year).keys())


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a public holiday."""
    return day.weekday() < 5 and day not in public_holidays(day.year)


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 if ``end <= start``).

    Counted by whole weeks, not day by day (the console shows a countdown on every line
    of a queue): five per week, the weekdays of the remainder, less the public holidays
    on weekdays in between."""
    if end <= start:
        return 0
    weeks, rest = divmod((end - start).days, 7)
    first = start.weekday()
    count = weeks * 5 + sum(1 for i in range(1, rest + 1) if (first + i) % 7 < 5)
    off = sum(1 for year in range(start.year, end.year + 1) for day in public_holidays(year)
              if start < day <= end and day.weekday() < 5)
    return count - off


def resume_due(due: datetime, paused_at: datetime, resumed_at: datetime) -> datetime:
    """The due date after a pause (waiting for the citizen) from ``paused_at`` to
    ``resumed_at``: later by the working days the pause covered, at the same hour."""
    lost = working_days_between(paused_at.astimezone(VIETNAM).date(),
                                resumed_at.astimezone(VIETNAM).date())
    local = due.astimezone(VIETNAM)
    moved = add_working_days(local.date(), lost)
    return datetime.combine(moved, local.timetz()).astimezone(UTC)


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
    return _due_after(received.astimezone(VIETNAM).date(), working_days)


@lru_cache(maxsize=256)
def _due_after(local_day: date, working_days: int) -> datetime:
    """``due_at`` for a receipt on ``local_day``: the same for every complaint received
    that day with that time limit, so worked out once (walking the days and building
    the zoned time took about a tenth of a millisecond of every filed complaint)."""
    due_day = add_working_days(local_day, working_days)
    return datetime.combine(due_day, END_OF_WORKING_DAY, tzinfo=VIETNAM).astimezone(UTC)
