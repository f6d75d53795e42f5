"""``pakn``: the operator's command line (database, organisation, complaints, run)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.exc import OperationalError, ProgrammingError

from intake.assistant import cli as assistant_cli
from intake.catalog import cli as catalog_cli
from intake.cli import route as routing_cli
from intake.config import SettingsError, load_settings
from intake.console import cli as users_cli
from intake.db import Database, upgrade
from intake.delivery import cli as delivery_cli
from intake.enums import Status
from intake.errors import IntakeError, SenderError
from intake.logsetup import configure_logging
from intake.mail import cli as mail_cli
from intake.open311 import cli as open311_cli
from intake.org.data_files import DEFAULT_ORG_FILE, read_organisation
from intake.org.loader import load_organisation
from intake.secret_store import SecretConfigError
from intake.services.complaints import as_datetime_text
from intake.services.factory import get_service
from intake.services.lifecycle import label_vi
from intake.storage import ATTACHMENTS, RAW, ContentStore, DatabaseStore, copy_directory

app = typer.Typer(help="Citizen feedback intake (phản ánh, kiến nghị).", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
org_app = typer.Typer(help="Organisation: queues of departments and People's Committees.",
                      no_args_is_help=True)
complaints_app = typer.Typer(help="List complaints.", no_args_is_help=True)
complaint_app = typer.Typer(help="One complaint.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(org_app, name="org")
app.add_typer(complaints_app, name="complaints")
app.add_typer(complaint_app, name="complaint")
app.add_typer(assistant_cli.app, name="assistant")
app.add_typer(mail_cli.app, name="mail")
app.add_typer(delivery_cli.app, name="delivery")
app.add_typer(catalog_cli.app, name="catalog")
app.add_typer(users_cli.app, name="users")
app.add_typer(users_cli.console_app, name="console")
app.add_typer(open311_cli.app, name="api-keys")
routing_cli.register(app, org_app)


def _fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=1)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database to the newest schema (idempotent)."""
    settings = load_settings()
    upgrade(settings.database_url)
    typer.echo(f"database at newest schema: {_redact(settings.database_url)}")


@db_app.command("copy-files")
def db_copy_files() -> None:
    """Copy the raw mail and attachments of this machine's directories (var/mail/raw,
    var/attachments) into the database store, for PAKN_RAW_STORE=db (idempotent)."""
    settings = load_settings()
    db = Database(settings.database_url)
    refused: list[Path] = []
    try:
        for name, directory, suffix in ((RAW, settings.var_dir / "mail" / "raw", ".eml"),
                                        (ATTACHMENTS, settings.attachments_dir, "")):
            done = copy_directory(ContentStore(directory, suffix, fsync=False),
                                  DatabaseStore(db, name))
            typer.echo(f"{name} ({directory}): copied {done.copied}, already in the "
                       f"database {done.present}, not copied {len(done.refused)}")
            refused += done.refused
    finally:
        db.dispose()
    for path in refused:
        typer.echo(f"not copied (its bytes do not match its name): {path}", err=True)
    if refused:
        raise typer.Exit(code=1)


@org_app.command("load")
def org_load(
    file: Annotated[Path, typer.Option(help="departments.yml to load")] = DEFAULT_ORG_FILE,
) -> None:
    """Load the organisation's queues (idempotent; renames and retirements keep history)."""
    settings = load_settings()
    try:
        org = read_organisation(file)
        summary = load_organisation(Database(settings.database_url), org, source=str(file.name))
    except IntakeError as exc:
        raise _fail(str(exc)) from exc
    typer.echo(f"queues: {len(org.queues)} in file; added {len(summary.added)}, renamed "
               f"{len(summary.renamed)}, retired {len(summary.retired)}, reactivated "
               f"{len(summary.reactivated)}, unchanged {summary.unchanged}"
               + (f", other details changed {len(summary.updated)}" if summary.updated
                  else ""))


@complaints_app.command("list")
def complaints_list(
    queue: Annotated[str | None, typer.Option(help="queue code, e.g. SO_TU_PHAP")] = None,
    status: Annotated[Status | None, typer.Option(help="status")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines output")] = False,
) -> None:
    """Complaints by due date."""
    rows = get_service().list_complaints(queue=queue, status=status, limit=limit)
    if as_json:
        typer.echo(json.dumps([r.as_dict() for r in rows], ensure_ascii=False,
                              indent=1))
        return
    for row in rows:
        typer.echo(f"{row.code}  {row.status:<20} {row.queue_code or '-':<14} "
                   f"hạn {as_datetime_text(row.due_at)}  {row.subject[:60]}")
    typer.echo(f"{len(rows)} complaint(s)")


@complaint_app.command("show")
def complaint_show(
    code: str,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output")] = False,
) -> None:
    """One complaint with its routing reasons, thread and audit trail."""
    service = get_service()
    try:
        view = service.get(code)
        events = service.events(code)
        messages = service.messages(code)
    except SenderError as exc:
        raise _fail(f"{exc} ({exc.message_vi})") from exc
    if as_json:
        data = view.as_dict()
        data["events"] = [{"kind": e.kind, "actor": e.actor, "reason": e.reason,
                           "data": e.data, "at": e.at.isoformat()} for e in events]
        data["messages"] = [{"direction": m.direction, "channel": m.channel, "text": m.text,
                             "at": m.created_at.isoformat()} for m in messages]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    typer.echo(f"{view.code} — {label_vi(view.status)} ({view.status})")
    typer.echo(f"queue: {view.queue_code} {view.queue_name or ''}")
    typer.echo(f"channel: {view.channel}; due {as_datetime_text(view.due_at)}")
    typer.echo(f"place: {view.location_text or '-'}")
    for reason in view.routing_reasons:
        typer.echo(f"routing: {reason}")
    for m in messages:
        typer.echo(f"[{m.created_at:%Y-%m-%d %H:%M}] {m.direction} {m.channel}: {m.text}")
    for e in events:
        typer.echo(f"event {e.at:%Y-%m-%d %H:%M} {e.kind} by {e.actor}: {e.reason or ''}")


@app.command("run")
def run() -> None:
    """Start the system (Rasa, actions, console; Telegram and mail when configured)."""
    from intake.runner import run_supervised

    raise typer.Exit(code=run_supervised(load_settings()))


def _redact(url: str) -> str:
    """A database URL without its password, for logs."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in creds else f"{scheme}://{user}@{host}"


_NO_SCHEMA = ("no such table", "does not exist", "undefinedtable")


def main() -> None:
    """Entry point of the ``pakn`` script. A database that cannot be reached, or has no
    schema yet, is an operator's error: one clear line, not a traceback; so is a setting
    that cannot work (``PAKN_RAW_STORE=s3``, a port that is not a number, a secret too
    short): the line names the variable, and the exit code is 2, as for the run roles'
    refusals, before anything is touched."""
    configure_logging()  # PAKN_LOG_LEVEL; quiet libraries; tracebacks without messages
    try:
        app()
    except (SettingsError, SecretConfigError) as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise SystemExit(2) from None
    except (OperationalError, ProgrammingError) as exc:
        typer.secho(f"error: {_database_problem(exc)}", fg=typer.colors.RED, err=True)
        raise SystemExit(1) from None


def _database_problem(exc: OperationalError | ProgrammingError) -> str:
    """What an operator should do about a database error (its SQL and values left out)."""
    url = _redact(load_settings().database_url)
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
    if any(cue in detail.lower() for cue in _NO_SCHEMA):
        return (f"the database {url} has no schema yet, or an older one ({detail}); "
                "run `pakn db upgrade` first")
    return f"cannot use the database {url}: {detail}"

