"""Organisation changes: queues renamed, merged, created and retired, with dates.

Provinces reorganise (the 2025 reform merged departments, merged provinces and removed
the district level). A changes file describes that as data::

    source: "Quyết định …"
    changes:
      - {action: rename, code: SO_TT_TT, name: "…", effective: 2025-03-01}
      - {action: create, code: SO_NN_MT, name: "Sở Nông nghiệp và Môi trường",
         kind: provincial, effective: 2025-03-01}
      - {action: merge, from: [SO_TN_MT, SO_NN_PTNT], into: SO_NN_MT, effective: 2025-03-01}
      - {action: retire, code: HUYEN_222, successor: XA_07777, effective: 2025-07-01}
      - {action: province, name: "Tỉnh Bắc Ninh", effective: 2025-07-01}

A ``province`` change renames the province itself (``intake.org.province``: the name
every greeting, acknowledgement and page title says).

Changes whose date has come are applied in file order, in one transaction: queues are
never deleted (a merged or retired queue becomes inactive with its successor), every
change is written to the queue history, and each open complaint of a retired queue moves
to the successor (the triage queue if none) with a ``transferred`` event on it.
Afterwards the routing data is checked against the new organisation (a rule naming an
unknown queue, or a retired one without successor, is an error and nothing is written).
Applying the same file twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.catalog.models import Procedure
from intake.catalog.store import to_record
from intake.db import Database
from intake.deadlines import VIETNAM
from intake.errors import OrganisationDataError
from intake.models import (
    OPEN_VALUES,
    Complaint,
    Event,
    Queue,
    QueueChange,
    QueueKind,
    StaffQueue,
    utcnow,
)
from intake.org.province import Province, record_name
from intake.org.version import bump_version
from intake.routing.checks import QueueState, check_codes

ACTIONS = ("rename", "create", "merge", "retire", "province")
ACTOR = "system:org-change"
SOURCE_PREFIX = "changes:"  # queue history written by a changes file (org load keeps it)


@dataclass(frozen=True)
class Change:
    """One change of the file."""

    action: str
    effective: date
    codes: tuple[str, ...]
    target: str | None = None
    name: str | None = None
    kind: str | None = None
    note: str | None = None
    place_type: str | None = None  # a commune's type after the change (xa, phuong …)
    set_parent: bool = False  # whether the change sets the parent (district) …
    parent: str | None = None  # … to this (None: a commune without district)
    source: str | None = None  # the document this change comes from (documentation)


@dataclass(frozen=True)
class Changes:
    """A changes file: where it comes from and its changes in order."""

    source: str
    changes: tuple[Change, ...]


@dataclass
class ChangeReport:
    """What applying did."""

    applied: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    moved: dict[str, int] = field(default_factory=dict)
    procedures: dict[str, int] = field(default_factory=dict)
    staff: dict[str, int] = field(default_factory=dict)  # memberships moved by a merge
    to_reassign: dict[str, int] = field(default_factory=dict)  # left on a retired queue
    dry_run: bool = False

    def lines(self) -> list[str]:
        """Human-readable summary, one line each."""
        out = [f"applied: {a}" for a in self.applied]
        out += [f"already applied: {s}" for s in self.skipped]
        out += [f"not yet effective: {p}" for p in self.pending]
        out += [f"moved {n} open complaint(s) from {q}" for q, n in sorted(self.moved.items())]
        out += [f"re-assigned {n} catalog procedure(s) from {q}"
                for q, n in sorted(self.procedures.items())]
        out += [f"{n} staff account(s) of {q} now also work its successor's queue"
                for q, n in sorted(self.staff.items())]
        out += [f"{n} staff account(s) of {q} keep only a retired queue: reassign them "
                "(pakn users / the administration page)"
                for q, n in sorted(self.to_reassign.items())]
        if self.dry_run:
            out.append("dry run: nothing written")
        return out or ["nothing to do"]


def _parse_change(entry: dict[str, Any], number: int) -> Change:
    action = entry.get("action")
    if action not in ACTIONS:
        raise OrganisationDataError(f"change {number}: action must be one of {ACTIONS}")
    try:
        effective = entry["effective"]
        if isinstance(effective, str):
            effective = date.fromisoformat(effective)
        if not isinstance(effective, date):
            raise TypeError("effective is not a date")
        target: str | None
        if action == "merge":
            codes = tuple(str(c) for c in entry["from"])
            target = str(entry["into"])
        elif action == "province":
            codes, target = (), None
            Province.parse(str(entry.get("name") or ""))
        else:
            codes = (str(entry["code"]),)
            target = str(entry["successor"]) if entry.get("successor") else None
    except (KeyError, TypeError, ValueError, OrganisationDataError) as exc:
        raise OrganisationDataError(f"change {number} ({action}): {exc}") from exc
    if action in ("rename", "create", "province") and not entry.get("name"):
        raise OrganisationDataError(f"change {number} ({action}): name is required")
    return Change(action, effective, codes, target, entry.get("name"), entry.get("kind"),
                  entry.get("note"), entry.get("place_type"), "parent" in entry,
                  entry.get("parent"), entry.get("source"))


def read_changes(path: Path) -> Changes:
    """Parse a changes file (``OrganisationDataError`` if malformed)."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise OrganisationDataError(f"cannot read changes file {path}: {exc}") from exc
    entries = doc.get("changes")
    if not isinstance(entries, list):
        raise OrganisationDataError(f"{path}: expected a 'changes' list")
    return Changes(str(doc.get("source") or path.name),
                   tuple(_parse_change(e, i) for i, e in enumerate(entries, start=1)))


