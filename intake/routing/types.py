"""What routing reads, what each signal finds, and what it decides.

Kept apart from the decision logic so the services, the CLI and the benchmark share one
vocabulary: a ``RoutingInput`` goes in, every signal records a ``Signal``, and one
``RoutingDecision`` (queue, confidence, Vietnamese reasons, alternatives, the signals)
comes out and is stored on the complaint's ``routed`` event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Level labels: "the People's Committee of the place", resolved with the place signal.
LEVEL_COMMUNE = "XA"
LEVEL_DISTRICT = "HUYEN"
LEVELS = (LEVEL_COMMUNE, LEVEL_DISTRICT)


@dataclass(frozen=True)
class RoutingInput:
    """What routing may look at: the text and whatever the edge knows besides."""

    text: str
    location_text: str | None = None
    procedure_queue: str | None = None
    procedure_name: str | None = None
    coordinates: tuple[float, float] | None = None
    signature_text: str | None = None
    subject: str | None = None


@dataclass(frozen=True)
class Candidate:
    """One label a signal proposes: a queue code or a level (XA/HUYEN), with a score."""

    label: str
    score: float
    note: str = ""


@dataclass(frozen=True)
class Signal:
    """What one signal found: its best candidates, best first, and a readable reason."""

    name: str
    candidates: tuple[Candidate, ...] = ()
    reason: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def best(self) -> Candidate | None:
        """The top candidate, if any."""
        return self.candidates[0] if self.candidates else None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for the event and the CLI's JSON."""
        return {"name": self.name, "reason": self.reason, "detail": self.detail,
                "candidates": [{"label": c.label, "score": round(c.score, 3),
                                "note": c.note} for c in self.candidates[:3]]}


@dataclass(frozen=True)
class Alternative:
    """A queue that was considered and not chosen."""

    queue: str
    confidence: float
    rule: str


@dataclass(frozen=True)
class RoutingDecision:
    """The chosen queue, how confident the rules were, and why (Vietnamese)."""

    queue_code: str
    confidence: float
    reasons: tuple[str, ...]
    rule: str
    alternatives: tuple[str, ...] = ()
    signals: tuple[Signal, ...] = ()
    scored_alternatives: tuple[Alternative, ...] = ()
    ask: str | None = None
    place_code: str | None = None
    kind: str = "feedback"  # feedback | request | complaint | denunciation (services/kinds)

    def as_dict(self) -> dict[str, Any]:
        """``{queue, confidence, reasons, alternatives, rule, ask, kind, signals}``."""
        return {
            "queue": self.queue_code, "confidence": round(self.confidence, 3),
            "reasons": list(self.reasons), "rule": self.rule, "ask": self.ask,
            "place": self.place_code, "kind": self.kind,
            "alternatives": [{"queue": a.queue, "confidence": round(a.confidence, 3),
                              "rule": a.rule} for a in self.scored_alternatives],
            "signals": [s.as_dict() for s in self.signals],
        }
