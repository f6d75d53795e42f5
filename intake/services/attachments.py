"""Files and places a citizen sends with a complaint (Telegram photos, documents, locations).

Files are stored once by SHA-256 in the attachment store (``intake.storage.
attachment_store``: ``settings.attachments_dir``, ``ab/cd/<sha256>``, or with
``PAKN_RAW_STORE=db`` the database every machine shares) and recorded as ``Attachment``
rows of the complaint, with an audit event. The edge checks size and type before
calling; the service checks the complaint exists.

What a conversation sends before its complaint exists (the form is still being filled)
is *held*: the bytes go to the content store at once and a ``PendingAttachment`` row
keyed by the conversation's sender remembers them, so a restart of the front end loses
nothing. ``attach_pending`` moves every held item onto the complaint and deletes the rows
in the same transaction (exactly once); rows older than ``PENDING_KEEP`` are ignored
and purged.
"""

from __future__ import annotations

import fnmatch
import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from intake.config import Settings
from intake.db import Database
from intake.errors import ComplaintNotFound, ValidationError
from intake.mail_config import DEFAULT_ALLOWED_TYPES
from intake.models import Attachment, Complaint, Event, Message, PendingAttachment, utcnow
from intake.services.lookup import complaint_by_code
from intake.services.views import AttachedPending
from intake.storage import BlobStore, ContentStore, attachment_store
from intake.text import clean

MAX_FILENAME_CHARS = 255
MAX_CAPTION_CHARS = 1024  # Telegram's own limit for a caption
MAX_PENDING_FILES = 10
PENDING_KEEP = timedelta(hours=24)
# Files staff attach to an answer: the hotline mailbox's limits (its default per-file
# size and accepted types), at most ``REPLY_MAX_FILES`` per answer.
REPLY_MAX_FILE_BYTES = 10 * 1024 * 1024
REPLY_MAX_FILES = 5
REPLY_ALLOWED_TYPES = DEFAULT_ALLOWED_TYPES


@dataclass(frozen=True)
class AttachmentView:
    """One stored attachment of a complaint."""

    id: int
    complaint_code: str
    sha256: str
    filename: str
    content_type: str
    size: int
    caption: str | None = None  # what the citizen wrote with the file
    by_staff: bool = False  # sent by staff with an answer (the reply composer)


@dataclass(frozen=True)
class ReplyFile:
    """A file staff attach to an answer, as the console received it."""

    filename: str
    content_type: str
    data: bytes


class ReplyFileRefused(ValidationError):
    """A file the reply composer cannot send (the message says which and why)."""


FILE_LINK_SALT = "pakn-answer-file"
FILE_LINK_PATH = "/tep-tra-loi/"


def file_link(settings: Settings, code: str, attachment_id: int) -> str:
    """The signed address where a citizen without a pushed channel (the web chat)
    downloads a file staff sent with an answer; it names one attachment of one
    complaint and cannot be forged or pointed at another."""
    token = URLSafeSerializer(settings.resolved("PAKN_SECRET_KEY").encode(),
                              salt=FILE_LINK_SALT).dumps([code, attachment_id])
    return f"{settings.public_url}{FILE_LINK_PATH}{token}"


def reply_file_type(file: ReplyFile) -> str:
    """The file's type: the browser's, or guessed from its name when the browser sent
    none (``application/octet-stream``)."""
    declared = file.content_type.split(";")[0].strip().lower()
    if declared in ("", "application/octet-stream"):
        return mimetypes.guess_type(file.filename)[0] or "application/octet-stream"
    return declared


def check_reply_files(files: Sequence[ReplyFile]) -> None:
    """Refuse (``ReplyFileRefused``, Vietnamese) too many, empty, too large or
    unaccepted files: before anything is stored or sent."""
    if len(files) > REPLY_MAX_FILES:
        raise ReplyFileRefused("too many files",
                               f"Chỉ gửi kèm tối đa {REPLY_MAX_FILES} tệp mỗi lần trả lời.")
    limit_mb = REPLY_MAX_FILE_BYTES // (1024 * 1024)
    for file in files:
        name = _filename(file.filename)
        if not file.data:
            raise ReplyFileRefused("empty file", f"Tệp “{name}” đang trống.")
        if len(file.data) > REPLY_MAX_FILE_BYTES:
            raise ReplyFileRefused("file too large",
                                   f"Tệp “{name}” quá lớn (tối đa {limit_mb} MB mỗi tệp).")
        kind = reply_file_type(file)
        if not any(fnmatch.fnmatchcase(kind, p) for p in REPLY_ALLOWED_TYPES):
            raise ReplyFileRefused("type not accepted", (
                f"Không gửi kèm được tệp “{name}” (loại {kind[:80]}): chỉ nhận ảnh, PDF, "
                "văn bản, bảng tính, tệp nén ZIP, âm thanh và video MP4."))


