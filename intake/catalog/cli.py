"""``pakn catalog``: import, search and show procedures (the operator's side)."""

from __future__ import annotations

import json
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Annotated

import typer

from intake.catalog.answers import ATTRIBUTES, answer
from intake.catalog.errors import CatalogFileError
from intake.catalog.search import Hit
from intake.catalog.service import CatalogService, get_catalog
from intake.catalog.store import ImportSummary
from intake.errors import IntakeError, SenderError

app = typer.Typer(help="Procedure catalog (thủ tục hành chính): import, search, show.",
                  no_args_is_help=True)


def _fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=1)


@app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="flat JSON/CSV/XLSX files, or "
                                                     "directories of the national export")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="report, change nothing")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON summary")] = False,
) -> None:
    """Import procedures (upsert by code; a re-import of the same file changes nothing)."""
    catalog = get_catalog()
    summaries: list[ImportSummary] = []
    failed = False
    for path in paths:
        try:
            summaries.append(_import_one(catalog, path, dry_run, quiet=as_json))
        except CatalogFileError as exc:
            typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
            failed = True
    if as_json:
        typer.echo(json.dumps([s.as_dict() for s in summaries], ensure_ascii=False, indent=1))
    else:
        for summary in summaries:
            _print_summary(summary)
    if failed:
        raise typer.Exit(code=1)


def _import_one(catalog: CatalogService, path: Path, dry_run: bool,
                quiet: bool) -> ImportSummary:
    parsed = catalog.parse(path)
    if quiet or not parsed.records:
        return catalog.import_file(path, dry_run=dry_run, parsed=parsed)
    with typer.progressbar(length=len(parsed.records), label=f"{path.name}",
                           file=None) as bar:
        return catalog.import_file(path, dry_run=dry_run, parsed=parsed, progress=bar.update)


def _print_summary(s: ImportSummary) -> None:
    prefix = "[dry run] " if s.dry_run else ""
    typer.echo(f"{prefix}{s.source_file} ({s.source_format}): added {len(s.added)}, "
               f"updated {len(s.updated)}, unchanged {len(s.unchanged)}, "
               f"rejected {len(s.rejected)}")
    for r in s.rejected:
        typer.echo(f"  rejected #{r.position} {r.code or '(no code)'}: {r.reason}")


@app.command("search")
def search(
    question: Annotated[str | None, typer.Argument(help="the citizen's question")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100)] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="JSON [{code, name, score}]")] = False,
    batch: Annotated[Path | None, typer.Option(help="one question per line; prints one "
                                                    "JSON line per question")] = None,
) -> None:
    """Ranked procedures for a question (with or without diacritics, abbreviations …)."""
    catalog = get_catalog()
    if batch is not None:
        _search_batch(catalog, batch, limit)
        return
    if question is None:
        raise _fail("give a QUESTION or --batch FILE")
    try:
        hits = catalog.search(question, limit)
    except SenderError as exc:
        raise _fail(f"{exc} ({exc.message_vi})") from exc
    if as_json:
        typer.echo(json.dumps([_hit_json(h) for h in hits], ensure_ascii=False))
        return
    for i, h in enumerate(hits, start=1):
        typer.echo(f"{i}. {h.code:<14} {h.score:7.2f}  {h.name}")
    if not hits:
        typer.echo("no procedure matches")


def _hit_json(hit: Hit) -> dict[str, object]:
    return {"code": hit.code, "name": hit.name, "score": round(hit.score, 4)}


def _search_batch(catalog: CatalogService, batch: Path, limit: int) -> None:
    try:
        lines = batch.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"{batch}: cannot read as UTF-8 text: {exc}") from exc
    for line in lines:
        if not line.strip():
            continue
        try:
            result: dict[str, object] = {"question": line, "results": [
                _hit_json(h) for h in catalog.search(line, limit)]}
        except SenderError as exc:
            result = {"question": line[:200], "error": str(exc)}
        typer.echo(json.dumps(result, ensure_ascii=False))


@app.command("show")
def show(
    code: str,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output")] = False,
) -> None:
    """One procedure with every attribute."""
    try:
        record = get_catalog().get(code)
    except IntakeError as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        data = record.as_dict()
        data.update(record.extra)
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    typer.echo(f"{record.code}  {record.name}")
    typer.echo(f"field: {record.field}; levels: {', '.join(record.levels)}; "
               f"queue: {record.queue_code}; demo: {record.demo}")
    for attribute in ATTRIBUTES:
        typer.echo("")
        typer.echo(answer(record, attribute, demo_note=False).split("\n", 1)[1])


@app.command("train-ranker")
def train_ranker(
    check: Annotated[bool, typer.Option(
        "--check", help="retrain and compare with the committed weights; write nothing; "
                        "exit 1 if they differ")] = False,
    examples: Annotated[Path | None, typer.Option(
        help="training questions (JSON lines: question, code); default: the committed "
             "intake/catalog/data/search_training.jsonl")] = None,
) -> None:
    """Retrain the search re-ranker's weights (intake/catalog/data/ranker.json)."""
    from intake.catalog.ranking import RANKER_FILE, read_ranker
    from intake.catalog.training import TRAINING_FILE, differences, retrain, write_ranker
    from intake.org.data_files import read_organisation

    queues = {q.code: q.name for q in read_organisation().queues}
    try:
        ranker = retrain(queues, examples or TRAINING_FILE)
    except (OSError, ValueError, KeyError, BrokenProcessPool) as exc:
        raise _fail(f"cannot train: {type(exc).__name__}: {exc}") from exc
    if check:
        changed = differences(read_ranker(RANKER_FILE), ranker)
        if changed:
            raise _fail(f"{len(changed)} weights differ from {RANKER_FILE.name}: "
                        + ", ".join(changed[:5]))
        typer.echo(f"{RANKER_FILE.name}: the training data gives the committed weights "
                   f"({len(ranker.weights)} features)")
        return
    write_ranker(ranker)
    typer.echo(f"wrote {RANKER_FILE} ({len(ranker.weights)} features)")
