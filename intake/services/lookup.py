"""Finding a complaint by the tracking code a person typed: the one look-up every
service that acts on a single complaint shares (intake, staff, attachments,
publication)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.codes import parse_code
from intake.errors import ComplaintNotFound
from intake.models import Complaint


def complaint_by_code(session: Session, code: str, *, for_update: bool = False) -> Complaint:
    """The complaint with tracking code ``code`` (as typed: forgiving format), or
    ``ComplaintNotFound``.

    ``for_update``: for a unit of work that changes it. Its row is locked until the
    transaction ends (``FOR UPDATE`` on PostgreSQL; SQLite has one writer at a time) and
    read as committed once the lock is held, even if this session had read it before: a
    status checked on a copy read earlier could be one that another transaction (staff
    in the console, another ingest worker) has since changed, and the change decided
    from it would overwrite theirs."""
    query = select(Complaint).where(Complaint.code == parse_code(code))
    if for_update:
        query = query.with_for_update().execution_options(populate_existing=True)
    complaint = session.scalar(query)
    if complaint is None:
        raise ComplaintNotFound("no complaint with that code")
    return complaint
