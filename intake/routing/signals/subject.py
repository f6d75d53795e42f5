"""Subject-matter signal: keyword and phrase rules per department, kept as data.

``subject_rules.yml`` lists, per label (a queue code, or ``XA``/``HUYEN`` for matters of
the local People's Committee), phrases that point at it: ``strong`` (weight 1) and
``weak`` (0.4) phrases, and ``all`` combinations (every phrase must appear: "học phí"
with "THPT" → education), and ``beyond_local`` phrases (strong, and more: matters no
commune's or district's People's Committee runs, by the body's mandate: a power cut is
the power company's under Sở Công Thương's supervision, nationality is Sở Tư pháp's;
the decision then does not let a named place pull them to that place's committee).
Matching is on whole words. A text typed without diacritics
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
from intake.routing.types import LEVELS, Candidate, RoutingInput, Signal
from intake.text import fold, mostly_accented, nfc

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
    beyond_local: bool = False  # a matter no commune's or district's committee runs
    marked_only: bool = False  # counts only in a text typed with diacritics (its bare
    # form is an everyday phrase: "can dieu" is "cần điều (tra)" more often than "cân điêu")

    @property
    def text(self) -> str:
        """The phrase as a staff member reads it."""
        return " + ".join(p.strip() for p in self.parts)


@dataclass(frozen=True)
class Outrank:
    """A matter that decides what follows from it: when one of ``when`` is found, the
    phrases ``drop`` (folded, padded) are not counted (nationality decides the identity
    card and the passport the writer cannot get without it)."""

    when: tuple[str, ...]
    when_exact: tuple[str, ...]
    drop: frozenset[str]
    said: str = "hệ quả"  # what the dropped words are to the matter, for the reason staff
    # read: a consequence (the passport of a nationality), "nơi xảy ra" (the hospital of a
    # parking charge)


@dataclass(frozen=True)
class SubjectRules:
    """Every phrase of the rule file, and the labels it names.

    A phrase can only be in a text that holds the first word of its first part, so the
    phrases are indexed by that word (folded and exact): ``score`` tests the phrases of
    the text's words, in the file's order, not all of them."""

    phrases: tuple[Phrase, ...]
    labels: frozenset[str]
    outranks: tuple[Outrank, ...] = ()
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
    return mostly_accented(words, ACCENTED_SHARE)


@dataclass(frozen=True)
class _Read:
    """A text as the rules read it: whether it was typed with diacritics, and its
    padded words (exact when it was, folded when not). Read once per text: both the
    phrases and the ``outranks`` entries are looked up in it."""

    exact: bool
    padded: str


def _read(text: str) -> _Read:
    text = text[:MAX_CHARS]
    exact = is_accented(text)
    return _Read(exact, normalise_exact(text) if exact else normalise(text))


def _phrase(parts: list[str], weight: float, label: str, beyond_local: bool = False,
            marked: frozenset[str] = frozenset()) -> Phrase:
    exact = tuple(normalise_exact(p) for p in parts)
    return Phrase(tuple(normalise(p) for p in parts), weight, label, exact, beyond_local,
                  any(e in marked for e in exact))


def _entries(label: str, spec: dict[str, Any],
             marked: frozenset[str] = frozenset()) -> list[Phrase]:
    out = [_phrase([p], STRONG, label, marked=marked) for p in spec.get("strong", [])]
    out += [_phrase([p], WEAK, label, marked=marked) for p in spec.get("weak", [])]
    beyond = spec.get("beyond_local", [])
    if beyond and label in LEVELS:
        raise RoutingDataError(f"{label}: a local label has no 'beyond_local' phrases")
    out += [_phrase([p], STRONG, label, beyond_local=True, marked=marked) for p in beyond]
    for combo in spec.get("all", []):
        if not isinstance(combo, list) or len(combo) < 2:
            raise RoutingDataError(f"{label}: 'all' entries are lists of 2+ phrases: {combo!r}")
        out.append(_phrase(combo, STRONG, label, marked=marked))
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
    marked = frozenset(normalise_exact(p) for p in doc.get("marked_only") or [])
    phrases = [p for label, spec in labels.items()
               for p in _entries(str(label), spec or {}, marked)]
    unknown = marked - {part for p in phrases for part in p.exact}
    if unknown:
        raise RoutingDataError(f"{path}: 'marked_only' names no phrase of a label: "
                               f"{', '.join(sorted(w.strip() for w in unknown))}")
    outranks = []
    for entry in doc.get("outranks") or []:
        if not isinstance(entry, dict) or not entry.get("when") or not entry.get("drop"):
            raise RoutingDataError(f"{path}: 'outranks' entries need 'when' and 'drop': {entry!r}")
        outranks.append(Outrank(tuple(normalise(w) for w in entry["when"]
                                      if normalise_exact(w) not in marked),
                                tuple(normalise_exact(w) for w in entry["when"]),
                                frozenset(normalise(d) for d in entry["drop"]),
                                str(entry.get("said") or "hệ quả")))
    return SubjectRules(tuple(phrases), frozenset(str(k) for k in labels), tuple(outranks))


def score(text: str, rules: SubjectRules) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Evidence per label, and the phrases that gave it (exact words when the text
    was typed with diacritics)."""
    totals, hits, _ = _matches(_read(text), rules)
    return totals, hits


