"""Hotline-mailbox throughput and acknowledgement latency against a real Dovecot.

    .venv/bin/python bench/mail_ingest.py [--messages 2000] [--repeat 3] [--no-postgres]
                                          [--processes 1,2] [--no-latency]
                                          [--latency-messages 100] [--poll-seconds 2]
                                          [--roles] [--raw-store dir|db]

1. Throughput: ``--messages`` mixed messages (Vietnamese complaints in UTF-8 QP/base64,
   windows-1258, HTML-only, with PDF + photo attachments, without Message-ID, auto-replies
   and bulk mail) are APPENDed to a throwaway Dovecot; the raw IMAP fetch rate of the same
   messages (UID SEARCH + FETCH BODY.PEEK[] in chunks, nothing else) is measured first as
   the floor, then one ``MailWorker`` pass (fetch, store raw, parse, classify, route,
   commit, queue the acknowledgement, move to Processed), on SQLite and on PostgreSQL:
   "steady" with the worker's ingest processes (``PAKN_MAIL_PROCESSES``) started before
   the timer, as in a long-running worker; "cold" adds the time it took to start them.
   Each database and each number of ingest processes (``--processes``: 1 = ingest in the
   worker's own process, 2 = two ingest processes beside the fetcher) gets ``--repeat``
   runs (a fresh mailbox and database each), interleaved (1, 2, 1, 2 …) so that a change
   of load on a shared machine hits both alike; the summary line gives the medians, intake
   as a share of the raw fetch rate of the same runs, and the 1 → 2 scaling. On
   PostgreSQL each run also reports what the server saw per message: commits
   (``pg_stat_database.xact_commit``), WAL bytes (``pg_current_wal_lsn``) and the most
   connections open at once (``pg_stat_activity``, sampled every 50 ms) — the figures
   from which the README sizes several workers on one server. Every run also prints the
   CPU time its intake took per message (``CpuWatch``: this process and its ingest
   processes, not Dovecot), which the load of other work on a shared machine disturbs
   far less than the rate, and the 1-minute load average when it ended.
   ``--roles`` (PostgreSQL): the split roles instead — ``pakn mail fetch --once`` queues
   the mailbox, then 1 and 2 ``pakn mail ingest-worker --once`` processes (each its own
   process, one ingest process each, as on separate machines) drain the queue; their rate
   is taken from the first to the last ingest record's time, so the workers' start-up
   (loading routing) is not counted. ``--raw-store db``: raw mail and attachments in the
   database (``PAKN_RAW_STORE=db``), as machines sharing one PostgreSQL need them.
2. Latency: with the worker and the delivery dispatcher running (as ``pakn run`` runs them),
   messages are APPENDed one at a time; the time from APPEND to the acknowledgement
   accepted by a real SMTP peer (aiosmtpd), p50/p95, with IDLE and with polling.

Prints figures; asserts nothing. Targets: ≥ 200 msg/s on SQLite; p95 ≤ 5 s with IDLE.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intake.config import load_settings  # noqa: E402
from intake.db import Database, upgrade  # noqa: E402
from intake.delivery.config import mail_dispatcher  # noqa: E402
from intake.mail.config import MailSettings, load_mail_settings  # noqa: E402
from intake.mail.ingest import MailIngestor  # noqa: E402
from intake.mail.worker import MailWorker  # noqa: E402
from intake.org.data_files import read_organisation  # noqa: E402
from intake.org.loader import load_organisation  # noqa: E402
from intake.services.complaints import IntakeService  # noqa: E402
from tests.harness.dovecot import DovecotServer, dovecot_server  # noqa: E402
from tests.harness.postgres import postgres_server  # noqa: E402
from tests.harness.smtp import SmtpPeer, smtp_peer  # noqa: E402
from tests.mail.conftest import fixture_bytes  # noqa: E402

MIX = [("vi_utf8_qp.eml", 30), ("vi_utf8_base64.eml", 20), ("vi_windows1258.eml", 15),
       ("vi_html_only.eml", 10), ("vi_pdf_photo.eml", 10), ("vi_no_message_id.eml", 5),
       ("vi_out_of_office.eml", 5), ("vi_bulk_newsletter.eml", 5)]
# a From line with a bare address (no angle brackets), which the replacement above misses
BARE_SENDER = re.compile(rb"(?m)^(From: *[\w.-]+)@example\.vn(?=\r?$)")
MSGIDS = [b"vi-qp-1@", b"vi-b64-1@", b"vi-1258-1@", b"vi-html-1@", b"vi-att-1@",
          b"vi-ooo-1@", b"news-1@"]


def mixed_messages(count: int, tag: str) -> list[bytes]:
    """``count`` distinct messages in the proportions of ``MIX``, from 400 senders per
    fixture (five messages each in 2,000: below the triage's rate per sender)."""
    pool = [name for name, weight in MIX for _ in range(weight)]
    # a Message-ID holds no space or other such character (else none is parsed)
    tag = re.sub(r"[^A-Za-z0-9.-]", "-", tag)
    out = []
    for i in range(count):
        raw = fixture_bytes(pool[i % len(pool)], code="PA-00000000", ack_id="x@example.vn")
        unique = f"{tag}-{i}-".encode()
        for mid in MSGIDS:
            raw = raw.replace(b"<" + mid, b"<" + unique + mid)
        if b"Message-ID" not in raw:
            raw = raw.replace(b"\n\n", f"\nX-Bench: {tag}-{i}\n\n".encode(), 1)
        raw = raw.replace(b"@example.vn>", f"+{i % 400}@example.vn>".encode())
        raw = BARE_SENDER.sub(rb"\g<1>+%d@example.vn" % (i % 400), raw, count=1)
        out.append(raw)
    return out


def fresh_database(url: str) -> IntakeService:
    upgrade(url)
    db = Database(url)
    load_organisation(db, read_organisation(), source="bench")
    return IntakeService(db, load_settings({"PAKN_DATABASE_URL": url}))


def mail_settings(imap: DovecotServer, user: str, smtp: SmtpPeer, var_dir: Path,
                  **extra: str) -> MailSettings:
    env = {"PAKN_VAR_DIR": str(var_dir), "PAKN_MAIL_ALLOW_PLAIN": "1",
           "PAKN_IMAP_HOST": imap.host, "PAKN_IMAP_PORT": str(imap.port),
           "PAKN_IMAP_USER": user, "PAKN_IMAP_PASSWORD": imap.users[user],
           "PAKN_IMAP_SECURITY": "plain", "PAKN_SMTP_HOST": "127.0.0.1",
           "PAKN_SMTP_PORT": str(smtp.port), "PAKN_SMTP_SECURITY": "plain",
           "PAKN_MAIL_ACK_LIMIT_PER_DAY": "100000", "PAKN_MAIL_ACK_LIMIT_PER_HOUR": "1000000",
           **extra}
    return load_mail_settings(env)


def raw_fetch_rate(imap: DovecotServer, user: str, batch: int = 200) -> tuple[int, float]:
    """UID SEARCH + FETCH BODY.PEEK[] of the whole inbox; (messages, seconds)."""
    started = time.perf_counter()
    with imap.client(user) as client:
        client.select_folder("INBOX", readonly=True)
        uids = sorted(client.search(["ALL"]))
        fetched = 0
        for i in range(0, len(uids), batch):
            fetched += len(client.fetch(uids[i:i + batch], [b"BODY.PEEK[]"]))
    return fetched, time.perf_counter() - started


@dataclass
class Run:
    """One throughput run's rates (messages per second) and, on PostgreSQL, what the
    server saw per message."""

    raw_fetch: float
    steady: float
    cold: float
    server: dict[str, float] = field(default_factory=dict)
    cpu_ms: float = 0.0  # CPU per message of intake (``CpuWatch``)
    load: float = 0.0  # the 1-minute load average at the end of the run


def _cpu_seconds(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


class CpuWatch:
    """The CPU time this process and the ingest processes it starts spend between
    ``running`` and ``done``: this process's own, plus what its children reaped meanwhile
    (the ingest processes, ended by the run) spent, less what they had spent on starting
    up before ``running`` (read from their ``/proc`` entries then). Dovecot's processes
    are not this process's children to reap during a run, so they are not counted."""

    def __init__(self) -> None:
        self.children_before = _cpu_seconds(resource.getrusage(resource.RUSAGE_CHILDREN))
        self.existing = {child.pid for child in psutil.Process().children()}
        self.own = self.children = 0.0  # CPU seconds, set by ``done``

    def running(self) -> None:
        """The timer starts: the ingest processes' start-up so far is not counted."""
        self.started_up = {child.pid: sum(child.cpu_times()[:4])
                           for child in psutil.Process().children()
                           if child.pid not in self.existing}
        self.own_before = time.process_time()

    def done(self) -> float:
        """CPU seconds spent since ``running`` (call after the ingest processes ended;
        a helper process still alive, such as multiprocessing's resource tracker, is
        neither reaped nor counted); ``own`` and ``children`` split it."""
        reaped = sum(cpu for pid, cpu in self.started_up.items()
                     if not psutil.pid_exists(pid))
        self.children = (_cpu_seconds(resource.getrusage(resource.RUSAGE_CHILDREN))
                         - self.children_before - reaped)
        self.own = time.process_time() - self.own_before
        return self.own + self.children


class ServerWatch:
    """Commits, WAL bytes and connections of one PostgreSQL database during a run."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)
        self.database = self.engine.url.database
        self.most_connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _read(self) -> tuple[int, int]:
        with self.engine.connect() as conn:
            commits = conn.execute(text(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = :d"),
                {"d": self.database}).scalar_one()
            wal = conn.execute(text(
                "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')")).scalar_one()
        return int(commits), int(wal)

    def _sample(self) -> None:
        with self.engine.connect() as conn:
            while not self._stop.is_set():
                busy = conn.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = :d "
                    "AND pid <> pg_backend_pid()"), {"d": self.database}).scalar_one()
                conn.rollback()
                self.most_connections = max(self.most_connections, int(busy))
                time.sleep(0.05)

    def __enter__(self) -> ServerWatch:
        self.before = self._read()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        time.sleep(0.6)  # the statistics collector reports with a delay of up to 0.5 s
        self.after = self._read()
        self.engine.dispose()

    def per_message(self, messages: int) -> dict[str, float]:
        """Commits and WAL bytes per message, and the most connections at once."""
        return {"commits": (self.after[0] - self.before[0]) / max(1, messages),
                "wal_bytes": (self.after[1] - self.before[1]) / max(1, messages),
                "connections": float(self.most_connections)}


def throughput(label: str, url: str, imap: DovecotServer, user: str, smtp: SmtpPeer,
               count: int, var_dir: Path, processes: int = 2, raw_store: str = "dir") -> Run:
    service = fresh_database(url)
    messages = mixed_messages(count, label)
    started = time.perf_counter()
    imap.append(user, messages)
    append_s = time.perf_counter() - started
    fetched, fetch_s = raw_fetch_rate(imap, user)
    settings = mail_settings(imap, user, smtp, var_dir, PAKN_MAIL_PROCESSES=str(processes),
                             PAKN_RAW_STORE=raw_store)
    worker = MailWorker(MailIngestor(service, settings), settings)
    # A long-running worker gets ready once (starts its ingest processes, or loads routing
    # in its own process); do it before the timer (steady state) and report the cold
    # figure too (the start-up counted in).
    cpu = CpuWatch()
    started = time.perf_counter()
    worker.get_ready()
    start_s = time.perf_counter() - started
    cpu.running()
    watch = ServerWatch(url) if url.startswith("postgresql") else None
    if watch is not None:
        with watch:
            stats = worker.run(once=True, max_failures=0)
    else:
        stats = worker.run(once=True, max_failures=0)
    total = stats.seconds
    cpu_ms = cpu.done() / max(1, stats.processed) * 1000
    own_ms = cpu.own / max(1, stats.processed) * 1000
    load = os.getloadavg()[0]
    server = watch.per_message(stats.processed) if watch is not None else {}
    print(f"[{label}] {count} messages: APPEND {count / append_s:,.0f} msg/s; raw IMAP fetch "
          f"{fetched / fetch_s:,.0f} msg/s ({fetch_s:.2f} s); end-to-end intake "
          f"{stats.processed / total:,.0f} msg/s steady ({total:.2f} s, "
          f"{settings.processes} ingest processes ready; raw store {raw_store}; CPU "
          f"{cpu_ms:.2f} ms per message, of which the worker's own process {own_ms:.2f}; "
          f"load average {load:.1f}), "
          f"{stats.processed / (total + start_s):,.0f} msg/s cold (+{start_s:.2f} s to start "
          f"them); {stats.processed} processed, {stats.quarantined} quarantined; "
          f"{stats.statuses}; complaints {service.count()}"
          + (f"; per message {server['commits']:.2f} commits, {server['wal_bytes']:,.0f} WAL "
             f"bytes; at most {server['connections']:.0f} connections" if server else ""),
          flush=True)
    service.db.dispose()
    return Run(fetched / fetch_s, stats.processed / total, stats.processed / (total + start_s),
               server, cpu_ms, load)


def _role_env(url: str, imap: DovecotServer, user: str, smtp: SmtpPeer,
              var_dir: Path, raw_store: str) -> dict[str, str]:
    return {**os.environ, "PAKN_DATABASE_URL": url, "PAKN_VAR_DIR": str(var_dir),
            "PAKN_MAIL_ALLOW_PLAIN": "1", "PAKN_IMAP_HOST": imap.host,
            "PAKN_IMAP_PORT": str(imap.port), "PAKN_IMAP_USER": user,
            "PAKN_IMAP_PASSWORD": imap.users[user], "PAKN_IMAP_SECURITY": "plain",
            "PAKN_SMTP_HOST": "127.0.0.1", "PAKN_SMTP_PORT": str(smtp.port),
            "PAKN_SMTP_SECURITY": "plain", "PAKN_MAIL_PROCESSES": "1",
            "PAKN_MAIL_ACK_LIMIT_PER_DAY": "100000",
            "PAKN_MAIL_ACK_LIMIT_PER_HOUR": "1000000", "PAKN_RAW_STORE": raw_store}


def roles_throughput(label: str, url: str, imap: DovecotServer, user: str, smtp: SmtpPeer,
                     count: int, var_dir: Path, workers: int, raw_store: str = "dir") -> Run:
    """The split roles on PostgreSQL: the fetcher queues the mailbox, then ``workers``
    ingest-worker processes drain the queue (see the module's docstring)."""
    service = fresh_database(url)
    imap.append(user, mixed_messages(count, label))
    fetched, fetch_s = raw_fetch_rate(imap, user)
    # Routing's trained classifier, as an installation has it (else each worker trains it).
    shutil.copytree(ROOT / "var" / "routing", var_dir / "routing", dirs_exist_ok=True)
    env = _role_env(url, imap, user, smtp, var_dir, raw_store)
    command = [sys.executable, "-m", "intake.cli", "mail"]
    subprocess.run([*command, "fetch", "--once"], cwd=ROOT, env=env, check=True,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    with ServerWatch(url) as watch:
        processes = [subprocess.Popen([*command, "ingest-worker", "--once"], cwd=ROOT, env=env,
                                      stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
                     for _ in range(workers)]
        for process in processes:
            if process.wait(timeout=3600) != 0:
                raise RuntimeError(f"an ingest worker ended with {process.returncode}")
    with service.db.reading() as session:
        first, last, taken = session.execute(text(
            "SELECT min(received_at), max(updated_at), count(*) FROM mail_ingests")).one()
    seconds = max(1e-6, (last - first).total_seconds())
    rate = (taken - 1) / seconds
    server = watch.per_message(int(taken))
    print(f"[{label}] {count} messages, {workers} ingest-worker process(es): raw IMAP fetch "
          f"{fetched / fetch_s:,.0f} msg/s; ingest {rate:,.0f} msg/s ({taken} records in "
          f"{seconds:.2f} s, first to last); complaints {service.count()}; per message "
          f"{server['commits']:.2f} commits, {server['wal_bytes']:,.0f} WAL bytes; at most "
          f"{server['connections']:.0f} connections", flush=True)
    service.db.dispose()
    return Run(fetched / fetch_s, rate, rate, server)


def summarise(label: str, runs: list[Run]) -> float:
    """Medians over the runs, and intake as a share of the raw fetch rate; the median
    steady rate."""
    raw = statistics.median(r.raw_fetch for r in runs)
    steady = statistics.median(r.steady for r in runs)
    cold = statistics.median(r.cold for r in runs)
    server = ""
    if runs[0].server:
        server = (f"; per message {statistics.median(r.server['commits'] for r in runs):.2f} "
                  f"commits, {statistics.median(r.server['wal_bytes'] for r in runs):,.0f} WAL "
                  f"bytes, at most {max(r.server['connections'] for r in runs):.0f} "
                  f"connections")
    cpu = ""
    if any(r.cpu_ms for r in runs):
        cpu = (f" (CPU {statistics.median(r.cpu_ms for r in runs):.2f} ms per message; load "
               f"average {min(r.load for r in runs):.1f}–{max(r.load for r in runs):.1f})")
    print(f"[{label}] median of {len(runs)} runs: end-to-end intake {steady:,.0f} msg/s steady"
          f"{cpu}, {cold:,.0f} msg/s cold; raw IMAP fetch {raw:,.0f} msg/s; intake is "
          f"{steady / raw:.1%} of the raw fetch rate (range {min(r.steady for r in runs):,.0f}"
          f"–{max(r.steady for r in runs):,.0f} msg/s steady){server}", flush=True)
    return steady


def compare(label: str, url_of: Callable[[int, int], str], imap: DovecotServer, smtp: SmtpPeer,
            args: argparse.Namespace, base: Path) -> None:
    """``--repeat`` runs for each number of ingest processes, interleaved; the medians and
    how intake grows from the first number to the last."""
    counts = [int(n) for n in args.processes.split(",")]
    runs: dict[int, list[Run]] = {n: [] for n in counts}
    for i in range(max(1, args.repeat)):
        for n in counts:
            if args.roles:
                runs[n].append(roles_throughput(f"{label} {n}w", url_of(i, n), imap,
                                                f"{label}{i}p{n}", smtp, args.messages,
                                                base / f"var-{label}{i}p{n}", workers=n,
                                                raw_store=args.raw_store))
                continue
            runs[n].append(throughput(f"{label} {n}p", url_of(i, n), imap,
                                      f"{label}{i}p{n}", smtp, args.messages,
                                      base / f"var-{label}{i}p{n}", processes=n,
                                      raw_store=args.raw_store))
    unit = "w" if args.roles else "p"
    medians = {n: summarise(f"{label} {n}{unit}", runs[n]) for n in counts}
    if len(counts) > 1:
        first, last = counts[0], counts[-1]
        what = "workers" if args.roles else "processes"
        print(f"[{label}] {first} → {last} ingest {what}: {medians[last] / medians[first]:.2f}×"
              f" ({medians[first]:,.0f} → {medians[last]:,.0f} msg/s)", flush=True)


def latency(label: str, url: str, imap: DovecotServer, user: str, smtp: SmtpPeer,
            count: int, var_dir: Path, idle: bool, poll_seconds: float) -> None:
    service = fresh_database(url)
    settings = mail_settings(imap, user, smtp, var_dir,
                             PAKN_IMAP_IDLE="1" if idle else "0",
                             PAKN_IMAP_POLL_SECONDS=str(poll_seconds))
    worker = MailWorker(MailIngestor(service, settings), settings)
    sender = mail_dispatcher(service.db, settings)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    threads = [threading.Thread(target=worker.run, daemon=True),
               threading.Thread(target=loop.run_until_complete,
                                args=(sender.run(stop, poll_seconds=0.5),), daemon=True)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    before = len(smtp.received)
    appended: dict[str, float] = {}
    with imap.client(user) as client:
        for i, raw in enumerate(mixed_messages(count, f"lat-{label}")):
            raw = raw.replace(b"vi-qp-1@", f"lat-{label}-{i}@".encode())
            if i % 3:
                raw = fixture_bytes("vi_utf8_qp.eml").replace(
                    b"vi-qp-1@", f"lat-{label}-{i}@".encode()).replace(
                    b"nguyenvanan@", f"lat{i}@".encode())
            else:
                raw = fixture_bytes("vi_html_only.eml").replace(
                    b"vi-html-1@", f"lat-{label}-{i}@".encode()).replace(
                    b"pham.duc@", f"lat{i}@".encode())
            appended[f"<lat-{label}-{i}@example.vn>"] = time.time()
            client.append("INBOX", raw)
            time.sleep(0.2)
    received = smtp.wait_for(before + count, timeout=120)[before:]
    waits = sorted(r.at - appended[str(r.message()["In-Reply-To"])] for r in received
                   if str(r.message()["In-Reply-To"]) in appended)
    worker.stop.set()
    loop.call_soon_threadsafe(stop.set)
    for thread in threads:
        thread.join(timeout=10)
    mode = "IDLE" if idle else f"polling every {poll_seconds:g} s"
    if len(waits) < 2:
        print(f"[{label}] latency ({mode}): only {len(waits)} acknowledgements arrived")
        return
    p95 = waits[min(len(waits) - 1, int(0.95 * len(waits)))]
    print(f"[{label}] APPEND → ack accepted by SMTP ({mode}, outbox looks every 0.5 s): "
          f"{len(waits)}/{count} acks, p50 {statistics.median(waits):.2f} s, p95 {p95:.2f} s, "
          f"max {waits[-1]:.2f} s", flush=True)
    service.db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--latency-messages", type=int, default=100)
    parser.add_argument("--poll-seconds", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=3, help="throughput runs per database")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--no-latency", action="store_true")
    parser.add_argument("--roles", action="store_true",
                        help="PostgreSQL only: the fetcher role, then separate ingest workers")
    parser.add_argument("--processes", default="1,2",
                        help="numbers of ingest processes to compare, comma-separated")
    parser.add_argument("--raw-store", choices=("dir", "db"), default="dir",
                        help="PAKN_RAW_STORE: the local directory or the database")
    args = parser.parse_args()
    repeats = range(max(1, args.repeat))
    counts = [int(n) for n in args.processes.split(",")]
    users = {name: "bench-secret" for name in (
        "idle", "poll", *(f"{db}{i}p{n}" for db in ("sqlite", "pg") for i in repeats
                          for n in counts))}
    with tempfile.TemporaryDirectory(prefix="pakn-bench-mail-") as tmp, \
            dovecot_server(users) as imap, smtp_peer() as smtp:
        base = Path(tmp)
        if not args.no_sqlite and not args.roles:
            compare("sqlite", lambda i, n: f"sqlite:///{base / f'bench{i}p{n}.db'}", imap, smtp,
                    args, base)
        if not args.no_postgres:
            names = [f"bench{i}p{n}" for i in repeats for n in counts]
            with postgres_server(databases=names) as pg:
                compare("pg", lambda i, n: pg.url(f"bench{i}p{n}"), imap, smtp, args, base)
        if args.no_latency:
            return
        latency("sqlite", f"sqlite:///{base / 'idle.db'}", imap, "idle", smtp,
                args.latency_messages, base / "var-idle", idle=True,
                poll_seconds=args.poll_seconds)
        latency("sqlite", f"sqlite:///{base / 'poll.db'}", imap, "poll", smtp,
                args.latency_messages, base / "var-poll", idle=False,
                poll_seconds=args.poll_seconds)


if __name__ == "__main__":
    main()
