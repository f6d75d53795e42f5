"""The product's vocabulary: statuses, channels, directions, queue kinds, roles.

Plain enumerations, stored as short strings (a new status needs no database type
migration on PostgreSQL). They live apart from the tables (``intake.models``) so that an
edge can name a channel or a status without importing the tables it must not write.
"""

from __future__ import annotations

import enum


class QueueKind(enum.StrEnum):
    PROVINCIAL = "provincial"
    CENTRAL = "central"
    DISTRICT = "district"
    COMMUNE = "commune"


class Status(enum.StrEnum):
    RECEIVED = "received"
    ROUTED = "routed"
    IN_PROGRESS = "in_progress"
    WAITING_FOR_CITIZEN = "waiting_for_citizen"
    ANSWERED = "answered"
    CLOSED = "closed"
    REJECTED = "rejected"


# Defined here once. Open: not finished (counted as open, in digests, moved by
# organisation changes). Running: the due-date clock runs (paused while waiting for the
# citizen), so these can be overdue. The steps between statuses: intake.services.lifecycle.
OPEN_STATUSES = frozenset({Status.RECEIVED, Status.ROUTED, Status.IN_PROGRESS,
                           Status.WAITING_FOR_CITIZEN})
RUNNING_STATUSES = frozenset({Status.RECEIVED, Status.ROUTED, Status.IN_PROGRESS})
OPEN_VALUES = tuple(sorted(s.value for s in OPEN_STATUSES))
RUNNING_VALUES = tuple(sorted(s.value for s in RUNNING_STATUSES))


class Channel(enum.StrEnum):
    WEB = "web"
    TELEGRAM = "telegram"
    EMAIL = "email"
    PHONE = "phone"
    WALK_IN = "walk_in"
    CHAT = "chat"
    API = "api"  # filed by a client application through the Open311 API


class Direction(enum.StrEnum):
    INBOUND = "in"
    OUTBOUND = "out"


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class Role(enum.StrEnum):
    STAFF = "staff"              # works the complaints of its own queues
    COORDINATOR = "coordinator"  # sees every queue, transfers and re-routes
    ADMIN = "admin"              # everything, plus users and organisation