def describe(change: Change) -> str:
    """``merge SO_KH_DT → SO_TAI_CHINH (2025-03-01)``."""
    arrow = f" → {change.target}" if change.target else ""
    name = f" '{change.name}'" if change.name else ""
    codes = f" {', '.join(change.codes)}" if change.codes else ""
    return f"{change.action}{codes}{arrow}{name} ({change.effective})"


class _Applier:
    """Applies changes inside one session, recording history and moving complaints."""

    def __init__(self, session: Session, source: str, triage: str,
                 report: ChangeReport) -> None:
        self.session = session
        self.source = source
        self.triage = triage
        self.report = report

    def queue(self, code: str) -> Queue:
        queue = self.session.get(Queue, code)
        if queue is None:
            raise OrganisationDataError(f"unknown queue {code!r} in organisation changes")
        return queue

    def history(self, code: str, change: str, old: str | None, new: str | None) -> None:
        self.session.add(QueueChange(queue_code=code, change=change, old_value=old,
                                     new_value=new, source=self.source))

    def apply(self, change: Change) -> bool:
        """Apply one change; False if it was already applied."""
        handler = {"rename": self.rename, "create": self.create, "merge": self.merge,
                   "retire": self.retire, "province": self.province}[change.action]
        return handler(change)

    def province(self, change: Change) -> bool:
        """The province's own name from the change's date (no queue moves: the queues'
        names do not carry the province's)."""
        return record_name(self.session, change.name or "", self.source, change.effective)

    def rename(self, change: Change) -> bool:
        queue = self.queue(change.codes[0])
        if queue.name == change.name or change.name is None:
            return False
        self.history(queue.code, "renamed", queue.name, change.name)
        queue.name = change.name
        self.place(queue, change)
        return True

    def place(self, queue: Queue, change: Change) -> None:
        """A commune's new type and district (a renamed "Thị trấn" that is a "Phường" now,
        a commune whose district was abolished); the district it leaves is kept in the
        history (``moved``), so its former name can still be read with that district."""
        if change.place_type:
            queue.place_type = change.place_type
        if change.set_parent and queue.parent_code != change.parent:
            if queue.parent_code is not None:
                self.history(queue.code, "moved", queue.parent_code, change.parent)
            queue.parent_code = change.parent

    def create(self, change: Change) -> bool:
        code = change.codes[0]
        if self.session.get(Queue, code) is not None:
            return False
        kind = QueueKind(change.kind or QueueKind.PROVINCIAL.value)
        queue = Queue(code=code, name=change.name or code, kind=kind.value, note=change.note,
                      active=True)
        self.place(queue, change)
        self.session.add(queue)
        self.session.flush()
        self.history(code, "created", None, change.name)
        return True

    def merge(self, change: Change) -> bool:
        target = self.queue(change.target or "")
        if not target.active:
            raise OrganisationDataError(f"merge target {target.code} is retired")
        done = False
        if change.name and target.name != change.name:
            self.history(target.code, "renamed", target.name, change.name)
            target.name, done = change.name, True
        for code in change.codes:
            done = self.retire_one(self.queue(code), target.code, change, "merged") or done
        return done

    def retire(self, change: Change) -> bool:
        successor = change.target
        if successor is not None and not self.queue(successor).active:
            raise OrganisationDataError(f"successor {successor} is retired")
        return self.retire_one(self.queue(change.codes[0]), successor, change, "retired")

    def retire_one(self, queue: Queue, successor: str | None, change: Change,
                   kind: str) -> bool:
        if not queue.active:
            return False
        queue.active = False
        queue.successor_code = successor
        queue.retired_at = datetime.combine(change.effective, datetime.min.time(), VIETNAM)
        self.history(queue.code, kind, queue.name, successor)
        self.move_open(queue, successor or self.triage, change)
        if successor is not None:
            self.reassign_procedures(queue.code, successor)
        self.follow_staff(queue.code, successor if kind == "merged" else None)
        return True

    def follow_staff(self, old: str, successor: str | None) -> None:
        """A merged body's staff join the body it merged into (they keep the old queue
        too, for its history). A retired body's work is split, so nobody is moved into
        the successor by default (for a district that is the triage desk): the report
        lists the accounts an administrator must reassign."""
        users = self.session.scalars(select(StaffQueue.user_id).where(
            StaffQueue.queue_code == old)).all()
        if not users:
            return
        if successor is None:
            self.report.to_reassign[old] = len(users)
            return
        have = set(self.session.scalars(select(StaffQueue.user_id).where(
            StaffQueue.queue_code == successor, StaffQueue.user_id.in_(users))).all())
        new = [u for u in users if u not in have]
        self.session.add_all(StaffQueue(user_id=u, queue_code=successor) for u in new)
        if new:
            self.report.staff[old] = self.report.staff.get(old, 0) + len(new)

    def reassign_procedures(self, old: str, successor: str) -> None:
        """Catalog procedures of a merged or retired body go to its successor: a new
        version of each, its content hash recomputed (a re-import of the same export,
        whose agency the importer maps to the successor too, is then "unchanged")."""
        rows = self.session.scalars(select(Procedure).where(Procedure.queue_code == old)).all()
        for row in rows:
            row.queue_code, row.version, row.updated_at = successor, row.version + 1, utcnow()
            row.content_hash = to_record(row).content_hash()
        if rows:
            self.report.procedures[old] = self.report.procedures.get(old, 0) + len(rows)

    def move_open(self, queue: Queue, target: str, change: Change) -> None:
        complaints = self.session.scalars(select(Complaint).where(
            Complaint.queue_code == queue.code, Complaint.status.in_(OPEN_VALUES))).all()
        verb = "sáp nhập vào" if change.action == "merge" else "giải thể, chuyển cho"
        reason = (f"{queue.name} ({queue.code}) {verb} {target} từ "
                  f"{change.effective:%d/%m/%Y} → chuyển phản ánh sang {target}")
        for complaint in complaints:
            complaint.queue_code = target
            complaint.updated_at = utcnow()
            self.session.add(Event(
                complaint_id=complaint.id, kind="transferred", actor=ACTOR, reason=reason,
                data={"queue": target, "previous_queue": queue.code, "change": change.action,
                      "effective": change.effective.isoformat(), "source": self.source,
                      "reasons": [reason]}, at=utcnow()))
        if complaints:
            self.report.moved[queue.code] = self.report.moved.get(queue.code, 0) + len(complaints)


