"""Addresses as citizens type them, old or new, read with ``vietnamadminunits`` (MIT).

The library parses Vietnamese addresses with or without diacritics, in the 63-province
form (commune, district, province: before July 2025) and the 34-province form (commune,
province), converts an old address to the commune that holds it today, and carries the
communes' coordinates. We use it for the place a citizen types in the chat form and the
address of an e-mail signature (``resolve``), and for the communes' centres that a
Telegram location is compared with (``commune_centres``); free-text place finding stays
with ``PlaceIndex``.

Two guards: the library geocodes over the network (ArcGIS) when an old commune was split
between new ones and a street is given — we never let it (``_no_network``; no such split
exists in Bắc Giang/Bắc Ninh anyway, and only those provinces are converted); and a
commune it finds counts only if one of our queues carries that commune's code *and*
name, so the same code reused by another commune in the other snapshot (the 2025 units
kept one of their members' codes) is never taken for it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from intake.text import fold

log = logging.getLogger(__name__)

OLD_PROVINCE = "Bắc Giang"  # the demo organisation's province before July 2025
NEW_PROVINCE = "Bắc Ninh"  # the province that holds it since (Nghị quyết 202/2025/QH15)
OUR_PROVINCE_KEYS = frozenset({"tinhbacgiang", "tinhbacninh"})


@dataclass(frozen=True)
class Address:
    """A commune found in an address: the queue it maps to and how it was read."""

    queue_code: str
    name: str  # today's full name of the commune ("Xã Nam Dương")
    former: str | None = None  # "xã Tân Mộc (cũ)" when the citizen wrote an old name


@dataclass(frozen=True)
class Centre:
    """A commune's centre (the library's coordinates)."""

    queue_code: str
    name: str
    lat: float
    lon: float


def _no_network(address: str) -> None:
    """Stands in for the library's geocoder: we never send an address anywhere."""
    return None


@lru_cache(maxsize=1)
def _library() -> Any | None:
    """The library's modules (imported on first use: ~0.7 s), or None if not installed."""
    try:
        import vietnamadminunits
        from vietnamadminunits.converter import converter_2025
    except ImportError:
        log.warning("vietnamadminunits is not installed: addresses read by place names only")
        return None
    converter_2025.get_geo_location = _no_network
    return vietnamadminunits


def _bare(name: str | None) -> str:
    """``Phường Việt Yên`` / ``UBND Phường Việt Yên`` → ``viet yen``."""
    text = (name or "").removeprefix("UBND ").strip()
    for word in ("Thị trấn ", "Phường ", "Xã "):
        if text.startswith(word):
            text = text[len(word):]
    return fold(text)


def _queue_for(code: str | None, ward: str | None,
               queues: Mapping[str, str]) -> str | None:
    """``XA_<code>`` when that queue is active under the commune's name."""
    queue = f"XA_{code}" if code else None
    if queue and queue in queues and _bare(queues[queue]) == _bare(ward):
        return queue
    return None


def _convert(library: Any, text: str) -> Any | None:
    """The old address converted, only for our provinces (province added when missing)."""
    for candidate in (text, f"{text}, {OLD_PROVINCE}"):
        old = library.parse_address(candidate, mode="LEGACY", level=3)
        if old.province_key in OUR_PROVINCE_KEYS and old.ward:
            return library.convert_address(candidate)
        if old.province_key:
            return None
    return None


def resolve(text: str, queues: Mapping[str, str]) -> Address | None:
    """The active commune queue an address names (``queues``: active commune code →
    name), reading it first as an old address, then as a new one; None if neither."""
    library = _library()
    if library is None or not text.strip():
        return None
    try:
        new = _convert(library, text)
        if new is not None:
            old = new.OldAdminUnit
            today = _queue_for(new.ward_code, new.ward, queues)
            if today is not None:
                former = None if _bare(old.ward) == _bare(new.ward) else \
                    f"{old.ward[:1].lower()}{old.ward[1:]} (cũ)"
                return Address(today, new.ward, former)
            before = _queue_for(old.ward_code, old.ward, queues)  # the pre-2025 snapshot
            if before is not None:
                return Address(before, old.ward)
        return _resolve_new(library, text, queues)
    except (ValueError, KeyError, AttributeError, TypeError, IndexError) as exc:
        log.warning("address not read by vietnamadminunits (%s)", type(exc).__name__)
        return None


def _resolve_new(library: Any, text: str, queues: Mapping[str, str]) -> Address | None:
    """A 2025 address; the commune's name must be in the text (the parser guesses)."""
    for candidate in (text, f"{text}, {NEW_PROVINCE}"):
        unit = library.parse_address(candidate, mode="FROM_2025", level=2)
        if unit.province_key in OUR_PROVINCE_KEYS and unit.ward:
            if _bare(unit.ward) and _bare(unit.ward) in fold(text):
                queue = _queue_for(unit.ward_code, unit.ward, queues)
                return Address(queue, unit.ward) if queue else None
            return None
        if unit.province_key:
            return None
    return None


def commune_centres(queues: Mapping[str, str]) -> list[Centre]:
    """Centres of the active communes (``queues``: code → name) the library knows, from
    its 2025 table or, for the pre-2025 snapshot, its legacy one; matched by code and name."""
    library = _library()
    if library is None:
        return []
    path = Path(library.__file__).resolve().parent / "data" / "dataset.db"
    centres: dict[str, Centre] = {}
    with sqlite3.connect(path) as conn:
        for table in ("admin_units", "admin_units_legacy"):
            rows: Iterable[tuple[str, str, float, float]] = conn.execute(
                f"SELECT wardCode, ward, wardLat, wardLon FROM {table} "  # two fixed table names
                "WHERE provinceKey IN ('tinhbacgiang', 'tinhbacninh')")
            for code, ward, lat, lon in rows:
                queue = _queue_for(code, ward, queues)
                if queue and queue not in centres and lat is not None and lon is not None:
                    centres[queue] = Centre(queue, ward, float(lat), float(lon))
    return list(centres.values())
