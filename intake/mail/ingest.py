"""The intake pipeline of one raw message: store raw → parse → classify → file → commit.

Idempotent: a message is recognised by its bytes (SHA-256) and by its Message-ID (else
the hash of its content without the trace headers servers add on delivery), so a
message fetched twice — the worker killed between fetch and commit, a copy delivered to
two of our addresses — is taken once. The complaint is filed through
``IntakeService`` (idempotent on the Message-ID); the ingest record, the attachments and
the acknowledgement are then written in one transaction, so after a crash in between
the next attempt completes the work instead of repeating it. The mail worker files a
claimed batch in one transaction (``ingest_batch``): one commit per batch, the messages
written without a savepoint each; when one fails, the batch is written again with a
savepoint per message, so that message alone is rolled back.

Failures are split the way ``intake.errors`` splits them: the sender's mistake (an empty
message) is recorded and answered politely; a message the code cannot process is
quarantined with its error (``pakn mail quarantine list|retry``); a system error (the
database or the disk is unavailable) propagates, so the caller leaves the message in the
mailbox and tries again later.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.exc import DataError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from intake.clock import utcnow
from intake.contacts import Contact
from intake.db import hold_sqlite_write_lock, is_lock_conflict
from intake.deadlines import due_at
from intake.delivery.outbox import fail_bounced, sent_by_us, thread_code
from intake.enums import Channel
from intake.errors import IntakeError, SenderError, ValidationError
from intake.mail.ack import AckContext, AckTally, Purpose, queue_ack
from intake.mail.auth import Verdict
from intake.mail.classify import Classification, Kind, Ours, classify, delivery_report
from intake.mail.config import MailSettings
from intake.mail.forward import letter_block
from intake.mail.models import AckOutcome, IngestStatus, MailIngest
from intake.mail.parse import PARSE_ERRORS, Limits, ParsedAttachment, ParsedMail, parse_message
from intake.org.province import Province
from intake.routing.types import RoutingDecision
from intake.rows import RowBatch
from intake.services.attachments import AttachmentService, StoredFile
from intake.services.complaints import MAX_TEXT_CHARS, IntakeService, NewComplaint
from intake.services.views import ComplaintView
from intake.storage import ATTACHMENTS, RAW, BlobStore, flush_to_disk, open_store, sha256_hex

log = logging.getLogger(__name__)

SIGNATURE_CHARS = 1000
ACTOR = "system:mail"
SYSTEM_ERRORS = (OperationalError, InterfaceError, OSError)
# What a message (not the system) can make the pipeline raise: quarantined, not retried.
MESSAGE_ERRORS = (*PARSE_ERRORS, IntakeError, RuntimeError, ArithmeticError, AssertionError)
# In a batch, what the database refuses of one message's values (a NUL character, a value
# out of range on PostgreSQL) is that message's error: it is quarantined, the rest kept.
BATCH_MESSAGE_ERRORS = (*MESSAGE_ERRORS, DataError)


def _conflict(exc: BaseException) -> bool:
    """A unique index refused the row, or another transaction's locks did
    (``is_lock_conflict``: two batches in flight wait for each other, copies of one
    message in two batches, on one unique index); the message is rolled back to its
    savepoint (which frees its locks) and taken alone after the commit."""
    return isinstance(exc, IntegrityError) or is_lock_conflict(exc)


ERROR_TEXT_LIMIT = 2000
# The ingest record's INSERT, built once (building it and its cache key for every message
# cost about as much as running it)
INSERT_INGEST = insert(MailIngest).returning(MailIngest.id)
# A unique index refused the transaction (another process took the same message, a
# tracking code drawn twice): it runs again, with the look-ups, this many times in all.
COMMIT_ATTEMPTS = 3
COVER_LINE_CHARS = 80  # a letter sent as a file comes with at most one short line
# The event naming the files that hold a letter sent as a file (read by the console).
SCANNED_EVENT = "letter_in_files"
SCAN_TYPES = ("application/pdf", "image/")
# Header fields that servers add on delivery: two copies of one message differ in them.
_TRACE = re.compile(
    rb"^(received|return-path|delivered-to|x-original-to|envelope-to|x-envelope-to|"
    rb"authentication-results|received-spf|arc-[a-z-]+|x-received|x-spam[a-z-]*|"
    rb"x-virus[a-z-]*|x-ms-exchange-[a-z-]+|x-forefront-[a-z-]+|dkim-filter)\s*:",
    re.IGNORECASE)
_FOLDED = re.compile(rb"\n(?![ \t])")
# A message parsed by ``warm_up``: HTML only, with a quoted part and a signature, so its
# parse loads what the first such message would otherwise load (this thread's HTML
# parser, the charset decoders) and goes through the quote selectors.
WARM_UP_MAIL = (
    b"From: warm-up@example.invalid\r\nTo: warm-up@example.invalid\r\n"
    b"Subject: =?utf-8?B?S2jhu59pIMSR4buZbmc=?=\r\nMessage-ID: <warm-up@example.invalid>\r\n"
    b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
    b"<html><head><style>p{}</style></head><body><div dir=3D\"ltr\"><p>Kh=E1=BB=9Fi"
    b" =C4=91=E1=BB=99ng<br>x</p><div class=3D\"gmail_quote\"><blockquote>y</blockquote>"
    b"</div><div class=3D\"gmail_signature\">z</div></div></body></html>\r\n")


class NotQuarantined(SenderError):
    """``retry`` was asked for an ingest record that is not quarantined."""

    message_vi = "Thư này không nằm trong khu cách ly."


def signature_of(mail: ParsedMail) -> str | None:
    """What follows the complaint text in the mail (signature, address), for routing's
    place hint; the quoted history of an older message is not included."""
    full, text = mail.full_text, mail.text
    if mail.forward_start >= 0:
        full = full[:mail.forward_start]
    if not full or not text or not full.startswith(text[:40]):
        return None
    rest = full[len(text):]
    quoted = rest.find("\n>")
    rest = rest[:quoted] if quoted >= 0 else rest
    return rest.strip()[:SIGNATURE_CHARS] or None


@dataclass(frozen=True)
class IngestResult:
    """What became of one raw message."""

    ingest_id: int
    status: IngestStatus
    kind: str | None
    code: str | None
    new: bool = True


@dataclass
class _Pending:
    """One message of a batch between its preparation (outside the transaction: stored,
    parsed, looked up, classified, routed) and its savepoint in the batch's transaction."""

    raw: bytes
    digest: str
    source: str
    mail: ParsedMail | None = None
    key: str | None = None
    error: BaseException | None = None  # the message's own error: quarantined
    seen: IngestResult | None = None    # these exact bytes were taken before
    first: IngestResult | None = None   # another message with this key was taken
    found: Classification | None = None
    stored: list[tuple[ParsedAttachment, str]] = field(default_factory=list)
    decision: RoutingDecision | None = None


