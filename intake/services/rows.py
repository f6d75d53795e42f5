"""Rows a batch of work writes together: one multi-row INSERT per table before the
commit instead of one INSERT per row.

The mail pipeline files a claimed batch in one transaction, each message in its own
savepoint (``intake.mail.ingest``); the rows nothing in the batch reads back (a
complaint's kind and its "created" and "routed" events) need not be written inside
the message's savepoint. Each unit (message) adds its rows to ``open``; the caller
``keep``s them once the unit's savepoint is released, ``drop``s them when it was rolled
back, and ``write``s what was kept before the commit, still in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from intake.models import Base


@dataclass
class RowBatch:
    """Rows to INSERT together, by table, in the order they were added."""

    open: list[tuple[type[Base], dict[str, Any]]] = field(default_factory=list)
    kept: list[tuple[type[Base], dict[str, Any]]] = field(default_factory=list)

    def add(self, model: type[Base], row: dict[str, Any]) -> None:
        """A row of the current unit (every row of one table with the same columns)."""
        self.open.append((model, row))

    def keep(self) -> None:
        """The current unit's work stays: its rows are written with the batch."""
        self.kept.extend(self.open)
        self.open.clear()

    def drop(self) -> None:
        """The current unit's work was rolled back: its rows with it."""
        self.open.clear()

    def write(self, session: Session) -> None:
        """INSERT the kept rows, one statement per table (tables in the order first
        added), on the session's connection."""
        by_model: dict[type[Base], list[dict[str, Any]]] = {}
        for model, row in self.kept:
            by_model.setdefault(model, []).append(row)
        connection = session.connection()
        for model, rows in by_model.items():
            connection.execute(insert(model), rows)
        self.kept.clear()