def _states(session: Session) -> dict[str, QueueState]:
    rows = session.execute(select(Queue.code, Queue.active, Queue.successor_code)).all()
    return {code: QueueState(bool(active), successor) for code, active, successor in rows}


class IntakeLike(Protocol):
    """What applying changes needs of the intake service (no import of the service layer:
    the organisation is core, the service is built on it)."""

    db: Database
    triage_queue: str

    def reset_routing(self) -> None:
        """Forget cached places and router."""


def apply_changes(service: IntakeLike, changes: Changes, *, as_of: date | None = None,
                  dry_run: bool = False, source: str | None = None) -> ChangeReport:
    """Apply the changes effective by ``as_of`` (default today) in one transaction."""
    today = as_of or datetime.now(VIETNAM).date()
    report = ChangeReport(dry_run=dry_run)
    try:
        with service.db.transaction() as session:
            applier = _Applier(session, f"{SOURCE_PREFIX}{source or changes.source}",
                               service.triage_queue,
                               report)
            for change in changes.changes:
                if change.effective > today:
                    report.pending.append(describe(change))
                elif applier.apply(change):
                    report.applied.append(describe(change))
                else:
                    report.skipped.append(describe(change))
                session.flush()
            check_codes(_states(session))
            if report.applied:
                bump_version(session)  # every process's router follows (intake.org.version)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    service.reset_routing()
    return report


class _DryRun(Exception):
    """Raised to roll back a dry run's transaction."""