@dataclass
class _Shared:
    """What a batch's transaction reads once for all its messages: the province named by
    the acknowledgements and the acknowledgement limits' counts (``AckTally``); and the
    rows its messages wrote that nothing in the batch reads back, written together
    before the commit (``rows``: the complaints' kinds, every event of a message, the
    acknowledgements and their threads; None: each written with its message)."""

    tally: AckTally
    province: Province | None = None
    rows: RowBatch | None = None


class _TogetherRefused(Exception):
    """The first pass over a batch was refused: a message written without a savepoint of
    its own failed (its own error, a value or a unique index the database refused, a
    lock conflict), or the database refused the rows of the batch written together (a
    value or a unique index of one message's e-mail, kind or event). The batch is
    written again, each message's rows in its own savepoint, so the refusal falls on
    that message alone."""


@dataclass
class _Outcome:
    """What the filing step decided, written to the database in one transaction."""

    status: IngestStatus
    kind: Kind
    reason: str
    view: ComplaintView | None = None
    related_code: str | None = None
    purpose: Purpose | None = None
    problem_vi: str | None = None
    message_external_id: str | None = None
    message_id: int | None = None  # the message's row, when known (its attachments')


def _unit_kept(shared: _Shared, kept: bool) -> None:
    """A message's savepoint was released (``kept``) or rolled back: its rows written
    together at the batch's end stay with the batch, or go."""
    if shared.rows is not None:
        if kept:
            shared.rows.keep()
        else:
            shared.rows.drop()


def content_digest(raw: bytes) -> str:
    """SHA-256 of a message without its trace header fields (Received, Delivered-To …):
    the same for the copies of one message delivered to two of our addresses."""
    head, _, body = raw.replace(b"\r\n", b"\n").partition(b"\n\n")
    kept = [field for field in _FOLDED.split(head) if not _TRACE.match(field)]
    return sha256_hex(b"\n".join(kept) + b"\n\n" + body)


def dedup_key(mail: ParsedMail | None, digest: str, raw: bytes | None = None) -> str:
    """``mid:<Message-ID>`` (hashed when long), else ``content:<hash of the message
    without trace headers>`` (``sha256:<hash of the bytes>`` without ``raw``)."""
    if mail is not None and mail.message_id:
        key = "mid:" + mail.message_id
        return key if len(key) <= 255 else "mid-sha256:" + sha256_hex(mail.message_id.encode())
    if raw is not None:
        return "content:" + content_digest(raw)
    return "sha256:" + digest


def scanned_files(mail: ParsedMail) -> tuple[str, ...]:
    """The PDF and image files of a letter sent as a file (a scan, a photo of the
    letter): no forwarded letter and no more than one short line of text besides."""
    if mail.forwarded or "\n" in mail.text.strip() or len(mail.text) > COVER_LINE_CHARS:
        return ()
    return tuple(a.filename for a in mail.attachments
                 if a.refused is None and a.content_type.startswith(SCAN_TYPES))


def encrypted_note(mail: ParsedMail) -> str:
    """What the complaint says of an encrypted (S/MIME enveloped) letter: it could not be
    read and is kept as a file."""
    return ("Thư được mã hoá (S/MIME), không đọc được nội dung; thư gốc được lưu nguyên "
            "vẹn trong tệp đính kèm: " + ", ".join(mail.encrypted) + ". Đã đề nghị người "
            "gửi gửi lại thư không mã hoá.")


def _composed(mail: ParsedMail) -> str:
    if mail.encrypted:
        parts = [encrypted_note(mail), f"Tiêu đề thư: {mail.subject}" if mail.subject else ""]
        return "\n".join(p for p in parts if p)
    scanned = scanned_files(mail)
    if scanned:
        parts = ["Nội dung phản ánh nằm trong tệp đính kèm (xem tệp trước): "
                 + ", ".join(scanned) + ".",
                 f"Tiêu đề thư: {mail.subject}" if mail.subject else "",
                 f"Lời nhắn kèm theo: {mail.text}" if mail.text else ""]
        return "\n".join(p for p in parts if p)
    cover = mail.text or ("" if mail.forwarded else mail.full_text)
    parts = [cover, *(letter_block(letter) for letter in mail.forwarded)]
    return "\n\n".join(p for p in parts if p) or mail.subject


def complaint_text(mail: ParsedMail) -> str:
    """The complaint's text: the new part of the body and the letters it forwards (the
    substance); for a letter sent as a file, a note naming the file; else the subject."""
    text = _composed(mail)
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS - 40].rstrip() + "\n[… phần còn lại trong thư gốc]"
    return text


