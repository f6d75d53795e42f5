"""A cheap first look at a raw message's header, before the full parse: how soon to take it.

A flood (a newsletter blast, a loop of auto-replies, bounces of a forged campaign, one
sender mailing thousands of times) must not make a citizen's complaint wait behind it.
The fetcher stores each message's raw bytes, then asks ``Triage.look`` for a priority
from the header alone (``BytesHeaderParser``: no body, no MIME walk, tens of
microseconds) and queues the message with it (``intake.mail.queue``); ingest takes the
queue highest priority first. Nothing is dropped here: every message is still parsed,
classified (``intake.mail.classify``, which decides) and filed, low priorities later.

The header rules are the classifier's own (``automatic_by_headers``,
``bounce_by_headers``), read over the header alone, so the two never disagree on what
is automatic mail. Added here: known spam senders (``PAKN_MAIL_SPAM_SENDERS``,
addresses or ``@domain``) and the sender's rate (more than ``PAKN_MAIL_SENDER_RATE``
messages within the last hour lowers the sender's next ones): counted in the database by
``Triage.shared`` (``intake.mail_memory``: one count for every fetcher on every machine,
kept across restarts), or in this process's memory (``SenderRate``).
"""

from __future__ import annotations

import enum
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from email import policy
from email.message import Message
from email.parser import BytesHeaderParser
from typing import Protocol

from intake.db import Database
from intake.mail.classify import Kind, automatic_by_headers, bounce_by_headers
from intake.mail.parse import PARSE_ERRORS, address_of, header_text
from intake.mail_memory import SharedSenderRate

# The header fields the first look reads (``header_view``, ``judge`` and the classifier's
# header rules it calls): the fetcher asks the server for these alone, not the whole
# header (``Mailbox.headers``). A rule that reads another field must add it here
# (``tests/mail/test_triage.py`` compares the verdicts on every fixture).
TRIAGE_FIELDS = ("From", "Reply-To", "Sender", "Subject", "Content-Type", "Return-Path",
                 "Auto-Submitted", "X-Autoreply", "X-Autorespond", "X-Auto-Reply", "X-Loop",
                 "Precedence", "List-Id", "List-Unsubscribe")
RATE_WINDOW_SECONDS = 3600.0
MAX_TRACKED_SENDERS = 100_000


class Priority(enum.IntEnum):
    """Queue priority: higher is taken first."""

    GENUINE = 40      # nothing in the header says automatic or bulk
    FREQUENT = 30     # looks genuine, but its sender is over the rate of the window
    AUTOMATIC = 20    # auto-replies, bounces and delivery reports, loops
    BULK = 10         # lists, newsletters, Precedence: bulk/junk/list
    SPAM_SENDER = 0   # a sender on the configured spam list


@dataclass(frozen=True)
class Verdict:
    """What the first look decided, as data: the priority, a label and why."""

    priority: Priority
    label: str  # genuine, frequent, auto, receipt, bounce, bulk, spam_sender, unreadable
    reason: str
    sender: str | None = None


@dataclass(frozen=True)
class HeaderView:
    """The header of a raw message in the shape the classifier's header rules read."""

    headers: Mapping[str, tuple[str, ...]]
    sender: str | None
    subject: str

    def header(self, name: str) -> str:
        """The first raw value of header ``name`` (case-insensitive), or ``""``."""
        values = self.headers.get(name.lower())
        return values[0] if values else ""


_PARSER = BytesHeaderParser(policy=policy.compat32)


def header_view(raw: bytes) -> HeaderView:
    """The header of ``raw`` only (the body is not read past the blank line)."""
    ends = [i for i in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if i >= 0]
    head = raw[:min(ends)] if ends else raw
    message: Message = _PARSER.parsebytes(head + b"\n\n")
    headers: dict[str, list[str]] = {}
    for name, value in message.raw_items():
        headers.setdefault(name.lower(), []).append(str(value))
    sender = None
    for name in ("From", "Reply-To", "Sender"):
        found = address_of(header_text(message, name))
        if found is not None:
            sender = found[0]
            break
    return HeaderView({k: tuple(v) for k, v in headers.items()}, sender,
                      header_text(message, "Subject"))


def _view(raw: bytes) -> HeaderView | Verdict:
    """The header view of ``raw``, or the verdict on a header that cannot be read."""
    try:
        return header_view(raw)
    except PARSE_ERRORS:
        return Verdict(Priority.GENUINE, "unreadable", "header could not be read")


class RateCounter(Protocol):
    """Counts each sender's messages within a window (``SenderRate``: this process's
    memory; ``intake.mail_memory.SharedSenderRate``: the database)."""

    limit: int
    window: float

    def count(self, sender: str, now: float) -> int:
        """Record one message of ``sender`` at ``now``; how many are in the window."""
        ...

    def together(self, senders: Iterable[str] = (),
                 now: float | None = None) -> AbstractContextManager[None]:
        """Within it, counts may be kept back and recorded together at its end; the
        ``senders`` about to be counted at ``now`` may be read ahead."""
        ...


