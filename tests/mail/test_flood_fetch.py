"""Headers first: the fetcher triages the headers of a flood before it fetches bodies,
fetches the genuine complaints' bodies first, and fetches the rest of the flood only a
bounded distance ahead of ingest (``intake.mail.worker``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from intake.mail import worker as worker_module
from intake.mail.config import MailSettings
from intake.mail.fetch import Mailbox
from intake.mail.ingest import MailIngestor
from intake.mail.queue import MailQueue
from intake.mail.worker import MailWorker
from intake.services.complaints import IntakeService
from tests.harness.dovecot import DovecotServer
from tests.mail.test_triage import flood, genuine


def test_genuine_bodies_are_fetched_first_and_the_flood_a_bounded_distance_ahead(
        imap: DovecotServer, live_settings: MailSettings, service: IntakeService,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker_module, "FETCH_AHEAD", 30)
    monkeypatch.setattr(worker_module, "SCAN_WINDOW", 100)
    settings = replace(live_settings, fetch_batch=10)
    bulk = flood(240, "ahead")
    citizens = genuine(2, "ahead")
    # One complaint in the first scan window, one at the very end (UIDs 51 and 242).
    imap.append("hotline", [*bulk[:50], citizens[0], *bulk[50:], citizens[1]])
    fetches: list[tuple[list[int], int]] = []  # bodies fetched, and how many were queued
    headers: list[int] = []
    queue = MailQueue(service.db)
    real_fetch, real_headers = Mailbox.fetch, Mailbox.headers

    def fetch(self: Mailbox, uids: Sequence[int]) -> list[tuple[int, bytes]]:
        fetches.append((list(uids), queue.waiting()))
        return real_fetch(self, uids)

    def look(self: Mailbox, uids: Sequence[int],  # type: ignore[no-untyped-def]
             fields: Sequence[str] | None = None):
        headers.extend(uids)
        return real_headers(self, uids, fields)

    monkeypatch.setattr(Mailbox, "fetch", fetch)
    monkeypatch.setattr(Mailbox, "headers", look)
    stats = MailWorker(MailIngestor(service, settings), settings).run(once=True,
                                                                      max_failures=0)
    assert stats.fetched == 242 and stats.processed == 242
    assert service.count() == 2
    order = [uid for uids, _ in fetches for uid in uids]
    assert sorted(order) == list(range(1, 243))  # every body fetched once, none twice
    assert sorted(headers) == list(range(1, 243))  # every header looked at once
    # The complaints' bodies are fetched first, each right after the look at its window
    # of headers, before any of the flood's (the last one ahead of 240 flood bodies).
    assert [uids for uids, _ in fetches[:2]] == [[51], [242]], fetches[:3]
    # The flood is fetched at most FETCH_AHEAD (+ one chunk) ahead of ingest.
    assert max(waiting for _, waiting in fetches) < 30 + 10, fetches
