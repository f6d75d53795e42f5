"""The flat export (JSON list, CSV, XLSX) described in ``intake/catalog/FORMAT.md``.

Reading a file gives rows (dicts keyed by the Vietnamese column names); each row is
validated into a ``ProcedureRecord`` or rejected with its reason, so one bad row never
stops the rest of the file. A file that cannot be read at all (not JSON, truncated,
not a list, an XLSX that is not a workbook) raises ``CatalogFileError``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from intake.catalog import limits
from intake.catalog import normalise as n
from intake.catalog.errors import CatalogFileError, RecordRejected
from intake.catalog.records import (
    PLACE_QUEUES,
    ChannelRecord,
    DocumentRecord,
    ParsedFile,
    ProcedureRecord,
    Rejection,
)

REQUIRED = ("ma_tthc", "ten_tthc", "linh_vuc", "cap_thuc_hien", "co_quan_thuc_hien",
            "queue", "cach_thuc_thuc_hien")
_DOC_COUNTS = re.compile(r"\s*\((\d+)\s*/\s*(\d+)\)\s*$")


# -- reading files -------------------------------------------------------------------
def read_rows(path: Path) -> tuple[str, list[Mapping[str, Any]]]:
    """The rows of a flat file and its format name ('json', 'csv', 'xlsx')."""
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return "xlsx", _xlsx_rows(path)
    raw = _read_text(path)
    if suffix == ".csv":
        return "csv", _csv_rows(raw, path)
    return "json", json_rows(raw, path)


def _read_text(path: Path) -> str:
    limits.check_file_size(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise CatalogFileError(f"{path}: the file is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogFileError(f"{path}: not UTF-8 text (byte {exc.start}); "
                               "save the file as UTF-8") from exc


def json_rows(raw: str, path: Path) -> list[Mapping[str, Any]]:
    """A JSON list of objects (or {"procedures": [...]})."""
    try:
        data = limits.load_json(raw)
    except json.JSONDecodeError as exc:
        hint = " (the file looks truncated)" if exc.pos >= len(raw.rstrip()) - 1 else ""
        raise CatalogFileError(f"{path}: not valid JSON at line {exc.lineno}, column "
                               f"{exc.colno}: {exc.msg}{hint}") from exc
    if isinstance(data, dict) and isinstance(data.get("procedures"), list):
        data = data["procedures"]
    if not isinstance(data, list):
        raise CatalogFileError(f"{path}: expected a JSON list of procedures, got "
                               f"{type(data).__name__} (see intake/catalog/FORMAT.md)")
    limits.check_rows(len(data))
    return [row if isinstance(row, dict) else {"__invalid__": row} for row in data]


def _csv_rows(raw: str, path: Path) -> list[Mapping[str, Any]]:
    reader = csv.DictReader(io.StringIO(raw))
    if not reader.fieldnames or "ma_tthc" not in [f.strip() for f in reader.fieldnames]:
        raise CatalogFileError(f"{path}: no header row with 'ma_tthc' (see FORMAT.md)")
    limits.check_columns(len(reader.fieldnames))
    rows: list[Mapping[str, Any]] = []
    try:
        for row in reader:
            limits.check_rows(len(rows) + 1)
            limits.check_columns(len(row))
            rows.append({(k or "").strip(): v for k, v in row.items()})
        return rows
    except csv.Error as exc:
        raise CatalogFileError(f"{path}: malformed CSV at line {reader.line_num}: {exc}") \
            from exc


def _xlsx_rows(path: Path) -> list[Mapping[str, Any]]:
    import zipfile

    from openpyxl import load_workbook

    limits.check_file_size(path)
    limits.check_xlsx(path)  # before anything is inflated
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise CatalogFileError(f"{path}: not a readable XLSX workbook: {exc}") from exc
    try:
        return _sheet_rows(workbook.worksheets[0], path)
    finally:
        workbook.close()


def _sheet_rows(sheet: Any, path: Path) -> list[Mapping[str, Any]]:
    """The non-empty rows of a read-only sheet keyed by its header, within the limits
    (the declared dimension first, then counted: a file may declare none, or lie)."""
    declared_rows, declared_columns = sheet.max_row, sheet.max_column
    if isinstance(declared_rows, int):
        limits.check_rows(declared_rows - 1)
    if isinstance(declared_columns, int):
        limits.check_columns(declared_columns)
    # cells past MAX_COLUMNS are never built; rows come padded to that width
    rows = sheet.iter_rows(values_only=True, max_col=limits.MAX_COLUMNS + 1)
    header = [str(c).strip() if c is not None else "" for c in next(rows, ())]
    while header and not header[-1]:
        header.pop()
    limits.check_columns(len(header))
    if "ma_tthc" not in header:
        raise CatalogFileError(f"{path}: no header row with 'ma_tthc' in the first sheet")
    result: list[Mapping[str, Any]] = []
    for number, row in enumerate(rows, start=1):
        limits.check_rows(number)
        cells = row[:len(header)]
        if any(c not in (None, "") for c in cells):
            result.append(dict(zip(header, cells, strict=False)))
    return result


# -- rows to records -------------------------------------------------------------------
def parse_file(path: Path, known_queues: frozenset[str]) -> ParsedFile:
    """Read a flat file and validate every row (rejections keep their reasons)."""
    fmt, rows = read_rows(path)
    return parse_rows(rows, path.name, fmt, known_queues)


def parse_rows(rows: Iterable[Mapping[str, Any]], source_file: str, fmt: str,
               known_queues: frozenset[str]) -> ParsedFile:
    """Validate rows; a code seen earlier in the same file is rejected as a duplicate."""
    parsed = ParsedFile(source_file, fmt)
    seen: set[str] = set()
    for position, row in enumerate(rows, start=1):
        limits.check_rows(position)
        raw_code = row.get("ma_tthc") if isinstance(row, Mapping) else None
        label = str(raw_code) if raw_code not in (None, "") else None
        try:
            record = row_to_record(row, known_queues)
            if record.code in seen:
                raise RecordRejected(f"duplicate ma_tthc {record.code!r} in this file")
        except RecordRejected as exc:
            parsed.rejections.append(Rejection(position, label, str(exc)))
            continue
        seen.add(record.code)
        parsed.records.append(record)
    return parsed


def row_to_record(row: Mapping[str, Any], known_queues: frozenset[str]) -> ProcedureRecord:
    """Validate one flat row into a record, or raise ``RecordRejected`` saying why."""
    if "__invalid__" in row:
        raise RecordRejected(f"expected an object, got {type(row['__invalid__']).__name__}")
    missing = [key for key in REQUIRED if row.get(key) in (None, "", [])]
    if missing and not (missing == ["cach_thuc_thuc_hien"] and row.get("hinh_thuc")):
        raise RecordRejected("missing " + ", ".join(missing))
    return ProcedureRecord(
        code=n.code(row.get("ma_tthc")),
        name=n.required_text(row.get("ten_tthc"), "ten_tthc", limit=n.MAX_NAME_CHARS),
        field=n.required_text(row.get("linh_vuc"), "linh_vuc", limit=255),
        levels=n.levels(list(n.text_list(row.get("cap_thuc_hien"), "cap_thuc_hien"))),
        implementing_agency=n.required_text(row.get("co_quan_thuc_hien"),
                                            "co_quan_thuc_hien"),
        competent_agency=n.text(row.get("co_quan_co_tham_quyen")),
        queue_code=_queue(row.get("queue"), known_queues),
        channels=_channels(row),
        online_level=n.online_level(row.get("muc_do_dvc")),
        documents=_documents(row.get("thanh_phan_ho_so")),
        steps=n.text_list(row.get("trinh_tu_thuc_hien"), "trinh_tu_thuc_hien"),
        result=n.text(row.get("ket_qua")),
        conditions=n.text(row.get("yeu_cau_dieu_kien")),
        legal_basis=n.text_list(row.get("can_cu_phap_ly"), "can_cu_phap_ly"),
        keywords=n.text_list(row.get("tu_khoa"), "tu_khoa"),
        decision=n.text(row.get("quyet_dinh_cong_bo")),
        decision_date=n.iso_date(row.get("ngay_cong_bo")),
        demo=_flag(row.get("demo")),
    )


def _queue(value: object, known_queues: frozenset[str]) -> str:
    queue = n.required_text(value, "queue", limit=32).upper()
    if queue not in PLACE_QUEUES and queue not in known_queues:
        raise RecordRejected(f"queue {queue!r} is not a queue of the organisation "
                             "(nor XA / HUYEN)")
    return queue


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in {"1", "true", "x", "yes", "co", "có"}


def _channels(row: Mapping[str, Any]) -> tuple[ChannelRecord, ...]:
    value = row.get("cach_thuc_thuc_hien")
    if isinstance(value, str) and value.strip().startswith("["):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise RecordRejected(f"cach_thuc_thuc_hien: invalid JSON: {exc.msg}") from exc
    if value in (None, "") and row.get("hinh_thuc"):
        value = [{**{k: row.get(k) for k in ("thoi_han", "thoi_han_ngay", "phi_le_phi",
                                              "le_phi_vnd", "mo_ta")}, "hinh_thuc": kind}
                 for kind in n.text_list(row.get("hinh_thuc"), "hinh_thuc")]
    if not isinstance(value, list) or not value:
        raise RecordRejected("cach_thuc_thuc_hien: expected a non-empty list of channels")
    channels = tuple(_channel(item) for item in value)
    if len({c.kind for c in channels}) != len(channels):
        raise RecordRejected("cach_thuc_thuc_hien: the same hinh_thuc listed twice")
    return channels


def _channel(item: object) -> ChannelRecord:
    if not isinstance(item, dict):
        raise RecordRejected("cach_thuc_thuc_hien: each channel must be an object")
    time_limit = n.text(item.get("thoi_han")) or "Không quy định"
    fee = n.text(item.get("phi_le_phi")) or "Không quy định"
    days = item.get("thoi_han_ngay")
    vnd = item.get("le_phi_vnd")
    return ChannelRecord(
        kind=n.channel_kind(str(item.get("hinh_thuc") or "")),
        time_limit=time_limit,
        time_limit_days=_number(days, "thoi_han_ngay") if days not in (None, "")
        else n.duration_days(time_limit),
        fee=fee,
        fee_vnd=int(_number(vnd, "le_phi_vnd")) if vnd not in (None, "") else n.fee_vnd(fee),
        note=n.text(item.get("mo_ta")),
    )


def _number(value: object, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise RecordRejected(f"{key}: expected a number, got {value!r}")
    try:
        number = float(str(value).replace(",", "."))
    except ValueError as exc:
        raise RecordRejected(f"{key}: expected a number, got {value!r}") from exc
    if number < 0:
        raise RecordRejected(f"{key}: negative value {number}")
    return number


def _documents(value: object) -> tuple[DocumentRecord, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        return tuple(_document_text(part) for part in value.split(";") if part.strip())
    if not isinstance(value, list):
        raise RecordRejected("thanh_phan_ho_so: expected a list of documents")
    return tuple(_document(item) for item in value)


def _document(item: object) -> DocumentRecord:
    if isinstance(item, str):
        return _document_text(item)
    if not isinstance(item, dict):
        raise RecordRejected("thanh_phan_ho_so: each document must be an object")
    return DocumentRecord(
        name=n.required_text(item.get("ten_giay_to"), "thanh_phan_ho_so.ten_giay_to"),
        originals=n.count(item.get("ban_chinh"), "ban_chinh"),
        copies=n.count(item.get("ban_sao"), "ban_sao"),
        template=n.text(item.get("mau_don")),
    )


def _document_text(item: str) -> DocumentRecord:
    match = _DOC_COUNTS.search(item)
    originals, copies = (int(match.group(1)), int(match.group(2))) if match else (1, 0)
    name = item[:match.start()] if match else item
    return DocumentRecord(n.required_text(name, "thanh_phan_ho_so"), originals, copies)
