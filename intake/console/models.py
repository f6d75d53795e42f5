"""The staff role names for the console's pages (the staff tables themselves are core:
``intake.models``, reached only through ``intake.services``)."""

from __future__ import annotations

from intake.services.identity import Role

__all__ = ["Role"]
