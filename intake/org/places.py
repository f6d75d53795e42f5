"""Finding the commune or district a citizen names, as they type it.

"xã Bích Động", "tt bich dong", "Bich Dong, Viet Yen", "huyện Việt Yên": names are
matched diacritic-insensitively on whole words. A one-syllable name (Chũ, Vôi, Kép)
or the name the province shares with its city (Bắc Giang) only counts after its type
word ("thị trấn Chũ", "TP Bắc Giang"), since "chu", "voi" or "bac giang" alone mean
other things. A commune name used in two districts is settled by the district named
next to it, else both come back as candidates.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from intake.errors import OrganisationDataError
from intake.text import fold, nfc, strip_diacritics

AMBIGUITY_FILE = Path(__file__).resolve().parent / "data" / "place_name_ambiguity.yml"
TYPED_COMMUNE, TYPED_DISTRICT = 0.95, 0.9
BARE_COMMUNE, BARE_DISTRICT = 0.8, 0.75
FOLDED_PENALTY = 0.14
ORDINARY_SCORE = 0.5

COMMUNE_PREFIXES = ("xa", "phuong", "thi tran", "tt", "p", "x")
DISTRICT_PREFIXES = ("huyen", "thanh pho", "tp", "thi xa", "tx", "h")
# A landmark people name after its place ("chợ Vôi", "ga Kép", "bến xe Chũ"): a
# one-syllable name written with its capital after one of these is a bare name, not noise.
LANDMARK_PREFIX = re.compile(r"(?:^|\W)(?:cho|ga|ben xe|ben do|cau)\s+$")
LANDMARK_MARKED = re.compile(r"(?:^|\W)(?:chợ|ga|bến xe|bến đò|cầu)\s+$")  # "cho" ≠ "chợ"
_TYPE_WORDS = {
    "xa": "Xã ", "phuong": "Phường ", "thi-tran": "Thị trấn ",
    "huyen": "Huyện ", "thanh-pho": "Thành phố ", "thi-xa": "Thị xã ",
}


@dataclass(frozen=True)
class Place:
    """A commune or district and the queue of its People's Committee."""

    queue_code: str
    name: str
    place_type: str
    is_district: bool
    district_code: str | None
    former_of: str | None = None  # a pre-reform name: the full name of the unit holding it now

    @property
    def full_name(self) -> str:
        """``Thị trấn Bích Động``."""
        return _TYPE_WORDS.get(self.place_type, "") + self.name

    @property
    def former_note(self) -> str | None:
        """``xã Tân Mộc (cũ) → Xã Nam Dương`` for a former name, else None."""
        if self.former_of is None:
            return None
        own = self.full_name
        return f"{own[:1].lower()}{own[1:]} (cũ) → {self.former_of}"


@dataclass(frozen=True)
class PlaceMatch:
    """A place found in a text, with how sure we are and the words that named it."""

    place: Place
    score: float
    matched: str
    position: int


def type_of_name(queue_name: str) -> str | None:
    """``UBND Thị trấn Bích Động`` → ``thi-tran`` (None when the name has no type word)."""
    name = queue_name.removeprefix("UBND ").strip()
    for slug, word in _TYPE_WORDS.items():
        if name.startswith(word):
            return slug
    return None


def bare_name(queue_name: str, place_type: str | None) -> str:
    """``UBND Thị trấn Bích Động`` → ``Bích Động``."""
    name = queue_name.removeprefix("UBND ").strip()
    prefix = _TYPE_WORDS.get(place_type or "", "")
    return name[len(prefix):] if prefix and name.startswith(prefix) else name


@dataclass(frozen=True)
class Ambiguity:
    """Bare names that are also ordinary words, and words that make a name a person's."""

    ordinary: frozenset[str]
    person_words: frozenset[str]