def store_reply_files(store: BlobStore, files: Sequence[ReplyFile]) -> list[StoredFile]:
    """Write the files' raw bytes to the attachment store (before the transaction that
    records them: raw first, nothing recorded without its bytes)."""
    return [StoredFile(store.put(f.data), _filename(f.filename), reply_file_type(f),
                       len(f.data)) for f in files]


def attach_staff_files(session: Session, complaint: Complaint, stored: Sequence[StoredFile],
                       actor: str) -> list[int]:
    """Record stored files as the complaint's attachments, added by ``actor`` (a member
    of staff; the ``attachment`` event names them), in the caller's transaction; their
    ids in order (a file the complaint already has keeps its row)."""
    return [_attach(session, complaint, f.sha256, f.filename, f.content_type, f.size,
                    actor, by_staff=True).id for f in stored]


@dataclass(frozen=True)
class StoredFile:
    """A file in the content store, as an edge received it."""

    sha256: str
    filename: str
    content_type: str
    size: int


def blob_path(root: Path, sha256: str) -> Path:
    """Where the bytes with this digest live in a directory store."""
    return ContentStore(root).path_of(sha256)


class AttachmentService:
    """Attachments and locations of complaints over one database."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.store = attachment_store(settings, db)

    def read(self, found: AttachmentView) -> bytes:
        """The bytes of an attachment (blocking: off the event loop);
        ``FileNotFoundError`` when the store has none under its digest."""
        return self.store.get(found.sha256)

    def local_path(self, found: AttachmentView) -> Path | None:
        """Where the attachment's file is when the store is a local directory (served
        as a file, not read into memory); None for the database store."""
        if isinstance(self.store, ContentStore):
            return self.store.path_of(found.sha256)
        return None

    def recent_complaint_of(self, sender: str, window: timedelta) -> str | None:
        """The complaint this conversation wrote into most recently, if it did so within
        ``window``: a file sent then belongs to it (later, it waits for a new one)."""
        with self.db.reading() as session:
            row = session.execute(
                select(Complaint.code, Message.created_at)
                .join(Message, Message.complaint_id == Complaint.id)
                .where(Message.sender == sender).order_by(Message.id.desc()).limit(1)).first()
        if row is None or utcnow() - row[1] > window:
            return None
        return str(row[0])

    def add(self, code: str, data: bytes, filename: str, content_type: str, actor: str,
            caption: str | None = None
            ) -> AttachmentView:
        """Store ``data`` as an attachment of ``code``; the same bytes twice are kept once."""
        if not data:
            raise ValidationError("empty file", "Tệp gửi kèm đang trống.")
        name = _filename(filename)
        digest = self.store.put(data)
        with self.db.transaction() as session:
            complaint = complaint_by_code(session, code)
            found = _attach(session, complaint, digest, name, content_type, len(data), actor,
                            _caption(caption))
            return AttachmentView(found.id, complaint.code, found.sha256, found.filename,
                                  found.content_type, found.size, found.caption)

    def attach_stored(self, session: Session, complaint_id: int, message_id: int | None,
                      files: list[StoredFile], at: datetime) -> None:
        """Files already in the content store, recorded on a complaint (and the message
        they came with) in the caller's transaction: the mail pipeline's attachments."""
        for file in files:
            session.add(Attachment(complaint_id=complaint_id, message_id=message_id,
                                   sha256=file.sha256, filename=file.filename[:255],
                                   content_type=file.content_type[:255], size=file.size,
                                   created_at=at))

    def set_location(self, code: str, latitude: float, longitude: float, actor: str) -> str:
        """Record a map position for the complaint; the location text now stored.

        The position fills the location when the citizen gave none, and is otherwise
        added after the text they typed; the exact figures are kept in the audit event.
        """
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise ValidationError("coordinates out of range", "Vị trí không hợp lệ.")
        with self.db.transaction() as session:
            return _locate(session, complaint_by_code(session, code, for_update=True),
                           latitude, longitude, actor)

    # -- held before the complaint exists -------------------------------------------------
    def hold_file(self, sender: str, data: bytes, filename: str, content_type: str,
                  caption: str | None = None) -> bool:
        """Store ``data`` now and remember it for ``sender``'s next complaint.

        False when the conversation already holds ``MAX_PENDING_FILES`` files. The same
        bytes sent twice are held once.
        """
        if not data:
            raise ValidationError("empty file", "Tệp gửi kèm đang trống.")
        digest = self.store.put(data)
        with self.db.transaction() as session:
            cutoff = _purge_stale(session)
            held = session.scalar(select(func.count()).select_from(PendingAttachment).where(
                PendingAttachment.sender == sender, PendingAttachment.sha256.is_not(None),
                PendingAttachment.created_at >= cutoff)) or 0
            same = session.scalar(select(PendingAttachment.id).where(
                PendingAttachment.sender == sender, PendingAttachment.sha256 == digest,
                PendingAttachment.created_at >= cutoff).limit(1))
            if same is not None:  # the same file again (or a redelivered update): held once
                return True
            if held >= MAX_PENDING_FILES:
                return False
            session.add(PendingAttachment(sender=sender, sha256=digest,
                                          filename=_filename(filename),
                                          content_type=content_type, size=len(data),
                                          caption=_caption(caption), created_at=utcnow()))
            return True

    def hold_location(self, sender: str, latitude: float, longitude: float) -> None:
        """Remember the latest map position ``sender`` sent (replacing an earlier one)."""
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise ValidationError("coordinates out of range", "Vị trí không hợp lệ.")
        with self.db.transaction() as session:
            _purge_stale(session)
            session.execute(delete(PendingAttachment).where(
                PendingAttachment.sender == sender, PendingAttachment.sha256.is_(None)))
            session.add(PendingAttachment(sender=sender, latitude=latitude,
                                          longitude=longitude, created_at=utcnow()))

    def has_pending(self, sender: str) -> bool:
        """True when something (younger than ``PENDING_KEEP``) waits for ``sender``."""
        with self.db.reading() as session:
            return session.scalar(select(PendingAttachment.id).where(
                PendingAttachment.sender == sender,
                PendingAttachment.created_at >= utcnow() - PENDING_KEEP).limit(1)) is not None

    def drop_pending(self, sender: str) -> None:
        """Forget what ``sender`` holds (the citizen cancelled); the blobs stay."""
        with self.db.transaction() as session:
            session.execute(delete(PendingAttachment).where(PendingAttachment.sender == sender))

    def attach_pending(self, sender: str, code: str, actor: str) -> AttachedPending:
        """Attach everything ``sender`` holds to ``code`` and forget it, in one transaction.

        The held rows are deleted by id in the same transaction; if another worker took
        them first (fewer rows deleted than read) the transaction is rolled back and
        nothing is attached twice.
        """
        try:
            return self._attach_pending(sender, code, actor)
        except _AlreadyTaken:
            return AttachedPending(0, None)

    def _attach_pending(self, sender: str, code: str, actor: str) -> AttachedPending:
        with self.db.transaction() as session:
            return take_held(session, sender, complaint_by_code(session, code), actor)

    def linked_file(self, token: str) -> AttachmentView:
        """The staff file a signed link (``file_link``) names; ``ComplaintNotFound`` for a
        forged or altered link, or a file that is not staff's answer file."""
        try:
            code, attachment_id = URLSafeSerializer(
                self.settings.resolved("PAKN_SECRET_KEY").encode(),
                salt=FILE_LINK_SALT).loads(token[:300])
        except (BadSignature, ValueError, TypeError) as exc:
            raise ComplaintNotFound("bad file link") from exc
        with self.db.reading() as session:
            complaint = complaint_by_code(session, str(code))
            found = session.scalar(select(Attachment).where(
                Attachment.complaint_id == complaint.id, Attachment.id == int(attachment_id)))
            staff_event = session.scalar(select(Event.id).where(
                Event.complaint_id == complaint.id, Event.kind == "attachment",
                Event.actor.like("staff:%")).where(
                Event.data["attachment_id"].as_integer() == int(attachment_id)).limit(1))
            if found is None or staff_event is None:
                raise ComplaintNotFound("no such staff file")
            return AttachmentView(found.id, complaint.code, found.sha256, found.filename,
                                  found.content_type, found.size, found.caption, True)

    def list(self, code: str) -> list[AttachmentView]:
        """The attachments of a complaint, oldest first."""
        with self.db.reading() as session:
            complaint = complaint_by_code(session, code)
            rows = session.scalars(select(Attachment).where(
                Attachment.complaint_id == complaint.id).order_by(Attachment.id))
            return [AttachmentView(a.id, complaint.code, a.sha256, a.filename, a.content_type,
                                   a.size, a.caption) for a in rows]


