"""``pakn delivery send``: the dispatcher process (what ``pakn run`` starts)."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import Annotated

import typer

from intake.db import Database
from intake.delivery.config import build_dispatcher, load_delivery_settings
from intake.delivery.dispatcher import Dispatcher
from intake.mail_config import MailConfigError

app = typer.Typer(help="Delivery of queued messages (e-mail, Telegram).",
                  no_args_is_help=True)


@app.command("send")
def send(
    once: Annotated[bool, typer.Option("--once", help="send what is due, then exit")] = False,
    interval: Annotated[float | None, typer.Option(
        help="seconds between looks at the outbox (default PAKN_DELIVERY_POLL_SECONDS)")
    ] = None,
) -> None:
    """Deliver queued messages through every configured transport, retrying with
    backoff while a peer is down; stops on SIGTERM/Ctrl-C after the current pass."""
    try:
        settings = load_delivery_settings()
    except MailConfigError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1) from exc
    if not settings.channels:
        typer.secho("error: no transport configured (set PAKN_SMTP_HOST or "
                    "TELEGRAM_BOT_TOKEN)", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1)
    from intake.config import load_settings

    db = Database(load_settings().database_url)
    dispatcher = build_dispatcher(db, settings)
    typer.echo(f"delivering: {', '.join(settings.channels)}")
    sent = asyncio.run(_serve(dispatcher, once, interval or settings.poll_seconds))
    db.dispose()
    if once:
        typer.echo(f"sent {sent} message(s)")


async def _serve(dispatcher: Dispatcher, once: bool, poll_seconds: float) -> int:
    try:
        if once:
            return await dispatcher.send_due()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        await dispatcher.run(stop, poll_seconds)
        return 0
    finally:
        await dispatcher.aclose()
