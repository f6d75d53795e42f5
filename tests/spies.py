"""A test's record of the calls a function gets, the function still doing its work."""

from __future__ import annotations

from typing import Any

import pytest


def calls_to(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[Any]:
    """The first argument of each call to ``owner.name`` from now on (the real function
    still runs and answers): for a test that counts how often something is read."""
    real = getattr(owner, name)
    seen: list[Any] = []

    def recorded(first: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(first)
        return real(first, *args, **kwargs)

    monkeypatch.setattr(owner, name, recorded)
    return seen
