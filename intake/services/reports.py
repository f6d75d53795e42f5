"""Per-queue reports of the staff console: received, open, overdue, and the medians of
the time to the first answer and to resolution, over a chosen period; CSV export.

Computed from the complaints received in the period (in the queues the person may
see), their first outbound message and their first step to answered/closed/rejected
(from the audit trail). One read transaction; figures in hours.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from intake.db import Database
from intake.models import (
    OPEN_VALUES,
    RUNNING_VALUES,
    Complaint,
    Direction,
    Event,
    Message,
    Queue,
    Status,
    utcnow,
)
from intake.services.identity import StaffIdentity

FINISHED = (Status.ANSWERED.value, Status.CLOSED.value, Status.REJECTED.value)
CSV_FIELDS = ("queue", "name", "received", "open", "overdue", "median_first_answer_h",
              "median_resolution_h")


@dataclass(frozen=True)
class QueueReport:
    """One queue's figures for the period."""

    queue: str
    name: str
    received: int
    open: int
    overdue: int
    median_first_answer_h: float | None
    median_resolution_h: float | None


class Reports:
    """Reports over one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def per_queue(self, who: StaffIdentity, start: datetime, end: datetime,
                  now: datetime | None = None) -> list[QueueReport]:
        """Figures per queue for complaints received in ``[start, end)``."""
        moment = now or utcnow()
        scope = select(Complaint.id, Complaint.queue_code, Complaint.created_at,
                       Complaint.status, Complaint.due_at).where(
            Complaint.created_at >= start, Complaint.created_at < end)
        if not who.sees_all:
            scope = scope.where(Complaint.queue_code.in_(who.queues or ("",)))
        with self.db.reading() as session:
            rows = [_Received(r[0], r[1] or "—", r[2], r[3], r[4])
                    for r in session.execute(scope)]
            ids = [r.id for r in rows]
            first_answer: dict[int, datetime] = {}
            resolved: dict[int, datetime] = {}
            if ids:
                first_answer = {i: at for i, at in session.execute(select(
                    Message.complaint_id, func.min(Message.created_at)).where(
                    Message.direction == Direction.OUTBOUND.value,
                    Message.complaint_id.in_(ids)).group_by(Message.complaint_id))}
                resolved = {i: at for i, at in session.execute(select(
                    Event.complaint_id, func.min(Event.at)).where(
                    Event.kind == "status", Event.data["to"].as_string().in_(FINISHED),
                    Event.complaint_id.in_(ids)).group_by(Event.complaint_id))}
            names = {code: name for code, name in session.execute(
                select(Queue.code, Queue.name))}
        return _summarise(rows, first_answer, resolved, names, moment)


@dataclass(frozen=True)
class _Received:
    id: int
    queue: str
    created_at: datetime
    status: str
    due_at: datetime | None


def _summarise(rows: list[_Received], first_answer: dict[int, datetime],
               resolved: dict[int, datetime], names: dict[str, str],
               now: datetime) -> list[QueueReport]:
    by_queue: dict[str, list[_Received]] = defaultdict(list)
    for row in rows:
        by_queue[row.queue].append(row)
    out = []
    for queue, items in sorted(by_queue.items()):
        answer_h = [_hours(r.created_at, first_answer[r.id]) for r in items
                    if r.id in first_answer]
        done_h = [_hours(r.created_at, resolved[r.id]) for r in items if r.id in resolved]
        out.append(QueueReport(
            queue, names.get(queue, queue), len(items),
            sum(1 for r in items if r.status in OPEN_VALUES),
            sum(1 for r in items if r.status in RUNNING_VALUES and r.due_at is not None
                and r.due_at < now),
            _median(answer_h), _median(done_h)))
    return out


def _hours(start: datetime, end: datetime) -> float:
    return max(0.0, (end - start).total_seconds() / 3600)


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def to_csv(reports: list[QueueReport]) -> str:
    """The report as CSV (UTF-8 with a header row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_FIELDS)
    for r in reports:
        writer.writerow([_safe_cell(r.queue), _safe_cell(r.name), r.received, r.open,
                         r.overdue, "" if r.median_first_answer_h is None
                         else r.median_first_answer_h,
                         "" if r.median_resolution_h is None else r.median_resolution_h])
    return buffer.getvalue()


def _safe_cell(text: str) -> str:
    """Neutralise spreadsheet formulas (a cell starting with = + - @)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
