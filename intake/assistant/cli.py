"""``pakn assistant …``: train the Rasa model.

Mounted by ``intake.cli`` as the ``assistant`` command group; also runnable on its own
with ``python -m intake.assistant.cli train``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from intake.assistant.conversations import prune, retention_days
from intake.assistant.training import TrainingError, train_if_stale
from intake.config import load_settings, project_root

app = typer.Typer(help="The Rasa assistant: training, conversation retention.",
                  no_args_is_help=True)


@app.callback()
def assistant() -> None:
    """The Rasa assistant (runs in .venv-rasa)."""


def _echo_rasa_line(line: str) -> None:
    typer.echo(f"  rasa | {line}", err=True)


@app.command("train")
def train(
    if_stale: Annotated[
        bool,
        typer.Option(
            "--if-stale/--force",
            help="train only when the model is missing or its inputs changed (default), "
            "or always",
        ),
    ] = True,
    root: Annotated[
        Path | None,
        typer.Option(help="project root with config.yml, domain.yml and data/"),
    ] = None,
) -> None:
    """Train the Rasa model when its training data, config or Rasa version changed.

    Prints the model's path and whether it was trained. Rasa's output goes to stderr.
    """
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    project = (root or project_root()).resolve()
    try:
        result = train_if_stale(project, force=not if_stale, on_line=_echo_rasa_line)
    except TrainingError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1) from exc
    if result.trained:
        how = f"trained in {result.train_seconds:.0f} s"
    elif result.waited_seconds >= 1:
        how = f"up to date: trained by another process, waited {result.waited_seconds:.0f} s"
    else:
        how = "up to date, not trained"
    typer.echo(f"model: {result.path} ({how})")


if __name__ == "__main__":
    app()


@app.command("prune")
def prune_conversations(
    days: Annotated[
        int | None,
        typer.Option(help="keep conversations active within this many days "
                     "(default PAKN_CONVERSATION_DAYS, 90)"),
    ] = None,
) -> None:
    """Delete the assistant's conversations older than the retention period (they hold
    personal data). ``pakn run`` does it at start; run it daily from cron too."""
    settings = load_settings()
    keep = days if days is not None else retention_days(settings)
    if keep < 1:
        typer.secho("error: --days must be at least 1", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=2)
    deleted = prune(settings, keep)
    typer.echo(f"conversations: {deleted} events older than {keep} days deleted")
