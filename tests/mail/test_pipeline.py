"""The worker keeps two claims in its ingest processes (``worker.IN_FLIGHT``): while they
file one claim, it files away (moves on the server) the claim before and claims the
next, or fetches the next chunk of mail. Each message is still taken once, and moved
only after its part committed."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import Future
from dataclasses import replace

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from intake.db import Database
from intake.mail.config import MailSettings
from intake.mail.fetch import Mailbox
from intake.mail.ingest import IngestResult, MailIngestor
from intake.mail.models import MailQueued, QueueState
from intake.mail.pool import IngestPool
from intake.mail.queue import Place, QueuedMessage
from intake.mail.worker import IN_FLIGHT, MailWorker, PollStats, _Flight
from intake.services.complaints import IntakeService
from tests.harness.dovecot import DovecotServer
from tests.mail.test_triage import flood, genuine

Parts = list[tuple[list[QueuedMessage], Future[list[IngestResult]]]]


def _pooled_worker(service: IntakeService, live_settings: MailSettings,
                   fetch_batch: int | None = None) -> MailWorker:
    settings = replace(live_settings, processes=2,
                       fetch_batch=fetch_batch or live_settings.fetch_batch)
    service.warm_up_routing()  # its classifier trained once here, not in each process
    worker = MailWorker(MailIngestor(service, settings), settings)
    worker.claim_batch = 4  # claims of 4: 12 messages are 3 claims
    # started here, with time for a machine busy with other work (each process loads
    # routing), not within the worker's first claim
    worker._pool = IngestPool(service.settings, settings, settings.processes)
    worker._pool.start(timeout=900)
    return worker


def test_a_claim_is_filed_away_while_the_next_one_is_being_ingested(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    imap.append("hotline", genuine(12, "pipe"))
    worker = _pooled_worker(service, live_settings)
    in_flight_at_move: list[int] = []
    claimed: Counter[int] = Counter()
    real_file_away, real_submit = Mailbox.file_away, worker._submit

    def file_away(mailbox: Mailbox, uids: list[int], folder: str) -> None:
        if uids:
            in_flight_at_move.append(len(worker._flights))
        real_file_away(mailbox, uids, folder)

    def submit(items: list[tuple[QueuedMessage, bytes]]) -> Parts:
        claimed.update(message.id for message, _ in items)
        return real_submit(items)

    monkeypatch.setattr(Mailbox, "file_away", file_away)
    monkeypatch.setattr(worker, "_submit", submit)
    stats = worker.run(once=True, max_failures=0)
    assert IN_FLIGHT == 2
    # Claims 1 and 2 were moved while the next claim was in the ingest processes.
    assert in_flight_at_move == [1, 1, 0]
    assert len(claimed) == 12 and set(claimed.values()) == {1}  # no row claimed twice
    assert stats.processed == 12 and stats.already_seen == 0 and service.count() == 12
    assert imap.count("hotline", "INBOX") == 0 and imap.count("hotline", "Processed") == 12
    with db.reading() as session:
        assert session.scalars(select(MailQueued)).all() == []


def test_the_next_chunk_is_fetched_while_the_processes_are_busy_with_the_last_one(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """60 complaints fetched 20 at a time, claimed 8 at a time, the processes never done
    with a claim when the worker looks: once two claims of a chunk are in the processes,
    it fetches and stores the next chunk instead of waiting for them (before, it fetched
    only once every message of the chunk was claimed, so the processes sat idle while it
    fetched). After the last chunk every message is claimed, then landed. Nothing is
    taken twice or left behind."""
    imap.append("hotline", genuine(60, "ahead"))
    worker = _pooled_worker(service, live_settings, fetch_batch=20)
    worker.claim_batch = 8
    # (claims in flight, queued messages no claim holds) when each chunk is fetched
    seen_at_fetch: list[tuple[int, int]] = []
    claimed: Counter[int] = Counter()
    real_queue_chunk, real_submit = worker._queue_chunk, worker._submit

    def queue_chunk(*args: object, **kwargs: object) -> None:
        held = sum(len(flight.claim.messages) for flight in worker._flights)
        seen_at_fetch.append((len(worker._flights), worker.queue.waiting() - held))
        real_queue_chunk(*args, **kwargs)  # type: ignore[arg-type]

    def submit(items: list[tuple[QueuedMessage, bytes]]) -> Parts:
        claimed.update(message.id for message, _ in items)
        return real_submit(items)

    monkeypatch.setattr(worker, "_queue_chunk", queue_chunk)
    monkeypatch.setattr(worker, "_submit", submit)
    monkeypatch.setattr(_Flight, "finished", lambda flight: False)  # a slow machine
    stats = worker.run(once=True, max_failures=0)
    assert IN_FLIGHT == 2
    # chunk 2 fetched with two claims of 8 in flight and 4 of chunk 1 left to claim;
    # chunk 3 with 4 + 20 left
    assert seen_at_fetch == [(0, 0), (2, 4), (2, 24)]
    assert len(claimed) == 60 and set(claimed.values()) == {1}
    assert stats.processed == 60 and stats.already_seen == 0 and service.count() == 60
    assert imap.count("hotline", "INBOX") == 0 and imap.count("hotline", "Processed") == 60
    with db.reading() as session:
        assert session.scalars(select(MailQueued)).all() == []


def test_in_a_flood_every_genuine_chunk_is_claimed_before_the_bulk_mail_is_fetched(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """30 complaints among 40 bulk messages, fetched 10 at a time by two ingest
    processes that are never done when the worker looks (so it fetches ahead between the
    complaints' chunks): the complaints' three chunks are fetched first, and when the
    first bulk chunk is fetched every complaint is claimed already (none waits in the
    queue behind the flood). Every message is claimed once; nothing is left behind."""
    citizens, bulk = genuine(30, "pooled"), flood(40, "pooled")
    mixed = [raw for pair in zip(bulk, citizens, strict=False) for raw in pair]
    mixed += bulk[len(citizens):]
    imap.append("hotline", mixed)
    genuine_uids = {uid for uid, raw in enumerate(mixed, 1) if raw in citizens}
    worker = _pooled_worker(service, live_settings, fetch_batch=10)
    # (complaints in the chunk, queued messages no claim holds) at each chunk's fetch
    at_fetch: list[tuple[int, int]] = []
    claimed: Counter[int] = Counter()  # by UID
    real_queue_chunk, real_submit = worker._queue_chunk, worker._submit

    def queue_chunk(mailbox: Mailbox, place: Place, chunk: list[int],
                    stats: PollStats) -> None:
        held = sum(len(flight.claim.messages) for flight in worker._flights)
        at_fetch.append((len(genuine_uids & set(chunk)), worker.queue.waiting() - held))
        real_queue_chunk(mailbox, place, chunk, stats)

    def submit(items: list[tuple[QueuedMessage, bytes]]) -> Parts:
        claimed.update(message.uid for message, _ in items)  # ids are reused
        return real_submit(items)

    monkeypatch.setattr(worker, "_queue_chunk", queue_chunk)
    monkeypatch.setattr(worker, "_submit", submit)
    monkeypatch.setattr(_Flight, "finished", lambda flight: False)  # a slow machine
    stats = worker.run(once=True, max_failures=0)
    assert [complaints for complaints, _ in at_fetch] == [10, 10, 10, 0, 0, 0, 0]
    # the 2nd and 3rd complaint chunks are fetched while claims are in the processes
    # and messages of the chunk before wait to be claimed (fetching ahead); the first
    # bulk chunk only once every complaint is claimed
    assert at_fetch[1][1] > 0 and at_fetch[2][1] > 0 and at_fetch[3][1] == 0, at_fetch
    assert len(claimed) == 70 and set(claimed.values()) == {1}
    assert stats.processed == 70 and service.count() == 30
    assert imap.count("hotline", "INBOX") == 0
    with db.reading() as session:
        assert session.scalars(select(MailQueued)).all() == []


def test_a_claim_that_fails_in_flight_leaves_its_mail_queued_and_in_the_inbox(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second claim's transaction fails (the database went away): the first and the
    third, in flight beside it, are recorded and moved; the second stays queued and in
    the inbox, and the next poll takes it, once."""
    imap.append("hotline", genuine(12, "fail"))
    worker = _pooled_worker(service, live_settings)
    calls: list[int] = []
    real_submit = worker._submit

    def submit(items: list[tuple[QueuedMessage, bytes]]) -> Parts:
        calls.append(len(items))
        if len(calls) != 2:
            return real_submit(items)
        failed: Future[list[IngestResult]] = Future()
        failed.set_exception(OperationalError("COMMIT", {}, Exception("database gone")))
        return [([message for message, _ in items], failed)]

    with monkeypatch.context() as patch:
        patch.setattr(worker, "_submit", submit)
        with pytest.raises(OperationalError):
            worker.run(once=True, max_failures=0)
    assert calls == [4, 4, 4]
    assert service.count() == 8
    assert imap.count("hotline", "INBOX") == 4 and imap.count("hotline", "Processed") == 8
    with db.reading() as session:
        assert Counter(session.scalars(select(MailQueued.state))) == {
            QueueState.QUEUED.value: 4}
    stats = worker.run(once=True, max_failures=0)
    assert stats.fetched == 0 and stats.processed == 4 and stats.already_seen == 0
    assert service.count() == 12
    assert imap.count("hotline", "INBOX") == 0 and imap.count("hotline", "Processed") == 12
