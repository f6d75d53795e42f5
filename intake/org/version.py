"""The organisation's version: one number that changes whenever the organisation does.

Every process that routes (mail workers, the action server, consoles, on any number of
machines) keeps a router built from the organisation (the queue table and its history:
departments, districts, communes, successors, former names). Building one takes a
while, so it is kept; what tells a process that its router is out of date is this
number, stored in the database (table ``org_version``, one row) and increased in the
same transaction as every change of the organisation: ``pakn org load`` and the
console's reload (``intake.org.loader``), ``pakn org apply-changes``
(``intake.org.changes``). A process reads it (one primary-key look-up) at most every
``PAKN_ORG_CHECK_SECONDS`` and builds its router again only when it moved
(``intake.routing.service.RoutingCache``): a change made on one machine is routed with
on every machine at its next check, and nothing is rebuilt while nothing changes.

The number only ever grows; its value means nothing but "different from before".
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from intake.clock import utcnow
from intake.models import Base, UTCDateTime

ROW_ID = 1  # the table's only row


class OrgVersion(Base):
    """The organisation's version (migration 0016b writes its one row)."""

    __tablename__ = "org_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def current_version(session: Session) -> int:
    """The organisation's version as committed (0 when the row is missing)."""
    value = session.scalar(select(OrgVersion.version).where(OrgVersion.id == ROW_ID))
    return int(value or 0)


def bump_version(session: Session) -> None:
    """Mark the organisation changed, in the caller's transaction: the number moves when
    the change commits, and not at all when it is rolled back. Two writers at once
    queue on the row (an ``UPDATE`` of the same row), so neither increase is lost."""
    moved = session.execute(update(OrgVersion).where(OrgVersion.id == ROW_ID).values(
        version=OrgVersion.version + 1, changed_at=utcnow()))
    if moved.rowcount == 0:  # type: ignore[attr-defined]
        session.add(OrgVersion(id=ROW_ID, version=2, changed_at=utcnow()))
        session.flush()
