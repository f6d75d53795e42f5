"""``RowBatch`` (``intake.rows``), the one place a batch's rows wait before they are
written together, on SQLite and PostgreSQL: a unit's rows are kept or dropped with its
savepoint (once, whatever the tables), each table is one INSERT in the order the rows
were added, and a row linked to another pending row gets that row's id, matched by a
unique key or, without one, by order."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from intake.clock import utcnow
from intake.db import Database
from intake.models import MailThread, Outbox
from intake.rows import RowBatch


def _outbox(recipient: str, key: str | None) -> dict[str, Any]:
    now = utcnow()
    return dict(complaint_id=None, complaint_code="PA-TEST0001", channel="email",
                recipient=recipient, purpose="ack", subject="s", body="b", headers={},
                dedup_key=key, status="pending", attempts=0, last_error=None,
                next_attempt_at=now, created_at=now, sent_at=None)


def _add_mail(rows: RowBatch, recipient: str, key: str | None) -> None:
    outbox = rows.add(Outbox, _outbox(recipient, key), key="dedup_key")
    rows.add(MailThread, dict(message_id=f"<{recipient}>", complaint_code="PA-TEST0001",
                              recipient=recipient, purpose="ack", created_at=utcnow()),
             links={"outbox_id": outbox})


@pytest.mark.parametrize("keyed", [True, False], ids=["matched-by-key", "matched-by-order"])
def test_kept_units_are_written_in_order_and_linked_to_their_own_rows(
        db: Database, keyed: bool) -> None:
    rows = RowBatch()
    with db.transaction() as session:
        for unit in range(5):
            with session.begin_nested() as savepoint:
                _add_mail(rows, f"u{unit}@example.vn",
                          f"k{unit}" if keyed or unit % 2 else None)
                if unit == 1:
                    savepoint.rollback()
            if unit == 1:
                rows.drop()
            else:
                rows.keep()
        threads = [values["recipient"] for values in rows.pending(MailThread)]
        assert threads == ["u0@example.vn", "u2@example.vn", "u3@example.vn",
                           "u4@example.vn"]
        rows.write(session)
        assert not rows.kept and not list(rows.pending(MailThread))
    with db.reading() as session:
        written = session.execute(select(Outbox.id, Outbox.recipient).order_by(
            Outbox.id)).all()
        linked = {recipient: outbox_id for recipient, outbox_id in session.execute(
            select(MailThread.recipient, MailThread.outbox_id))}
    assert [recipient for _, recipient in written] == [
        "u0@example.vn", "u2@example.vn", "u3@example.vn", "u4@example.vn"]
    assert linked == {recipient: row_id for row_id, recipient in written}


def test_the_open_unit_is_seen_and_dropped_alone(db: Database) -> None:
    rows = RowBatch()
    _add_mail(rows, "kept@example.vn", "k1")
    rows.keep()
    _add_mail(rows, "open@example.vn", "k2")
    assert [v["recipient"] for v in rows.pending(Outbox)] == [
        "kept@example.vn", "open@example.vn"]
    rows.drop()
    assert [v["recipient"] for v in rows.pending(Outbox)] == ["kept@example.vn"]
    with db.transaction() as session:
        rows.write(session)
    with db.reading() as session:
        assert session.scalars(select(MailThread.recipient)).all() == ["kept@example.vn"]
