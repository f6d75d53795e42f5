"""Where one message's intake time goes, in one process, without IMAP.

    .venv/bin/python bench/mail_stages.py [--messages 1000] [--batch 25] [--postgres]

Runs the bench's mixed messages through the mail pipeline on a fresh SQLite database
(``--postgres``: a throwaway PostgreSQL cluster) and prints the milliseconds per
message spent in each stage (raw store, parse, dedup look-up, classify, route, insert,
acknowledgement, commit), measured by wrapping the stage functions with a timer.
``--batch N`` (default 25, what an ingest process takes of a claim) files N messages
per transaction with ``MailIngestor.ingest_batch`` (one savepoint each), as the mail
worker does; ``--batch 1`` runs ``MailIngestor.ingest``, one transaction per message.
The first 50 messages warm up (routing loads the organisation, the catalog index and
the classifier) and are not counted. It also counts the SQL statements and commits
each message costs (a SQLAlchemy ``before_cursor_execute`` / ``commit`` listener on the
engine), by statement kind and table, because on a server database every statement is
a round trip and every commit a WAL flush. ``--top N`` prints the N most frequent
statements.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from mail_ingest import fresh_database, mixed_messages  # noqa: E402

from intake.mail import ingest as ingest_module  # noqa: E402
from intake.mail.config import load_mail_settings  # noqa: E402
from intake.routing import decision  # noqa: E402
from intake.services.complaints import IntakeService  # noqa: E402
from intake.storage import ContentStore  # noqa: E402
from tests.harness.postgres import postgres_server  # noqa: E402

WARM_UP = 50
# (where, attribute, stage name); nested stages are counted inside their parents too.
STAGES: list[tuple[Any, str, str]] = [
    (ContentStore, "put", "store raw + attachments"),
    (ingest_module, "parse_message", "parse"),
    (ingest_module.MailIngestor, "_lookup", "dedup look-up (per message)"),
    (ingest_module.MailIngestor, "_look_up", "dedup look-up (per batch)"),
    (ingest_module, "classify", "classify"),
    (IntakeService, "routing_decision", "route ahead (batch)"),
    (ingest_module.MailIngestor, "_commit", "transaction (per message)"),
    (ingest_module.MailIngestor, "_write", "  rows of a message"),
    (IntakeService, "_by_external_id", "    idempotency look-up"),
    (decision.Router, "route", "  route (anywhere)"),
    (decision, "classifier_signal", "    classifier"),
    (IntakeService, "_insert", "    insert complaint"),
    (ingest_module, "queue_ack", "    queue acknowledgement"),
    (Session, "commit", "  commit"),
]


def timed(function: Callable[..., Any], name: str,
          spent: defaultdict[str, float]) -> Callable[..., Any]:
    """``function``, adding its wall time to ``spent[name]``."""
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - started
    return wrapper


_SHAPE = re.compile(r"^\s*(INSERT INTO|UPDATE|DELETE FROM|SELECT .*? FROM|SELECT)\s+(\w+)?",
                    re.IGNORECASE | re.DOTALL)


def statement_kind(statement: str) -> str:
    """``INSERT events``, ``SELECT complaints`` …: what a statement does to which table."""
    match = _SHAPE.match(statement)
    if match is None:
        return statement.split(None, 1)[0].upper()
    verb = match.group(1).split()[0].upper()
    return f"{verb} {match.group(2) or ''}".strip()


class StatementCounter:
    """Counts the statements and commits run on an engine while ``counting`` is on."""

    def __init__(self, engine: Any) -> None:
        self.counting = False
        self.statements: Counter[str] = Counter()
        self.commits = 0
        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(engine, "commit", self._commit)

    def _statement(self, _conn: Any, _cursor: Any, statement: str, _params: Any,
                   _context: Any, executemany: bool) -> None:
        if self.counting:
            self.statements[statement_kind(statement) + (" (many)" if executemany else "")] += 1

    def _commit(self, _conn: Any) -> None:
        if self.counting:
            self.commits += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--batch", type=int, default=25,
                        help="messages per transaction (1: MailIngestor.ingest)")
    parser.add_argument("--postgres", action="store_true",
                        help="a throwaway PostgreSQL cluster instead of SQLite")
    args = parser.parse_args()
    if args.postgres:
        with postgres_server(databases=["stages"]) as pg:
            run(args, pg.url("stages"))
    else:
        run(args, None)


def run(args: argparse.Namespace, url: str | None) -> None:
    """The measured run on ``url`` (None: a SQLite file in a temporary directory)."""
    spent: defaultdict[str, float] = defaultdict(float)
    for owner, attribute, name in STAGES:
        if hasattr(owner, attribute):  # an older commit may lack a stage (to compare)
            setattr(owner, attribute, timed(getattr(owner, attribute), name, spent))
    with tempfile.TemporaryDirectory(prefix="pakn-bench-stages-") as tmp:
        service = fresh_database(url or f"sqlite:///{Path(tmp) / 'stages.db'}")
        settings = load_mail_settings({
            "PAKN_VAR_DIR": str(Path(tmp) / "var"), "PAKN_MAIL_PROCESSES": "1",
            "PAKN_MAIL_ACK_LIMIT_PER_DAY": "100000",
            "PAKN_MAIL_ACK_LIMIT_PER_HOUR": "1000000"})
        ingestor = ingest_module.MailIngestor(service, settings)
        counter = StatementCounter(service.db.engine)
        messages = mixed_messages(args.messages + WARM_UP, "stages")
        for i, raw in enumerate(messages[:WARM_UP]):
            ingestor.ingest(raw, f"warm-{i}")
        spent.clear()
        counter.counting = True
        started, cpu_started = time.perf_counter(), time.process_time()
        measured = [(raw, f"bench-{i}") for i, raw in enumerate(messages[WARM_UP:])]
        for start in range(0, len(measured), args.batch):
            if args.batch == 1:
                ingestor.ingest(*measured[start])
            else:
                ingestor.ingest_batch(measured[start:start + args.batch])
        total, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        counter.counting = False
        service.db.dispose()
    count = len(messages) - WARM_UP
    where = "PostgreSQL" if url else "SQLite"
    print(f"{count} messages in one process, {where}, {args.batch} per transaction: "
          f"{total / count * 1000:.2f} ms per message "
          f"({count / total:,.0f} msg/s); CPU time {cpu / count * 1000:.2f} ms per message "
          f"(this process; the load of other work disturbs it much less); of which:")
    for _, _, name in STAGES:
        print(f"  {name:28s} {spent[name] / count * 1000:6.2f} ms")
    statements = sum(counter.statements.values())
    print(f"SQL per message: {statements / count:.2f} statements, "
          f"{counter.commits / count:.2f} commits; most frequent (per message):")
    for kind, n in counter.statements.most_common(args.top):
        print(f"  {kind:40s} {n / count:6.2f}")


if __name__ == "__main__":
    main()
