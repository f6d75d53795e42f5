"""Per-queue reports of the staff console: received, open, overdue, and the medians of
the time to the first answer and to resolution, over a chosen period; CSV export.

Reports show today's units: a complaint of a queue retired by an organisation change
(a merged department, a commune of before July 2025) counts under the unit its work went
to (``intake.org.successors``), so a period that spans the change counts each complaint
once, under one unit, and a member of staff of the new unit sees its predecessors' too.

Computed from the complaints received in the period (in the queues the person may
see), their first outbound message and their first step to answered/closed/rejected
(from the audit trail). One read transaction; times in working days (Vietnam's
calendar, ``intake.deadlines``: the unit the law sets deadlines in). A complaint closed
as a duplicate of another (merged) is not a resolution: it is counted apart and left
out of the resolution median. The CSV has Vietnamese headers and a UTF-8 byte-order
mark, so that Excel reads the Vietnamese right.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select

from intake.db import Database
from intake.deadlines import VIETNAM, working_days_between
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
from intake.org.successors import heirs, predecessors
from intake.services.identity import StaffIdentity
from intake.services.satisfaction import answers_of

FINISHED = (Status.ANSWERED.value, Status.CLOSED.value, Status.REJECTED.value)
CSV_HEADERS = ("Mã đơn vị", "Đơn vị", "Tiếp nhận", "Còn mở", "Quá hạn",
               "Trả lời đầu tiên (trung vị, ngày làm việc)",
               "Giải quyết (trung vị, ngày làm việc)", "Gộp do trùng lặp",
               "Được hỏi mức hài lòng", "Đã trả lời", "Tỷ lệ trả lời (%)",
               "Mức hài lòng trung bình (1–5)")
BOM = "\ufeff"


@dataclass(frozen=True)
class QueueReport:
    """One queue's figures for the period."""

    queue: str
    name: str
    received: int
    open: int
    overdue: int
    median_first_answer_days: float | None  # working days
    median_resolution_days: float | None    # working days; merges left out
    merged: int = 0                         # closed as a duplicate of another
    satisfaction_asked: int = 0             # citizens asked after resolution
    satisfaction_answered: int = 0          # of them, those who answered
    satisfaction_mean: float | None = None  # their mean score (1–5)


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
        with self.db.reading() as session:
            today = heirs(session)
            if not who.sees_all:
                mine = set(who.queues) | predecessors(today, who.queues)
                scope = scope.where(Complaint.queue_code.in_(mine or ("",)))
            rows = [_Received(r[0], today.get(r[1], r[1]) if r[1] else "—", r[2], r[3], r[4])
                    for r in session.execute(scope)]
            ids = [r.id for r in rows]
            first_answer: dict[int, datetime] = {}
            resolved: dict[int, datetime] = {}
            merged: set[int] = set()
            if ids:
                merged = set(session.scalars(select(Event.complaint_id).where(
                    Event.kind == "merged", Event.complaint_id.in_(ids))))
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
            ratings = answers_of(session, ids)
        resolved = {i: at for i, at in resolved.items() if i not in merged}
        return _with_satisfaction(
            _summarise(rows, first_answer, resolved, merged, names, moment), rows, ratings)


@dataclass(frozen=True)
class _Received:
    id: int
    queue: str
    created_at: datetime
    status: str
    due_at: datetime | None


def _summarise(rows: list[_Received], first_answer: dict[int, datetime],
               resolved: dict[int, datetime], merged: set[int], names: dict[str, str],
               now: datetime) -> list[QueueReport]:
    by_queue: dict[str, list[_Received]] = defaultdict(list)
    for row in rows:
        by_queue[row.queue].append(row)
    out = []
    for queue, items in sorted(by_queue.items()):
        answer_d = [_working_days(r.created_at, first_answer[r.id]) for r in items
                    if r.id in first_answer]
        done_d = [_working_days(r.created_at, resolved[r.id]) for r in items
                  if r.id in resolved]
        out.append(QueueReport(
            queue, names.get(queue, queue), len(items),
            sum(1 for r in items if r.status in OPEN_VALUES),
            sum(1 for r in items if r.status in RUNNING_VALUES and r.due_at is not None
                and r.due_at < now),
            _median(answer_d), _median(done_d), sum(1 for r in items if r.id in merged)))
    return out


def _working_days(start: datetime, end: datetime) -> float:
    """Working days from ``start`` to ``end`` (Vietnam): whole working days between
    the two dates, plus the part of a day within the same date (so an answer the same
    afternoon is 0.1, not 0)."""
    first, last = start.astimezone(VIETNAM), end.astimezone(VIETNAM)
    if last <= first:
        return 0.0
    if first.date() == last.date():
        return round((last - first).total_seconds() / 86400, 2)
    return float(working_days_between(first.date(), last.date()))


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def to_csv(reports: list[QueueReport]) -> str:
    """The report as CSV: a UTF-8 byte-order mark, then Vietnamese headers and rows."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADERS)
    for r in reports:
        writer.writerow([_safe_cell(r.queue), _safe_cell(r.name), r.received, r.open,
                         r.overdue, _number(r.median_first_answer_days),
                         _number(r.median_resolution_days), r.merged,
                         *_satisfaction_cells(r)])
    return buffer.getvalue()


def _number(value: float | None) -> str:
    """A median as written by Python (decimal point); empty when there is none."""
    return "" if value is None else f"{value:g}"


def _safe_cell(text: str) -> str:
    """Neutralise spreadsheet formulas (a cell starting with = + - @)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _with_satisfaction(reports: list[QueueReport], rows: list[_Received],
                       ratings: dict[int, int | None]) -> list[QueueReport]:
    """Each queue's satisfaction (issue 16): asked, answered, mean score."""
    by_queue: dict[str, list[int | None]] = defaultdict(list)
    for row in rows:
        if row.id in ratings:
            by_queue[row.queue].append(ratings[row.id])
    out = []
    for report in reports:
        asked = by_queue.get(report.queue, [])
        scores = [s for s in asked if s is not None]
        out.append(replace(report, satisfaction_asked=len(asked),
                           satisfaction_answered=len(scores),
                           satisfaction_mean=round(statistics.mean(scores), 2)
                           if scores else None))
    return out


def answered_share(report: QueueReport) -> float | None:
    """The percentage of the asked citizens who answered, or None if none was asked."""
    if not report.satisfaction_asked:
        return None
    return round(100 * report.satisfaction_answered / report.satisfaction_asked, 1)


def _satisfaction_cells(report: QueueReport) -> list[object]:
    return [report.satisfaction_asked, report.satisfaction_answered,
            _number(answered_share(report)), _number(report.satisfaction_mean)]
