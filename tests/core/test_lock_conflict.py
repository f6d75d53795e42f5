"""``retry_on_lock_conflict``: a unit of work PostgreSQL ended as a deadlock's victim
or on a serialization failure runs again; any other error does not."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.exc import OperationalError

from intake import db
from intake.db import RETRY_JITTER_S, UNIT_ATTEMPTS, retry_on_lock_conflict


class _DriverError(Exception):
    """What the driver raised, with PostgreSQL's SQLSTATE (as psycopg gives it)."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def _failing(states: list[str], calls: list[int]) -> Callable[[], str]:
    """A unit of work that fails with each of ``states`` in turn, then succeeds."""
    def unit() -> str:
        calls.append(1)
        if len(calls) <= len(states):
            raise OperationalError("SELECT", {}, _DriverError(states[len(calls) - 1]))
        return "done"
    return unit


@pytest.mark.parametrize("state", ["40P01", "40001"])
def test_a_deadlock_or_serialization_failure_runs_the_unit_again(
        state: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pauses: list[float] = []
    monkeypatch.setattr(db.time, "sleep", pauses.append)
    calls: list[int] = []
    assert retry_on_lock_conflict(_failing([state, state], calls)) == "done"
    assert len(calls) == 3
    # a random pause before each new attempt, longer allowed for a later one
    assert len(pauses) == 2
    assert 0 <= pauses[0] <= RETRY_JITTER_S and 0 <= pauses[1] <= 2 * RETRY_JITTER_S


def test_another_database_error_is_not_retried() -> None:
    calls: list[int] = []
    with pytest.raises(OperationalError):
        retry_on_lock_conflict(_failing(["08006"], calls))  # the connection is gone
    assert len(calls) == 1


def test_a_conflict_every_time_propagates_after_the_last_attempt() -> None:
    calls: list[int] = []
    with pytest.raises(OperationalError):
        retry_on_lock_conflict(_failing(["40P01"] * UNIT_ATTEMPTS, calls))
    assert len(calls) == UNIT_ATTEMPTS
