"""Place signals: where the complaint is about → the People's Committee's queue.

Three sources, kept apart because they mean different things: the place the citizen
gave (the chat form's answer: strongest), places named in the text, and hints (a
Telegram location, the address of an e-mail signature: where the citizen is, which is
usually but not always where the problem is). Names are matched by ``PlaceIndex``
(diacritic-insensitive, with or without "xã / phường / thị trấn / huyện / TP").

Two places in one text are settled explicitly (``settle``): a commune and its own
district → the commune; two communes of one district → that district; places in
different districts → a conflict, which the decision sends to triage with both as
alternatives rather than guess.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from intake.org.addresses import Address, Centre
from intake.org.places import PlaceIndex, PlaceMatch
from intake.routing.types import Candidate, RoutingInput, Signal

AddressReader = Callable[[str], Address | None]
ADDRESS_SCORE = 0.95  # a commune the address library read from a form answer or signature
MAX_COMMUNE_KM = 12.0  # a Telegram location farther than this from every commune centre

SEATS_FILE = Path(__file__).resolve().parents[1] / "data" / "district_seats.yml"
MIN_SCORE = 0.6
HINT_FACTOR = 0.7
MAX_SEAT_KM = 20.0
COORDINATE_SCORE = 0.55


@dataclass(frozen=True)
class Settled:
    """The outcome of the places found in one source."""

    kind: str  # "none" | "one" | "shared_district" | "conflict"
    queue: str | None
    score: float
    names: tuple[str, ...]
    codes: tuple[str, ...]
    note: str | None = None  # "xã Tân Mộc (cũ) → Xã Nam Dương" when a former name decided


def settle(matches: list[PlaceMatch]) -> Settled:
    """One place out of several, or a conflict (see the module docstring)."""
    good = _typed_district_first(_without_overlaps([m for m in matches if m.score >= MIN_SCORE]))
    if not good:
        return Settled("none", None, 0.0, (), ())
    communes = [m for m in good if not m.place.is_district]
    districts = [m for m in good if m.place.is_district]
    names = tuple(m.matched for m in good)
    codes = tuple(m.place.queue_code for m in good)
    if communes:
        top = communes[0]
        rivals = [m for m in communes[1:] if top.score - m.score < 0.05]
        if not rivals:
            return Settled("one", top.place.queue_code, top.score, names, codes,
                           top.place.former_note)
        parents = {m.place.district_code for m in [top, *rivals]}
        if len(parents) == 1 and top.place.district_code:
            return Settled("shared_district", top.place.district_code,
                           min(top.score, 0.8), names, codes)
        return Settled("conflict", None, top.score, names, codes)
    if len(districts) == 1 or districts[0].score - districts[1].score >= 0.05:
        return Settled("one", districts[0].place.queue_code, districts[0].score, names, codes)
    return Settled("conflict", None, districts[0].score, names, codes)


def _typed_district_first(matches: list[PlaceMatch]) -> list[PlaceMatch]:
    """A district named with its type word ("huyện Lục Nam") outweighs a bare commune
    name of another district: drop such communes (a bare name is often an ordinary word)."""
    typed = {m.place.queue_code for m in matches if m.place.is_district and m.score >= 0.9}
    if not typed:
        return matches
    return [m for m in matches if m.place.is_district or m.score >= 0.9
            or m.place.district_code in typed]


def _without_overlaps(matches: list[PlaceMatch]) -> list[PlaceMatch]:
    """Drop a name that overlaps a better-scored one ("Huyền Sơn" in "huyện Sơn Động")."""
    kept: list[PlaceMatch] = []
    for m in sorted(matches, key=lambda m: -m.score):
        end = m.position + len(m.matched)
        if all(end <= k.position or m.position >= k.position + len(k.matched) for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: (-m.score, m.position))


def _signal(name: str, settled: Settled, reason: str | None, factor: float = 1.0) -> Signal:
    detail = {"kind": settled.kind, "names": list(settled.names), "codes": list(settled.codes)}
    if settled.kind == "conflict":
        cands = tuple(Candidate(c, settled.score * factor) for c in settled.codes)
        return Signal(name, cands, reason, detail)
    if settled.queue is None:
        return Signal(name, (), None, detail)
    return Signal(name, (Candidate(settled.queue, settled.score * factor, settled.kind),),
                  reason, detail)


def _describe(settled: Settled, source: str) -> str | None:
    if settled.kind == "none":
        return None
    names = ", ".join(f"'{n}'" for n in dict.fromkeys(settled.names))
    if settled.kind == "conflict":
        return f"{source} nêu nhiều địa điểm khác nhau ({names}) → cần xác định"
    if settled.kind == "shared_district":
        return f"hai {source} cùng huyện ({names}) → {settled.queue}"
    if settled.note:
        return f"{source} {names}: {settled.note} → {settled.queue}"
    return f"{source} {names} → {settled.queue}"


def _read_address(text: str, places: PlaceIndex, addresses: AddressReader | None) -> Settled:
    """An address typed by the citizen: the address library first (old or new form, with
    or without diacritics), else the place names of the index."""
    found = addresses(text) if addresses is not None else None
    if found is not None:
        note = f"{found.former} → {found.name}" if found.former else None
        return Settled("one", found.queue_code, ADDRESS_SCORE, (text.strip(),),
                       (found.queue_code,), note)
    return settle(places.find(text))


def location_signal(data: RoutingInput, places: PlaceIndex,
                    addresses: AddressReader | None = None) -> Signal:
    """The place the citizen gave in the form (or the edge gave), if it resolves."""
    if not data.location_text:
        return Signal("location")
    settled = _read_address(data.location_text, places, addresses)
    return _signal("location", settled, _describe(settled, "địa điểm người dân cung cấp"))


def text_place_signal(data: RoutingInput, places: PlaceIndex, text: str | None = None) -> Signal:
    """Places named in the complaint's text (and subject); ``text`` is the text without
    the writer's own address when the caller has taken it out."""
    body = data.text if text is None else text
    text = f"{data.subject}\n{body}" if data.subject else body
    settled = settle(places.find(text))
    return _signal("place_in_text", settled, _describe(settled, "địa điểm"))


