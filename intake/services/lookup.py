"""Finding a complaint by the tracking code a person typed: the one look-up every
service that acts on a single complaint shares (intake, staff, attachments,
publication)."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.codes import parse_code
from intake.db import hold_sqlite_write_lock
from intake.errors import ComplaintNotFound
from intake.models import Complaint


def complaint_by_code(session: Session, code: str, *, for_update: bool = False) -> Complaint:
    """The complaint with tracking code ``code`` (as typed: forgiving format), or
    ``ComplaintNotFound``.

    ``for_update``: for a unit of work that changes it. Its row is locked until the
    transaction ends and read as committed once the lock is held, even if this session
    had read it before: a status checked on a copy read earlier could be one that another
    transaction (staff in the console, another ingest worker, a second press of a
    button) has since changed, and the change decided from it would overwrite theirs.
    PostgreSQL locks the row (``FOR NO KEY UPDATE``: the key is never changed, so rows
    that only reference it, such as a new event's, do not wait). SQLite has no row locks
    and its driver begins a transaction only at the first write: the database's one
    write lock is taken first (``hold_sqlite_write_lock``)."""
    canonical = parse_code(code)
    query = select(Complaint).where(Complaint.code == canonical)
    if for_update:
        hold_sqlite_write_lock(session)
        query = (query.with_for_update(key_share=True)
                 .execution_options(populate_existing=True))
    complaint = session.scalar(query)
    if complaint is None:
        raise ComplaintNotFound("no complaint with that code")
    return complaint


def lock_in_code_order(session: Session, codes: Collection[str]) -> None:
    """Lock the complaints ``codes`` (canonical codes) for the rest of the transaction,
    in one order whatever the caller's (by code), in one statement. A unit of work that
    changes several complaints locks them so first: two such units wait for each other
    instead of each holding one lock and asking for the other's (PostgreSQL would end
    one as a deadlock's victim). SQLite: its one write lock (``hold_sqlite_write_lock``).
    A code that matches nothing is skipped: the caller's own look-up reports it."""
    hold_sqlite_write_lock(session)
    if not codes or session.get_bind().dialect.name == "sqlite":
        return
    session.execute(select(Complaint.id).where(Complaint.code.in_(sorted(codes)))
                    .order_by(Complaint.code).with_for_update(key_share=True))
