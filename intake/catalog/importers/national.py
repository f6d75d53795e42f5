"""The national procedure database's detailed export (one JSON document per procedure).

Structure (as in ``../shared/data/tthc-national-sample/``): ``metadata`` (mã_thủ_tục,
tên_thủ_tục, số_quyết_định, cấp_thực_hiện, lĩnh_vực), ``content`` (trình_tự_thực_hiện,
cơ_quan_thực_hiện, cơ_quan_có_thẩm_quyền, kết_quả_thực_hiện,
yêu_cầu_điều_kiện_thực_hiện, từ_khóa …) and ``tables`` (hinh_thuc_nop,
thanh_phan_ho_so, can_cu_phap_ly). The export names no complaint queue: it is inferred
from the agency's name (a department of the organisation), else from the level (commune
or district People's Committee of the citizen's place), else the triage queue.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from intake.catalog import normalise as n
from intake.catalog.errors import CatalogFileError, RecordRejected
from intake.catalog.records import (
    ChannelRecord,
    DocumentRecord,
    ParsedFile,
    ProcedureRecord,
    Rejection,
)
from intake.org.data_files import default_triage_queue
from intake.text import fold

FORMAT = "national"
_COUNTS = re.compile(r"bản chính\s*:\s*(\d+).*?bản sao\s*:\s*(\d+)", re.I | re.S)


def looks_national(data: object) -> bool:
    """True for a national-export document (or a list of them)."""
    first = data[0] if isinstance(data, list) and data else data
    return isinstance(first, dict) and "metadata" in first and "content" in first


def parse_documents(documents: list[tuple[str, object]], source_file: str,
                    queue_names: Mapping[str, str],
                    former_names: Sequence[tuple[str, str]] = ()) -> ParsedFile:
    """Validate national documents given as (origin, parsed JSON) pairs (``former_names``:
    earlier names of renamed queues, (code, name), so an export that still says "Ban Dân
    tộc" finds today's "Sở Dân tộc và Tôn giáo")."""
    parsed = ParsedFile(source_file, FORMAT)
    seen: set[str] = set()
    for position, (origin, doc) in enumerate(documents, start=1):
        code = _code_of(doc)
        try:
            record = to_record(doc, queue_names, former_names)
            if record.code in seen:
                raise RecordRejected(f"duplicate mã_thủ_tục {record.code!r}")
        except RecordRejected as exc:
            parsed.rejections.append(Rejection(position, code, f"{origin}: {exc}"))
            continue
        seen.add(record.code)
        parsed.records.append(record)
    return parsed


def read_path(path: Path) -> list[tuple[str, object]]:
    """(origin, document) pairs of a directory of JSON files or of one JSON file.

    A file in a directory that is not valid JSON becomes an ``__invalid__`` document
    (rejected with its reason) so the rest of the directory still imports.
    """
    if path.is_dir():
        pairs: list[tuple[str, object]] = []
        for file in sorted(path.glob("*.json")):
            try:
                pairs.append((file.name, json.loads(file.read_text(encoding="utf-8-sig"))))
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                pairs.append((file.name, {"__invalid__": f"not valid JSON: {exc}"}))
        if not pairs:
            raise CatalogFileError(f"{path}: no *.json files in this directory")
        return pairs
    raise CatalogFileError(f"{path}: not a directory")


def _code_of(doc: object) -> str | None:
    if isinstance(doc, dict):
        meta = doc.get("metadata")
        value = meta.get("mã_thủ_tục") if isinstance(meta, dict) else None
        return str(value or doc.get("thu_tuc_id") or "") or None
    return None


def to_record(doc: object, queue_names: Mapping[str, str],
              former_names: Sequence[tuple[str, str]] = ()) -> ProcedureRecord:
    """Validate one national document, or raise ``RecordRejected`` saying why."""
    if not isinstance(doc, dict):
        raise RecordRejected(f"expected a JSON object, got {type(doc).__name__}")
    if "__invalid__" in doc:
        raise RecordRejected(str(doc["__invalid__"]))
    meta, content, tables = (_section(doc, key) for key in ("metadata", "content", "tables"))
    levels = n.levels(re.split(r"[,;]", str(meta.get("cấp_thực_hiện") or "")))
    agency = n.text(content.get("cơ_quan_thực_hiện")) or n.text(
        content.get("cơ_quan_có_thẩm_quyền"))
    if agency is None:
        raise RecordRejected("cơ_quan_thực_hiện is missing or empty")
    channels = _channels(tables.get("hinh_thuc_nop"))
    return ProcedureRecord(
        code=n.code(meta.get("mã_thủ_tục") or doc.get("thu_tuc_id")),
        name=n.required_text(meta.get("tên_thủ_tục"), "tên_thủ_tục", limit=n.MAX_NAME_CHARS),
        field=n.required_text(meta.get("lĩnh_vực"), "lĩnh_vực", limit=255),
        levels=levels,
        implementing_agency=agency,
        competent_agency=n.text(content.get("cơ_quan_có_thẩm_quyền")),
        queue_code=infer_queue(agency, levels, queue_names, former_names),
        channels=channels,
        online_level="mot_phan" if any(c.kind == "truc_tuyen" for c in channels)
        else "thong_tin",
        documents=_documents(tables.get("thanh_phan_ho_so")),
        steps=n.steps(n.text(content.get("trình_tự_thực_hiện"))),
        result=n.text(content.get("kết_quả_thực_hiện")),
        conditions=n.text(content.get("yêu_cầu_điều_kiện_thực_hiện")),
        legal_basis=_legal_basis(tables.get("can_cu_phap_ly")),
        keywords=tuple(k for k in (n.text(p) for p in re.split(
            r"[,;]", str(content.get("từ_khóa") or ""))) if k),
        decision=n.text(meta.get("số_quyết_định")),
    )


def _section(doc: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = doc.get(key)
    if value is None and key == "tables":
        return {}
    if not isinstance(value, dict):
        raise RecordRejected(f"'{key}' is missing or not an object")
    return value


def infer_queue(agency: str, levels: tuple[str, ...], queue_names: Mapping[str, str],
                former_names: Sequence[tuple[str, str]] = ()) -> str:
    """The queue of a department named in the agency (today's name or an earlier one; the
    longest name wins), else the place's committee."""
    folded = fold(agency)
    names = [*queue_names.items(), *former_names]
    for code, name in sorted(names, key=lambda kv: -len(kv[1])):
        if code in {"XA", "HUYEN"} or code.startswith(("XA_", "HUYEN_")):
            continue
        if fold(name) and fold(name) in folded:
            return code
    if "xa" in levels and "tinh" not in levels and "bo" not in levels:
        return "XA"
    if "huyen" in levels and "tinh" not in levels and "bo" not in levels:
        return "HUYEN"
    return default_triage_queue()


def _channels(value: object) -> tuple[ChannelRecord, ...]:
    if not isinstance(value, list):
        value = []
    channels: dict[str, ChannelRecord] = {}
    for item in value:
        if not isinstance(item, dict):
            raise RecordRejected("hinh_thuc_nop: each row must be an object")
        kind = n.channel_kind(str(item.get("hinh_thuc") or ""))
        time_limit = n.text(item.get("thoi_han_giai_quyet")) or "Không quy định"
        fee = n.text(item.get("phi_le_phi")) or "Không quy định"
        channels.setdefault(kind, ChannelRecord(
            kind, time_limit, n.duration_days(time_limit), fee, n.fee_vnd(fee),
            n.text(item.get("mo_ta"))))
    if not channels:
        # The export leaves the table empty for some procedures handled in person only.
        channels["truc_tiep"] = ChannelRecord("truc_tiep", "Không quy định", None,
                                              "Không quy định", None, None)
    return tuple(channels.values())


def _documents(value: object) -> tuple[DocumentRecord, ...]:
    if not isinstance(value, list):
        return ()
    documents = []
    for item in value:
        if not isinstance(item, dict):
            raise RecordRejected("thanh_phan_ho_so: each row must be an object")
        name = n.text(item.get("ten_giay_to"))
        if name is None:
            continue
        match = _COUNTS.search(str(item.get("ghi_chu") or ""))
        originals, copies = (int(match.group(1)), int(match.group(2))) if match else (1, 0)
        documents.append(DocumentRecord(name, originals, copies,
                                        n.text(item.get("so_luong"), limit=500)))
    return tuple(documents)


def _legal_basis(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    items = []
    for item in value:
        if isinstance(item, dict):
            label = n.text(item.get("trich_yeu")) or n.text(item.get("so_ky_hieu"))
            if label:
                items.append(label)
    return tuple(items)
