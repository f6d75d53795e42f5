"""Loading the organisation into the queue table: idempotent, history kept.

A queue is never deleted: a renamed queue keeps its code and gets a ``renamed`` change;
a queue missing from the new data is retired (inactive), not dropped, so old complaints
still point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.db import Database
from intake.models import Queue, QueueChange, utcnow
from intake.org.data_files import Organisation, QueueSpec
from intake.org.province import changed_by_file, record_name
from intake.org.version import bump_version


@dataclass
class LoadSummary:
    """What a load changed."""

    added: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    reactivated: list[str] = field(default_factory=list)
    # kind, district, type or note changed (no history row: the name is the same)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    province: str | None = None  # the province's name, when the load wrote it

    @property
    def changed(self) -> bool:
        """True if the load wrote anything."""
        return bool(self.added or self.renamed or self.retired or self.reactivated
                    or self.updated or self.province)


def _record(session: Session, code: str, change: str, old: str | None, new: str | None,
            source: str) -> None:
    session.add(QueueChange(queue_code=code, change=change, old_value=old, new_value=new,
                            source=source))


def _apply_spec(session: Session, spec: QueueSpec, existing: Queue | None, source: str,
                summary: LoadSummary) -> None:
    if existing is None:
        session.add(Queue(code=spec.code, name=spec.name, kind=spec.kind.value,
                          parent_code=spec.parent_code, place_type=spec.place_type,
                          note=spec.note, active=True))
        session.flush()
        _record(session, spec.code, "created", None, spec.name, source)
        summary.added.append(spec.code)
        return
    touched = False
    if existing.name != spec.name:
        _record(session, spec.code, "renamed", existing.name, spec.name, source)
        existing.name = spec.name
        summary.renamed.append(spec.code)
        touched = True
    if not existing.active:
        _record(session, spec.code, "reactivated", None, None, source)
        existing.active, existing.retired_at, existing.successor_code = True, None, None
        summary.reactivated.append(spec.code)
        touched = True
    wanted = (spec.kind.value, spec.parent_code, spec.place_type, spec.note)
    if (existing.kind, existing.parent_code, existing.place_type, existing.note) != wanted:
        existing.kind, existing.parent_code, existing.place_type, existing.note = wanted
        if not touched:
            summary.updated.append(spec.code)
        touched = True
    if not touched:
        summary.unchanged += 1


def load_organisation(db: Database, org: Organisation, source: str) -> LoadSummary:
    """Upsert every queue of ``org``; retire active queues it no longer lists. A load
    that changes anything moves the organisation's version in the same transaction
    (``intake.org.version``: every process's router follows); one that changes nothing
    leaves it, so nothing is rebuilt."""
    summary = LoadSummary()
    with db.transaction() as session:
        current = {q.code: q for q in session.scalars(select(Queue))}
        # Queues an organisation-changes file touched (intake.org.changes) keep that state.
        changed = set(session.scalars(select(QueueChange.queue_code).where(
            QueueChange.source.like("changes:%"))))
        for spec in org.queues:
            if spec.code in changed:
                summary.unchanged += 1
                continue
            _apply_spec(session, spec, current.get(spec.code), source, summary)
        wanted = {spec.code for spec in org.queues} | changed
        for code, queue in sorted(current.items()):
            if code not in wanted and queue.active:
                queue.active, queue.retired_at = False, utcnow()
                _record(session, code, "retired", queue.name, None, source)
                summary.retired.append(code)
        _load_province(session, org, source, summary)
        if summary.changed:
            bump_version(session)
    return summary


def _load_province(session: Session, org: Organisation, source: str,
                   summary: LoadSummary) -> None:
    """The organisation data's province name, unless a changes file set one since."""
    if not org.province_name or changed_by_file(session, "changes:"):
        return
    if record_name(session, org.province_name, source):
        summary.province = org.province_name
