"""Ingesting the messages of a fetched chunk in several processes.

Parsing, routing and filing a message is CPU work (about 3–4 ms). With one process per
core, a worker takes mail about as fast as the machine allows. Each process takes a part
of the claimed batch and files it with the idempotent ``MailIngestor.ingest_batch``: one
transaction for its part, a savepoint per message (one commit, one connection check-out,
one read of the province and of the acknowledgement counts, one look at the
organisation's version, and one multi-row INSERT each for the acknowledgements, their
thread rows and the complaints' kinds and events per part, not per message), so nothing
changes about exactly-once: the worker files a message away (``Processed``) only after
its process has committed the part holding it.

Child processes are started fresh (``spawn``), never forked from a process holding open
database connections, and end when the worker shuts the pool down or disappears.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context

from intake.config import Settings
from intake.db import Database
from intake.logsetup import configure_logging
from intake.mail.config import MailSettings
from intake.mail.ingest import IngestResult, MailIngestor
from intake.services.complaints import IntakeService

log = logging.getLogger(__name__)

_ingestor: MailIngestor | None = None


def _exit_with_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def _start(core: Settings, mail: MailSettings, parent: int) -> None:
    """Pool initializer: this process's own database engine and ingestor. Ctrl-C and
    SIGTERM are the worker's to handle (it finishes the chunk in hand, then shuts the
    pool down), so a process never dies in the middle of a message because of them.
    It watches for its parent before it warms up: a worker killed meanwhile leaves no
    process loading (or retraining the routing classifier, written atomically) for
    nobody. Logging is set up first, as in the worker (a spawned process inherits none
    of it): product loggers at ``PAKN_LOG_LEVEL``, tracebacks without their messages,
    which may quote a citizen's mail."""
    global _ingestor
    configure_logging()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _ingestor = MailIngestor(IntakeService(Database(core.database_url), core), mail)
    _ingestor.warm_up()


def _ready(delay: float) -> int:
    time.sleep(delay)  # long enough for the other processes to be asked to start too
    return os.getpid()


def _ingest_batch(items: list[tuple[bytes, str, str]]) -> list[IngestResult]:
    if _ingestor is None:
        raise RuntimeError("ingest process not initialised")
    return _ingestor.ingest_batch(items)


class IngestPool:
    """``processes`` ingest processes sharing the work of one mail worker."""

    def __init__(self, core: Settings, mail: MailSettings, processes: int) -> None:
        self.processes = processes
        self._executor = ProcessPoolExecutor(
            processes, mp_context=get_context("spawn"), initializer=_start,
            initargs=(core, mail, os.getpid()))

    def start(self, timeout: float = 120.0) -> None:
        """Start every process and wait until each has run its initializer (its database
        engine and ingestor exist); otherwise they start with the first messages."""
        deadline = time.monotonic() + timeout
        pids: set[int] = set()
        while len(pids) < self.processes and time.monotonic() < deadline:
            futures = [self._executor.submit(_ready, 0.05) for _ in range(self.processes)]
            pids.update(f.result(timeout=max(1.0, deadline - time.monotonic()))
                        for f in futures)

    def submit_batch(self, items: list[tuple[bytes, str, str]]
                     ) -> Future[list[IngestResult]]:
        """Start ingesting ``items`` (``(raw, source, sha256)``, the bytes as the raw store
        holds them under ``sha256``) in one transaction in one of the processes; the
        future gives their results in order (or the batch's error)."""
        return self._executor.submit(_ingest_batch, items)

    def close(self) -> None:
        """Stop the processes once their current messages are done."""
        self._executor.shutdown(wait=True, cancel_futures=True)
