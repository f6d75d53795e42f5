"""p95 latency of the staff console's queue page, views and search with 50,000 complaints.

    .venv/bin/python bench/console.py [--complaints 50000] [--requests 200]
        [--backend sqlite|postgres|both] [--json]

Fills a throwaway database (SQLite file; PostgreSQL: a throwaway cluster from the test
harness) with the shipped organisation and N complaints spread over every queue, with
mixed statuses, channels and due dates (a fifth overdue), then serves the real console
with uvicorn on a free port and times full HTTP GETs of ``/queue`` (signed-in session,
keep-alive) for: a staff member of the busiest queue, a coordinator (every queue:
counts and sorting over all N), every view of the queue (của tôi, chưa ai nhận, mới hôm
nay, sắp đến hạn, quá hạn, đã kết thúc), a sort by received date, and the header's one
search box: words with and without diacritics, a partial code typed with O for 0, a
phone number typed with spaces. A tenth of the busiest queue's complaints are assigned
to its member of staff; one in fifty has a phone number. Reports p50/p95 per case.
Target: p95 < 200 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import uvicorn  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from intake.config import load_settings  # noqa: E402
from intake.console.app import create_app  # noqa: E402
from intake.console.auth import Accounts  # noqa: E402
from intake.console.models import Role  # noqa: E402
from intake.db import Database, upgrade  # noqa: E402
from intake.models import (  # noqa: E402
    Assignment,
    Channel,
    Complaint,
    Queue,
    Status,
    search_key_of,
    utcnow,
)
from intake.org.data_files import read_organisation  # noqa: E402
from intake.org.loader import load_organisation  # noqa: E402
from tests.harness.ports import free_port  # noqa: E402

PASSWORD = "bench password 123"
BUSY = "VP_UBND"
WORDS = ("hồ sơ", "đất đai", "chứng thực", "đường giao thông", "môi trường", "khai sinh",
         "cấp phép xây dựng", "trợ cấp", "điện chiếu sáng", "nước sạch", "trường học")
STATUSES = [Status.ROUTED] * 4 + [Status.IN_PROGRESS] * 3 + [
    Status.WAITING_FOR_CITIZEN, Status.ANSWERED, Status.CLOSED, Status.CLOSED, Status.REJECTED]
CHANNELS = [Channel.CHAT, Channel.TELEGRAM, Channel.EMAIL, Channel.PHONE, Channel.WEB]


def fill(db: Database, count: int, seed: int = 7) -> None:
    """The organisation and ``count`` complaints (a tenth in the busiest queue)."""
    load_organisation(db, read_organisation(), source="bench")
    rng = random.Random(seed)
    now = utcnow()
    with db.reading() as session:
        queues = list(session.scalars(select(Queue.code)))
    rows: list[dict[str, Any]] = []
    for i in range(count):
        queue = BUSY if i % 10 == 0 else rng.choice(queues)
        created = now - timedelta(days=rng.uniform(0, 60))
        text = (f"Phản ánh số {i} về {rng.choice(WORDS)} tại thôn {rng.randint(1, 30)}: "
                + " ".join(rng.choice(WORDS) for _ in range(20)))
        row = {
            "code": f"PA-B{i:07d}", "status": rng.choice(STATUSES).value,
            "channel": rng.choice(CHANNELS).value, "queue_code": queue,
            "subject": text[:120], "text": text, "reply_channel": Channel.CHAT.value,
            "citizen_phone": f"09{i:08d}" if i % 50 == 0 else None,
            "created_at": created, "updated_at": created,
            "due_at": created + timedelta(days=rng.uniform(6, 75))}
        row["search_key"] = search_key_of(row)
        rows.append(row)
        if len(rows) == 5000:
            _insert(db, rows)
            rows = []
    _insert(db, rows)
    _assign(db)


def _insert(db: Database, rows: list[dict[str, Any]]) -> None:
    if rows:
        with db.transaction() as session:
            session.execute(insert(Complaint), rows)


def _assign(db: Database) -> None:
    """A tenth of the busiest queue's complaints taken by its member of staff."""
    with db.transaction() as session:
        ids = list(session.scalars(select(Complaint.id).where(Complaint.queue_code == BUSY)))
        session.execute(insert(Assignment), [
            {"complaint_id": i, "username": "busy", "at": utcnow()} for i in ids[::10]])


