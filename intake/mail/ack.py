"""Whether and to whom a hotline-mailbox acknowledgement goes, queued through
``intake.delivery`` in the caller's transaction (its wording is
``intake.delivery.templates.mail_acknowledgement``).

The acknowledgement carries the tracking code in its subject (``[PA-XXXXXXXX]``), so a
citizen's reply threads by itself; our own Message-ID (recorded in ``mail_threads``, so
In-Reply-To finds the complaint too); In-Reply-To/References of the citizen's message;
and ``Auto-Submitted: auto-replied`` plus ``X-Loop`` (RFC 3834, added by delivery), so well-behaved
autoresponders do not answer it. A sender gets at most ``ack_limit_per_day``
acknowledgements per day, whatever they send (loop protection), and the hotline sends at
most ``ack_limit_per_hour`` in all (a flood of forged mail must not turn the official
mailbox into a mass mailer); what a limit holds back is recorded on the ingest row and
shown in the console. Nothing is ever sent to one of our own addresses.

An acknowledgement goes to whatever address the From says, which anybody can forge, so
it repeats nothing the sender wrote unless our mail server verified that From: not the
display name, not the subject; and even then no link or address of theirs.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from intake.deadlines import VIETNAM
from intake.delivery import Letter, Outgoing, Purpose, enqueue, templates
from intake.delivery.outbox import enqueue_later, hashed_key, sent_count, sent_counts
from intake.delivery.purposes import ACK_PURPOSES
from intake.delivery.templates import MailAckFacts
from intake.enums import Channel
from intake.mail.charsets import without_replacement
from intake.mail.config import MailSettings
from intake.mail.models import AckOutcome
from intake.mail.parse import ParsedMail
from intake.org.province import Province
from intake.rows import RowBatch
from intake.services.views import ComplaintView

log = logging.getLogger(__name__)
SUBJECT_LIMIT = 200
NAME_LIMIT = 60
ECHO_LIMIT = 120
FILE_NAME_LIMIT = 80
_LINKLIKE = re.compile(r"(?i)://|@|\bwww\.|/")
# Anything a mail program would make clickable: URLs, bare domains, addresses.
_LINK = re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://\S*|\bwww\.\S*|\S+@\S+|"
                   r"\b(?:[a-z0-9-]+\.)+[a-z]{2,24}\b(?:/\S*)?")


@dataclass(frozen=True)
class AckContext:
    """What an acknowledgement is about."""

    purpose: Purpose
    mail: ParsedMail
    recipient: str
    dedup_key: str
    view: ComplaintView | None = None
    complaint_id: int | None = None
    related_code: str | None = None
    refused: tuple[tuple[str, str], ...] = ()   # (filename, reason)
    problem_vi: str | None = None
    verified: bool = False   # our mail server verified the From (see ``auth``)
    scanned: tuple[str, ...] = ()  # the files holding a letter sent only as a file
    province: Province | None = None  # the province in force, which the letter names


def _day_start(now: datetime) -> datetime:
    local = now.astimezone(VIETNAM)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def acks_today(session: Session, recipient: str, now: datetime) -> int:
    """How many acknowledgements we queued to ``recipient`` since midnight (Vietnam
    time); staff answers and notices to them do not count."""
    start = _day_start(now)
    return sent_count(session, sorted(ACK_PURPOSES), start, start + timedelta(days=1),
                      recipient)


def acks_last_hour(session: Session, now: datetime) -> int:
    """How many acknowledgements we queued to anybody in the last hour (an index range
    per purpose, ``ix_mail_threads_purpose_at``); digests and staff answers do not
    count."""
    return sent_count(session, sorted(ACK_PURPOSES), now - timedelta(hours=1))


def safe_echo(text: str | None, limit: int = ECHO_LIMIT) -> str:
    """``text`` fit to repeat in our mail: no links or addresses, no control or
    replacement characters, one line, at most ``limit`` characters."""
    cleaned = " ".join(_LINK.sub(" ", without_replacement(text or "")).split())
    cleaned = cleaned.strip(" -:;,.")
    return cleaned if len(cleaned) <= limit else cleaned[:limit - 1].rstrip() + "…"


def _facts(ctx: AckContext) -> MailAckFacts:
    """The structured facts of the acknowledgement; the sender's name only when our
    mail server verified the From."""
    view = ctx.view
    assert view is not None
    return MailAckFacts(
        code=view.code, queue_name=view.queue_name or view.queue_code, due=view.due_at,
        province=ctx.province,
        is_reply=ctx.purpose is Purpose.ACK_REPLY, name=_verified_name(ctx),
        related_code=ctx.related_code, scanned=_names(ctx.scanned),
        encrypted=bool(ctx.mail.encrypted), kept_unread=_names(ctx.mail.kept_unread),
        refused=tuple((_file_name(name), why) for name, why in ctx.refused))


def _names(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """File names the sender chose, fit to repeat (one short line each; a name that is a
    link or an address is not repeated)."""
    return tuple(_file_name(name) for name in names)


def _file_name(name: str) -> str:
    cleaned = " ".join(without_replacement(name).split())
    if _LINKLIKE.search(cleaned):
        return "(tệp đính kèm)"
    return cleaned if len(cleaned) <= FILE_NAME_LIMIT else cleaned[:FILE_NAME_LIMIT - 1] + "…"


def _verified_name(ctx: AckContext) -> str:
    return safe_echo(ctx.mail.sender_name, NAME_LIMIT) if ctx.verified else ""


def _subject_with_original(subject: str, ctx: AckContext) -> str:
    """Our subject, followed by the sender's (links removed) only for a verified From."""
    original = safe_echo(ctx.mail.subject) if ctx.verified else ""
    if original:
        subject = f"{subject}: {original}"
    subject = without_replacement(subject)
    return subject if len(subject) <= SUBJECT_LIMIT else subject[:SUBJECT_LIMIT - 1] + "…"