class MailIngestor:
    """Runs the pipeline for raw messages, from a mailbox or from files."""

    def __init__(self, service: IntakeService, settings: MailSettings) -> None:
        self.service = service
        self.db = service.db
        self.settings = settings
        # Written without a flush per file: ``make_durable`` flushes a whole chunk at once.
        # With ``PAKN_RAW_STORE=db`` both go to the database, committed before the
        # ingest's transaction records them (raw first), so any machine reads them.
        self.raw: BlobStore = open_store(settings.raw_store, settings.raw_dir, ".eml",
                                         service.db, RAW)
        self.files: BlobStore = open_store(settings.raw_store, settings.attachments_dir, "",
                                           service.db, ATTACHMENTS)
        self.attachments = AttachmentService(service.db, service.settings)
        self.limits = Limits(settings.max_attachment_bytes, settings.max_attachments,
                             settings.allowed_types)
        self.ours = Ours(settings.from_address, settings.mail_domain,
                         settings.our_addresses, settings.authserv_ids)

    # -- entry points -----------------------------------------------------------------
    def ingest(self, raw: bytes, source: str) -> IngestResult:
        """Take one raw message (stored first); a message seen before is not taken again."""
        digest = self.raw.put(raw)
        return self._run(raw, digest, source[:255], row_id=None)

    def ingest_batch(self, items: Sequence[tuple[bytes, str] | tuple[bytes, str, str]]
                     ) -> list[IngestResult]:
        """Take a batch of raw messages (``(raw, source)``, each stored first) in ONE
        transaction; the results in the order given.
        ``(raw, source, sha256)``: the caller read these bytes back from the raw store
        under ``sha256`` and checked them (the mail worker's claims): kept already, so
        neither hashed nor stored again.

        Outside the transaction, for every message: raw bytes and attachments stored,
        parsed, one dedup look-up for the whole batch, classified and routed (CPU work: on
        SQLite the write lock is then held only while rows are written). Inside it, the
        province and the acknowledgement counts are read once (``AckTally``), the queues
        come from the session's identity map, and the messages are written one after the
        other without a savepoint each (two statements fewer per message). Should one of
        them fail, the transaction is rolled back and the batch written again, each
        message in its own savepoint: one that fails (its own error, a value the database
        refuses) is rolled back to its savepoint and quarantined, the others kept; one
        refused by a unique
        index or a deadlock (a copy another process took meanwhile, a code drawn twice) is
        taken again alone after the commit (``_run``, with the look-ups), and quarantined if
        it is refused every time. Two messages of the batch with one dedup key: the second
        is recorded as the first's duplicate. A system error (the database or the disk gone)
        rolls the whole batch back and propagates: nothing of it was committed, so the
        caller leaves every message queued and in the mailbox, and all are taken once later.
        Nothing is acknowledged before the commit: the acknowledgements are outbox rows of
        the same transaction, and the caller moves the mail only after it returns. They,
        the complaints' kinds and every event of a message wait in the batch's
        ``RowBatch`` and are written together, one multi-row INSERT per table before the
        commit, in the order they happened (the senders' counts of the day read in one
        grouped query); should the database refuse that, the batch is written again with
        each message's rows in its savepoint, so the refusal falls on that message
        alone."""
        pending = [self._prepare(item[0], item[1][:255], item[2] if len(item) > 2 else None)
                   for item in items]
        self._look_up(pending)
        with self.service.routing_held():  # the organisation's version: once a batch
            for item in pending:
                self._classify(item)
        try:
            results, again = self._write_batch(pending, together=True)
        except _TogetherRefused as exc:
            log.warning("mail ingest: the batch written together was refused (%s); it is "
                        "written again, each message in its own savepoint",
                        type(exc.__cause__).__name__)
            results, again = self._write_batch(pending, together=False)
        for index in again:  # after the commit: each on its own, with the look-ups
            item = pending[index]
            log.info("mail ingest: a unique index refused a message of the batch; again")
            try:
                results[index] = self._run(item.raw, item.digest, item.source, row_id=None)
            except IntegrityError as exc:  # refused every time: this message's problem
                results[index] = self._quarantine(item.raw, item.digest, item.source,
                                                  item.mail, exc, None)
        return [r for r in results if r is not None]

    def _write_batch(self, pending: list[_Pending], together: bool
                     ) -> tuple[list[IngestResult | None], list[int]]:
        """``ingest_batch``'s transaction: (the results so far, in order; the indexes of
        the messages to take alone after the commit). ``together`` (the first pass):
        the messages are written without a savepoint each, and the rows nothing in the
        batch reads back in one INSERT per table before the commit (``RowBatch``);
        should anything of it be refused, ``_TogetherRefused`` is raised after the
        rollback. Otherwise (the second pass) each message is written in its own
        savepoint, and its rows with it."""
        results: list[IngestResult | None] = [None] * len(pending)
        again: list[int] = []
        with self.db.transaction() as session:
            # SQLite: a batch that read first and wrote later would fail at once if
            # another process wrote in between, and savepoints need the transaction begun
            hold_sqlite_write_lock(session)
            # the complaints replied to, locked in one order before any is filed: a merge
            # of two of them (which locks them in the same order) waits, no deadlock
            self.service.lock_in_code_order(session, _replied_codes(pending))
            shared = _Shared(AckTally(utcnow()), rows=RowBatch() if together else None)
            shared.tally.read_senders(session, {
                item.mail.sender for item in pending
                if item.mail is not None and item.mail.sender and item.found is not None
                and not item.found.kind.automatic})
            by_digest: dict[str, IngestResult] = {}
            by_key: dict[str, IngestResult] = {}
            for index, item in enumerate(pending):
                seen = item.seen or by_digest.get(item.digest)
                if seen is not None:  # these exact bytes were taken (earlier, or above)
                    results[index] = IngestResult(seen.ingest_id, seen.status, seen.kind,
                                                  seen.code, new=False)
                    continue
                if together:
                    result, acked = self._write_unguarded(session, item, shared, by_key)
                else:
                    written = self._write_in_savepoint(session, item, shared, by_key)
                    if written is None:
                        again.append(index)
                        continue
                    result, acked = written
                if acked is not None:
                    shared.tally.note(acked)
                results[index] = by_digest[item.digest] = result
                if item.key and result.status is not IngestStatus.QUARANTINED:
                    by_key.setdefault(item.key, result)
            if shared.rows is not None:
                try:
                    shared.rows.write(session)
                except (IntegrityError, DataError, OperationalError) as exc:
                    if isinstance(exc, OperationalError) and not _conflict(exc):
                        raise  # the database is unavailable: the whole batch waits
                    raise _TogetherRefused() from exc
        return results, again

    def _write_unguarded(self, session: Session, item: _Pending, shared: _Shared,
                         by_key: dict[str, IngestResult]) -> tuple[IngestResult, str | None]:
        """One message's rows in the first pass over a batch, without a savepoint of its
        own (a SAVEPOINT and a RELEASE were two of the five statements a new complaint
        cost, and the savepoint's bookkeeping as much again): whatever refuses the
        message while it is written (its own error, a value or a unique index the
        database refuses, a lock conflict) refuses the pass (``_TogetherRefused``: the
        batch is rolled back whole and written again, each message in its savepoint). A
        message whose error was known before the transaction (it could not be parsed or
        classified) is quarantined at once, in a savepoint, as the second pass does."""
        plan = _plan(item, by_key)
        if isinstance(plan, BaseException):
            return self._quarantine_in(session, item, plan), None
        try:
            written = self._write_planned(session, item, plan, shared)
        except (IntegrityError, OperationalError) as exc:
            if not _conflict(exc):
                raise  # the database is unavailable: the whole batch waits
            raise _TogetherRefused() from exc
        except BATCH_MESSAGE_ERRORS as exc:
            raise _TogetherRefused() from exc
        _unit_kept(shared, True)
        return written

    def _write_in_savepoint(self, session: Session, item: _Pending, shared: _Shared,
                            by_key: dict[str, IngestResult]
                            ) -> tuple[IngestResult, str | None] | None:
        """One message's rows in the second pass over a batch, in its own savepoint: one
        that fails for its own reasons (its error, a value the database refuses) is rolled
        back to it and quarantined; None when a unique index or a lock conflict refused it
        (taken again alone after the commit)."""
        try:
            with session.begin_nested():
                written = self._write_pending(session, item, shared, by_key)
            _unit_kept(shared, True)
            return written
        except (IntegrityError, OperationalError) as exc:
            _unit_kept(shared, False)
            if not _conflict(exc):
                raise  # the database is unavailable: the whole batch waits
            return None
        except BATCH_MESSAGE_ERRORS as exc:
            _unit_kept(shared, False)
            return self._quarantine_in(session, item, exc), None

    def _quarantine_in(self, session: Session, item: _Pending,
                       exc: BaseException) -> IngestResult:
        """Quarantine a message of the batch in its own savepoint; when the database
        refuses even the record's header fields (the value that failed may be in
        them), without them."""
        try:
            with session.begin_nested():
                return self._write_quarantine(session, item.raw, item.digest, item.source,
                                              item.mail, exc, None)
        except DataError:
            with session.begin_nested():
                return self._write_quarantine(session, item.raw, item.digest, item.source,
                                              None, exc, None)

    def _prepare(self, raw: bytes, source: str, stored: str | None = None) -> _Pending:
        """Stored (raw bytes first; ``stored``: the digest they are stored under already),
        then parsed; a message that cannot be parsed keeps its error, for the
        quarantine."""
        item = _Pending(raw, stored if stored is not None else self.raw.put(raw), source)
        try:
            item.mail = parse_message(raw, self.limits)
            item.key = dedup_key(item.mail, item.digest, raw)
        except MESSAGE_ERRORS as exc:
            item.error = exc
        return item

    def _look_up(self, pending: list[_Pending]) -> None:
        """The batch's dedup look-up: one query for every message's bytes and key."""
        digests = {item.digest for item in pending}
        keys = {item.key for item in pending if item.key}
        with self.db.reading() as session:
            rows = session.scalars(select(MailIngest).where(or_(
                MailIngest.sha256.in_(digests),
                MailIngest.dedup_key.in_(keys)))).all() if digests else []
            found_digest: dict[str, IngestResult] = {}
            found_key: dict[str, IngestResult] = {}
            for row in sorted(rows, key=lambda r: r.id):
                found_digest.setdefault(row.sha256, _result(row))
                if row.dedup_key:
                    found_key.setdefault(row.dedup_key, _result(row))
        for item in pending:
            item.seen = found_digest.get(item.digest)
            item.first = found_key.get(item.key) if item.key else None

    def _classify(self, item: _Pending) -> None:
        """Classified, its attachments stored and, for a new complaint, routed: all before
        the batch's transaction."""
        if item.seen is not None or item.first is not None or item.mail is None:
            return
        try:
            item.found = found = classify(item.mail, self.ours, self._thread_code,
                                          self._complaint_owner, self._sent_by_us)
            if found.kind.automatic:
                return
            item.stored = self._store_attachments(item.mail)
            if found.kind is not Kind.REPLY and item.key:
                item.decision = self.service.routing_decision(
                    _new_complaint(item.mail, item.key))
        except MESSAGE_ERRORS as exc:
            item.error = exc

    def _write_pending(self, session: Session, item: _Pending, shared: _Shared,
                       by_key: dict[str, IngestResult]) -> tuple[IngestResult, str | None]:
        """One message's rows in the batch's transaction (inside its savepoint); a
        message that cannot be written raises its error (``_plan``)."""
        plan = _plan(item, by_key)
        if isinstance(plan, BaseException):
            raise plan
        return self._write_planned(session, item, plan, shared)

    def _write_planned(self, session: Session, item: _Pending,
                       plan: _AsDuplicate | _AsFiled, shared: _Shared
                       ) -> tuple[IngestResult, str | None]:
        """One message's rows as ``plan`` says: its duplicate record, or its filing."""
        if isinstance(plan, _AsDuplicate):
            return self._write_duplicate(session, item.raw, item.digest, item.source,
                                         plan.mail, plan.first, None), None
        return self._write(session, item.raw, item.digest, item.source, plan.mail,
                           plan.key, plan.found, None, True, item.stored, shared,
                           item.decision)

    def retry(self, ingest_id: int) -> IngestResult:
        """Process a quarantined message again from its stored raw bytes."""
        with self.db.reading() as session:
            row = session.get(MailIngest, ingest_id)
            if row is None or row.status != IngestStatus.QUARANTINED:
                raise NotQuarantined(f"ingest {ingest_id} is not quarantined")
            digest, source = row.sha256, row.source
        raw = self.raw.get(digest)
        try:
            return self._run(raw, digest, source, row_id=ingest_id)
        except IntegrityError as exc:  # refused every time: it stays in quarantine, says why
            return self._quarantine(raw, digest, source, None, exc, ingest_id)

    def warm_up(self) -> None:
        """Load what the first messages after a start would otherwise wait for: routing
        (organisation, catalog index, classifier), the HTML parser (libxml2's, made for
        this thread on first use) and the mail decoders, and this year's public holidays
        for the due dates (the ``holidays`` library loads Vietnam's calendar, some 280
        modules, on first use: about 0.1 s). An ingest process pays this once, before its
        first claim instead of inside it. It never raises (routing:
        ``IntakeService.warm_up_routing``): what cannot load now loads with the first
        message, and a worker or an ingest process that did not start would take no mail
        at all."""
        self.service.warm_up_routing()
        try:
            parse_message(WARM_UP_MAIL, self.limits)
            due_at(utcnow(), self.service.settings.complaint_due_working_days)
        except Exception as exc:  # a constant mail: only a bug fails here
            log.error("mail ingest: the parser or the holidays not loaded ahead (%s); the "
                      "first message will load them", type(exc).__name__, exc_info=True)

    def make_durable(self) -> None:
        """Put what was taken so far (raw mail, attachments, the SQLite log) on disk:
        called before a message leaves the inbox (``PAKN_MAIL_FSYNC=0`` skips it, for
        tests only)."""
        if self.settings.fsync:
            database = self.db.local_file
            local = ((self.settings.raw_dir, self.settings.attachments_dir)
                     if self.settings.raw_store == "dir" else ())  # db: committed already
            paths = (*local, *([database.parent] if database else []))
            if paths:
                flush_to_disk(*paths)

    # -- the pipeline -----------------------------------------------------------------
    def _run(self, raw: bytes, digest: str, source: str, row_id: int | None) -> IngestResult:
        """The pipeline; run again when a unique index refused its transaction (then the
        dedup look-up finds what another process committed, or a new code is drawn),
        the second time with the service's own idempotency look-ups as well. A retry's
        own row, still quarantined, is no record that another process took the message."""
        for attempt in range(1, COMMIT_ATTEMPTS + 1):
            try:
                return self._run_once(raw, digest, source, row_id, checked=attempt == 1)
            except IntegrityError:
                seen = self._seen(digest=digest)
                if seen is not None and not _still_to_retry(seen, row_id):
                    return seen
                if attempt == COMMIT_ATTEMPTS:
                    raise
                log.info("mail ingest: a unique index refused the transaction; again")
        raise AssertionError("unreachable")

    def _run_once(self, raw: bytes, digest: str, source: str, row_id: int | None,
                  checked: bool) -> IngestResult:
        mail: ParsedMail | None = None
        try:
            try:
                mail = parse_message(raw, self.limits)
            except MESSAGE_ERRORS:
                if row_id is None and (seen := self._seen(digest, None)) is not None:
                    return seen
                raise
            key = dedup_key(mail, digest, raw)
            same_bytes, first = self._lookup(digest, key)
            if row_id is None and same_bytes is not None:
                return same_bytes
            if first is not None and first.ingest_id != row_id:
                return self._record_duplicate(raw, digest, source, mail, first, row_id)
            found = classify(mail, self.ours, self._thread_code, self._complaint_owner,
                             self._sent_by_us)
            return self._commit(raw, digest, source, mail, key, found, row_id, checked)
        except (IntegrityError, *SYSTEM_ERRORS):
            raise
        except MESSAGE_ERRORS as exc:
            return self._quarantine(raw, digest, source, mail, exc, row_id)

    def _file(self, session: Session, mail: ParsedMail, key: str,
              found: Classification, checked: bool,
              decision: RoutingDecision | None = None,
              later: RowBatch | None = None) -> _Outcome:
        """File the complaint or the reply inside the ingest's transaction; ``checked``:
        ``_lookup`` found no record of ``key``, so the service need not look again."""
        if found.kind.automatic:
            return _Outcome(IngestStatus.RECORDED, found.kind, found.reason,
                            related_code=found.code)
        if found.kind is Kind.REPLY:
            return self._file_reply(session, mail, key, found, later)
        return self._file_complaint(session, mail, key, found, checked, decision, later)

    def _file_complaint(self, session: Session, mail: ParsedMail, key: str,
                        found: Classification, checked: bool,
                        decision: RoutingDecision | None = None,
                        later: RowBatch | None = None) -> _Outcome:
        try:
            view = self.service.create_complaint(_new_complaint(mail, key), actor=ACTOR,
                                                 session=session, unseen=checked,
                                                 decision=decision, later=later)
        except ValidationError as exc:
            return _Outcome(IngestStatus.REJECTED, found.kind, str(exc),
                            purpose=Purpose.REJECTED if mail.sender else None,
                            problem_vi=exc.message_vi)
        scanned = scanned_files(mail)
        if scanned:  # the console shows these files first (see ``SCANNED_EVENT``)
            assert view.record_id is not None
            self.service.record_event(
                session, view.record_id, SCANNED_EVENT, ACTOR,
                "Thư gửi dưới dạng tệp (bản quét, ảnh chụp): xem tệp trước",
                {"files": list(scanned)}, later=later)
        purpose = Purpose.ACK if mail.sender else None
        related = found.code if found.kind is Kind.LINKED else None
        return _Outcome(IngestStatus.INGESTED, found.kind, found.reason, view=view,
                        related_code=related, purpose=purpose, message_external_id=key,
                        message_id=view.message_record_id)

    def _file_reply(self, session: Session, mail: ParsedMail, key: str,
                    found: Classification, later: RowBatch | None = None) -> _Outcome:
        assert found.code is not None
        text = encrypted_note(mail) if mail.encrypted else mail.text
        if not text and any(a.refused is None for a in mail.attachments):
            text = "(Bổ sung tệp đính kèm)"
        if not text:
            return _Outcome(IngestStatus.RECORDED, found.kind, "empty reply",
                            related_code=found.code)
        message = self.service.add_citizen_info(
            found.code, complaint_text(mail) if mail.text else text, Channel.EMAIL,
            mail.sender or "", external_id=key, owner_only=False, actor=ACTOR,
            session=session, later=later)
        view = self.service.get(found.code, session=session)
        return _Outcome(IngestStatus.INGESTED, found.kind, found.reason, view=view,
                        purpose=Purpose.ACK_REPLY, message_external_id=key,
                        message_id=message.id)

    # -- the transaction ----------------------------------------------------------------
    def _commit(self, raw: bytes, digest: str, source: str, mail: ParsedMail, key: str,
                found: Classification, row_id: int | None, checked: bool) -> IngestResult:
        """Complaint or reply, ingest record, attachments, events and acknowledgement:
        one transaction, so a crash anywhere leaves nothing half-filed. The ingest
        record is written once, complete (the acknowledgement's outcome included), after
        the complaint and the acknowledgement: one INSERT, no UPDATE after it. The
        province is read in the same transaction, and only for an acknowledgement: one
        connection check-out fewer."""
        stored = [] if found.kind.automatic else self._store_attachments(mail)
        with self.db.transaction() as session:
            return self._write(session, raw, digest, source, mail, key, found, row_id,
                               checked, stored)[0]

    def _write(self, session: Session, raw: bytes, digest: str, source: str,
               mail: ParsedMail, key: str, found: Classification, row_id: int | None,
               checked: bool, stored: list[tuple[ParsedAttachment, str]],
               shared: _Shared | None = None, decision: RoutingDecision | None = None
               ) -> tuple[IngestResult, str | None]:
        """``_commit``'s work in ``session``: (the result, the address an acknowledgement
        was queued to). ``shared``: a batch's once-read province and counts."""
        refused = [a for a in mail.attachments if a.refused]
        now = utcnow()
        later = shared.rows if shared else None  # rows written with the batch
        outcome = self._file(session, mail, key, found, checked, decision, later)
        complaint_id = outcome.view.record_id if outcome.view else None
        if complaint_id is not None and outcome.message_external_id and stored:
            self._attach(session, complaint_id, outcome.message_external_id, stored, now,
                         outcome.message_id)
        bounced = (self._bounced(session, raw, mail, found, later)
                   if found.kind is Kind.BOUNCE else {})
        ack: str | None = None
        if outcome.purpose is not None and mail.sender:
            province = self._province(session, shared)  # named by the acknowledgement
            ctx = AckContext(outcome.purpose, mail, mail.sender, key, outcome.view,
                             complaint_id, outcome.related_code,
                             tuple((a.filename, a.refused or "") for a in refused),
                             outcome.problem_vi,
                             verified=found.auth.verdict is Verdict.PASS,
                             scanned=scanned_files(mail)
                             if outcome.purpose is Purpose.ACK else (),
                             province=province)
            ack = queue_ack(session, ctx, self.settings, now,
                            shared.tally if shared else None, later).value
        values = _filled(mail, key, outcome, now)
        values["ack"] = ack
        values["refused"] = [{"filename": a.filename, "content_type": a.content_type,
                              "size": a.size, "reason": a.refused} for a in refused]
        ingest_id = self._write_row(session, row_id, digest, raw, source, values)
        self._events(session, outcome, ingest_id, bounced, later)
        return (IngestResult(ingest_id, outcome.status, values["kind"],
                             values["complaint_code"]),
                mail.sender if ack == AckOutcome.QUEUED.value else None)

    def _write_row(self, session: Session, row_id: int | None, digest: str, raw: bytes,
                   source: str, values: dict[str, Any]) -> int:
        """The ingest record with ``values``, written once: a new one by a Core INSERT
        (its id comes back with it), a quarantined one taken again (``row_id``) updated."""
        if row_id is not None:
            row = self._row(session, row_id, digest, raw, source)
            for name, value in values.items():
                setattr(row, name, value)
            session.flush()
            return row.id
        values.update(sha256=digest, size=len(raw), source=source, attempts=1,
                      received_at=utcnow(), duplicate_of=None, error=None)
        return int(session.connection().execute(INSERT_INGEST, values).scalar_one())

    def _province(self, session: Session, shared: _Shared | None) -> Province:
        if shared is None:
            return self.service.province(session)
        if shared.province is None:
            shared.province = self.service.province(session)
        return shared.province

    def _row(self, session: Session, row_id: int | None, digest: str, raw: bytes,
             source: str) -> MailIngest:
        if row_id is not None:
            row = session.get(MailIngest, row_id)
            assert row is not None
            row.attempts += 1
            return row
        row = MailIngest(sha256=digest, size=len(raw), source=source, attempts=1,
                         received_at=utcnow(), refused=[])
        session.add(row)
        return row

    def _store_attachments(self, mail: ParsedMail) -> list[tuple[ParsedAttachment, str]]:
        """The message's files stored (one commit for them all on the database store),
        each with its digest."""
        kept = [(a, a.data) for a in mail.attachments if a.data is not None]
        digests = self.files.put_many([data for _, data in kept])
        return [(a, digest) for (a, _), digest in zip(kept, digests, strict=True)]

    def _attach(self, session: Session, complaint_id: int, external_id: str,
                stored: list[tuple[ParsedAttachment, str]], now: datetime,
                message_id: int | None = None) -> None:
        """The message's files, recorded on the complaint and on the message (its row
        id as its INSERT returned it, else looked up by its external id)."""
        if message_id is None:
            message_id = self.service.message_id_of(session, Channel.EMAIL, external_id)
        self.attachments.attach_stored(session, complaint_id, message_id, [
            StoredFile(digest, attachment.filename, attachment.content_type, attachment.size)
            for attachment, digest in stored], now)

    def _bounced(self, session: Session, raw: bytes, mail: ParsedMail,
                 found: Classification, later: RowBatch | None = None
                 ) -> dict[str, object]:
        """A bounce of mail we sent (any purpose: acknowledgement, answer, digest …): its
        deliveries become ``failed`` with the reason and an audit event (unless the
        report says only "delayed"/"relayed"); what to add to the event."""
        domain = "@" + self.settings.mail_domain
        ids = [i for i in (*mail.embedded_ids, *mail.in_reply_to, *mail.references)
               if i.lower().endswith(domain)]
        if not ids:
            return {}
        report = delivery_report(raw)
        if report is not None and not report.failed:
            return {"dsn": report.reason}
        reason = f"bounce: {report.reason if report else found.reason}"
        failed = fail_bounced(session, ids, reason, later)
        return {"dsn": reason, "outbox": failed}

    def _events(self, session: Session, outcome: _Outcome, ingest_id: int,
                extra: dict[str, object] | None = None,
                later: RowBatch | None = None) -> None:
        """The link between a new complaint and the one it names (an event on each), or
        what an automatic message (a bounce …) says on the complaint it names. ``later``:
        a batch's pending rows, where they wait after the message's earlier events; each
        is stamped when it is recorded, so the times follow the ids."""
        complaint = outcome.view
        if complaint is not None and complaint.record_id is not None and outcome.related_code:
            self.service.record_event(
                session, complaint.record_id, "linked", ACTOR, _link_reason_vi(outcome.reason),
                {"related": outcome.related_code, "mail_ingest": ingest_id,
                 "why": outcome.reason}, utcnow(), later)
        target = outcome.related_code if outcome.kind.automatic or complaint else None
        if target is None:
            return
        related = self.service.record_id_of(session, target)
        if related is None:
            return
        kind = "linked" if complaint is not None else f"mail_{outcome.kind.value}"
        data = {"mail_ingest": ingest_id}
        if complaint is not None:
            data_related: dict[str, object] = {"related": complaint.code, **data}
        else:
            data_related = {"reason": outcome.reason, **data, **(extra or {})}
        self.service.record_event(session, related, kind, ACTOR, outcome.reason, data_related,
                                  utcnow(), later)

    # -- duplicates, quarantine, look-ups --------------------------------------------------
    def _record_duplicate(self, raw: bytes, digest: str, source: str, mail: ParsedMail,
                          first: IngestResult, row_id: int | None) -> IngestResult:
        with self.db.transaction() as session:
            return self._write_duplicate(session, raw, digest, source, mail, first, row_id)

    def _write_duplicate(self, session: Session, raw: bytes, digest: str, source: str,
                         mail: ParsedMail, first: IngestResult, row_id: int | None
                         ) -> IngestResult:
        now = utcnow()
        row = self._row(session, row_id, digest, raw, source)
        row.status, row.kind, row.dedup_key = IngestStatus.DUPLICATE.value, None, None
        row.duplicate_of, row.complaint_code = first.ingest_id, first.code
        row.message_id, row.sender = mail.message_id, mail.sender
        row.subject, row.reason, row.error, row.updated_at = (
            mail.subject, "same Message-ID as an earlier message", None, now)
        session.flush()
        return IngestResult(row.id, IngestStatus.DUPLICATE, None, first.code)

    def _quarantine(self, raw: bytes, digest: str, source: str, mail: ParsedMail | None,
                    exc: BaseException, row_id: int | None) -> IngestResult:
        with self.db.transaction() as session:
            return self._write_quarantine(session, raw, digest, source, mail, exc, row_id)

    def _write_quarantine(self, session: Session, raw: bytes, digest: str, source: str,
                          mail: ParsedMail | None, exc: BaseException,
                          row_id: int | None) -> IngestResult:
        error = f"{type(exc).__name__}: {exc}"[:ERROR_TEXT_LIMIT]
        row = self._row(session, row_id, digest, raw, source)
        row.status, row.error, row.updated_at = IngestStatus.QUARANTINED.value, error, utcnow()
        if mail is not None:
            row.message_id, row.sender, row.subject = mail.message_id, mail.sender, mail.subject
        session.flush()
        log.warning("mail ingest %d quarantined: %s", row.id, type(exc).__name__)
        return IngestResult(row.id, IngestStatus.QUARANTINED, None, None)

    def _seen(self, digest: str | None = None, key: str | None = None) -> IngestResult | None:
        """The record of these exact bytes (``digest``) or of this ``key``, if any."""
        by_digest, by_key = self._lookup(digest, key)
        return by_digest or by_key

    def _lookup(self, digest: str | None,
                key: str | None) -> tuple[IngestResult | None, IngestResult | None]:
        """(record of these bytes, record holding this dedup key), in one query."""
        conditions = []
        if digest:
            conditions.append(MailIngest.sha256 == digest)
        if key:
            conditions.append(MailIngest.dedup_key == key)
        with self.db.reading() as session:
            rows = session.scalars(select(MailIngest).where(or_(*conditions))).all()
            found = {(row.sha256 == digest, row.dedup_key == key): _result(row) for row in rows}
        by_digest = next((r for (d, _), r in found.items() if d), None)
        by_key = next((r for (_, k), r in found.items() if k), None)
        return by_digest, by_key

    def _thread_code(self, message_ids: Sequence[str]) -> str | None:
        ids = [i for i in message_ids if i.lower().endswith("@" + self.settings.mail_domain)]
        if not ids:
            return None
        with self.db.reading() as session:
            return thread_code(session, ids)

    def _sent_by_us(self, message_id: str) -> bool:
        """True when ``message_id`` is one we generated (an acknowledgement …)."""
        if not message_id.lower().endswith("@" + self.settings.mail_domain):
            return False
        with self.db.reading() as session:
            return sent_by_us(session, message_id)

    def _complaint_owner(self, code: str) -> str | None:
        return self.service.email_owner(code)


