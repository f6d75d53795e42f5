"""``pakn users …``: console accounts from the command line (the first administrator)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from intake.config import load_settings
from intake.console.auth import Accounts
from intake.console.models import Role
from intake.db import Database
from intake.errors import SenderError

app = typer.Typer(help="Staff console accounts.", no_args_is_help=True)


@app.command("add")
def users_add(
    username: Annotated[str, typer.Argument(help="login name, e.g. nguyen.van.a")],
    role: Annotated[Role, typer.Option(help="staff, coordinator or admin")] = Role.STAFF,
    queue: Annotated[list[str] | None, typer.Option(
        help="queue code this person works (repeat for several)")] = None,
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="read the password from standard input")] = False,
    email: Annotated[str | None, typer.Option(help="address for the daily digest")] = None,
) -> None:
    """Create a console account (password asked twice unless --password-stdin)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    queues = queue or []
    if role == Role.STAFF and not queues:
        typer.secho("error: staff need at least one --queue", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1)
    try:
        made = Accounts(Database(load_settings().database_url)).add_user(
            username, password, role, queues, email)
    except SenderError as exc:
        typer.secho(f"error: {exc.message_vi} ({exc})", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1) from exc
    typer.echo(f"user {made.username} created: {made.role}"
               + (f", queues {', '.join(made.queues)}" if made.queues else ""))


console_app = typer.Typer(help="Staff console jobs.", no_args_is_help=True)


@console_app.command("digest")
def console_digest() -> None:
    """Write today's digest e-mails (one per queue member with an e-mail) to the outbox."""
    from intake.services.digest import enqueue_digests

    run = enqueue_digests(Database(load_settings().database_url))
    typer.echo(f"digests queued: {run.queued}; already sent today: {run.already_sent}")
