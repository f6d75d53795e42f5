"""Subject-matter signal: keyword and phrase rules per department, kept as data.

``subject_rules.yml`` lists, per label (a queue code, or ``XA``/``HUYEN`` for matters of
the local People's Committee), phrases that point at it: ``strong`` (weight 1) and
``weak`` (0.4) phrases, and ``all`` combinations (every phrase must appear: "học phí"
with "THPT" → education). Matching is on whole words. A text typed without diacritics
is matched diacritic-free, so "o nhiem" finds "ô nhiễm"; a text typed with diacritics
is matched exactly, so "tiền thuê người" (hire) is not "tiền thuế" (tax) and "cổng
chung" is not "công chứng". The confidence grows with the evidence and shrinks when
another label has nearly as much.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from intake.routing.errors import RoutingDataError
from intake.routing.types import Candidate, RoutingInput, Signal
from intake.text import fold, nfc, strip_diacritics

RULES_FILE = Path(__file__).resolve().parents[1] / "data" / "subject_rules.yml"
STRONG, WEAK = 1.0, 0.4
_NON_WORD = re.compile(r"[^a-z0-9]+")
_NON_LETTER = re.compile(r"[\W_]+")
MAX_CHARS = 6000
ACCENTED_SHARE = 0.3  # of a text's words carrying a diacritic: typed with diacritics


@dataclass(frozen=True)
class Phrase:
    """Words that must all appear (each a folded, space-padded phrase) and their weight."""

    parts: tuple[str, ...]
    weight: float
    label: str
    exact: tuple[str, ...] = ()  # the parts with their diacritics (``normalise_exact``)

    @property
    def text(self) -> str:
        """The phrase as a staff member reads it."""
        return " + ".join(p.strip() for p in self.parts)


@dataclass(frozen=True)
class SubjectRules:
    """Every phrase of the rule file, and the labels it names.

    A phrase can only be in a text that holds the first word of its first part, so the
    phrases are indexed by that word (folded and exact): ``score`` tests the phrases of
    the text's words, in the file's order, not all of them."""

    phrases: tuple[Phrase, ...]
    labels: frozenset[str]
    folded_index: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    exact_index: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded_index", _first_words(p.parts for p in self.phrases))
        object.__setattr__(self, "exact_index", _first_words(p.exact for p in self.phrases))


def _first_words(parts_of: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """Phrase positions by the first word of their first part (``""``: a phrase without
    words, tested whatever the text)."""
    index: dict[str, list[int]] = {}
    for position, parts in enumerate(parts_of):
        words = parts[0].split() if parts else []
        index.setdefault(words[0] if words else "", []).append(position)
    return {word: tuple(positions) for word, positions in index.items()}


def normalise(text: str) -> str:
    """Folded words separated by single spaces, padded: ``" o nhiem moi truong "``."""
    return " " + _NON_WORD.sub(" ", fold(text)).strip() + " "


def normalise_exact(text: str) -> str:
    """Lower-case words with their diacritics, single-spaced, padded: ``" ô nhiễm "``."""
    return " " + _NON_LETTER.sub(" ", nfc(text).lower()).strip() + " "


def is_accented(text: str) -> bool:
    """Whether the writer typed diacritics (enough of the words carry one)."""
    words = _NON_LETTER.split(nfc(text))
    words = [w for w in words if w and not w.isdigit()]
    if not words:
        return False
    accented = sum(1 for w in words if strip_diacritics(w) != w)
    return accented >= ACCENTED_SHARE * len(words)


def _phrase(parts: list[str], weight: float, label: str) -> Phrase:
    return Phrase(tuple(normalise(p) for p in parts), weight, label,
                  tuple(normalise_exact(p) for p in parts))


def _entries(label: str, spec: dict[str, Any]) -> list[Phrase]:
    out = [_phrase([p], STRONG, label) for p in spec.get("strong", [])]
    out += [_phrase([p], WEAK, label) for p in spec.get("weak", [])]
    for combo in spec.get("all", []):
        if not isinstance(combo, list) or len(combo) < 2:
            raise RoutingDataError(f"{label}: 'all' entries are lists of 2+ phrases: {combo!r}")
        out.append(_phrase(combo, STRONG, label))
    return out


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> SubjectRules:
    """Read the rule file (cached per path); ``RoutingDataError`` if malformed."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RoutingDataError(f"cannot read subject rules {path}: {exc}") from exc
    labels = doc.get("labels")
    if not isinstance(labels, dict):
        raise RoutingDataError(f"{path}: expected a 'labels' mapping")
    phrases = [p for label, spec in labels.items() for p in _entries(str(label), spec or {})]
    return SubjectRules(tuple(phrases), frozenset(str(k) for k in labels))


def score(text: str, rules: SubjectRules) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Evidence per label, and the phrases that gave it (exact words when the text
    was typed with diacritics)."""
    text = text[:MAX_CHARS]
    exact = is_accented(text)
    padded = normalise_exact(text) if exact else normalise(text)
    totals: dict[str, float] = {}
    hits: dict[str, list[str]] = {}
    index = rules.exact_index if exact else rules.folded_index
    positions = set(index.get("", ()))
    for word in set(padded.split()):
        positions.update(index.get(word, ()))
    for position in sorted(positions):  # the file's order: the same sums, the same hits
        phrase = rules.phrases[position]
        parts = phrase.exact if exact else phrase.parts
        # most phrases fail on their first part: test it before building the all()
        if parts and (parts[0] not in padded or (
                len(parts) > 1 and not all(part in padded for part in parts[1:]))):
            continue
        totals[phrase.label] = totals.get(phrase.label, 0.0) + phrase.weight
        hits.setdefault(phrase.label, []).append(phrase.text)
    return totals, hits


def confidence(best: float, runner_up: float) -> float:
    """0.35 + 0.35 per unit of evidence (max 0.95), times the best's share of the top two."""
    strength = min(0.95, 0.35 + 0.35 * best)
    return strength * (best / (best + runner_up))


def subject_signal(data: RoutingInput, rules: SubjectRules | None = None) -> Signal:
    """Labels ranked by the phrases found, with the phrases as the reason."""
    rules = rules or load_rules()
    text = f"{data.subject}\n{data.text}" if data.subject else data.text
    totals, hits = score(text, rules)
    if not totals:
        return Signal("subject")
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    candidates = [Candidate(ranked[0][0], confidence(ranked[0][1], second))]
    for i, (label, value) in enumerate(ranked[1:4], start=1):
        rival = ranked[0][1] if i else second
        candidates.append(Candidate(label, confidence(value, rival)))
    top = ranked[0][0]
    words = ", ".join(f"'{p}'" for p in hits[top][:3])
    return Signal("subject", tuple(candidates), f"từ khóa {words} → {top}",
                  {"evidence": {k: round(v, 2) for k, v in ranked[:4]},
                   "phrases": hits[top][:5]})
