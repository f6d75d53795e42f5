"""``pakn api-keys``: the client applications of the Open311 API."""

from __future__ import annotations

from typing import Annotated

import typer

from intake.config import load_settings
from intake.db import Database
from intake.errors import SenderError
from intake.services.api_clients import DEFAULT_PER_DAY, DEFAULT_PER_MINUTE, ApiClients

app = typer.Typer(help="API keys of the Open311 client applications.", no_args_is_help=True)


def _clients() -> ApiClients:
    return ApiClients(Database(load_settings().database_url))


@app.command("add")
def add(name: Annotated[str, typer.Argument(help="the client application's name")],
        per_minute: Annotated[int, typer.Option(min=1, help="requests filed a minute")]
        = DEFAULT_PER_MINUTE,
        per_day: Annotated[int, typer.Option(min=1, help="requests filed a day")]
        = DEFAULT_PER_DAY) -> None:
    """Create a client and print its key (shown once; only its hash is stored)."""
    try:
        client, key = _clients().add(name, per_minute, per_day)
    except SenderError as exc:
        typer.secho(f"error: {exc.message_vi}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1) from exc
    typer.echo(f"client: {client.name} (limits {client.per_minute}/min, {client.per_day}/day)")
    typer.echo(f"api_key: {key}")
    typer.echo("Keep the key now: it is not stored and cannot be shown again.")


@app.command("list")
def list_clients() -> None:
    """Every client with its key's first characters and whether it is revoked."""
    for c in _clients().list():
        state = f"revoked {c.revoked_at:%Y-%m-%d %H:%M}" if c.revoked_at else "active"
        typer.echo(f"{c.name}\t{c.key_hint}…\t{c.per_minute}/min\t{c.per_day}/day\t{state}")


@app.command("revoke")
def revoke(name: Annotated[str, typer.Argument(help="the client application's name")]
           ) -> None:
    """Revoke the client's key at once."""
    try:
        client = _clients().revoke(name)
    except SenderError as exc:
        typer.secho(f"error: {exc.message_vi}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1) from exc
    typer.echo(f"revoked: {client.name}")
