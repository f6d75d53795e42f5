"""``pakn route``: route a text, a batch of texts, explain a stored decision, retrain.

    pakn route "TEXT" [--location PLACE] [--json]
    pakn route --batch FILE          JSON lines {"text": …, "location": …} → one result a line
    pakn route explain PA-XXXXXXXX   the stored routing of a complaint, with its signals
    pakn route train                 retrain the classifier on routing/data/training.jsonl

``explain`` and ``train`` are words of the command; to route a text that is exactly one of
them, pass it with ``--text``. ``pakn org apply-changes FILE`` is registered here too.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from intake.config import load_settings
from intake.errors import IntakeError, SenderError
from intake.routing.signals.classifier import (
    CALIBRATION_NAME,
    TRAINING_FILE,
    read_examples,
    save,
    train,
    write_calibration,
)
from intake.routing.types import RoutingDecision, RoutingInput
from intake.services.complaints import IntakeService
from intake.services.factory import get_service


def _fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=1)


def _result(decision: RoutingDecision, full: bool) -> dict[str, Any]:
    data = decision.as_dict()
    if not full:
        data.pop("signals", None)
    return data


def _route_one(service: IntakeService, text: str, location: str | None) -> RoutingDecision:
    if not text.strip():
        raise IntakeError("empty text")
    return service.router().route(RoutingInput(text, location or None))


def _print_human(decision: RoutingDecision) -> None:
    typer.echo(f"→ {decision.queue_code}  (độ tin cậy {decision.confidence:.0%}, "
               f"quy tắc {decision.rule})")
    for reason in decision.reasons:
        typer.echo(f"  lý do: {reason}")
    if decision.ask:
        typer.echo(f"  cần hỏi thêm: {decision.ask}")
    for alt in decision.scored_alternatives:
        typer.echo(f"  phương án khác: {alt.queue} ({alt.confidence:.0%}, {alt.rule})")


def route(
    words: Annotated[list[str] | None, typer.Argument(
        help='the complaint text, or "explain CODE", or "train"')] = None,
    text: Annotated[str | None, typer.Option(help="the text (when it is a command word)")]
    = None,
    location: Annotated[str | None, typer.Option(help="place the citizen gave")] = None,
    batch: Annotated[Path | None, typer.Option(help="JSON lines file of {text, location}")]
    = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output with signals")] = False,
) -> None:
    """Route a complaint text (or a batch), explain a stored routing, or retrain."""
    args = list(words or [])
    if text is None and args and args[0] == "explain":
        raise typer.Exit(_explain(args[1:], as_json))
    if text is None and args == ["train"]:
        raise typer.Exit(_train())
    if batch is not None:
        raise typer.Exit(_batch(batch))
    body = text if text is not None else " ".join(args)
    try:
        decision = _route_one(get_service(), body, location)
    except IntakeError as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps(_result(decision, True), ensure_ascii=False, indent=1))
    else:
        _print_human(decision)


def _batch(path: Path) -> int:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"cannot read {path}: {exc}") from exc
    service = get_service()
    failures = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            decision = _route_one(service, str(row["text"]), row.get("location"))
            out: dict[str, Any] = _result(decision, False)
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError,
                IntakeError) as exc:
            failures += 1
            out = {"line": number, "error": f"{type(exc).__name__}: {exc}"}
        typer.echo(json.dumps(out, ensure_ascii=False))
    return 1 if failures else 0


def _explain(args: list[str], as_json: bool) -> int:
    if len(args) != 1:
        raise _fail("usage: pakn route explain PA-XXXXXXXX")
    service = get_service()
    try:
        view = service.get(args[0])
        routed = [e for e in service.events(args[0]) if e.kind in ("routed", "transferred")]
    except SenderError as exc:
        raise _fail(f"{exc} ({exc.message_vi})") from exc
    history = [{"at": e.at.isoformat(), "kind": e.kind, "actor": e.actor, **e.data}
               for e in routed]
    if as_json:
        typer.echo(json.dumps({"code": view.code, "queue": view.queue_code,
                               "history": history}, ensure_ascii=False, indent=1))
        return 0
    typer.echo(f"{view.code}: hiện ở {view.queue_code} ({view.queue_name})")
    for e in history:
        typer.echo(f"[{e['at'][:16]}] {e['kind']} bởi {e['actor']}: → {e.get('queue')} "
                   f"(độ tin cậy {e.get('confidence', '-')}, quy tắc {e.get('rule', '-')})")
        for reason in e.get("reasons", []):
            typer.echo(f"  lý do: {reason}")
        for signal in e.get("signals", []):
            top = signal.get("candidates") or []
            best = f"{top[0]['label']} {top[0]['score']}" if top else "-"
            typer.echo(f"  tín hiệu {signal['name']}: {best}")
    return 0


def _train() -> int:
    from intake.routing.service import model_path

    started = time.monotonic()
    try:
        calibration = TRAINING_FILE.with_name(CALIBRATION_NAME)
        model = train(TRAINING_FILE, calibration=calibration.with_suffix(".none"))
        try:
            write_calibration(model, calibration)
        except OSError as exc:
            typer.echo(f"calibration not saved to {calibration}: {exc}", err=True)
        target = model_path(load_settings())
        save(model, target)
    except (IntakeError, OSError) as exc:
        raise _fail(str(exc)) from exc
    count = len(read_examples(TRAINING_FILE))
    typer.echo(f"trained on {count} examples, {len(model.labels)} labels in "
               f"{time.monotonic() - started:.1f}s → {target}")
    return 0


def apply_changes(
    file: Annotated[Path, typer.Argument(help="organisation changes YAML")],
    as_of: Annotated[str | None, typer.Option(help="apply changes effective by this date "
                                                   "(YYYY-MM-DD; default today)")] = None,
    dry_run: Annotated[bool, typer.Option(help="show what would change; write nothing")]
    = False,
) -> None:
    """Apply renames, merges and retirements; move open complaints to successors."""
    from datetime import date

    from intake.org.changes import apply_changes as apply
    from intake.org.changes import read_changes

    try:
        changes = read_changes(file)
        when = date.fromisoformat(as_of) if as_of else None
        report = apply(get_service(), changes, as_of=when, dry_run=dry_run,
                       source=file.name)
    except (IntakeError, ValueError) as exc:
        raise _fail(str(exc)) from exc
    for line in report.lines():
        typer.echo(line)


def register(app: typer.Typer, org_app: typer.Typer) -> None:
    """Mount ``route`` on the main app and ``apply-changes`` on ``org``."""
    app.command("route", context_settings={"allow_interspersed_args": True})(route)
    org_app.command("apply-changes")(apply_changes)