def _matches(read: _Read, rules: SubjectRules
             ) -> tuple[dict[str, float], dict[str, list[str]], list[Phrase]]:
    """``score``'s evidence and phrases, and every phrase found."""
    exact, padded = read.exact, read.padded
    totals: dict[str, float] = {}
    hits: dict[str, list[str]] = {}
    found: list[Phrase] = []
    dropped = frozenset().union(*(o.drop for o in rules.outranks if any(
        w in padded for w in (o.when_exact if exact else o.when))))
    index = rules.exact_index if exact else rules.folded_index
    positions = set(index.get("", ()))
    for word in set(padded.split()):
        positions.update(index.get(word, ()))
    for position in sorted(positions):  # the file's order: the same sums, the same hits
        phrase = rules.phrases[position]
        if phrase.marked_only and not exact:
            continue  # its bare form is an everyday phrase
        if dropped and len(phrase.parts) == 1 and phrase.parts[0] in dropped:
            continue  # what follows from a matter found in the text
        parts = phrase.exact if exact else phrase.parts
        # most phrases fail on their first part: test it before building the all()
        if parts and (parts[0] not in padded or (
                len(parts) > 1 and not all(part in padded for part in parts[1:]))):
            continue
        totals[phrase.label] = totals.get(phrase.label, 0.0) + phrase.weight
        hits.setdefault(phrase.label, []).append(phrase.text)
        found.append(phrase)
    return totals, hits, found


def _outranked(read: _Read, rules: SubjectRules) -> dict[str, Any]:
    """``{"by": the deciding words found, "dropped": the words set aside, "said": what
    they are to the matter (the first entry's ``said``)}``, or ``{}`` when no ``outranks``
    entry set aside a phrase the text has."""
    if not rules.outranks:
        return {}
    exact, padded = read.exact, read.padded
    by: list[str] = []
    dropped: list[str] = []
    said: list[str] = []
    for entry in rules.outranks:
        found = [w.strip() for w in (entry.when_exact if exact else entry.when) if w in padded]
        if not found:
            continue
        gone = [(p.exact if exact else p.parts)[0].strip() for p in rules.phrases
                if len(p.parts) == 1 and p.parts[0] in entry.drop
                and (p.exact if exact else p.parts)[0] in padded]
        if gone:
            by += found
            dropped += gone
            said.append(entry.said)
    return {"by": by[:3], "dropped": dropped[:3], "said": said[0]} if dropped else {}


def confidence(best: float, runner_up: float) -> float:
    """0.35 + 0.35 per unit of evidence (max 0.95), times the best's share of the top two."""
    strength = min(0.95, 0.35 + 0.35 * best)
    return strength * (best / (best + runner_up))


def subject_signal(data: RoutingInput, rules: SubjectRules | None = None) -> Signal:
    """Labels ranked by the phrases found, with the phrases as the reason."""
    rules = rules or load_rules()
    text = f"{data.subject}\n{data.text}" if data.subject else data.text
    read = _read(text)
    totals, hits, found = _matches(read, rules)
    if not totals:
        return Signal("subject")
    outranked = _outranked(read, rules)
    # a matter beyond the local committees, unless a phrase of theirs is found too
    beyond = [] if any(label in LEVELS for label in totals) else \
        [p.text for p in found if p.beyond_local]
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
                   "phrases": hits[top][:5], "beyond_local": beyond[:3],
                   "outranked": outranked})
