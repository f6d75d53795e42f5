"""A flood in the hotline mailbox: how long the genuine complaints inside it wait.

    .venv/bin/python bench/mail_flood.py [--bulk 20000] [--genuine 50] [--no-postgres]
                                         [--fifo] [--processes N] [--raw-store db]

``--bulk`` bulk and automatic messages — newsletters with List-Unsubscribe, Precedence:
bulk mail, out-of-office replies (Auto-Submitted), delivery reports (multipart/report
from MAILER-DAEMON), and one address mailing plain messages over and over — with
``--genuine`` citizens' complaints spread evenly among them (the last one near the
end), are APPENDed to a throwaway Dovecot (the harness of ``bench/mail_ingest.py``).
Then one ``MailWorker`` drains the mailbox (headers fetched and triaged 2,000 at a time →
bodies of likely-genuine mail fetched first → store raw → queue → ingest by priority →
move; the rest of the flood fetched at most 1,000 ahead of ingest), with the delivery
dispatcher running beside it and sending the acknowledgements to a real SMTP peer
(aiosmtpd), as ``pakn run`` runs them. ``--raw-store db`` keeps the raw mail in the
database (``PAKN_RAW_STORE=db``), as machines sharing one PostgreSQL do.

Printed per database: for the genuine complaints, the time from the start of the drain
to their ingest's commit (the acknowledgement queued in the same transaction) and to the
acknowledgement accepted by the SMTP peer, p50/p95/max; the total drain time and rate;
what the triage found. ``--fifo`` runs the same flood again with the triage switched off
(``PAKN_MAIL_TRIAGE=0``: arrival order, as before the queue) for comparison.

Prints figures; asserts nothing. Target: p95 ≤ 10 s to the acknowledgement.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from bench.mail_ingest import fresh_database, mail_settings  # noqa: E402
from intake.delivery.config import mail_dispatcher  # noqa: E402
from intake.mail.ingest import MailIngestor  # noqa: E402
from intake.mail.models import MailIngest  # noqa: E402
from intake.mail.worker import MailWorker  # noqa: E402
from tests.harness.dovecot import DovecotServer, dovecot_server  # noqa: E402
from tests.harness.postgres import postgres_server  # noqa: E402
from tests.harness.smtp import SmtpPeer, smtp_peer  # noqa: E402
from tests.mail.conftest import fixture_bytes  # noqa: E402

BULK = [("triage_newsletter_list_unsubscribe.eml", 35), ("vi_bulk_newsletter.eml", 15),
        ("triage_exchange_out_of_office.eml", 20), ("vi_out_of_office.eml", 10),
        ("vi_dsn_bounce.eml", 15), ("repeat", 5)]
CITIZEN = "triage_citizen_complaint.eml"


def bulk_messages(count: int, tag: str) -> list[bytes]:
    """``count`` distinct bulk and automatic messages in the proportions of ``BULK``."""
    pool = [name for name, weight in BULK for _ in range(weight)]
    repeat = fixture_bytes(CITIZEN).replace(b"lethihoa1985@gmail.example",
                                            b"quangcao.sieure@mail.example")
    out = []
    for i in range(count):
        name = pool[i % len(pool)]
        raw = repeat if name == "repeat" else fixture_bytes(
            name, code="PA-00000000", ack_id="x@example.vn")
        out.append(raw.replace(b"Message-ID: <", f"Message-ID: <{tag}-b{i}-".encode(), 1))
    return out


def genuine_messages(count: int, tag: str) -> dict[str, bytes]:
    """``count`` citizens' complaints (distinct senders), by Message-ID."""
    base = fixture_bytes(CITIZEN)
    out = {}
    for i in range(count):
        mid = f"{tag}-g{i}@mail.gmail.example"
        out[f"<{mid}>"] = base.replace(b"CAF3x9pQ1bV+triage-citizen-1@mail.gmail.example",
                                       mid.encode()).replace(
            b"lethihoa1985@", f"congdan{tag}{i}@".encode())
    return out


def interleave(bulk: list[bytes], genuine: list[bytes]) -> list[bytes]:
    """``genuine`` spread evenly through ``bulk``: one after every ``len(bulk) /
    len(genuine)`` bulk messages, the last one at the very end."""
    out: list[bytes] = []
    placed = 0
    for i, raw in enumerate(bulk):
        out.append(raw)
        while placed < len(genuine) and i + 1 >= (placed + 1) * len(bulk) // len(genuine):
            out.append(genuine[placed])
            placed += 1
    out.extend(genuine[placed:])
    return out


