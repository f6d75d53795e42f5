"""The staff tables, defined in the core (``intake.models``) and re-exported here for the
console's pages: accounts, their queues, their sessions, login attempts, assignments and
the audit of the administration pages."""

from __future__ import annotations

from intake.models import (
    AdminEvent,
    Assignment,
    LoginAttempt,
    Role,
    StaffQueue,
    StaffSession,
    StaffUser,
)

__all__ = ["AdminEvent", "Assignment", "LoginAttempt", "Role", "StaffQueue", "StaffSession",
           "StaffUser"]
