"""The routing rules of the foundation: place named by the citizen, else triage.

Each rule is a small function that either decides (queue, confidence, reasons) or
passes; ``decide`` tries them in order. Reasons are written for the staff member who
reads them in the console. The routing issue adds procedure, subject-matter and
statistical signals in front of the fallback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from intake.org.places import PlaceIndex


@dataclass(frozen=True)
class RoutingInput:
    """What routing may look at."""

    text: str
    location_text: str | None = None
    procedure_queue: str | None = None
    procedure_name: str | None = None


@dataclass(frozen=True)
class RoutingDecision:
    """The chosen queue, how confident the rules were, and why (Vietnamese)."""

    queue_code: str
    confidence: float
    reasons: tuple[str, ...]
    rule: str
    alternatives: tuple[str, ...] = field(default_factory=tuple)


Rule = Callable[[RoutingInput, PlaceIndex], RoutingDecision | None]


def rule_procedure_queue(data: RoutingInput, places: PlaceIndex) -> RoutingDecision | None:
    """A procedure handled by a provincial agency goes to that agency."""
    if not data.procedure_queue:
        return None
    reason = f"thủ tục '{data.procedure_name or '?'}' → {data.procedure_queue}"
    return RoutingDecision(data.procedure_queue, 0.9, (reason,), "procedure")


def rule_named_location(data: RoutingInput, places: PlaceIndex) -> RoutingDecision | None:
    """A commune or district the citizen gave as the place → its People's Committee."""
    if not data.location_text:
        return None
    match = places.best(data.location_text)
    if match is None:
        return None
    reason = f"địa điểm người dân cung cấp '{match.matched}' → {match.place.queue_code} " \
             f"(UBND {match.place.full_name})"
    return RoutingDecision(match.place.queue_code, match.score, (reason,), "location")


def rule_place_in_text(data: RoutingInput, places: PlaceIndex) -> RoutingDecision | None:
    """A commune or district named in the complaint text itself."""
    found = places.find(data.text)
    if not found:
        return None
    top = found[0]
    reason = f"địa điểm nêu trong nội dung '{top.matched}' → {top.place.queue_code} " \
             f"(UBND {top.place.full_name})"
    others = tuple(m.place.queue_code for m in found[1:4])
    return RoutingDecision(top.place.queue_code, top.score - 0.1, (reason,), "place_in_text",
                           others)


RULES: tuple[Rule, ...] = (rule_procedure_queue, rule_named_location, rule_place_in_text)
THRESHOLD = 0.6


def decide(data: RoutingInput, places: PlaceIndex, triage_queue: str) -> RoutingDecision:
    """The first confident rule's decision, else the triage queue with the reason."""
    for rule in RULES:
        decision = rule(data, places)
        if decision is not None and decision.confidence >= THRESHOLD:
            return decision
    reason = "không xác định được đơn vị phụ trách → chuyển bộ phận tiếp nhận, phân loại"
    return RoutingDecision(triage_queue, 0.0, (reason,), "triage")
