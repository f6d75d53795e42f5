"""Reading the organisation data shipped in ``intake/org/data`` (or given by path)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from intake.errors import OrganisationDataError
from intake.models import QueueKind

DEFAULT_ORG_FILE = Path(__file__).resolve().parent / "data" / "departments.yml"


@dataclass(frozen=True)
class QueueSpec:
    """One queue as the organisation data describes it."""

    code: str
    name: str
    kind: QueueKind
    parent_code: str | None = None
    place_type: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Organisation:
    """Every queue of the province plus the triage queue's code."""

    province_name: str
    triage_queue: str
    queues: tuple[QueueSpec, ...]

    def by_code(self) -> dict[str, QueueSpec]:
        """Queues keyed by code."""
        return {q.code: q for q in self.queues}


def _load_units(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise OrganisationDataError(f"cannot read administrative units {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise OrganisationDataError(f"{path}: expected an object keyed by GSO code")
    return data


def _agency_specs(entries: list[dict[str, Any]], kind: QueueKind) -> list[QueueSpec]:
    specs = []
    for entry in entries:
        if "code" not in entry or "name" not in entry:
            raise OrganisationDataError(f"queue entry without code or name: {entry!r}")
        specs.append(QueueSpec(entry["code"], entry["name"], kind, note=entry.get("note")))
    return specs


def _unit_specs(base: Path, pattern: str, kind: QueueKind, prefix: str) -> list[QueueSpec]:
    specs = []
    files = sorted(base.glob(pattern))
    if not files:
        raise OrganisationDataError(f"no administrative unit files match {base / pattern}")
    for path in files:
        for code, unit in sorted(_load_units(path).items()):
            parent = unit.get("parent_code")
            specs.append(
                QueueSpec(
                    code=f"{prefix}{code}",
                    name=f"UBND {unit['name_with_type']}",
                    kind=kind,
                    parent_code=f"HUYEN_{parent}" if kind is QueueKind.COMMUNE else None,
                    place_type=unit.get("type"),
                )
            )
    return specs


def read_organisation(path: Path = DEFAULT_ORG_FILE) -> Organisation:
    """Parse ``departments.yml`` and the unit files it names; check codes are unique."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise OrganisationDataError(f"cannot read organisation file {path}: {exc}") from exc
    base = path.parent
    queues = _agency_specs(doc.get("provincial", []), QueueKind.PROVINCIAL)
    queues += _agency_specs(doc.get("central_in_province", []), QueueKind.CENTRAL)
    if doc.get("districts_from"):
        queues += _unit_specs(base, doc["districts_from"], QueueKind.DISTRICT, "HUYEN_")
    if doc.get("communes_from"):
        queues += _unit_specs(base, doc["communes_from"], QueueKind.COMMUNE, "XA_")
    codes = [q.code for q in queues]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise OrganisationDataError(f"duplicate queue codes: {', '.join(duplicates)}")
    triage = doc.get("triage_queue")
    if triage not in codes:
        raise OrganisationDataError(f"triage queue {triage!r} is not one of the queues")
    province = doc.get("province", {}).get("name", "")
    return Organisation(province_name=province, triage_queue=triage, queues=tuple(queues))


@lru_cache(maxsize=1)
def default_triage_queue() -> str:
    """The triage queue the shipped organisation names (``triage_queue:``), so no code
    repeats the code of the desk that takes what no rule is sure about."""
    return read_organisation().triage_queue


@lru_cache(maxsize=1)
def default_province_name() -> str:
    """The province the shipped organisation names (``province:``): the name in force
    before any ``pakn org load`` wrote one to the database."""
    return read_organisation().province_name