@lru_cache(maxsize=2)
def load_ambiguity(path: Path = AMBIGUITY_FILE) -> Ambiguity:
    """Read place_name_ambiguity.yml (empty sets when the file is absent)."""
    if not path.exists():
        return Ambiguity(frozenset(), frozenset())
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return Ambiguity(frozenset(fold(str(w)) for w in doc.get("ordinary") or []),
                         frozenset(fold(str(w)) for w in doc.get("person_words") or []))
    except (OSError, yaml.YAMLError, AttributeError, TypeError) as exc:
        raise OrganisationDataError(f"cannot read {path}: {exc}") from exc


def same_marks(typed: str, name: str) -> bool:
    """Whether ``typed`` carries the same letters and marks as ``name``, whatever the
    case and wherever the tone mark sits ("Hoà" and "Hòa" are one name); "đ" and "d" are
    different letters."""
    def syllables(text: str) -> list[tuple[str, tuple[str, ...]]]:
        return [("".join(c for c in word if not unicodedata.combining(c)),
                 tuple(sorted(c for c in word if unicodedata.combining(c))))
                for word in unicodedata.normalize("NFD", text.lower()).split()]
    return syllables(typed) == syllables(name)


class PlaceIndex:
    """All places of the province, searchable in free text.

    Evidence is weighed by how the place is written: with its type word ("xã Tân Mộc",
    "huyện Lục Ngạn") strongest; a bare name typed with its diacritics next; a bare name
    typed without them weaker; a bare name that is also an ordinary phrase ("đồng tiền",
    "tân tiến") or follows a person's title or family name ("ông Quang Minh") needs more
    support (its district named too) or does not count at all.
    """

    def __init__(self, places: list[Place], province_name: str = "Bắc Giang",
                 ambiguity: Ambiguity | None = None) -> None:
        self.places = places
        self.ambiguity = ambiguity or load_ambiguity()
        self._by_key: dict[str, list[Place]] = {}
        for place in places:
            same = self._by_key.setdefault(fold(place.name), [])
            if all(p.queue_code != place.queue_code for p in same):  # first of a name wins
                same.append(place)
        keys = sorted(self._by_key, key=len, reverse=True)
        alternatives = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
        # A lookahead, so overlapping names are all found ("huyện Sơn Động" holds
        # "Huyền Sơn" too); the caller settles overlaps by score.
        self._pattern = re.compile(r"(?=\b(" + alternatives + r")\b)")
        prefixes = sorted(COMMUNE_PREFIXES + DISTRICT_PREFIXES, key=len, reverse=True)
        self._prefix = re.compile(r"(?:^|\W)(" + "|".join(prefixes) + r")\.?\s*$")
        self._province_key = fold(province_name.removeprefix("Tỉnh ").strip())

    def _prefix_before(self, folded: str, start: int) -> str | None:
        found = self._prefix.search(folded[max(0, start - 12):start])
        return found.group(1) if found else None

    def _score(self, place: Place, key: str, prefix: str | None, typed: str,
               before: str, landmark: bool = False) -> float | None:
        typed_right = prefix is not None and (
            prefix in (DISTRICT_PREFIXES if place.is_district else COMMUNE_PREFIXES)
        )
        needs_prefix = " " not in key or key == self._province_key
        if needs_prefix and not typed_right and not (landmark and key != self._province_key):
            return None
        if typed_right:
            return TYPED_DISTRICT if place.is_district else TYPED_COMMUNE
        if before in self.ambiguity.person_words:
            return None
        if key in self.ambiguity.ordinary and not place.is_district and typed != place.name:
            # "đồng tiền" or "tân tiến" (an ordinary phrase) is not "Tân Tiến" as a proper
            # name with its diacritics and capitals; "dong tien" may be either; "đồng
            # tiền" in lower case, marked otherwise than "Đồng Tiến", is only the ordinary
            # phrase (capitalised, "Đồng Tien" or "Đông Tiến" is a misspelt name)
            if typed.islower() and typed != strip_diacritics(typed) \
                    and not same_marks(typed, place.name):
                return None
            return ORDINARY_SCORE
        score = BARE_DISTRICT if place.is_district else BARE_COMMUNE
        if typed.lower() != place.name.lower() and typed == strip_diacritics(typed):
            score -= FOLDED_PENALTY / (2 if place.is_district else 1)
        return score

    def find(self, text: str) -> list[PlaceMatch]:
        """Every place named in ``text``, best first (communes before their district)."""
        original = nfc(text)
        folded = strip_diacritics(original).lower()
        if len(folded) != len(original):
            original = folded
        marked = original.lower() != folded  # typed with diacritics
        raw: list[PlaceMatch] = []
        for match in self._pattern.finditer(folded):
            key = " ".join(match.group(1).split())
            prefix = self._prefix_before(folded, match.start(1))
            if key == self._province_key and self._is_province_mention(folded, match.start(1)):
                continue
            typed = original[match.start(1):match.end(1)]
            before = folded[max(0, match.start(1) - 12):match.start(1)].split()[-1:]
            landmark = typed[:1].isupper() and self._after_landmark(
                original, folded, match.start(1), marked)
            for place in self._by_key[key]:
                score = self._score(place, key, prefix, typed, before[0] if before else "",
                                    landmark)
                if score is not None:
                    exact = 0.02 if typed.lower() == place.name.lower() else 0.0
                    raw.append(PlaceMatch(place, score + exact, typed, match.start(1)))
        return self._settle(raw)

    @staticmethod
    def _after_landmark(original: str, folded: str, start: int, marked: bool) -> bool:
        """The name follows "chợ", "ga", "bến xe" …; in a text typed with diacritics the
        word must be typed so ("cho Thắng" gives to a person, "chợ Thắng" is a place)."""
        if marked:
            return bool(LANDMARK_MARKED.search(original[max(0, start - 8):start].lower()))
        return bool(LANDMARK_PREFIX.search(folded[max(0, start - 8):start]))

    def _is_province_mention(self, folded: str, start: int) -> bool:
        return folded[max(0, start - 6):start].strip().endswith("tinh")

    def _settle(self, matches: list[PlaceMatch]) -> list[PlaceMatch]:
        districts: dict[str, float] = {}
        spans: dict[str, set[int]] = {}
        for m in matches:
            if m.place.is_district:
                districts[m.place.queue_code] = max(m.score, districts.get(m.place.queue_code, 0))
                spans.setdefault(m.place.queue_code, set()).add(m.position)
        settled: dict[str, PlaceMatch] = {}
        for m in matches:
            score = m.score
            parent = m.place.district_code
            # a commune is supported by its district named elsewhere, not by the same
            # words ("huyện Lục Ngạn" is no evidence for the commune Lục Ngạn of 2025)
            if not m.place.is_district and parent in districts \
                    and spans[parent] != {m.position}:
                score = min(0.99, max(score + 0.04, districts[parent] + 0.02))
            elif not m.place.is_district and len(self._by_key[fold(m.place.name)]) > 1:
                score -= 0.3
            best = settled.get(m.place.queue_code)
            if best is None or score > best.score:
                settled[m.place.queue_code] = PlaceMatch(m.place, score, m.matched, m.position)
        return sorted(settled.values(), key=lambda m: (-m.score, m.position))

    def best(self, text: str) -> PlaceMatch | None:
        """The single most likely place, or None when nothing (or only a tie) is found."""
        found = self.find(text)
        if not found:
            return None
        if len(found) > 1 and found[1].score == found[0].score and (
            fold(found[1].place.name) == fold(found[0].place.name)
        ):
            return None
        return found[0]

    def suggest(self, text: str, limit: int = 3) -> list[Place]:
        """Places whose names look most like ``text`` (typos, missing words)."""
        words = [w for w in fold(text).replace(",", " ").split()
                 if w not in COMMUNE_PREFIXES + DISTRICT_PREFIXES + ("thi", "tran", "pho")]
        query = " ".join(words)
        if not query:
            return []
        keys = difflib.get_close_matches(query, list(self._by_key), n=limit, cutoff=0.6)
        return [place for key in keys for place in self._by_key[key]][:limit]
