"""The mail worker: poll (or IDLE on) the hotline mailbox and run each message through
the pipeline.

Order of work for each chunk of new mail: fetch → ingest (each message committed) →
flush the chunk's files and database log to disk → only then move it to ``Processed``
(or ``Quarantine``) → advance the folder's UID watermark. The worker may be killed
anywhere: a message fetched but not committed is fetched again; one committed but
not moved is recognised as already taken. A dropped connection, a refused login or an
unavailable database is logged and retried with exponential backoff; the worker
never gives up on its own.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from sqlalchemy import select

from intake.clock import utcnow
from intake.db import Database
from intake.mail.config import MailSettings
from intake.mail.fetch import CONNECTION_ERRORS, FolderState, Mailbox, describe_error
from intake.mail.ingest import SYSTEM_ERRORS, IngestResult, MailIngestor
from intake.mail.models import IngestStatus, MailMailbox
from intake.mail.pool import IngestPool

log = logging.getLogger(__name__)


@dataclass
class PollStats:
    """What one poll did (for the CLI and the benchmark)."""

    fetched: int = 0
    processed: int = 0
    quarantined: int = 0
    already_seen: int = 0
    seconds: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)


def retry_delay(failures: int, base: float = 1.0, cap: float = 300.0) -> float:
    """Backoff before reconnect number ``failures``: base·2ⁿ, capped, with jitter."""
    return float(min(cap, base * 2 ** max(0, failures - 1)) * random.uniform(0.8, 1.2))


class MailWorker:
    """Runs the pipeline over the configured mailbox."""

    def __init__(self, ingestor: MailIngestor, settings: MailSettings,
                 stop: threading.Event | None = None) -> None:
        self.ingestor = ingestor
        self.db: Database = ingestor.db
        self.settings = settings
        self.stop = stop or threading.Event()
        self._pool: IngestPool | None = None

    # -- watermark --------------------------------------------------------------------
    def watermark(self, account: str, state: FolderState) -> int:
        """The last UID done in this folder, or 0 when UIDVALIDITY changed."""
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

    def save_watermark(self, account: str, uidvalidity: int, uid: int) -> None:
        """Record that every UID up to ``uid`` is done."""
        with self.db.transaction() as session:
            row = session.scalar(select(MailMailbox).where(
                MailMailbox.account == account,
                MailMailbox.folder == self.settings.imap_folder).with_for_update())
            if row is not None and row.uidvalidity == uidvalidity and uid > row.last_uid:
                row.last_uid, row.updated_at = uid, utcnow()

    # -- one poll -----------------------------------------------------------------------
    def poll_once(self, mailbox: Mailbox) -> PollStats:
        """Take every new message of the folder; returns what was done."""
        started = time.monotonic()
        stats = PollStats()
        state = mailbox.select()
        after = self.watermark(mailbox.account, state)
        for chunk in mailbox.chunks(mailbox.new_uids(after)):
            self._take_chunk(mailbox, state, chunk, stats)
            if self.stop.is_set():
                break
        stats.seconds = time.monotonic() - started
        return stats

    def _take_chunk(self, mailbox: Mailbox, state: FolderState, chunk: list[int],
                    stats: PollStats) -> None:
        done: list[int] = []
        quarantined: list[int] = []
        messages = mailbox.fetch(chunk)
        stats.fetched += len(messages)
        items = [(uid, raw, f"imap:{self.settings.imap_folder}:{state.uidvalidity}:{uid}")
                 for uid, raw in messages]
        try:
            for uid, result in self._ingest_all(items):
                stats.statuses[result.status.value] = stats.statuses.get(
                    result.status.value, 0) + 1
                stats.already_seen += 0 if result.new else 1
                if result.status is IngestStatus.QUARANTINED:
                    quarantined.append(uid)
                else:
                    done.append(uid)
        finally:
            # Committed messages are filed away even when a later one hit a system error,
            # once what was written for them is on disk.
            if done or quarantined:
                self.ingestor.make_durable()
            mailbox.file_away(done, self.settings.processed_folder)
            mailbox.file_away(quarantined, self.settings.quarantine_folder)
            stats.processed += len(done)
            stats.quarantined += len(quarantined)
            handled = sorted(done + quarantined)
            if handled and len(handled) == len(messages):
                self.save_watermark(mailbox.account, state.uidvalidity, max(chunk))

    def _ingest_all(self, items: list[tuple[int, bytes, str]]
                    ) -> Iterator[tuple[int, IngestResult]]:
        """Each message's result in UID order; in the ingest processes when there are
        several (``PAKN_MAIL_PROCESSES``), else here."""
        if self.settings.processes <= 1:
            for uid, raw, source in items:
                yield uid, self.ingestor.ingest(raw, source)
            return
        pool = self._pool or self.start_processes()
        futures = [(uid, pool.submit(raw, source)) for uid, raw, source in items]
        for uid, future in futures:
            yield uid, future.result()

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
        """IDLE until the server reports news (or the timeout); else sleep and NOOP."""
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
                if not once and self.settings.processes > 1:
                    self.start_processes()
                while not self.stop.is_set():
                    stats = self.poll_once(mailbox)
                    _add(total, stats)
                    if once:
                        self._close_pool()
                        return total
                    self.wait_for_mail(mailbox)
            except (*CONNECTION_ERRORS, *SYSTEM_ERRORS, BrokenProcessPool) as exc:
                if isinstance(exc, BrokenProcessPool):
                    self._pool = None
                failures += 1
                if max_failures is not None and failures > max_failures:
                    raise
                delay = retry_delay(failures)
                log.warning("mail worker: %s; retrying in %.1f s (failure %d)",
                            describe_error(exc, self.settings), delay, failures)
                self.stop.wait(delay)
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
