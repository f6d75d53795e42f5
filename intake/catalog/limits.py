"""Limits on what a catalog file may cost to read.

A spreadsheet is a zip: a 0.4 MB XLSX can inflate to gigabytes of XML (shared strings
are read whole when a workbook opens, even in read-only mode), and a small file can hold
hundreds of thousands of rows; a JSON document nested 100,000 deep exhausts the
interpreter's recursion. The province's whole catalog is about 2,145 procedures of some
25 columns, so the limits below leave a wide margin for real files and refuse the rest
with a clear message (``CatalogTooLarge``, a ``CatalogFileError``) before the memory or
the time is spent:

- the file: ``MAX_FILE_BYTES``;
- an XLSX, checked from the zip's directory before anything is inflated: at most
  ``MAX_XLSX_MEMBERS`` parts and ``MAX_XLSX_UNCOMPRESSED`` bytes once inflated;
- rows and columns: ``MAX_ROWS``, ``MAX_COLUMNS`` (counted while reading);
- JSON nesting: ``MAX_JSON_DEPTH`` levels;
- time: inside ``time_limit(seconds)`` the readers call ``check_time`` as they go and
  stop with an error once the time is up (the console gives an upload ``MAX_SECONDS``).
"""

from __future__ import annotations

import json
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from intake.catalog.errors import CatalogFileError

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_XLSX_UNCOMPRESSED = 64 * 1024 * 1024
MAX_XLSX_MEMBERS = 500
MAX_ROWS = 20_000
MAX_COLUMNS = 100
MAX_JSON_DEPTH = 20
MAX_SECONDS = 30.0

_deadline: ContextVar[float | None] = ContextVar("catalog_deadline", default=None)


class CatalogTooLarge(CatalogFileError):
    """A catalog file over one of the limits (size, rows, columns, nesting, time)."""

    message_vi = "Tệp danh mục quá lớn hoặc quá phức tạp để nhập."


def _refuse(detail: str, message_vi: str) -> CatalogTooLarge:
    return CatalogTooLarge(detail, message_vi)


def check_file_size(path: Path) -> None:
    """Refuse a file larger than ``MAX_FILE_BYTES`` before reading it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CatalogFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise _refuse(f"{path}: {size} bytes, over {MAX_FILE_BYTES}",
                      f"Tệp quá lớn (tối đa {MAX_FILE_BYTES // (1024 * 1024)} MB).")


def check_xlsx(path: Path) -> None:
    """Refuse a workbook whose parts would inflate past the limits (zip directory only)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise CatalogFileError(f"{path}: not a readable XLSX workbook: {exc}") from exc
    if len(members) > MAX_XLSX_MEMBERS:
        raise _refuse(f"{path}: {len(members)} parts in the workbook",
                      "Tệp XLSX có quá nhiều thành phần.")
    inflated = sum(max(member.file_size, 0) for member in members)
    if inflated > MAX_XLSX_UNCOMPRESSED:
        raise _refuse(f"{path}: {inflated} bytes once uncompressed",
                      f"Tệp XLSX quá lớn khi giải nén (hơn "
                      f"{MAX_XLSX_UNCOMPRESSED // (1024 * 1024)} MB).")


def check_rows(count: int) -> None:
    """Refuse the ``count``-th data row when it is past ``MAX_ROWS`` (also checks time)."""
    if count > MAX_ROWS:
        raise _refuse(f"more than {MAX_ROWS} rows",
                      f"Tệp có quá nhiều dòng (tối đa {MAX_ROWS:,} dòng)."
                      .replace(",", "."))
    if count % 500 == 0:
        check_time()


def check_columns(count: int) -> None:
    """Refuse a header or row with more than ``MAX_COLUMNS`` columns."""
    if count > MAX_COLUMNS:
        raise _refuse(f"{count} columns", f"Tệp có quá nhiều cột (tối đa {MAX_COLUMNS}).")


def load_json(raw: str) -> Any:
    """``json.loads`` that refuses nesting deeper than ``MAX_JSON_DEPTH`` (and the
    interpreter's recursion limit) with ``CatalogTooLarge``; JSONDecodeError passes."""
    try:
        data = json.loads(raw)
    except RecursionError as exc:
        raise _too_deep() from exc
    _check_depth(data)
    return data


def _too_deep() -> CatalogTooLarge:
    return _refuse(f"JSON nested deeper than {MAX_JSON_DEPTH} levels",
                   f"Dữ liệu JSON lồng nhau quá sâu (tối đa {MAX_JSON_DEPTH} cấp).")


def _check_depth(data: Any) -> None:
    """Iteratively (no recursion): refuse containers nested past ``MAX_JSON_DEPTH``."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else \
            value if isinstance(value, list) else ()
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > MAX_JSON_DEPTH:
                    raise _too_deep()
                stack.append((child, depth + 1))


@contextmanager
def time_limit(seconds: float = MAX_SECONDS) -> Iterator[None]:
    """Within the block, ``check_time`` fails once ``seconds`` have passed."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def check_time() -> None:
    """Raise ``CatalogTooLarge`` if the current ``time_limit`` is over."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise _refuse("reading the file took too long",
                      "Xử lý tệp quá lâu; vui lòng chia nhỏ tệp rồi nhập từng phần.")
