"""Typed errors of routing."""

from __future__ import annotations

from intake.errors import IntakeError, OrganisationDataError


class RoutingDataError(OrganisationDataError):
    """The routing data (rules, decision table, training set) is malformed or names a
    queue the organisation does not have: an operator's fix, found at load time."""


class ClassifierError(IntakeError):
    """The statistical classifier cannot be trained or loaded."""