def describe_attached(code: str, done: AttachedPending) -> str:
    """The line telling a citizen what was attached to ``code`` ('' when nothing)."""
    parts = [f"{done.files} tệp/ảnh"] if done.files else []
    if done.location is not None:
        parts.append("vị trí trên bản đồ")
    return f"Đã đính kèm {' và '.join(parts)} vào phản ánh {code}." if parts else ""


class _AlreadyTaken(Exception):
    """Another worker attached the held items first."""


def held_location(session: Session, sender: str) -> tuple[float, float] | None:
    """The latest map position ``sender`` holds (young enough), without taking it."""
    row = session.scalar(select(PendingAttachment).where(
        PendingAttachment.sender == sender, PendingAttachment.sha256.is_(None),
        PendingAttachment.created_at >= utcnow() - PENDING_KEEP)
        .order_by(PendingAttachment.id.desc()).limit(1))
    if row is None or row.latitude is None or row.longitude is None:
        return None
    return (row.latitude, row.longitude)


def take_held(session: Session, sender: str, complaint: Complaint, actor: str
              ) -> AttachedPending:
    """Move everything ``sender`` holds onto ``complaint`` inside the caller's transaction.

    The held rows are deleted by id; if another worker took them first (fewer rows
    deleted than read) ``_AlreadyTaken`` is raised so the caller rolls back. Filing a
    chat complaint calls this inside its own transaction (the files belong to the
    complaint from the moment it exists); a later file goes through ``attach_pending``.
    """
    cutoff = _purge_stale(session, sender)
    # Locked (PostgreSQL): a position or file the chat sends meanwhile waits for us,
    # instead of making the counts differ and the whole take roll back.
    rows = list(session.scalars(select(PendingAttachment).where(
        PendingAttachment.sender == sender, PendingAttachment.created_at >= cutoff)
        .order_by(PendingAttachment.id).with_for_update()))
    if not rows:
        return AttachedPending(0, None)
    taken = session.execute(delete(PendingAttachment).where(
        PendingAttachment.id.in_([r.id for r in rows])))
    if getattr(taken, "rowcount", len(rows)) != len(rows):
        raise _AlreadyTaken
    files = 0
    location: tuple[float, float] | None = None
    for row in rows:
        if row.sha256 is not None:
            _attach(session, complaint, row.sha256, row.filename or "tep-dinh-kem",
                    row.content_type or "application/octet-stream", row.size or 0, actor,
                    row.caption)
            files += 1
        elif row.latitude is not None and row.longitude is not None:
            location = (row.latitude, row.longitude)
    if location is not None:
        _locate(session, complaint, *location, actor)
    return AttachedPending(files, location)


