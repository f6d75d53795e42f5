"""The one clock of the product: timezone-aware UTC (every timestamp is stored in UTC;
Vietnam time is ``intake.deadlines.VIETNAM``, applied only when shown)."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Timezone-aware now."""
    return datetime.now(UTC)
