"""Importers: one module per source format, each producing a ``ParsedFile``.

``parse_path`` picks the format from the path: a directory of JSON documents or a JSON
document with ``metadata``/``content`` is the national detailed export; any other JSON,
CSV or XLSX file is the flat format (``intake/catalog/FORMAT.md``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from intake.catalog import limits
from intake.catalog.errors import CatalogFileError
from intake.catalog.importers import flat, national
from intake.catalog.records import ParsedFile

FLAT_SUFFIXES = frozenset({".json", ".csv", ".xlsx", ".xlsm"})


def parse_path(path: Path, queue_names: Mapping[str, str],
               former_names: Sequence[tuple[str, str]] = ()) -> ParsedFile:
    """Read and validate one catalog file or directory, whatever its format
    (``former_names``: earlier names of renamed queues, for the national export's agency)."""
    if path.is_dir():
        return national.parse_documents(national.read_path(path), path.name, queue_names,
                                        former_names)
    if not path.exists():
        raise CatalogFileError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix not in FLAT_SUFFIXES:
        raise CatalogFileError(f"{path}: unknown catalog format {suffix or '(no suffix)'!r}"
                               " (expected .json, .csv, .xlsx or a directory of the "
                               "national export)")
    if suffix == ".json":
        return _parse_json(path, queue_names, former_names)
    return flat.parse_file(path, frozenset(queue_names))


def _parse_json(path: Path, queue_names: Mapping[str, str],
                former_names: Sequence[tuple[str, str]] = ()) -> ParsedFile:
    raw = flat._read_text(path)
    try:
        data = limits.load_json(raw)
    except json.JSONDecodeError:
        data = None  # flat.json_rows explains the error with position and hint
    if national.looks_national(data):
        docs = data if isinstance(data, list) else [data]
        limits.check_rows(len(docs))
        return national.parse_documents([(f"{path.name}#{i}", d) for i, d in
                                         enumerate(docs, start=1)], path.name, queue_names,
                                        former_names)
    return flat.parse_rows(flat.json_rows(raw, path), path.name, "json",
                           frozenset(queue_names))
