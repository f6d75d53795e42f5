"""Where a retired queue's work is today: the active queue its successors lead to.

Organisation changes (``intake.org.changes``) retire queues with a successor and never
delete them, so old complaints, procedures and service categories keep their codes. Who
shows today's units — reports, the catalog, the Open311 categories — folds a retired
code into its heir with ``heirs``; who asks "what did this unit inherit" (a member of
staff of a new commune looking at last year's figures) uses ``predecessors``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.models import Queue

MAX_HOPS = 10


def heirs_of(states: Mapping[str, tuple[bool, str | None]]) -> dict[str, str]:
    """Retired code → the active code its successors lead to (codes whose chain ends
    nowhere active are left out); ``states``: code → (active, successor)."""
    out: dict[str, str] = {}
    for code, (active, _) in states.items():
        if active:
            continue
        current: str | None = code
        for _ in range(MAX_HOPS):
            state = states.get(current or "")
            if state is None or state[0]:
                break
            current = state[1]
        if current and current != code and states.get(current, (False, None))[0]:
            out[code] = current
    return out


def heirs(session: Session) -> dict[str, str]:
    """``heirs_of`` the queue table."""
    rows = session.execute(select(Queue.code, Queue.active, Queue.successor_code)).all()
    return heirs_of({code: (bool(active), successor) for code, active, successor in rows})


def predecessors(heir_map: Mapping[str, str], codes: Iterable[str]) -> set[str]:
    """The retired codes whose work went to one of ``codes``."""
    wanted = set(codes)
    return {old for old, new in heir_map.items() if new in wanted}
