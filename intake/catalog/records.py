"""The normalised procedure record every importer produces, whatever the source format.

Importers turn a source record into a ``ProcedureRecord`` (or raise ``RecordRejected``
with the reason); the store upserts records; search and answers read ``ProcedureView``
(the same shape, read back from the tables). ``content_hash`` is stable across runs, so
re-importing an unchanged record is detected as unchanged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from dataclasses import field as dc_field
from datetime import date
from typing import Any

CHANNEL_KINDS = ("truc_tiep", "truc_tuyen", "buu_chinh")
CHANNEL_LABELS = {"truc_tiep": "Trực tiếp", "truc_tuyen": "Trực tuyến",
                  "buu_chinh": "Qua bưu chính"}
LEVELS = ("bo", "tinh", "huyen", "xa")
LEVEL_LABELS = {"bo": "cấp Bộ", "tinh": "cấp tỉnh", "huyen": "cấp huyện", "xa": "cấp xã"}
ONLINE_LEVELS = ("toan_trinh", "mot_phan", "thong_tin")
ONLINE_LABELS = {"toan_trinh": "dịch vụ công trực tuyến toàn trình",
                 "mot_phan": "dịch vụ công trực tuyến một phần",
                 "thong_tin": "chỉ cung cấp thông tin trực tuyến"}
PLACE_QUEUES = ("XA", "HUYEN")


@dataclass(frozen=True)
class ChannelRecord:
    """A submission channel: kind, time limit (text and working days), fee (text, VND)."""

    kind: str
    time_limit: str
    time_limit_days: float | None
    fee: str
    fee_vnd: int | None
    note: str | None = None


@dataclass(frozen=True)
class DocumentRecord:
    """A required document: how many originals and copies, and its template form."""

    name: str
    originals: int
    copies: int
    template: str | None = None


@dataclass(frozen=True)
class ProcedureRecord:
    """One procedure, validated and normalised (NFC, trimmed), ready to store."""

    code: str
    name: str
    field: str
    levels: tuple[str, ...]
    implementing_agency: str
    queue_code: str
    channels: tuple[ChannelRecord, ...]
    online_level: str = "thong_tin"
    competent_agency: str | None = None
    documents: tuple[DocumentRecord, ...] = ()
    steps: tuple[str, ...] = ()
    result: str | None = None
    conditions: str | None = None
    legal_basis: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    decision: str | None = None
    decision_date: date | None = None
    demo: bool = False
    extra: dict[str, Any] = dc_field(default_factory=dict, compare=False, hash=False)

    def as_dict(self) -> dict[str, Any]:
        """Plain data (JSON-serialisable), without ``extra``."""
        data = asdict(self)
        data.pop("extra", None)
        data["decision_date"] = self.decision_date.isoformat() if self.decision_date else None
        return data

    def content_hash(self) -> str:
        """SHA-256 of the canonical JSON of the record: equal records, equal hashes."""
        canonical = json.dumps(self.as_dict(), ensure_ascii=False, sort_keys=True,
                               separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Rejection:
    """A record an import refused, with where it was and why."""

    position: int
    code: str | None
    reason: str


@dataclass
class ParsedFile:
    """What an importer read from one file: the good records and the rejected ones."""

    source_file: str
    source_format: str
    records: list[ProcedureRecord] = dc_field(default_factory=list)
    rejections: list[Rejection] = dc_field(default_factory=list)
