"""Compatibility layer: the foundation's ``decide`` over the new decision table.

``RoutingInput`` and ``RoutingDecision`` live in ``intake.routing.types``; ``decide``
routes with the place and subject-matter signals only (no catalog, no classifier, no
database). The services use ``intake.routing.service.build_router`` for the full set.
"""

from __future__ import annotations

from intake.org.places import PlaceIndex
from intake.routing.decision import Router
from intake.routing.types import RoutingDecision, RoutingInput

__all__ = ["RoutingDecision", "RoutingInput", "decide"]


def decide(data: RoutingInput, places: PlaceIndex, triage_queue: str) -> RoutingDecision:
    """The decision for ``data`` from the place and keyword signals alone."""
    return Router(places, triage_queue).route(data)