def _references(mail: ParsedMail) -> str:
    ids = [*mail.references[-10:], *([mail.message_id] if mail.message_id else [])]
    return " ".join(f"<{i}>" for i in dict.fromkeys(ids))


def _threading(mail: ParsedMail) -> dict[str, str]:
    """In-Reply-To/References of the citizen's message (our Message-ID, ``X-Loop`` and
    ``Auto-Submitted`` are added by ``enqueue`` and the SMTP transport)."""
    if not mail.message_id:
        return {}
    return {"In-Reply-To": f"<{mail.message_id}>", "References": _references(mail)}


@dataclass
class AckTally:
    """The acknowledgement limits' counts for one batch of mail filed in one transaction
    (``MailIngestor.ingest_batch``): the hourly count is read once, a sender's daily
    count once per sender, and the batch's own acknowledgements are added here as they
    are queued (``note``), so a batch of 25 runs one count for the hour instead of 25.
    What other processes queue while the batch runs is seen by the next batch (as before,
    a transaction never saw another's uncommitted acknowledgements either)."""

    now: datetime
    last_hour: int | None = None
    today: dict[str, int] = field(default_factory=dict)

    def read_senders(self, session: Session, recipients: Collection[str]) -> None:
        """Read the day's count of every one of ``recipients`` in one grouped query (the
        senders of a batch's messages), instead of one query per sender."""
        todo = sorted(set(recipients) - set(self.today))
        if not todo:
            return
        start = _day_start(self.now)
        counted = sent_counts(session, sorted(ACK_PURPOSES), start,
                              start + timedelta(days=1), todo)
        for recipient in todo:
            self.today[recipient] = counted.get(recipient, 0)

    def sender_count(self, session: Session, recipient: str) -> int:
        """Acknowledgements to ``recipient`` today, this batch's included."""
        if recipient not in self.today:
            self.today[recipient] = acks_today(session, recipient, self.now)
        return self.today[recipient]

    def hour_count(self, session: Session) -> int:
        """Acknowledgements in the hour before the batch began, this batch's included."""
        if self.last_hour is None:
            self.last_hour = acks_last_hour(session, self.now)
        return self.last_hour

    def note(self, recipient: str) -> None:
        """An acknowledgement to ``recipient`` was queued and its message's work kept
        (call it after the message's savepoint was released, not before)."""
        if recipient in self.today:
            self.today[recipient] += 1
        if self.last_hour is not None:
            self.last_hour += 1


def _held(session: Session, ctx: AckContext, settings: MailSettings,
          now: datetime, tally: AckTally | None = None) -> AckOutcome | None:
    """Why the acknowledgement must not go out, or ``None``."""
    if ctx.recipient in settings.our_addresses:
        return AckOutcome.OURS
    today = (tally.sender_count(session, ctx.recipient) if tally is not None
             else acks_today(session, ctx.recipient, now))
    if today >= settings.ack_limit_per_day:
        return AckOutcome.SENDER_LIMIT
    hour = tally.hour_count(session) if tally is not None else acks_last_hour(session, now)
    if hour >= settings.ack_limit_per_hour:
        log.warning("mail: the hourly limit of %d acknowledgements is reached; further "
                    "acknowledgements are held (see /admin/mail)", settings.ack_limit_per_hour)
        return AckOutcome.HOURLY_LIMIT
    return None


def queue_ack(session: Session, ctx: AckContext, settings: MailSettings,
              now: datetime, tally: AckTally | None = None,
              later: RowBatch | None = None) -> AckOutcome:
    """Queue the acknowledgement in ``session``, unless a limit holds it back (or it
    would go to ourselves); what happened. ``tally``: the counts of the batch this
    message is filed in (read once per batch; the caller notes what it kept);
    ``later``: the batch's pending rows, where the e-mail waits to be written with the
    batch's other rows at its end."""
    held = _held(session, ctx, settings, now, tally)
    if held is not None:
        return held
    if ctx.purpose is Purpose.REJECTED:
        composed = templates.mail_rejection(_verified_name(ctx), ctx.problem_vi, ctx.province)
    else:
        composed = templates.mail_acknowledgement(_facts(ctx))
    letter = Letter(_subject_with_original(composed.subject, ctx),
                    without_replacement(composed.body))
    outgoing = Outgoing(Channel.EMAIL, ctx.recipient, ctx.purpose, letter,
                        ctx.complaint_id, ctx.view.code if ctx.view else None,
                        headers=_threading(ctx.mail),
                        dedup_key=hashed_key("mail", ctx.dedup_key))
    if later is not None:
        enqueue_later(session, later, outgoing, settings.mail_domain, now)
    else:
        enqueue(session, outgoing, settings.mail_domain, now)
    return AckOutcome.QUEUED


__all__ = ["AckContext", "AckTally", "Purpose", "acks_last_hour", "acks_today", "queue_ack",
           "safe_echo"]