@dataclass(frozen=True)
class _AsDuplicate:
    """A parsed message whose key an earlier message took (before the batch, or in it):
    recorded as that one's duplicate."""

    mail: ParsedMail
    first: IngestResult


@dataclass(frozen=True)
class _AsFiled:
    """A message parsed, keyed and classified: filed."""

    mail: ParsedMail
    key: str
    found: Classification


def _plan(item: _Pending, by_key: dict[str, IngestResult]
          ) -> _AsDuplicate | _AsFiled | BaseException:
    """How a message of a batch is written, decided before anything of it is: as a
    duplicate, filed, or not at all (the error that quarantines it: it was not parsed
    or not classified). ``by_key``: the keys the batch took so far."""
    first = item.first or (by_key.get(item.key) if item.key else None)
    if item.mail is not None and first is not None:
        return _AsDuplicate(item.mail, first)
    if item.error is not None or item.mail is None or item.found is None or item.key is None:
        return item.error or AssertionError("message neither parsed nor failed")
    return _AsFiled(item.mail, item.key, item.found)


def _replied_codes(pending: Sequence[_Pending]) -> set[str]:
    """The codes of the complaints a batch's messages reply to (to be filed on them)."""
    return {item.found.code for item in pending
            if item.found is not None and item.found.kind is Kind.REPLY
            and item.found.code is not None and item.error is None}


