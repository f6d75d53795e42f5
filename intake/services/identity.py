"""Who is acting: the signed-in member of staff as every staff service needs them.

A service-layer type (the console signs people in and builds it; the services decide
with it what one may see and do, and name the actor of audit events after it).
"""

from __future__ import annotations

from dataclasses import dataclass

from intake.models import Role

__all__ = ["Role", "StaffIdentity"]


@dataclass(frozen=True)
class StaffIdentity:
    """The signed-in person as the pages and the services need them."""

    id: int
    username: str
    role: str
    queues: tuple[str, ...]

    @property
    def sees_all(self) -> bool:
        """Coordinators and administrators see every queue."""
        return self.role in (Role.COORDINATOR, Role.ADMIN)

    def may_see(self, queue_code: str | None) -> bool:
        """True if the complaint of ``queue_code`` is in this person's reach."""
        return self.sees_all or (queue_code is not None and queue_code in self.queues)

    @property
    def actor(self) -> str:
        """How audit events name this person."""
        return f"staff:{self.username}"
