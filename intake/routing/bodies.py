"""Finding the public bodies a text names: "Sở Y tế", "UBND xã Tân Mộc", "Phòng TN&MT huyện".

A letter says whom it is for ("Kính gửi Sở Tài nguyên và Môi trường"), whose decision it
complains about ("quyết định của UBND huyện Lục Ngạn") and whom it denounces ("cán bộ
địa chính xã"). ``BodyIndex.find`` returns each mention with what it points at:

- a provincial or central body → its queue code (names from the organisation plus the
  abbreviations of ``data/bodies.yml``);
- the People's Committee of a commune or district ("UBND xã …", "Chủ tịch UBND huyện …",
  "Phòng Tài nguyên và Môi trường huyện …") → the level (XA/HUYEN) and, when the place is
  named right after, its queue;
- the province as a whole (the hotline, the Chairman, the office) → ``generic``: not
  evidence for any one department.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from intake.org.places import PlaceIndex
from intake.routing.errors import RoutingDataError
from intake.routing.types import LEVEL_COMMUNE, LEVEL_DISTRICT
from intake.text import fold, nfc, strip_diacritics

BODIES_FILE = Path(__file__).resolve().parent / "data" / "bodies.yml"
GENERIC = "generic"
_COMMITTEE = r"(?:(?:pho )?chu tich )?(?:ubnd|uy ban nhan dan|uy ban|ub)"
_COMMUNE_WORD = r"(?:xa|phuong|thi tran|tt)"
_DISTRICT_WORD = r"(?:huyen|thanh pho|tp|thi xa)"
_LOCAL_COMMITTEE = re.compile(
    rf"\b{_COMMITTEE}\s+(?P<level>{_COMMUNE_WORD}|{_DISTRICT_WORD})\b")
_PLACE_WINDOW = 40


@dataclass(frozen=True)
class BodyMention:
    """A body named in a text: a queue code, a level (XA/HUYEN) or ``generic``."""

    label: str
    place: str | None
    matched: str
    start: int
    end: int

    @property
    def is_local(self) -> bool:
        """The People's Committee of a commune or district (or one of its offices)."""
        return self.label in (LEVEL_COMMUNE, LEVEL_DISTRICT)


@dataclass(frozen=True)
class BodyNames:
    """The parsed bodies.yml: names per queue, generic names, district offices."""

    by_queue: Mapping[str, tuple[str, ...]]
    generic: tuple[str, ...]
    local_offices: tuple[str, ...]


def _folded_list(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fold(str(v)).replace("&", " & ") for v in values if v))


@lru_cache(maxsize=4)
def load_body_names(path: Path = BODIES_FILE) -> BodyNames:
    """Read bodies.yml (``RoutingDataError`` if malformed)."""
    try:
        doc: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        by_queue = {str(code): _folded_list(names or [])
                    for code, names in (doc.get("bodies") or {}).items()}
        return BodyNames(by_queue, _folded_list(doc.get("generic") or []),
                         _folded_list(doc.get("local_offices") or []))
    except (OSError, yaml.YAMLError, AttributeError, TypeError) as exc:
        raise RoutingDataError(f"cannot read body names {path}: {exc}") from exc


def _pattern(names: Iterable[str]) -> str:
    keys = sorted(set(names), key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s*") for k in keys)


class BodyIndex:
    """The bodies of the province, searchable in free text (diacritic-insensitive)."""

    def __init__(self, queue_names: Mapping[str, str], places: PlaceIndex,
                 names: BodyNames | None = None) -> None:
        names = names or load_body_names()
        self.places = places
        self._label: dict[str, str] = {}
        for code, name in queue_names.items():
            self._label.setdefault(fold(name).replace("&", " & "), code)
        for code, aliases in names.by_queue.items():
            for alias in aliases:
                self._label.setdefault(alias, code)
        for alias in names.generic:
            self._label[alias] = GENERIC
        for alias in names.local_offices:
            self._label[alias] = LEVEL_DISTRICT
        self._find = re.compile(r"(?<![a-z0-9])(" + _pattern(self._label) + r")(?![a-z0-9])")
        self.queues = frozenset(names.by_queue) | frozenset(queue_names)

    def find(self, text: str) -> list[BodyMention]:
        """Every body named in ``text``, in order, longest name first where they overlap."""
        text = nfc(text)
        folded = fold_keep_length(text)
        found: list[BodyMention] = []
        for match in _LOCAL_COMMITTEE.finditer(folded):
            level = LEVEL_COMMUNE if re.fullmatch(_COMMUNE_WORD, match["level"]) \
                else LEVEL_DISTRICT
            place = self._place_after(text, match.start("level"), level)
            found.append(BodyMention(level, place, match.group(0), match.start(), match.end()))
        for match in self._find.finditer(folded):
            key = re.sub(r"\s+", " ", match.group(1)).replace("&", " & ")
            key = re.sub(r"\s+", " ", key)
            label = self._label.get(key) or self._label_loose(key)
            if label is None or _inside(match.start(), match.end(), found):
                continue
            place = self._place_after(text, match.end(), LEVEL_DISTRICT) \
                if label == LEVEL_DISTRICT else None
            found.append(BodyMention(label, place, match.group(1), match.start(), match.end()))
        return sorted(found, key=lambda m: m.start)

    def _label_loose(self, key: str) -> str | None:
        squeezed = key.replace(" ", "")
        for alias, label in self._label.items():
            if alias.replace(" ", "") == squeezed:
                return label
        return None

    def _place_after(self, text: str, start: int, level: str) -> str | None:
        """The commune/district named right after a committee's title, at that level."""
        window = text[start:start + _PLACE_WINDOW]
        for match in self.places.find(window):
            if match.position > 14:
                continue
            if (level == LEVEL_DISTRICT) == match.place.is_district:
                return match.place.queue_code
        return None


def _inside(start: int, end: int, found: list[BodyMention]) -> bool:
    return any(start < m.end and m.start < end for m in found)


def fold_keep_length(text: str) -> str:
    """Lower-case, diacritic-free text of the same length (positions stay valid)."""
    folded = strip_diacritics(nfc(text)).lower()
    return folded if len(folded) == len(text) else fold(text)