@contextmanager
def serving(url: str, tmp: Path) -> Iterator[str]:
    """The console over ``url`` under uvicorn in a thread; its base URL."""
    settings = replace(load_settings({"PAKN_DATABASE_URL": url, "PAKN_VAR_DIR": str(tmp)}),
                       secret_key="bench-secret")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def signed_in(base: str, username: str) -> httpx.Client:
    """A keep-alive client with a signed-in session."""
    client = httpx.Client(base_url=base, timeout=30)
    page = client.get("/login").text
    token = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    client.post("/login", data={"csrf": token, "username": username, "password": PASSWORD})
    return client


def time_page(client: httpx.Client, path: str, requests: int) -> dict[str, float]:
    """p50/p95/max in ms of ``requests`` GETs of ``path`` (after 5 warm-ups)."""
    for _ in range(5):
        client.get(path).raise_for_status()
    samples = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
        if "data-code=" not in response.text:
            raise RuntimeError(f"{path}: no rows on the page")
    samples.sort()
    return {"p50_ms": round(statistics.median(samples), 1),
            "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 1),
            "max_ms": round(samples[-1], 1)}


def run_backend(url: str, tmp: Path, count: int, requests: int) -> dict[str, Any]:
    """Fill, serve and time one database."""
    upgrade(url)
    db = Database(url)
    started = time.perf_counter()
    fill(db, count)
    if db.engine.dialect.name == "postgresql":  # as autovacuum leaves a table after a load
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    filled = time.perf_counter() - started
    accounts = Accounts(db)
    accounts.add_user("busy", PASSWORD, Role.STAFF, [BUSY])
    accounts.add_user("coord", PASSWORD, Role.COORDINATOR, [])
    db.dispose()
    cases = {
        "staff, busiest queue": ("busy", "/queue"),
        "coordinator, all queues": ("coord", "/queue"),
        "coordinator, overdue": ("coord", "/queue?overdue=1"),
        "coordinator, text, common": ("coord", "/queue?q=chiếu+sáng"),
        "coordinator, text, rare": ("coord", "/queue?q=số+4242+về"),
        "coordinator, no diacritics": ("coord", "/queue?q=chieu+sang"),
        "coordinator, rare, no diac.": ("coord", "/queue?q=so+4242+ve"),
        "coordinator, code O for 0": ("coord", "/queue?q=pa-b0oo4242"),
        "coordinator, partial code": ("coord", "/queue?q=B00042"),
        "coordinator, phone": ("coord", "/queue?q=0900+004+250"),
        "staff, status filter": ("busy", "/queue?status=in_progress"),
        "staff, view mine": ("busy", "/queue?view=mine"),
        "staff, view unassigned": ("busy", "/queue?view=unassigned"),
        "coordinator, view today": ("coord", "/queue?view=today"),
        "coordinator, view due soon": ("coord", "/queue?view=due_soon"),
        "coordinator, view finished": ("coord", "/queue?view=finished"),
        "coordinator, by received": ("coord", "/queue?sort=received&dir=desc"),
    }
    results: dict[str, Any] = {"complaints": count, "fill_s": round(filled, 1)}
    with serving(url, tmp) as base:
        for name, (user, path) in cases.items():
            client = signed_in(base, user)
            try:
                results[name] = time_page(client, path, requests)
            finally:
                client.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--complaints", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="pakn-bench-console-") as tmp_name:
        tmp = Path(tmp_name)
        if args.backend in ("sqlite", "both"):
            report["sqlite"] = run_backend(f"sqlite:///{tmp / 'bench.db'}", tmp,
                                           args.complaints, args.requests)
        if args.backend in ("postgres", "both"):
            from tests.harness.postgres import postgres_server

            with postgres_server() as pg:
                report["postgres"] = run_backend(pg.create_database("bench"), tmp,
                                                 args.complaints, args.requests)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    for backend, results in report.items():
        print(f"{backend}: {results['complaints']:,} complaints (filled in {results['fill_s']} s)")
        for name, figures in results.items():
            if isinstance(figures, dict):
                ok = "ok" if figures["p95_ms"] < 200 else "OVER TARGET"
                print(f"  {name:28s} p50 {figures['p50_ms']:6.1f} ms  "
                      f"p95 {figures['p95_ms']:6.1f} ms  max {figures['max_ms']:6.1f} ms  {ok}")


if __name__ == "__main__":
    main()
