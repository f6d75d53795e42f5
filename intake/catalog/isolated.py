"""Reading an uploaded catalog file in a separate, bounded process.

The console must stay responsive for the public web chat while an administrator's file
is read. Parsing a spreadsheet is CPU work that holds the interpreter lock, so in a
thread it would still slow every other request; in its own process it does not. The
process also gets hard limits the importer's own checks (``intake.catalog.limits``)
cannot give: it is killed after ``seconds`` and its address space is capped at
``memory_bytes``, so a file that slips past the checks costs at most that.

Errors come back as ``CatalogFileError`` with their Vietnamese message (exceptions are
returned as data: a pickled exception would lose its ``message_vi``).
"""

from __future__ import annotations

import multiprocessing
import resource
from multiprocessing.connection import Connection
from pathlib import Path

from intake.catalog import limits
from intake.catalog.errors import CatalogFileError
from intake.catalog.importers import parse_path
from intake.catalog.records import ParsedFile

MAX_PARSE_MEMORY = 1536 * 1024 * 1024  # address space of the reading process
GRACE_SECONDS = 10.0  # start-up of the child, on top of its reading time
#: parsed, or (detail, message_vi, whether it was over a limit)
Outcome = tuple[ParsedFile | None, str | None, str | None, bool]


def _read_in_child(conn: Connection, path: str, queue_names: dict[str, str], seconds: float,
                   memory_bytes: int) -> None:
    """The child: cap its address space, parse within the importer's limits, send the
    outcome (errors as data) and exit."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    outcome: Outcome
    try:
        with limits.time_limit(seconds):
            outcome = parse_path(Path(path), queue_names), None, None, False
    except CatalogFileError as exc:
        outcome = None, str(exc), exc.message_vi, isinstance(exc, limits.CatalogTooLarge)
    except MemoryError:
        outcome = (None, "out of memory while reading", limits.CatalogTooLarge.message_vi,
                   True)
    conn.send(outcome)
    conn.close()


def parse_isolated(path: Path, queue_names: dict[str, str],
                   seconds: float = limits.MAX_SECONDS,
                   memory_bytes: int = MAX_PARSE_MEMORY) -> ParsedFile:
    """``parse_path(path, queue_names)`` in a child process, killed if it is not done in
    ``seconds`` (plus start-up); blocking, so call it from a worker thread. The checks
    that need no inflating (file size, a workbook's size once uncompressed) run here
    first, so an obvious bomb is refused before a process is started."""
    limits.check_file_size(path)
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        limits.check_xlsx(path)
    context = multiprocessing.get_context("spawn")  # never fork a threaded server
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_read_in_child, daemon=True, args=(
        sender, str(path), dict(queue_names), seconds, memory_bytes))
    child.start()
    sender.close()
    try:
        if not receiver.poll(seconds + GRACE_SECONDS):
            raise limits.CatalogTooLarge(
                f"{path}: reading took more than {seconds:.0f} s",
                "Xử lý tệp quá lâu; vui lòng chia nhỏ tệp rồi nhập từng phần.")
        try:
            outcome: Outcome = receiver.recv()
        except EOFError as exc:  # the child died: the memory cap, or the system
            raise limits.CatalogTooLarge(f"{path}: the reading process died") from exc
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(timeout=5.0)
    parsed, detail, message_vi, too_large = outcome
    if parsed is None:
        error = limits.CatalogTooLarge if too_large else CatalogFileError
        raise error(detail or f"{path}: unreadable", message_vi)
    return parsed