def _new_complaint(mail: ParsedMail, key: str) -> NewComplaint:
    return NewComplaint(
        channel=Channel.EMAIL, text=complaint_text(mail), reply_channel=Channel.EMAIL,
        reply_address=mail.sender, subject=mail.subject[:255] or None,
        contact=Contact(name=(mail.sender_name or None) and mail.sender_name[:255],
                        email=mail.sender),
        sender=mail.sender, external_id=key, signature_text=signature_of(mail))


def _link_reason_vi(reason: str) -> str:
    """Why a message became a new complaint linked to another, for staff to read."""
    if "failed authentication" in reason:
        return ("thư mang địa chỉ người gửi của phản ánh liên quan nhưng máy chủ thư của "
                "tỉnh xác định địa chỉ đó bị giả mạo (SPF/DKIM/DMARC không đạt)")
    if "not trusted" in reason:
        return "địa chỉ người gửi lấy từ Reply-To/Sender, không đủ tin cậy để ghép vào phản ánh"
    return "thư nhắc tới phản ánh của người gửi khác"


def _still_to_retry(seen: IngestResult, row_id: int | None) -> bool:
    """True when the record found after a refused transaction is the retried row itself,
    still quarantined: the retry's own failure, not a message another process took."""
    return seen.ingest_id == row_id and seen.status is IngestStatus.QUARANTINED


def _result(row: MailIngest) -> IngestResult:
    return IngestResult(row.id, IngestStatus(row.status), row.kind, row.complaint_code,
                        new=False)


def _filled(mail: ParsedMail, key: str, outcome: _Outcome, now: datetime) -> dict[str, Any]:
    """The ingest record's columns that say what became of the message."""
    return dict(
        dedup_key=key, message_id=mail.message_id, status=outcome.status.value,
        kind=outcome.kind.value, reason=outcome.reason,
        complaint_code=outcome.view.code if outcome.view else outcome.related_code,
        related_code=outcome.related_code, sender=mail.sender, subject=mail.subject,
        error=None, duplicate_of=None, ack=None, updated_at=now)

