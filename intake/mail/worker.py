"""The mail worker: poll (or IDLE on) the hotline mailbox and run each message through
the pipeline.

Order of work: fetch the headers of the new mail → a first look at each one
(``intake.mail.triage``) → fetch the bodies, likely-genuine mail first, in chunks →
store their raw bytes (on disk) → queue them with their priority and advance the
folder's UID watermark up to the first message not yet queued, in one transaction
(``intake.mail.queue``). Ingest claims
the queue highest priority first — likely-genuine mail between fetched chunks, the
rest (bulk, lists, auto-replies) afterwards, with a look for new mail every
``LOOK_AGAIN_SECONDS`` — and commits each claimed batch in one transaction (a
savepoint per message, ``MailIngestor.ingest_batch``) → the files and database log are
flushed to disk → only then are its messages moved to ``Processed`` (or
``Quarantine``) and their queue rows forgotten. With ingest processes
(``PAKN_MAIL_PROCESSES`` > 1) the worker keeps ``IN_FLIGHT`` claims in them: while they
file claim N, it files claim N-1 away and claims N+1 (or fetches the next chunk), so
they do not wait for the server's MOVE, the flush or the next claim. The worker may be
killed anywhere: a message fetched but not queued is fetched again; one queued but not committed is
claimed again; one committed but not moved is recognised as already taken, then moved.
A dropped connection, a refused login or an unavailable database is logged and retried
with exponential backoff; the worker never gives up on its own.
"""

from __future__ import annotations

import logging
import random
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from enum import Enum

from intake.clock import utcnow
from intake.db import Database
from intake.mail.config import MailSettings
from intake.mail.fetch import (
    CONNECTION_ERRORS,
    FolderState,
    Mailbox,
    describe_error,
    size_chunks,
)
from intake.mail.ingest import SYSTEM_ERRORS, IngestResult, MailIngestor
from intake.mail.models import MailMailbox, QueueState
from intake.mail.pool import IngestPool
from intake.mail.queue import Claim, Fetched, MailQueue, Place, QueuedMessage
from intake.mail.triage import TRIAGE_FIELDS, Priority, Triage, Verdict
from intake.mail_memory import GIVEN_UP, RefetchCounts
from intake.storage import flush_to_disk, sha256_hex

log = logging.getLogger(__name__)

LOOK_AGAIN_SECONDS = 2.0  # while the queue drains, look for new mail this often
CLAIM_PER_PROCESS = 25    # messages claimed at a time, per ingest process
# Claims the worker keeps in its ingest processes at once: while they file one, it files
# away (moves) the one before and claims the next, so they never wait for it.
IN_FLIGHT = 2
# Lower-priority mail fetched ahead of ingest at most (a pass of the fetcher stays short,
# so new mail is looked at every few seconds, however big the flood).
FETCH_AHEAD = 1000
SCAN_WINDOW = 2000  # headers triaged before the genuine mail among them is fetched
FETCHER_LOOK_SECONDS = 1.0  # a fetcher with queued mail looks again this often
INGEST_IDLE_SECONDS = 0.5   # an ingest worker with nothing queued looks again this often
# Every message alike, in arrival order (``PAKN_MAIL_TRIAGE=0``).
FIFO = Verdict(Priority.GENUINE, "untriaged", "triage switched off")
# A row an ingest worker found unstored this often after being fetched again: it never
# will be (the store is a directory of another machine); it is left for the operator.
MAX_REFETCHES = 3


class Drain(Enum):
    """How far ``MailWorker._drain`` goes before it returns to its caller."""

    SETTLE = "settle"        # every queued message ingested and recorded (or time up)
    CLAIM_ALL = "claim all"  # every queued message claimed, the last claims in flight
    # the processes busy: ``IN_FLIGHT`` claims in them, the oldest not finished; the
    # caller fetches its next chunk meanwhile
    UNTIL_BUSY = "until busy"