@dataclass
class SenderRate:
    """How many messages each sender sent within the window (this fetcher's memory)."""

    limit: int
    window: float = RATE_WINDOW_SECONDS
    _seen: dict[str, deque[float]] = field(default_factory=dict)

    def count(self, sender: str, now: float) -> int:
        """Record one message of ``sender`` at ``now``; how many are in the window."""
        times = self._seen.get(sender)
        if times is None:
            if len(self._seen) >= MAX_TRACKED_SENDERS:
                self._forget(now)
            times = self._seen[sender] = deque()
        while times and times[0] <= now - self.window:
            times.popleft()
        times.append(now)
        return len(times)

    def together(self, senders: Iterable[str] = (),
                 now: float | None = None) -> AbstractContextManager[None]:
        """Nothing to put together: this memory is counted as it goes."""
        return nullcontext()

    def _forget(self, now: float) -> None:
        for sender in [s for s, t in self._seen.items() if not t or t[-1] <= now - self.window]:
            del self._seen[sender]
        if len(self._seen) >= MAX_TRACKED_SENDERS:
            self._seen.clear()


class Triage:
    """The first look at each fetched message (one per fetcher; it keeps sender rates:
    in memory, or with ``rate`` given, where that counter keeps them)."""

    def __init__(self, spam_senders: Iterable[str] = (), sender_rate: int = 20,
                 clock: Callable[[], float] = time.monotonic,
                 rate: RateCounter | None = None) -> None:
        self.spam = frozenset(s.strip().lower() for s in spam_senders if s.strip())
        self.rate: RateCounter = rate or SenderRate(max(1, sender_rate))
        self._clock = clock

    @classmethod
    def shared(cls, db: Database, spam_senders: Iterable[str] = (), sender_rate: int = 20,
               clock: Callable[[], float] = time.time) -> Triage:
        """A triage whose sender rates are counted in the database: every fetcher on
        every machine adds to, and reads, the same count, and a restart keeps it
        (``intake.mail_memory``). ``clock``: wall-clock seconds, the one every machine
        shares."""
        return cls(spam_senders, clock=clock,
                   rate=SharedSenderRate(db, max(1, sender_rate)))

    def looking_together(self) -> AbstractContextManager[None]:
        """For a window of headers: the looks inside are counted in one write at its end
        (``SharedSenderRate.together``), not one write per look."""
        return self.rate.together()

    def look(self, raw: bytes) -> Verdict:
        """Priority of ``raw`` from its header; an unreadable header is taken as genuine
        (the full parse decides, and quarantines it if need be: never pushed back)."""
        view = _view(raw)
        return self.judge(view) if isinstance(view, HeaderView) else view

    def look_all(self, raws: Sequence[bytes]) -> list[Verdict]:
        """``look`` at a window of headers, in order, counted together (as inside
        ``looking_together``); the senders of the window are handed to the counter
        first, so the shared one reads their stored counts in one query, not one each."""
        views = [_view(raw) for raw in raws]
        senders = {v.sender for v in views if isinstance(v, HeaderView) and v.sender}
        with self.rate.together(senders, self._clock()):
            return [self.judge(v) if isinstance(v, HeaderView) else v for v in views]

    def judge(self, view: HeaderView) -> Verdict:
        """Priority of a message from its header view."""
        sender = view.sender
        if sender and self._spam_sender(sender):
            return Verdict(Priority.SPAM_SENDER, "spam_sender", "sender on the spam list",
                           sender)
        if "disposition-notification" in view.header("content-type").lower():
            return Verdict(Priority.AUTOMATIC, "receipt", "read receipt (report header)",
                           sender)
        bounce = bounce_by_headers(view)
        if bounce:
            return Verdict(Priority.AUTOMATIC, "bounce", bounce, sender)
        automatic = automatic_by_headers(view)
        if automatic:
            kind, reason = automatic
            if kind is Kind.BULK:
                return Verdict(Priority.BULK, "bulk", reason, sender)
            return Verdict(Priority.AUTOMATIC, "auto", reason, sender)
        if sender:
            sent = self.rate.count(sender, self._clock())
            if sent > self.rate.limit:
                return Verdict(Priority.FREQUENT, "frequent",
                               f"{sent} messages from this sender within "
                               f"{self.rate.window / 60:.0f} min", sender)
        return Verdict(Priority.GENUINE, "genuine", "no automatic or bulk header", sender)

    def _spam_sender(self, sender: str) -> bool:
        domain = "@" + sender.rpartition("@")[2]
        return sender in self.spam or domain in self.spam