RESIDENCE_SOURCE = "nơi ở của người viết"


def residence_signal(residence: str, places: PlaceIndex) -> Signal:
    """The place the writer says they live in ("trú tại …", "địa chỉ: …"), read from the
    letter's residence clauses only: not the e-mail signature or a Telegram location,
    which ``hint_signal`` also takes for where the citizen is."""
    if not residence:
        return Signal("residence")
    settled = _read_address(residence, places, None)
    if settled.kind not in ("one", "shared_district"):
        return Signal("residence")
    return _signal("residence", settled, _describe(settled, RESIDENCE_SOURCE), HINT_FACTOR)


def hint_signal(data: RoutingInput, places: PlaceIndex,
                seats: dict[str, tuple[float, float]] | None = None,
                residence: str = "", addresses: AddressReader | None = None,
                centres: Sequence[Centre] = ()) -> Signal:
    """Where the citizen is: the e-mail signature's address (read by the address library
    first), the residence the writer gives ("trú tại …", "địa chỉ: …"), else a Telegram
    location (the nearest commune centre; the district seats when no centre is known)."""
    for source, label, reader in ((data.signature_text, "địa chỉ trong chữ ký email",
                                   addresses),
                                  (residence, RESIDENCE_SOURCE, None)):
        if not source:
            continue
        settled = _read_address(source, places, reader)
        if settled.kind in ("one", "shared_district"):
            return _signal("place_hint", settled, _describe(settled, label), HINT_FACTOR)
    if data.coordinates is not None:
        if centres:
            return _nearest_commune(data.coordinates, centres)
        return _coordinate_signal(data.coordinates, seats or load_seats())
    return Signal("place_hint")


def _nearest_commune(point: tuple[float, float], centres: Sequence[Centre]) -> Signal:
    """The commune whose centre is nearest to a Telegram location (the library's
    coordinates: a centre, not a boundary, so near a border the neighbour may be meant —
    the reason gives the distance, and staff can transfer)."""
    centre, km = min(((c, haversine_km(point, (c.lat, c.lon))) for c in centres),
                     key=lambda pair: pair[1])
    detail = {"kind": "coordinates", "nearest": centre.queue_code, "km": round(km, 1)}
    if km > MAX_COMMUNE_KM:
        return Signal("place_hint", (), None, detail)
    reason = (f"vị trí Telegram gần trung tâm {centre.name} ({km:.1f} km) → "
              f"{centre.queue_code}")
    return Signal("place_hint", (Candidate(centre.queue_code, COORDINATE_SCORE, "coordinates"),),
                  reason, detail)


def _coordinate_signal(point: tuple[float, float],
                       seats: dict[str, tuple[float, float]]) -> Signal:
    if not seats:
        return Signal("place_hint")
    code, km = min(((c, haversine_km(point, s)) for c, s in seats.items()),
                   key=lambda pair: pair[1])
    detail = {"kind": "coordinates", "nearest": code, "km": round(km, 1)}
    if km > MAX_SEAT_KM:
        return Signal("place_hint", (), None, detail)
    reason = f"vị trí Telegram gần trung tâm {code} ({km:.1f} km) → {code}"
    return Signal("place_hint", (Candidate(code, COORDINATE_SCORE, "coordinates"),), reason,
                  detail)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def load_seats(path: Path = SEATS_FILE) -> dict[str, tuple[float, float]]:
    """District seats (queue code → lat, lon) from the routing data."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(code): (float(v[0]), float(v[1])) for code, v in doc.get("seats", {}).items()}