def take_held_safely(session: Session, sender: str, complaint: Complaint, actor: str
                     ) -> AttachedPending:
    """``take_held`` in a savepoint: when another worker took the items first, nothing
    is attached and the caller's transaction (the new complaint) goes on."""
    try:
        with session.begin_nested():
            return take_held(session, sender, complaint, actor)
    except _AlreadyTaken:
        return AttachedPending(0, None)


def _filename(filename: str) -> str:
    return clean(filename)[:MAX_FILENAME_CHARS] or "tep-dinh-kem"


def _purge_stale(session: Session, sender: str | None = None) -> datetime:
    """Delete held items older than ``PENDING_KEEP`` (only ``sender``'s when given: the
    filing transaction must not touch other chats' rows); the cutoff."""
    cutoff = utcnow() - PENDING_KEEP
    stale = delete(PendingAttachment).where(PendingAttachment.created_at < cutoff)
    if sender is not None:
        stale = stale.where(PendingAttachment.sender == sender)
    session.execute(stale)
    return cutoff


def _caption(text: str | None) -> str | None:
    """A caption as stored: one clean line of at most ``MAX_CAPTION_CHARS``, or None."""
    cleaned = clean(text or "")
    return cleaned[:MAX_CAPTION_CHARS] or None


def _attach(session: Session, complaint: Complaint, digest: str, name: str,
            content_type: str, size: int, actor: str,
            caption: str | None = None, by_staff: bool = False) -> Attachment:
    """The complaint's attachment with these bytes (created, with its event, if new; a
    caption sent again with the same file fills one that was missing). ``by_staff``:
    staff sent it with an answer (the event says so and names the file)."""
    found = session.scalar(select(Attachment).where(
        Attachment.complaint_id == complaint.id, Attachment.sha256 == digest))
    if found is not None and caption and not found.caption:
        found.caption = caption
    if found is None:
        found = Attachment(complaint_id=complaint.id, sha256=digest, filename=name,
                           content_type=content_type, size=size, caption=caption)
        session.add(found)
        session.flush()
        data: dict[str, object] = {"attachment_id": found.id, "size": size,
                                   "content_type": content_type}
        if by_staff:
            data |= {"by_staff": True, "filename": name}
        session.add(Event(complaint_id=complaint.id, kind="attachment", actor=actor,
                          data=data, at=utcnow()))
    return found


def _locate(session: Session, complaint: Complaint, latitude: float, longitude: float,
            actor: str) -> str:
    position = f"GPS {latitude:.6f}, {longitude:.6f}"
    current = complaint.location_text or ""
    if position not in current:
        combined = f"{current} ({position})" if current else position
        complaint.location_text = combined[:255]
    complaint.updated_at = utcnow()
    session.add(Event(complaint_id=complaint.id, kind="location", actor=actor,
                      data={"latitude": latitude, "longitude": longitude}, at=utcnow()))
    return complaint.location_text or position


