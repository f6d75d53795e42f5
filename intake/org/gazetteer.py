"""The places routing looks for: today's communes, and the names citizens still write.

After a reorganisation (the 2025 one merged 209 communes into 99 and abolished the
districts) people keep writing "xã Tân Mộc, huyện Lục Ngạn" for years. The place index is
therefore built from the whole queue table and its history, not from the active queues
alone:

- every active commune and district, under its current name (a commune whose district
  was abolished keeps that district here, from the ``moved`` history, since people name
  it with the district they always wrote: "xã Phúc Hòa, huyện Tân Yên");
- every retired commune under its own name, pointing at the active commune its successors
  lead to (``Place.former_of`` names that commune, so the reason can say
  "xã Tân Mộc (cũ) → Xã Nam Dương");
- every earlier name of a renamed commune (``renamed`` history), with the district it
  belonged to then (``moved`` history);
- every retired district under its own name and code, so that an old commune named with
  its old district is settled as before; routing follows the district's successor.

Before any change is applied this is exactly the index of the active queues.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from intake.db import Database
from intake.models import Queue, QueueChange
from intake.org.places import Place, PlaceIndex, bare_name, type_of_name

MAX_HOPS = 10


@dataclass(frozen=True)
class UnitRow:
    """What the gazetteer needs of a district or commune queue."""

    code: str
    name: str
    kind: str
    place_type: str | None
    parent_code: str | None
    active: bool
    successor_code: str | None


@dataclass(frozen=True)
class HistoryRow:
    """One ``renamed`` or ``moved`` change of a queue."""

    code: str
    change: str
    old_value: str | None


def _current(row: UnitRow, old_parent: dict[str, str | None] | None = None) -> Place:
    parent = row.parent_code or (old_parent or {}).get(row.code)
    return Place(row.code, bare_name(row.name, row.place_type), row.place_type or "",
                 row.kind == "district", parent)


def _final(code: str, rows: dict[str, UnitRow]) -> UnitRow | None:
    """The active unit a code's successors lead to (None: a dead end or a department)."""
    current: str | None = code
    for _ in range(MAX_HOPS):
        row = rows.get(current or "")
        if row is None:
            return None
        if row.active:
            return row
        current = row.successor_code
    return None


def _former_communes(rows: dict[str, UnitRow], history: list[HistoryRow]) -> list[Place]:
    """Retired communes and earlier names of renamed ones, pointing at today's commune."""
    old_parent = {h.code: h.old_value for h in history if h.change == "moved"}
    places = []
    for row in rows.values():
        if row.kind != "commune" or row.active:
            continue
        heir = _final(row.code, rows)
        if heir is not None and heir.kind == "commune":
            places.append(Place(heir.code, bare_name(row.name, row.place_type),
                                row.place_type or "", False,
                                old_parent.get(row.code, row.parent_code),
                                former_of=_current(heir).full_name))
    for change in history:
        renamed = rows.get(change.code)
        if change.change != "renamed" or renamed is None or renamed.kind != "commune" \
                or not change.old_value:
            continue
        heir = _final(renamed.code, rows)
        if heir is None or heir.kind != "commune":
            continue
        old_type = type_of_name(change.old_value)
        places.append(Place(heir.code, bare_name(change.old_value, old_type), old_type or "",
                            False, old_parent.get(renamed.code, renamed.parent_code),
                            former_of=_current(heir).full_name))
    return places


def build_places(units: Iterable[UnitRow], history: Iterable[HistoryRow]) -> list[Place]:
    """Current places first, then former names (the index keeps the first of a name and
    code, so a former name equal to today's adds nothing)."""
    rows = {row.code: row for row in units}
    history = list(history)
    old_parent = {h.code: h.old_value for h in history if h.change == "moved"}
    current = [_current(row, old_parent) for row in rows.values() if row.active]
    retired_districts = [_current(row) for row in rows.values()
                         if row.kind == "district" and not row.active]
    return current + _former_communes(rows, history) + retired_districts


def place_index(db: Database) -> PlaceIndex:
    """The index over one database's organisation (see the module docstring)."""
    with db.reading() as session:
        units = [UnitRow(q.code, q.name, q.kind, q.place_type, q.parent_code, bool(q.active),
                         q.successor_code)
                 for q in session.scalars(select(Queue).where(
                     Queue.kind.in_(("district", "commune"))))]
        history = [HistoryRow(code, change, old) for code, change, old in session.execute(
            select(QueueChange.queue_code, QueueChange.change, QueueChange.old_value)
            .where(QueueChange.change.in_(("renamed", "moved")))
            .order_by(QueueChange.id))]
    return PlaceIndex(build_places(units, history))
