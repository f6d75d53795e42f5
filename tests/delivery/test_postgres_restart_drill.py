"""Fault drill: PostgreSQL restarted in the middle of delivery.

Real processes: a private PostgreSQL cluster, the dispatcher as ``pakn delivery send``
(the ``delivery`` process of ``pakn run``) and a real SMTP peer (aiosmtpd) that takes
30 ms per message, so the restart falls while the dispatcher is sending a claimed batch.

What the design promises (``intake/delivery/dispatcher.py``, README "Architecture"): a
row is leased before it is sent and marked ``sent`` after the peer accepted it, in a
transaction of its own — at least once, never lost. A row whose "sent" could not be
written because the database was gone keeps its lease (5 minutes) and is sent again
when the lease ends: that, and only that, is a duplicate the design allows, and it
carries the same Message-ID (the citizen's mail program shows one message). So:

- the dispatcher survives the restart and goes on sending afterwards;
- every queued message reaches the peer (nothing lost), and every row ends ``sent``;
- a message reaches the peer twice only if its row was left leased, unrecorded, by the
  outage (at most one claimed batch), and never three times.

The 5-minute lease is not configurable; the test plays its end by moving the leased
rows' ``next_attempt_at`` to now, as the clock would.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from intake.clock import utcnow
from intake.db import Database, upgrade
from intake.delivery.dispatcher import RetryPolicy
from intake.delivery.outbox import Outgoing, enqueue
from intake.delivery.purposes import Purpose
from intake.delivery.templates import Letter
from intake.models import Channel, Outbox, OutboxStatus
from tests.conftest import ROOT
from tests.harness.postgres import PostgresServer, _start, _stop, find_pg_bin, postgres_server
from tests.harness.smtp import SmtpPeer, _Collector

COUNT = 240
DOMAIN = "drill.bacgiang.gov.vn"
BATCH = RetryPolicy().batch  # what one pass claims: the most the outage can leave leased


class SlowCollector(_Collector):
    """The SMTP peer's collector, 30 ms per message (a real server's pace, roughly)."""

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(0.03)
        return await super().handle_DATA(server, session, envelope)


def _queue(db: Database, count: int) -> dict[str, int]:
    """``count`` e-mails in the outbox; their Message-IDs → outbox ids."""
    ids: dict[str, int] = {}
    with db.transaction() as session:
        for i in range(count):
            queued = enqueue(session, Outgoing(
                Channel.EMAIL, f"citizen{i}@example.vn", Purpose.ACK,
                Letter(f"Drill {i}", f"Thư thứ {i} của bài diễn tập."),
                dedup_key=f"drill:{i}"), DOMAIN)
            assert queued.message_id is not None
            ids[f"<{queued.message_id}>"] = queued.outbox_id
    return ids


def _received_ids(peer: SmtpPeer) -> Counter[str]:
    return Counter(str(r.message()["Message-ID"]) for r in peer.received)


def _wait(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


def _rows(db: Database) -> list[tuple[int, str, Any]]:
    with db.reading() as session:
        return [tuple(row) for row in session.execute(
            select(Outbox.id, Outbox.status, Outbox.next_attempt_at))]


def _restart(server: PostgresServer, down_seconds: float) -> None:
    """Stop the cluster (fast: open transactions are aborted, connections cut), keep it
    down a while, and start it again on the same port and data."""
    bin_dir = find_pg_bin()
    assert bin_dir is not None
    _stop(bin_dir, server)
    time.sleep(down_seconds)
    _start(bin_dir, server)


def test_postgres_restarted_in_the_middle_of_delivery(tmp_path: Path) -> None:
    with postgres_server(databases=["drill"]) as pg:
        url = pg.url("drill")
        upgrade(url)
        db = Database(url)
        expected = _queue(db, COUNT)
        peer = SmtpPeer()
        peer.collector = SlowCollector()
        peer.start()
        log_path = tmp_path / "delivery.log"
        env = {**os.environ, "PAKN_DATABASE_URL": url, "PAKN_VAR_DIR": str(tmp_path / "var"),
               "PAKN_SMTP_HOST": "127.0.0.1", "PAKN_SMTP_PORT": str(peer.port),
               "PAKN_SMTP_SECURITY": "plain", "PAKN_MAIL_ALLOW_PLAIN": "1",
               "PAKN_MAIL_FROM": f"Drill <hotline@{DOMAIN}>",
               "PAKN_DELIVERY_RETRY_SECONDS": "0.2", "PAKN_DELIVERY_POLL_SECONDS": "0.2"}
        with log_path.open("wb") as log_file:
            dispatcher = subprocess.Popen(
                [sys.executable, "-m", "intake.cli", "delivery", "send"], cwd=ROOT, env=env,
                stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT)
            try:
                _wait(lambda: len(peer.received) >= 60, 120, "the first 60 messages")
                at_restart = len(peer.received)
                assert at_restart < COUNT, "delivery ended before the restart: no drill"
                server_pid = _postmaster_pid(pg)
                _restart(pg, down_seconds=5.0)
                assert _postmaster_pid(pg) != server_pid, "the server was not restarted"
                after_restart = len(peer.received)
                # Settled: every row is sent, or leased because its outcome (or its
                # claim) was cut by the outage; none is waiting unclaimed, and the peer
                # got nothing for 2 s (no batch is still on its way).
                def settled() -> bool:
                    now = utcnow()
                    quiet = time.time() - peer.received[-1].at >= 2.0
                    return quiet and all(
                        status == OutboxStatus.SENT.value
                        or (status == OutboxStatus.PENDING.value and due > now)
                        for _, status, due in _rows(db))
                _wait(settled, 180, "every row sent or leased after the restart")
                assert dispatcher.poll() is None, "the dispatcher died with the database"
                assert len(peer.received) > after_restart, "nothing sent after the restart"
                limbo = _leased(db)
                assert len(limbo) <= BATCH
                duplicates_before = {mid for mid, n in _received_ids(peer).items() if n > 1}
                assert duplicates_before == set(), "sent twice before any lease ended"
                # The lease ends (the test plays the clock): the leased rows go again.
                with db.transaction() as session:
                    session.execute(update(Outbox).where(
                        Outbox.status == OutboxStatus.PENDING.value).values(
                        next_attempt_at=utcnow()))
                _wait(lambda: all(status == OutboxStatus.SENT.value
                                  for _, status, _ in _rows(db)), 120, "every row sent")
            finally:
                dispatcher.terminate()
                dispatcher.wait(timeout=30)
                peer.stop()
        received = _received_ids(peer)
        log_text = log_path.read_text(errors="replace")
        assert set(received) == set(expected), "a message was lost or one not queued sent"
        twice = {mid for mid, n in received.items() if n > 1}
        by_id = {outbox_id: mid for mid, outbox_id in expected.items()}
        assert twice <= {by_id[i] for i in limbo}, \
            "sent twice without having been left leased by the outage"
        assert max(received.values()) <= 2
        assert len(received) == COUNT
        print(f"drill: {at_restart} sent before the restart, "
              f"{log_text.count('delivery pass failed')} passes failed while it was down, "
              f"{len(limbo)} left leased (sent, not recorded), {len(twice)} sent twice after "
              f"their lease ended")
        db.dispose()


def _postmaster_pid(server: PostgresServer) -> int:
    return int((server.data_dir / "postmaster.pid").read_text().split()[0])


def _leased(db: Database) -> set[int]:
    """Rows still pending with a lease in the future (claimed, outcome not recorded)."""
    now = utcnow()
    return {row_id for row_id, status, due in _rows(db)
            if status == OutboxStatus.PENDING.value and due > now}
