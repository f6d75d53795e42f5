"""``pakn mail …``: the mail worker, imports and the quarantine (sending is
``pakn delivery send``)."""

from __future__ import annotations

import json
import logging
import mailbox as mbox
import signal
from pathlib import Path
from typing import Annotated

import typer

from intake.config import load_settings
from intake.errors import SenderError
from intake.mail.config import MailConfigError, MailSettings, load_mail_settings
from intake.mail.ingest import IngestResult, MailIngestor
from intake.mail.models import IngestStatus
from intake.mail.quarantine import quarantined
from intake.mail.worker import MailWorker
from intake.services.factory import get_service

app = typer.Typer(help="The hotline mailbox (IMAP intake, acknowledgements by SMTP).",
                  no_args_is_help=True)
quarantine_app = typer.Typer(help="Messages that could not be processed.",
                             no_args_is_help=True)
app.add_typer(quarantine_app, name="quarantine")
log = logging.getLogger(__name__)


def _fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=1)


def _settings() -> MailSettings:
    try:
        return load_mail_settings(settings=load_settings())
    except MailConfigError as exc:
        raise _fail(str(exc)) from exc


def _ingestor(settings: MailSettings) -> MailIngestor:
    return MailIngestor(get_service(), settings)


@app.command("poll")
def poll(
    once: Annotated[bool, typer.Option("--once", help="one pass, then exit")] = False,
) -> None:
    """Take new mail from the mailbox (IDLE where supported, polling otherwise)."""
    settings = _settings()
    try:
        worker = MailWorker(_ingestor(settings), settings)
        _stop_on_signals(worker)
        stats = worker.run(once=once, max_failures=3 if once else None)
    except MailConfigError as exc:
        raise _fail(str(exc)) from exc
    typer.echo(f"fetched {stats.fetched}, processed {stats.processed}, quarantined "
               f"{stats.quarantined}, already seen {stats.already_seen} "
               f"({stats.seconds:.1f} s)")


@app.command("fetch")
def fetch(
    once: Annotated[bool, typer.Option("--once", help="one pass, then exit")] = False,
) -> None:
    """The fetcher role (one per mailbox): fetch new mail, triage its headers, store the
    raw bytes and queue it; file away what the ingest workers committed."""
    settings = _settings()
    try:
        worker = MailWorker(_ingestor(settings), settings, ingest_here=False)
        _stop_on_signals(worker)
        stats = worker.run(once=once, max_failures=3 if once else None)
    except MailConfigError as exc:
        raise _fail(str(exc)) from exc
    typer.echo(f"fetched {stats.fetched}, filed away {stats.processed + stats.quarantined} "
               f"({stats.seconds:.1f} s)")


@app.command("ingest-worker")
def ingest_worker(
    once: Annotated[bool, typer.Option("--once", help="until the queue is empty")] = False,
) -> None:
    """The ingest role (any number, on any machine, on PostgreSQL): parse, classify, file
    and acknowledge the mail that the fetchers queued, likely-genuine mail first."""
    settings = _settings()
    try:
        worker = MailWorker(_ingestor(settings), settings)
        _stop_on_signals(worker)
        stats = worker.run_ingest(once=once, max_failures=3 if once else None)
    except MailConfigError as exc:  # one clear line and exit 1, as ``fetch`` does
        raise _fail(str(exc)) from exc
    typer.echo(f"ingested {stats.processed}, already seen {stats.already_seen} "
               f"({stats.seconds:.1f} s)")


def _stop_on_signals(worker: MailWorker) -> None:
    """SIGTERM (the supervisor stopping) and Ctrl-C end the worker after the chunk in
    hand is committed and filed away, and within a second when it is waiting in IDLE."""
    def stop(signum: int, _frame: object) -> None:
        log.info("mail worker: %s received, stopping", signal.Signals(signum).name)
        worker.stop.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)


def _raw_messages(path: Path) -> list[tuple[str, bytes]]:
    """The messages of a file: an mbox (starts with ``From ``) or one RFC 822 message."""
    data = path.read_bytes()
    if not data.startswith(b"From "):
        return [(f"file:{path.name}", data)]
    box = mbox.mbox(path, create=False)
    try:
        return [(f"mbox:{path.name}:{i}", box.get_bytes(key))
                for i, key in enumerate(box.keys(), 1)]
    finally:
        box.close()


@app.command("ingest")
def ingest(
    files: Annotated[list[Path], typer.Argument(help=".eml files or mbox files",
                                                exists=True, dir_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="one JSON line per message")] = False,
) -> None:
    """Run files through the same pipeline as the mailbox (imports, tests)."""
    ingestor = _ingestor(_settings())
    counts: dict[str, int] = {}
    for path in files:
        for source, raw in _raw_messages(path):
            result = ingestor.ingest(raw, source)
            counts[result.status.value] = counts.get(result.status.value, 0) + 1
            _echo_result(source, result, as_json)
    ingestor.make_durable()
    if not as_json:
        typer.echo(", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "no messages")


def _echo_result(source: str, result: IngestResult, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({"source": source, "ingest_id": result.ingest_id,
                               "status": result.status.value, "kind": result.kind,
                               "code": result.code, "new": result.new}))
        return
    seen = "" if result.new else " (seen before)"
    typer.echo(f"{source}: #{result.ingest_id} {result.status.value} {result.kind or ''} "
               f"{result.code or ''}{seen}")


@quarantine_app.command("list")
def quarantine_list(
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 100,
) -> None:
    """Quarantined messages with their errors (retry with ``quarantine retry ID``)."""
    rows = quarantined(get_service().db, limit)
    for row in rows:
        typer.echo(f"#{row.id} {row.received_at:%Y-%m-%d %H:%M} {row.source} "
                   f"attempts {row.attempts}: {row.error}")
    typer.echo(f"{len(rows)} quarantined message(s)")


@quarantine_app.command("retry")
def quarantine_retry(ingest_id: Annotated[int, typer.Argument(help="ingest record id")]) -> None:
    """Process a quarantined message again from its stored raw bytes."""
    try:
        result = _ingestor(_settings()).retry(ingest_id)
    except SenderError as exc:
        raise _fail(f"{exc} ({exc.message_vi})") from exc
    _echo_result(f"#{ingest_id}", result, as_json=False)
    if result.status is IngestStatus.QUARANTINED:
        raise typer.Exit(code=1)