def quantiles(waits: list[float]) -> str:
    waits = sorted(waits)
    if not waits:
        return "none"
    p95 = waits[max(0, math.ceil(0.95 * len(waits)) - 1)]  # nearest rank
    return (f"p50 {statistics.median(waits):.2f} s, p95 {p95:.2f} s, max {waits[-1]:.2f} s "
            f"({len(waits)})")


def run(label: str, url: str, imap: DovecotServer, user: str, smtp: SmtpPeer,
        var_dir: Path, bulk: int, genuine: int, triage: bool, processes: int | None,
        raw_store: str = "dir") -> None:
    service = fresh_database(url)
    citizens = genuine_messages(genuine, f"{label}{user}")
    messages = interleave(bulk_messages(bulk, f"{label}{user}"), list(citizens.values()))
    started = time.perf_counter()
    imap.append(user, messages)
    append_s = time.perf_counter() - started
    extra = {"PAKN_MAIL_TRIAGE": "1" if triage else "0", "PAKN_RAW_STORE": raw_store}
    if processes:
        extra["PAKN_MAIL_PROCESSES"] = str(processes)
    settings = mail_settings(imap, user, smtp, var_dir, **extra)
    worker = MailWorker(MailIngestor(service, settings), settings)
    worker.get_ready()  # as a running worker: its ingest processes started, or routing loaded
    sender = mail_dispatcher(service.db, settings)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_until_complete,
                              args=(sender.run(stop, poll_seconds=0.5),), daemon=True)
    thread.start()
    before = len(smtp.received)
    t0 = time.time()
    stats = worker.run(once=True, max_failures=0)
    drained = time.time() - t0
    # every complaint is acknowledged (the repeating sender's too): wait for all of them
    received = smtp.wait_for(before + service.count(), timeout=60)[before:]
    loop.call_soon_threadsafe(stop.set)
    thread.join(timeout=10)
    with service.db.reading() as session:
        committed = {row.message_id: row.updated_at.timestamp() - t0 for row in
                     session.scalars(select(MailIngest).where(
                         MailIngest.message_id.in_([m.strip("<>") for m in citizens])))}
    acked = [r.at - t0 for r in received if str(r.message()["In-Reply-To"]) in citizens]
    mode = "triage on" if triage else "triage OFF (arrival order)"
    print(f"[{label}, {mode}] {len(messages)} messages ({bulk} bulk/automatic, {genuine} "
          f"genuine), APPENDed in {append_s:.1f} s; {settings.processes} ingest process(es); "
          f"raw store {raw_store}",
          flush=True)
    print(f"[{label}, {mode}] genuine, from the start of the drain: ingest committed (ack "
          f"queued) {quantiles(list(committed.values()))}; ack accepted by the SMTP peer "
          f"{quantiles(acked)}", flush=True)
    print(f"[{label}, {mode}] drain: {drained:.1f} s for {stats.processed} messages "
          f"({stats.processed / drained:,.0f} msg/s), {stats.quarantined} quarantined; "
          f"triage {stats.triage}; outcomes {stats.statuses}; complaints {service.count()}",
          flush=True)
    service.db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bulk", type=int, default=20000)
    parser.add_argument("--genuine", type=int, default=50)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--fifo", action="store_true",
                        help="also run with the triage off (arrival order)")
    parser.add_argument("--processes", type=int, default=None,
                        help="ingest processes (default: PAKN_MAIL_PROCESSES or one per core)")
    parser.add_argument("--raw-store", choices=["dir", "db"], default="dir",
                        help="PAKN_RAW_STORE: the local directory or the database")
    args = parser.parse_args()
    modes = [True, False] if args.fifo else [True]
    dbs = [d for d, skip in (("sqlite", args.no_sqlite), ("postgresql", args.no_postgres))
           if not skip]
    users = {f"{d}{int(m)}": "bench-secret" for d in dbs for m in modes}
    with tempfile.TemporaryDirectory(prefix="pakn-bench-flood-") as tmp, \
            dovecot_server(users) as imap, smtp_peer() as smtp:
        base = Path(tmp)
        for triage in modes if "sqlite" in dbs else []:
            user = f"sqlite{int(triage)}"
            run("sqlite", f"sqlite:///{base / f'{user}.db'}", imap, user, smtp,
                base / f"var-{user}", args.bulk, args.genuine, triage, args.processes,
                args.raw_store)
        if "postgresql" in dbs:
            with postgres_server(databases=[f"flood{int(m)}" for m in modes]) as pg:
                for triage in modes:
                    run("postgresql", pg.url(f"flood{int(triage)}"), imap,
                        f"postgresql{int(triage)}", smtp, base / f"var-pg{int(triage)}",
                        args.bulk, args.genuine, triage, args.processes, args.raw_store)


if __name__ == "__main__":
    main()
