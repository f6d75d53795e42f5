"""A small per-key sliding-window rate limit (one process; enough for a flood guard)."""

from __future__ import annotations

import time
from collections import deque


class RateLimiter:
    """At most ``limit`` hits per ``window`` seconds for each key."""

    def __init__(self, limit: int, window: float, max_keys: int = 100_000) -> None:
        self.limit = limit
        self.window = window
        self.max_keys = max_keys
        self._hits: dict[str, deque[float]] = {}

    def allow(self, key: str, now: float | None = None) -> bool:
        """Record a hit for ``key``; False when it is over the limit."""
        moment = time.monotonic() if now is None else now
        hits = self._hits.setdefault(key, deque())
        while hits and moment - hits[0] > self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return False
        hits.append(moment)
        if len(self._hits) > self.max_keys:
            self._hits.pop(next(iter(self._hits)))
        return True
