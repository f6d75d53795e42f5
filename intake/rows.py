"""Rows a batch of work writes together: one multi-row INSERT per table before the
commit instead of one INSERT (or ORM flush) per row.

The mail pipeline files a claimed batch in one transaction, each message in its own
savepoint (``intake.mail.ingest``). The rows nothing in the batch reads back — a
complaint's kind, every audit event of the message, the acknowledgements (``outbox``)
and their ``mail_threads`` rows — need not be written inside the message's savepoint.
``RowBatch`` is the one place they wait: each unit (message) ``add``s its rows to
``open``; the caller ``keep``s them once the unit's savepoint is released, ``drop``s
them when it was rolled back (once per savepoint, whatever the tables), and ``write``s
what was kept before the commit, still in the same transaction.

Rows are written table by table, each table's rows in the order they were added, so
the ids of a table follow the order of the work (a complaint's audit trail, read by id,
is oldest first). A row may take another pending row's id (``links``: the thread row of
an e-mail names its outbox row); that row's table is then written first, its ids read
back with the INSERT.

What waits here is not in the database until ``write``: a read inside the batch does not
see it. Two readers of events exist, and the mail pipeline never meets them within one
batch: the clock's resumption reads the last move to "waiting" (mail never moves a
complaint into waiting), and a complaint's view reads its latest ``routed`` event (mail
never views a complaint filed earlier in the same batch). A new reader of these tables
inside a batch must also look at ``RowBatch.pending``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from intake.clock import utcnow
from intake.models import Base, Event


@dataclass(eq=False)
class PendingRow:
    """One row waiting in a ``RowBatch``: its table, its values, the columns that take
    the id of another pending row (``links``), and, once written, its own id (read back
    only when another row links to it)."""

    model: type[Base]
    values: dict[str, Any]
    links: dict[str, PendingRow] = field(default_factory=dict)
    key: str | None = None  # a unique column that identifies the row (see ``add``)
    linked_to: bool = False  # another row takes this one's id
    id: int | None = None


@dataclass
class RowBatch:
    """Rows to INSERT together, by table, in the order they were added."""

    open: list[PendingRow] = field(default_factory=list)
    kept: list[PendingRow] = field(default_factory=list)

    def add(self, model: type[Base], values: dict[str, Any],
            links: Mapping[str, PendingRow] | None = None,
            key: str | None = None) -> PendingRow:
        """A row of the current unit (every row of one table with the same columns).
        ``links``: column -> the pending row whose id goes there. ``key``: a unique
        column of this row; when every row of the table has a distinct value there, the
        ids read back are matched by it (one statement on SQLite as well), else by the
        rows' order."""
        row = PendingRow(model, values, dict(links or {}), key)
        for target in row.links.values():
            target.linked_to = True
        self.open.append(row)
        return row

    def keep(self) -> None:
        """The current unit's work stays: its rows are written with the batch."""
        self.kept.extend(self.open)
        self.open.clear()

    def drop(self) -> None:
        """The current unit's work was rolled back: its rows with it."""
        self.open.clear()

    def pending(self, model: type[Base]) -> Iterator[dict[str, Any]]:
        """The values of the rows of ``model`` not yet written (kept, then the current
        unit's), oldest first: what the batch will write, for a look-up that must see
        it (an e-mail's thread)."""
        return (row.values for row in (*self.kept, *self.open) if row.model is model)

    def write(self, session: Session) -> None:
        """INSERT the kept rows on the session's connection, one statement per table:
        the tables in the order first added, a table whose rows others link to before
        those; each table's rows in the order added."""
        by_model: dict[type[Base], list[PendingRow]] = {}
        for row in self.kept:
            by_model.setdefault(row.model, []).append(row)
        connection = session.connection()
        for model in _linked_first(by_model):
            rows = by_model[model]
            values = [{**row.values, **{column: _id_of(target)
                                        for column, target in row.links.items()}}
                      for row in rows]
            if not any(row.linked_to for row in rows):
                connection.execute(insert(model), values)
                continue
            key = rows[0].key
            keys = [row.values.get(key) for row in rows] if key else []
            table = model.__table__
            if key and None not in keys and len(set(keys)) == len(keys):
                by_key = {found: row_id for row_id, found in connection.execute(
                    insert(model).returning(table.c.id, table.c[key]), values)}
                ids = [by_key[found] for found in keys]
            else:
                ids = list(connection.execute(
                    insert(model).returning(table.c.id, sort_by_parameter_order=True),
                    values).scalars())
            for row, row_id in zip(rows, ids, strict=True):
                row.id = int(row_id)
        self.kept.clear()


def add_event(session: Session, later: RowBatch | None, complaint_id: int, kind: str,
              actor: str, reason: str | None, data: dict[str, Any],
              at: datetime | None = None) -> None:
    """An audit event on a complaint, in the caller's transaction: added to the session
    at once, or (``later``, a batch's pending rows) written with the batch's other
    events, after the ones added before it."""
    values = dict(complaint_id=complaint_id, kind=kind, actor=actor, reason=reason,
                  data=data, at=at or utcnow())
    if later is None:
        session.add(Event(**values))
    else:
        later.add(Event, values)


def _id_of(row: PendingRow) -> int:
    if row.id is None:
        raise RuntimeError(f"a pending {row.model.__name__} row was linked to before "
                           "it was written")
    return row.id


def _linked_first(by_model: dict[type[Base], list[PendingRow]]) -> list[type[Base]]:
    """The tables in the order first added, each after the tables its rows link to."""
    order: list[type[Base]] = []

    def visit(model: type[Base], path: tuple[type[Base], ...]) -> None:
        if model in order:
            return
        if model in path:
            raise RuntimeError(f"pending rows of {model.__name__} link to each other")
        for row in by_model.get(model, []):
            for target in row.links.values():
                visit(target.model, (*path, model))
        if model in by_model:
            order.append(model)

    for model in by_model:
        visit(model, ())
    return order
