"""Files and places a citizen sends with a complaint (Telegram photos, documents, locations).

Files are stored once by SHA-256 under ``settings.attachments_dir`` (``ab/cd/<sha256>``)
and recorded as ``Attachment`` rows of the complaint, with an audit event. The edge
checks size and type before calling; the service checks the complaint exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.codes import parse_code
from intake.config import Settings
from intake.db import Database
from intake.errors import ComplaintNotFound, ValidationError
from intake.models import Attachment, Complaint, Event, Message, utcnow
from intake.storage import ContentStore
from intake.text import clean

MAX_FILENAME_CHARS = 255


@dataclass(frozen=True)
class AttachmentView:
    """One stored attachment of a complaint."""

    id: int
    complaint_code: str
    sha256: str
    filename: str
    content_type: str
    size: int


def blob_path(root: Path, sha256: str) -> Path:
    """Where the bytes with this digest live."""
    return ContentStore(root).path_of(sha256)


def store_blob(root: Path, data: bytes) -> str:
    """Write ``data`` once (atomic rename, synced); its SHA-256."""
    return ContentStore(root).put(data)


class AttachmentService:
    """Attachments and locations of complaints over one database."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    def latest_complaint_of(self, sender: str) -> tuple[str, datetime] | None:
        """The complaint this conversation wrote into most recently, and when."""
        with self.db.reading() as session:
            row = session.execute(
                select(Complaint.code, Message.created_at)
                .join(Message, Message.complaint_id == Complaint.id)
                .where(Message.sender == sender).order_by(Message.id.desc()).limit(1)).first()
            return (str(row[0]), row[1]) if row else None

    def add(self, code: str, data: bytes, filename: str, content_type: str, actor: str
            ) -> AttachmentView:
        """Store ``data`` as an attachment of ``code``; the same bytes twice are kept once."""
        if not data:
            raise ValidationError("empty file", "Tệp gửi kèm đang trống.")
        name = clean(filename)[:MAX_FILENAME_CHARS] or "tep-dinh-kem"
        digest = store_blob(self.settings.attachments_dir, data)
        with self.db.transaction() as session:
            complaint = _complaint(session, code)
            found = session.scalar(select(Attachment).where(
                Attachment.complaint_id == complaint.id, Attachment.sha256 == digest))
            if found is None:
                found = Attachment(complaint_id=complaint.id, sha256=digest, filename=name,
                                   content_type=content_type, size=len(data))
                session.add(found)
                session.flush()
                session.add(Event(complaint_id=complaint.id, kind="attachment", actor=actor,
                                  data={"attachment_id": found.id, "size": len(data),
                                        "content_type": content_type}, at=utcnow()))
            return AttachmentView(found.id, complaint.code, found.sha256, found.filename,
                                  found.content_type, found.size)

    def set_location(self, code: str, latitude: float, longitude: float, actor: str) -> str:
        """Record a map position for the complaint; the location text now stored.

        The position fills the location when the citizen gave none, and is otherwise
        added after the text they typed; the exact figures are kept in the audit event.
        """
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise ValidationError("coordinates out of range", "Vị trí không hợp lệ.")
        position = f"GPS {latitude:.6f}, {longitude:.6f}"
        with self.db.transaction() as session:
            complaint = _complaint(session, code)
            current = complaint.location_text or ""
            if position not in current:
                combined = f"{current} ({position})" if current else position
                complaint.location_text = combined[:255]
            complaint.updated_at = utcnow()
            session.add(Event(complaint_id=complaint.id, kind="location", actor=actor,
                              data={"latitude": latitude, "longitude": longitude}, at=utcnow()))
            return complaint.location_text or position

    def list(self, code: str) -> list[AttachmentView]:
        """The attachments of a complaint, oldest first."""
        with self.db.reading() as session:
            complaint = _complaint(session, code)
            rows = session.scalars(select(Attachment).where(
                Attachment.complaint_id == complaint.id).order_by(Attachment.id))
            return [AttachmentView(a.id, complaint.code, a.sha256, a.filename, a.content_type,
                                   a.size) for a in rows]


def _complaint(session: Session, code: str) -> Complaint:
    complaint = session.scalar(select(Complaint).where(Complaint.code == parse_code(code)))
    if complaint is None:
        raise ComplaintNotFound("no complaint with that code")
    return complaint
