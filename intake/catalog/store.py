"""Writing validated records into the catalog tables, and reading them back.

``upsert`` is the unit of work of an import: one transaction per file (all of its good
records, or none when something fails underneath), upserting by code and comparing the
content hash, so a re-import of the same file reports everything unchanged and writes
nothing but the import log. With ``dry_run`` the same comparison is made and rolled
back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from intake.catalog.models import CatalogImport, Procedure, ProcedureChannel, ProcedureDocument
from intake.catalog.records import (
    ChannelRecord,
    DocumentRecord,
    ParsedFile,
    ProcedureRecord,
    Rejection,
)
from intake.models import utcnow

Progress = Callable[[int], None]


@dataclass
class ImportSummary:
    """What an import did (or would do, in a dry run) to the catalog."""

    source_file: str
    source_format: str
    dry_run: bool = False
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """Counts, codes and rejection reasons, for ``--json`` and the import log."""
        return {"file": self.source_file, "format": self.source_format,
                "dry_run": self.dry_run, "added": self.added, "updated": self.updated,
                "unchanged": len(self.unchanged),
                "rejected": [{"position": r.position, "code": r.code, "reason": r.reason}
                             for r in self.rejected]}


def upsert(session: Session, parsed: ParsedFile, *, dry_run: bool = False,
           progress: Progress | None = None) -> ImportSummary:
    """Add new codes, update changed ones, leave equal ones alone; log the run."""
    summary = ImportSummary(parsed.source_file, parsed.source_format, dry_run,
                            rejected=list(parsed.rejections))
    existing = _existing(session, (r.code for r in parsed.records))
    for record in parsed.records:
        digest = record.content_hash()
        current = existing.get(record.code)
        if current is None:
            session.add(_new_row(record, digest, parsed))
            summary.added.append(record.code)
        elif current.content_hash == digest:
            summary.unchanged.append(record.code)
        else:
            _update_row(current, record, digest, parsed)
            summary.updated.append(record.code)
        if progress is not None:
            progress(1)
    if summary.added or summary.updated or summary.rejected:
        session.add(CatalogImport(
            source_file=parsed.source_file[:255], source_format=parsed.source_format,
            added=len(summary.added), updated=len(summary.updated),
            unchanged=len(summary.unchanged), rejected=len(summary.rejected),
            details={"added": summary.added, "updated": summary.updated,
                     "rejected": summary.as_dict()["rejected"]}))
    session.flush()
    return summary


def _existing(session: Session, codes: Iterable[str]) -> dict[str, Procedure]:
    wanted = list(codes)
    found: dict[str, Procedure] = {}
    for start in range(0, len(wanted), 500):
        rows = session.scalars(select(Procedure).where(
            Procedure.code.in_(wanted[start:start + 500]))).all()
        found.update({row.code: row for row in rows})
    return found


def _new_row(record: ProcedureRecord, digest: str, parsed: ParsedFile) -> Procedure:
    row = Procedure(code=record.code, version=1)
    _update_row(row, record, digest, parsed, bump=False)
    return row


def _update_row(row: Procedure, record: ProcedureRecord, digest: str, parsed: ParsedFile,
                bump: bool = True) -> None:
    row.name = record.name
    row.field = record.field
    row.levels = list(record.levels)
    row.implementing_agency = record.implementing_agency
    row.competent_agency = record.competent_agency
    row.queue_code = record.queue_code
    row.online_level = record.online_level
    row.steps = list(record.steps)
    row.result = record.result
    row.conditions = record.conditions
    row.legal_basis = list(record.legal_basis)
    row.keywords = list(record.keywords)
    row.decision = record.decision
    row.decision_date = record.decision_date
    row.demo = record.demo
    row.source_format = parsed.source_format
    row.source_file = parsed.source_file[:255]
    row.content_hash = digest
    row.updated_at = utcnow()
    if bump:
        row.version = (row.version or 1) + 1
    row.channels = [_channel_row(i, c) for i, c in enumerate(record.channels)]
    row.documents = [_document_row(i, d) for i, d in enumerate(record.documents)]


def _channel_row(position: int, c: ChannelRecord) -> ProcedureChannel:
    return ProcedureChannel(position=position, kind=c.kind, time_limit=c.time_limit,
                            time_limit_days=c.time_limit_days, fee=c.fee, fee_vnd=c.fee_vnd,
                            note=c.note)


def _document_row(position: int, d: DocumentRecord) -> ProcedureDocument:
    return ProcedureDocument(position=position, name=d.name, originals=d.originals,
                             copies=d.copies, template=d.template)


def load_records(session: Session, code: str | None = None) -> list[ProcedureRecord]:
    """Procedures read back as records (all of them, or the one with ``code``)."""
    query = select(Procedure).options(selectinload(Procedure.channels),
                                      selectinload(Procedure.documents))
    if code is not None:
        query = query.where(Procedure.code == code)
    return [to_record(row) for row in session.scalars(query.order_by(Procedure.code))]


def to_record(row: Procedure) -> ProcedureRecord:
    """A stored procedure as the record type search and answers use."""
    return ProcedureRecord(
        code=row.code, name=row.name, field=row.field, levels=tuple(row.levels),
        implementing_agency=row.implementing_agency, queue_code=row.queue_code,
        channels=tuple(ChannelRecord(c.kind, c.time_limit, c.time_limit_days, c.fee,
                                     c.fee_vnd, c.note) for c in row.channels),
        online_level=row.online_level, competent_agency=row.competent_agency,
        documents=tuple(DocumentRecord(d.name, d.originals, d.copies, d.template)
                        for d in row.documents),
        steps=tuple(row.steps), result=row.result, conditions=row.conditions,
        legal_basis=tuple(row.legal_basis), keywords=tuple(row.keywords),
        decision=row.decision, decision_date=row.decision_date, demo=row.demo,
        extra={"version": row.version, "source_file": row.source_file,
               "source_format": row.source_format},
    )