@dataclass
class PollStats:
    """What one poll did (for the CLI and the benchmark)."""

    fetched: int = 0
    processed: int = 0
    quarantined: int = 0
    already_seen: int = 0
    seconds: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)
    triage: dict[str, int] = field(default_factory=dict)  # fetched messages by triage label


@dataclass
class _Flight:
    """A claim whose parts the ingest processes are filing: ``hold`` ends the claim
    (records the results, or what committed when it fails); ``parts`` are the claimed
    messages of each part with the future of its results."""

    hold: ExitStack
    claim: Claim
    parts: list[tuple[list[QueuedMessage], Future[list[IngestResult]]]]

    def finished(self) -> bool:
        """Whether every part's process is done with it (landing it waits for nothing)."""
        return all(future.done() for _, future in self.parts)


def retry_delay(failures: int, base: float = 1.0, cap: float = 300.0) -> float:
    """Backoff before reconnect number ``failures``: base·2ⁿ, capped, with jitter."""
    return float(min(cap, base * 2 ** max(0, failures - 1)) * random.uniform(0.8, 1.2))


class MailWorker:
    """Runs the pipeline over the configured mailbox."""

    def __init__(self, ingestor: MailIngestor, settings: MailSettings,
                 stop: threading.Event | None = None, ingest_here: bool = True) -> None:
        self.ingestor = ingestor
        self.db: Database = ingestor.db
        self.settings = settings
        self.stop = stop or threading.Event()
        self._pool: IngestPool | None = None
        self.queue = MailQueue(self.db)
        # sender rates and refetch counts live in the database: every fetcher on every
        # machine shares them, and a restart goes on counting
        self.triage = Triage.shared(self.db, settings.spam_senders, settings.sender_rate)
        self.claim_batch = CLAIM_PER_PROCESS * max(1, settings.processes)
        # False in a fetcher whose ingest runs in ingest workers (``run_ingest``) elsewhere
        self.ingest_here = ingest_here
        self._place: Place | None = None  # the folder of the last poll
        # Triaged, not yet queued: uid -> (verdict, size), for ``_scan_place``.
        self._scan_place: Place | None = None
        self._pending: dict[int, tuple[Verdict, int]] = {}
        self._scanned_upto = 0
        self._refetches = RefetchCounts(self.db)  # queue row id -> times fetched again
        self._flights: deque[_Flight] = deque()  # claims in the ingest processes, oldest first
        self._warm = False  # this process's own ingest loaded (``get_ready``)

    # -- watermark --------------------------------------------------------------------
    def watermark(self, account: str, state: FolderState) -> int:
        """The last UID fetched and queued in this folder, or 0 when UIDVALIDITY changed."""
        with self.db.transaction() as session:
            row = session.get(MailMailbox, (account, self.settings.imap_folder))
            if row is None:
                session.add(MailMailbox(account=account, folder=self.settings.imap_folder,
                                        uidvalidity=state.uidvalidity, last_uid=0,
                                        updated_at=utcnow()))
                return 0
            if row.uidvalidity != state.uidvalidity:
                log.warning("UIDVALIDITY of %s changed: fetching the folder again "
                            "(duplicates are recognised)", self.settings.imap_folder)
                row.uidvalidity, row.last_uid, row.updated_at = state.uidvalidity, 0, utcnow()
            return int(row.last_uid)

    # -- one poll -----------------------------------------------------------------------
    def poll_once(self, mailbox: Mailbox) -> PollStats:
        """Take every new message of the folder, likely-genuine mail first; returns what
        was done. New mail is looked for again every ``LOOK_AGAIN_SECONDS`` while the
        queue drains, so a complaint arriving during a flood waits seconds, not the flood."""
        started = time.monotonic()
        stats = PollStats()
        state = mailbox.select()
        place = self._place = Place(mailbox.account, self.settings.imap_folder,
                                    state.uidvalidity)
        self._file_finished(mailbox, place, stats)  # committed before a crash, not yet moved
        try:
            while not self.stop.is_set():
                self._refetch(mailbox, place)
                self._queue_new(mailbox, state, place, stats)
                if not self.ingest_here:  # one pass; ingest workers take the queue
                    self._file_finished(mailbox, place, stats)
                    break
                if not self._drain(mailbox, place, stats, LOOK_AGAIN_SECONDS) \
                        and not self._pending:
                    break
        except BaseException:  # claims still in the ingest processes: what committed
            self._land_all(mailbox, place, stats, failing=True)  # is recorded, then
            raise                                                  # the error goes on
        self._land_all(mailbox, place, stats)
        stats.seconds = time.monotonic() - started
        return stats

    def _queue_new(self, mailbox: Mailbox, state: FolderState, place: Place,
                   stats: PollStats) -> None:
        """Look at the headers of the new mail, ``SCAN_WINDOW`` at a time, fetching and
        queueing the bodies of the likely-genuine messages of each window at once (and
        ingesting them between chunks after the last window), so they do not wait for
        the rest of the fetch; then the others, while fewer than
        ``FETCH_AHEAD`` messages wait in the queue (the rest stays on the server, already
        triaged, for a later pass: a complaint arriving meanwhile is fetched at the next
        look, not after the whole flood)."""
        after = self.watermark(mailbox.account, state)
        if self._scan_place != place:
            self._scan_place, self._pending, self._scanned_upto = place, {}, 0
        uids = mailbox.new_uids(max(after, self._scanned_upto))
        queued = self.queue.queued_uids(place, after) if uids else set()
        todo = [uid for uid in uids if uid not in queued and uid not in self._pending]
        for start in range(0, len(todo), SCAN_WINDOW):
            self._scan(mailbox, todo[start:start + SCAN_WINDOW], stats)
            # Queued at once (ingest workers elsewhere take it now); ingested here after
            # the last window only: an ingest between windows costs more (claim, flush,
            # move) than the look at the next window's headers.
            self._queue_genuine(mailbox, place, stats,
                                ingest=start + SCAN_WINDOW >= len(todo))
            if self.stop.is_set():
                return
        self._scanned_upto = max(self._scanned_upto, *uids) if uids else self._scanned_upto
        self._queue_genuine(mailbox, place, stats, ingest=True)  # any triaged before
        pending = self._pending
        rest = sorted(((uid, size) for uid, (verdict, size) in pending.items()
                       if verdict.priority < Priority.GENUINE),
                      key=lambda item: (-pending[item[0]][0].priority, item[0]))
        if rest:
            rest = rest[:max(0, FETCH_AHEAD - self.queue.waiting(place.account, place.folder))]
        for chunk in size_chunks(rest, self.settings.fetch_batch):
            self._queue_chunk(mailbox, place, chunk, stats)
            if self.stop.is_set():
                return

    def _queue_genuine(self, mailbox: Mailbox, place: Place, stats: PollStats,
                       ingest: bool) -> None:
        """Fetch and queue the likely-genuine mail triaged so far; with ``ingest`` (and
        ingest running here), ingest it between chunks, and what was queued before."""
        first = sorted((uid, size) for uid, (verdict, size) in self._pending.items()
                       if verdict.priority >= Priority.GENUINE)
        chunks = list(size_chunks(first, self.settings.fetch_batch))
        for number, chunk in enumerate(chunks, 1):
            self._queue_chunk(mailbox, place, chunk, stats)
            if self.ingest_here and ingest:  # the last claims stay in flight meanwhile
                self._drain(mailbox, place, stats, None, min_priority=Priority.GENUINE,
                            mode=Drain.UNTIL_BUSY if number < len(chunks) else Drain.CLAIM_ALL)
            if self.stop.is_set():
                return
        if not first and self.ingest_here and ingest:
            self._drain(mailbox, place, stats, None, min_priority=Priority.GENUINE)

    def _scan(self, mailbox: Mailbox, uids: list[int], stats: PollStats) -> None:
        """Triage the headers of ``uids`` (ascending); the verdicts wait in ``_pending``
        (this fetcher's memory) until their bodies are queued. A restart looks again
        from the watermark."""
        heads = mailbox.headers(uids, TRIAGE_FIELDS)
        # one write of sender counts per window, their stored counts read in one query
        verdicts = (self.triage.look_all([head.header for head in heads])
                    if self.settings.triage else [FIFO] * len(heads))
        for head, verdict in zip(heads, verdicts, strict=True):
            stats.triage[verdict.label] = stats.triage.get(verdict.label, 0) + 1
            self._pending[head.uid] = (verdict, head.size)
        if uids:
            self._scanned_upto = max(self._scanned_upto, uids[-1])

    def _queue_chunk(self, mailbox: Mailbox, place: Place, chunk: list[int],
                     stats: PollStats) -> None:
        """Raw bytes stored (and on disk) first, then queued with their triage, and the
        watermark moved up to the first message not yet queued, in one transaction."""
        messages = mailbox.fetch(chunk)
        stats.fetched += len(messages)
        digests = self.ingestor.raw.put_many([raw for _, raw in messages])
        fetched = [Fetched(uid, digest, f"imap:{place.folder}:{place.uidvalidity}:{uid}",
                           self._pending[uid][0])
                   for (uid, _), digest in zip(messages, digests, strict=True)]
        if fetched and self.settings.fsync and self.settings.raw_store == "dir":
            # the queue row must never point at bytes a power cut could lose (the
            # database store has committed them when put_many returns)
            flush_to_disk(self.settings.raw_dir)
        done = set(chunk)  # those not fetched are gone from the server
        left = [uid for uid in self._pending if uid not in done]
        self.queue.enqueue(place, fetched, min(left) - 1 if left else self._scanned_upto)
        for uid in done:
            self._pending.pop(uid, None)

    def _drain(self, mailbox: Mailbox, place: Place, stats: PollStats,
               seconds: float | None, min_priority: int | None = None,
               mode: Drain = Drain.SETTLE) -> bool:
        """Ingest queued messages of this folder by priority; False when none is left to
        claim, True when it returned before that: ``seconds`` passed (look for new mail,
        then go on) or, in ``Drain.UNTIL_BUSY``, the processes are busy. With ingest
        processes, ``IN_FLIGHT`` claims are in them at once (``_launch``, ``_land``);
        ``Drain.CLAIM_ALL`` returns once every queued message is claimed, the last claims
        still in flight (the caller fetches the next chunk meanwhile); ``UNTIL_BUSY`` (the
        caller has more chunks to fetch) as soon as ``IN_FLIGHT`` claims are in the
        processes and the oldest is not finished, so the next chunk is fetched and stored
        while they work, not after they are done. After ``seconds`` the claims stay in
        flight too; ``poll_once`` lands whatever is left at its end. In one process
        every mode settles."""
        if self.settings.processes > 1:
            return self._drain_pooled(mailbox, place, stats, seconds, min_priority, mode)
        deadline = None if seconds is None else time.monotonic() + seconds
        while not self.stop.is_set():
            try:
                with self.queue.claim(self.claim_batch, place.account, place.folder,
                                      min_priority) as claim:
                    if not claim.messages:
                        return False
                    self._ingest_claim(mailbox, place, claim, stats)
            finally:
                self._file_finished(mailbox, place, stats)
            if deadline is not None and time.monotonic() >= deadline:
                return True
        return True

    def _drain_pooled(self, mailbox: Mailbox, place: Place, stats: PollStats,
                      seconds: float | None, min_priority: int | None, mode: Drain) -> bool:
        """``_drain`` with ingest processes: claims are launched until ``IN_FLIGHT`` are
        in the processes, then the oldest is landed (its results recorded, its messages
        filed away on the server) while the others are being filed, and so on; in
        ``Drain.UNTIL_BUSY``, an oldest claim not finished yet is left for the next call."""
        deadline = None if seconds is None else time.monotonic() + seconds
        while not self.stop.is_set():
            more = self._launch(mailbox, place, min_priority)
            if not self._flights or (not more and mode is not Drain.SETTLE):
                return False
            if mode is Drain.UNTIL_BUSY and not self._flights[0].finished():
                return True  # the processes are busy: the caller fetches meanwhile
            self._land(mailbox, place, stats)
            if deadline is not None and time.monotonic() >= deadline:
                return True
        return True

    def _launch(self, mailbox: Mailbox, place: Place, min_priority: int | None) -> bool:
        """Claim and hand to the ingest processes until ``IN_FLIGHT`` claims are in them;
        False when nothing more was queued. A claim never takes a row another claim in
        flight holds (``exclude``). Nothing is recorded or moved here."""
        while len(self._flights) < IN_FLIGHT:
            held = {m.id for flight in self._flights for m in flight.claim.messages}
            hold = ExitStack()
            try:
                claim = hold.enter_context(self.queue.claim(
                    self.claim_batch, place.account, place.folder, min_priority,
                    exclude=held))
                if not claim.messages:
                    hold.close()
                    return False
                parts = self._submit(self._claimed(mailbox, place, claim))
            except BaseException:
                hold.__exit__(*sys.exc_info())  # the claim records nothing, re-raises
                raise
            self._flights.append(_Flight(hold, claim, parts))
        return True

    def _land(self, mailbox: Mailbox, place: Place, stats: PollStats) -> None:
        """Wait for the oldest claim in flight, record its results (what committed, when
        a part failed: its error propagates) and file its messages away."""
        flight = self._flights.popleft()
        try:
            with flight.hold:
                for part, future in flight.parts:
                    for message, result in zip(part, future.result(), strict=True):
                        self._note(flight.claim, message, result, stats)
        finally:
            self._file_finished(mailbox, place, stats)

    def _land_all(self, mailbox: Mailbox, place: Place, stats: PollStats,
                  failing: bool = False) -> None:
        """Land every claim still in flight. ``failing`` (an error is on its way to the
        worker's back-off): a claim's own failure here is logged, not raised, so that
        first error is the one reported; otherwise the first failure is raised once the
        other claims are ended. Either way every claim's committed results are recorded;
        what is not stays queued and is recognised when taken again."""
        while self._flights:
            try:
                self._land(mailbox, place, stats)
            except Exception as exc:  # raised below unless an error is on its way already
                if not failing:
                    self._land_all(mailbox, place, stats, failing=True)
                    raise
                log.warning("mail worker: a claim in flight ended with %s after an "
                            "earlier error", type(exc).__name__)

    def _claimed(self, mailbox: Mailbox, place: Place, claim: Claim
                 ) -> list[tuple[QueuedMessage, bytes]]:
        """The claimed messages with their raw bytes; one neither stored nor on the
        server is dropped from the queue (by the claim, which holds its row)."""
        items = []
        stored = self._stored_of(claim.messages)
        for message in claim.messages:
            found = self._raw_of(mailbox, place, message, stored.get(message.sha256))
            if found is None:
                log.warning("queued mail %d is neither stored nor on the server: dropped "
                            "from the queue", message.id)
                claim.drop(message)  # on the claim's session: it holds the row lock
                continue
            items.append(found)
        return items

    @staticmethod
    def _note(claim: Claim, message: QueuedMessage, result: IngestResult,
              stats: PollStats) -> None:
        claim.done(message, result)
        stats.statuses[result.status.value] = stats.statuses.get(result.status.value, 0) + 1
        stats.already_seen += 0 if result.new else 1

    def _ingest_claim(self, mailbox: Mailbox, place: Place, claim: Claim,
                      stats: PollStats) -> None:
        """Ingest the claimed messages (one transaction per batch or part, see
        ``_ingest_all``) and record each result."""
        for message, result in self._ingest_all(self._claimed(mailbox, place, claim)):
            self._note(claim, message, result, stats)

    def _stored_of(self, messages: list[QueuedMessage]) -> dict[str, bytes]:
        """The stored raw bytes of ``messages`` by digest (read in one go: one query on
        the database store), without those the store lost (a crash before they reached
        the disk) or holds damaged: their bytes do not hash to their name."""
        found = self.ingestor.raw.get_many(message.sha256 for message in messages)
        return {digest: raw for digest, raw in found.items() if sha256_hex(raw) == digest}

    def _raw_of(self, mailbox: Mailbox, place: Place, message: QueuedMessage,
                raw: bytes | None) -> tuple[QueuedMessage, bytes] | None:
        """``message`` with its raw bytes ``raw``, as stored under its ``sha256`` (read
        back and checked: ingest need not hash or store them again); fetched again from
        the server and stored when the store lost them (``raw`` None: a crash before
        they reached the disk), ``sha256`` then the digest they were stored under."""
        if raw is not None:
            return message, raw
        if message.uidvalidity != place.uidvalidity:
            return None
        found = mailbox.fetch([message.uid])
        if not found:
            return None
        raw = found[0][1]
        return replace(message, sha256=self.ingestor.raw.put(raw)), raw

    def _refetch(self, mailbox: Mailbox, place: Place) -> None:
        """Fetch again, store and queue again what an ingest worker found missing from the
        raw store (``QueueState.REFETCH``); what the server no longer has is forgotten."""
        rows = self._give_up_refetching(self.queue.to_refetch(place))
        if not rows:
            return
        found = dict(mailbox.fetch([uid for _, uid in rows]))
        again = [(row_id, found[uid]) for row_id, uid in rows if uid in found]
        stored = dict(zip([row_id for row_id, _ in again],
                          self.ingestor.raw.put_many([raw for _, raw in again]), strict=True))
        if stored and self.settings.fsync and self.settings.raw_store == "dir":
            flush_to_disk(self.settings.raw_dir)
        self._refetches.take(list(stored))  # counted once fetched and stored, not before
        self.queue.requeue(stored)
        gone = [row_id for row_id, uid in rows if uid not in found]
        if gone:
            log.warning("%d queued message(s) neither stored nor on the server: dropped "
                        "from the queue", len(gone))
            self.queue.forget(gone)

    def _give_up_refetching(self, rows: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``rows`` to fetch again, without those fetched again ``MAX_REFETCHES`` times
        already: an ingest worker that still does not find their bytes reads another
        machine's disk. Those stay on the server and in the queue (``refetch``), said
        once at ERROR; a restart with ``PAKN_RAW_STORE=db`` takes them. Nothing is
        counted here (``_refetch`` counts a fetch that brought the bytes back): a row at
        the limit or past it (two fetchers may both have counted its last fetch) is
        marked given up once (``RefetchCounts.give_up``: of two fetchers, the one that
        marked it says so), not counted on every pass."""
        todo = []
        times = self._refetches.counted([row_id for row_id, _ in rows])
        for row_id, uid in rows:
            fetched = times.get(row_id, 0)
            if fetched < MAX_REFETCHES:
                todo.append((row_id, uid))
            elif fetched < GIVEN_UP and self._refetches.give_up(row_id):
                log.error("queued mail %d (uid %d) fetched again %d times and still not "
                          "found by an ingest worker: left in the mailbox. The raw store "
                          "is a local directory; use PAKN_RAW_STORE=db for ingest workers "
                          "on other machines", row_id, uid, fetched)
        return todo

    def _file_finished(self, mailbox: Mailbox, place: Place, stats: PollStats) -> None:
        """Move what was committed (its files and the database log flushed to disk
        first) to the processed or quarantine folder, then forget it in the queue."""
        finished = self.queue.finished(place)
        if not finished:
            return
        stale = [row_id for row_id, _ in finished.pop("stale", [])]
        if finished:
            self.ingestor.make_durable()
        for state, folder in ((QueueState.PROCESSED, self.settings.processed_folder),
                              (QueueState.QUARANTINED, self.settings.quarantine_folder)):
            rows = finished.get(state.value, [])
            mailbox.file_away([uid for _, uid in rows], folder)
            self.queue.forget([row_id for row_id, _ in rows])
            if state is QueueState.PROCESSED:
                stats.processed += len(rows)
            else:
                stats.quarantined += len(rows)
        # Taken under an older UIDVALIDITY: their new UIDs are queued and recognised.
        self.queue.forget(stale)

    # -- the ingest role -----------------------------------------------------------------
    def ingest_queued(self, stats: PollStats) -> int:
        """Claim one batch of queued mail (any mailbox), highest priority first, ingest it
        and record the results; how many messages were claimed (0: the queue is empty).
        Files are flushed before the results are recorded, so the fetcher's move never
        comes before they are on disk on this machine."""
        with self.queue.claim(self.claim_batch, durable=self.ingestor.make_durable) as claim:
            items = []
            stored = self._stored_of(claim.messages)
            for message in claim.messages:
                raw = stored.get(message.sha256)
                if raw is None:
                    log.warning("queued mail %d (uid %d) not in the raw store (%s): its "
                                "fetcher fetches it again", message.id, message.uid,
                                self.settings.raw_store)
                    claim.not_stored(message)
                    continue
                items.append((message, raw))
            for message, result in self._ingest_all(items):
                claim.done(message, result)
                stats.processed += 1
                stats.statuses[result.status.value] = stats.statuses.get(
                    result.status.value, 0) + 1
                stats.already_seen += 0 if result.new else 1
            return len(claim.messages)  # made durable by the claim before it records

    def run_ingest(self, once: bool = False, max_failures: int | None = None) -> PollStats:
        """The ingest role (``pakn mail ingest-worker``): take the queue that fetchers fill
        until stopped (or until it is empty, ``once``); an unavailable database is logged
        and retried with backoff. Any number of these may run, on any machine, on
        PostgreSQL (claims lock their rows); on SQLite run one."""
        failures = 0
        total = PollStats()
        started = time.monotonic()
        while not self.stop.is_set():
            try:
                if not once:
                    self.get_ready()
                taken = self.ingest_queued(total)
                failures = 0
                if not taken:
                    if once:
                        break
                    self.stop.wait(INGEST_IDLE_SECONDS)
            except (*SYSTEM_ERRORS, BrokenProcessPool) as exc:
                failures = self._back_off(exc, failures + 1, max_failures, "mail ingest worker")
        self._close_pool()
        total.seconds = time.monotonic() - started
        return total

    def _back_off(self, exc: BaseException, failures: int, max_failures: int | None,
                  who: str) -> int:
        """After a system error: give up (re-raise) beyond ``max_failures``, else log it
        and wait the growing retry delay; a broken ingest pool is started afresh."""
        if isinstance(exc, BrokenProcessPool):
            self._pool = None
        if max_failures is not None and failures > max_failures:
            raise exc
        delay = retry_delay(failures)
        log.warning("%s: %s; retrying in %.1f s (failure %d)",
                    who, describe_error(exc, self.settings), delay, failures)
        self.stop.wait(delay)
        return failures

    def _ingest_all(self, items: list[tuple[QueuedMessage, bytes]]
                    ) -> Iterator[tuple[QueuedMessage, IngestResult]]:
        """Each message's result in claim order (``items``: each message with its raw
        bytes as stored under its ``sha256``): the claimed batch filed in one
        transaction (``MailIngestor.ingest_batch``) here, or, with several ingest
        processes (``PAKN_MAIL_PROCESSES``), split into one part per process, each
        part one transaction. A part's results are given once it committed; when a part
        fails, what the parts before it committed is still given (and recorded by the
        claim), the rest stays queued."""
        if not items:
            return
        if self.settings.processes <= 1:
            results = self.ingestor.ingest_batch([(raw, m.source, m.sha256)
                                                  for m, raw in items])
            yield from zip([m for m, _ in items], results, strict=True)
            return
        for part, future in self._submit(items):
            yield from zip(part, future.result(), strict=True)

    def _submit(self, items: list[tuple[QueuedMessage, bytes]]
                ) -> list[tuple[list[QueuedMessage], Future[list[IngestResult]]]]:
        """``items`` split into one part per ingest process, each handed to the pool
        (one transaction each); the parts' messages with their futures."""
        if not items:
            return []
        pool = self._pool or self.start_processes()
        size = -(-len(items) // pool.processes)
        parts = [items[start:start + size] for start in range(0, len(items), size)]
        return [([m for m, _ in part],
                 pool.submit_batch([(raw, m.source, m.sha256) for m, raw in part]))
                for part in parts]

    def get_ready(self) -> None:
        """Before the first poll of a long-running worker that ingests: start its ingest
        processes (``PAKN_MAIL_PROCESSES`` > 1), or else load what its own ingest needs
        (routing, the HTML parser, the holidays: ``MailIngestor.warm_up``, seconds after
        a start), so that the first citizen's mail does not wait for it. Done once; a
        single pass (``once``) loads them when its first message needs them."""
        if self.settings.processes > 1:
            self.start_processes()
        elif not self._warm:
            self._warm = True
            self.ingestor.warm_up()  # never raises: what fails loads with the first message

    def start_processes(self) -> IngestPool:
        """Start the ingest processes (``PAKN_MAIL_PROCESSES`` > 1) and wait until they
        are ready; a long-running worker does this once, before its first poll."""
        if self._pool is None:
            self._pool = IngestPool(self.ingestor.service.settings, self.settings,
                                    self.settings.processes)
            self._pool.start()
        return self._pool

    def _close_pool(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    # -- the loop -----------------------------------------------------------------------
    def wait_for_mail(self, mailbox: Mailbox) -> None:
        """IDLE until the server reports news (or the timeout); else sleep and NOOP. A
        fetcher whose ingest runs elsewhere looks again every ``FETCHER_LOOK_SECONDS``
        while its queue has rows (to file away what was ingested, to fetch more)."""
        if not self.ingest_here and (self._pending or (
                self._place is not None and self.queue.unfinished(self._place))):
            self.stop.wait(FETCHER_LOOK_SECONDS)
            if not self.stop.is_set():
                mailbox.noop()
            return
        if self.settings.use_idle and mailbox.supports_idle():
            mailbox.idle_wait(self.settings.idle_timeout, self.stop)
            return
        self.stop.wait(self.settings.poll_interval)
        if not self.stop.is_set():
            mailbox.noop()

    def run(self, once: bool = False, max_failures: int | None = None) -> PollStats:
        """Poll until stopped (or once), reconnecting with backoff after failures."""
        failures = 0
        total = PollStats()
        while not self.stop.is_set():
            mailbox = Mailbox(self.settings)
            try:
                mailbox.connect()
                failures = 0
                if not once and self.ingest_here:
                    self.get_ready()
                while not self.stop.is_set():
                    stats = self.poll_once(mailbox)
                    _add(total, stats)
                    if once:
                        self._close_pool()
                        return total
                    self.wait_for_mail(mailbox)
            except (*CONNECTION_ERRORS, *SYSTEM_ERRORS, BrokenProcessPool) as exc:
                failures = self._back_off(exc, failures + 1, max_failures, "mail worker")
            finally:
                mailbox.close()
        self._close_pool()
        return total


def _add(total: PollStats, stats: PollStats) -> None:
    total.fetched += stats.fetched
    total.processed += stats.processed
    total.quarantined += stats.quarantined
    total.already_seen += stats.already_seen
    total.seconds += stats.seconds
    for key, value in stats.statuses.items():
        total.statuses[key] = total.statuses.get(key, 0) + value
    for key, value in stats.triage.items():
        total.triage[key] = total.triage.get(key, 0) + value
