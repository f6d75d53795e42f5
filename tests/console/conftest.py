"""Fixtures of the console tests: the core's migrated database (SQLite and PostgreSQL),
accounts, and complaints placed in known queues."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event

from intake.console.auth import Accounts, StaffIdentity
from intake.console.models import Role
from intake.db import Database
from intake.deadlines import VIETNAM, working_days_between
from intake.services.complaints import IntakeService
from intake.services.staff import StaffService
from intake.services.views import ComplaintView, EventView
from tests.core.conftest import database_url, db, service, settings
from tests.core.factories import file_complaint

__all__ = ["database_url", "db", "service", "settings"]

PASSWORD = "correct horse battery"
QUEUE_A = "SO_TU_PHAP"
QUEUE_B = "SO_TAI_CHINH"


@pytest.fixture
def accounts(db: Database) -> Accounts:
    """The console accounts over the test database."""
    return Accounts(db)


@pytest.fixture
def staff(service: IntakeService) -> StaffService:
    """The staff services over the test database."""
    return StaffService(service)


@pytest.fixture
def alice(accounts: Accounts) -> StaffIdentity:
    """Staff of queue A."""
    return accounts.add_user("alice", PASSWORD, Role.STAFF, [QUEUE_A])


@pytest.fixture
def bob(accounts: Accounts) -> StaffIdentity:
    """Staff of queue B."""
    return accounts.add_user("bob", PASSWORD, Role.STAFF, [QUEUE_B])


@pytest.fixture
def coordinator(accounts: Accounts) -> StaffIdentity:
    """A coordinator (all queues)."""
    return accounts.add_user("coord", PASSWORD, Role.COORDINATOR, [])


def complaint_in(service: IntakeService, staff: StaffService, coordinator: StaffIdentity,
                 queue: str, **overrides: Any) -> ComplaintView:
    """A citizen's complaint, transferred by the coordinator into ``queue``."""
    filed = file_complaint(service, **overrides)
    if filed.queue_code != queue:
        staff.transfer(coordinator, filed.code, queue, "Thuộc thẩm quyền giải quyết của đơn vị")
    return service.get(filed.code)


def run_at_once(engine: Engine, hook: str, listener: Callable[..., None],
                calls: list[Callable[[], None]]) -> None:
    """Run ``calls`` in threads at the same time, with ``listener`` on the engine's
    cursor event ``hook`` (where the test makes them meet), and wait for all of them."""
    event.listen(engine, hook, listener)
    try:
        threads = [threading.Thread(target=call) for call in calls]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        event.remove(engine, hook, listener)


def is_lock_statement(statement: str) -> bool:
    """A statement that takes a complaint's row lock (PostgreSQL) or SQLite's write lock."""
    return "FOR NO KEY UPDATE" in statement or statement.startswith("BEGIN IMMEDIATE")


class MeetingAfterTheFirstLock:
    """A cursor listener for ``run_at_once``: each of two threads, right after its first
    lock statement, waits for the other to have taken its own (a barrier given up after
    2 s), then runs ``then`` with its thread-local state ``seen`` (a test sets flags
    there)."""

    def __init__(self, then: Callable[[threading.local], None] | None = None) -> None:
        self.barrier = threading.Barrier(2, timeout=2)
        self.seen = threading.local()
        self.then = then

    def __call__(self, _conn: object, _cursor: object, statement: str,
                 *_rest: object) -> None:
        if not is_lock_statement(statement):
            return
        self.seen.locks = getattr(self.seen, "locks", 0) + 1
        if self.seen.locks == 1:
            with contextlib.suppress(threading.BrokenBarrierError):
                self.barrier.wait()
            if self.then is not None:
                self.then(self.seen)


def paused_working_days(resumed: EventView, days: int) -> int:
    """The working days between the pause and the resumption that a ``clock_resumed``
    event records, once it is checked that the pause lasted ``days`` days (give or take
    one). A count, not a floor: over Tết three weeks hold fewer working days."""
    paused_at = datetime.fromisoformat(resumed.data["paused_at"])
    assert timedelta(days=days - 1) < resumed.at - paused_at < timedelta(days=days + 1)
    return working_days_between(paused_at.astimezone(VIETNAM).date(),
                                resumed.at.astimezone(VIETNAM).date())
