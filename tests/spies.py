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


def fails_once(monkeypatch: pytest.MonkeyPatch, owner: object, name: str,
               error: BaseException) -> list[str]:
    """Make ``owner.name`` raise ``error`` on its next call only, the real function
    answering every call after it; the list gets the error's type name when it was
    raised (for a test of what survives one failure, e.g. loading routing ahead)."""
    real = getattr(owner, name)
    raised: list[str] = []

    def failing(*args: Any, **kwargs: Any) -> Any:
        if not raised:
            raised.append(type(error).__name__)
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, failing)
    return raised
