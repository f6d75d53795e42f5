"""Structured signals an edge sends the assistant beside a message's text.

A Telegram location answers the form's "where?" question, but it is not text. The edge
sends a short human-readable line (kept in the conversation's history) and, in the
signed message's metadata, ``{"pakn": {"signal": "map_position"}}``; the assistant's
actions decide from the signal, never from the line's words.
"""

from __future__ import annotations

from typing import Any

KEY = "pakn"
MAP_POSITION = "map_position"
MAP_POSITION_TEXT = "Vị trí trên bản đồ"


def with_signal(metadata: dict[str, Any], signal: str) -> dict[str, Any]:
    """``metadata`` with ``signal`` added (a new dict)."""
    return {**metadata, KEY: {"signal": signal}}


def signal_of(metadata: Any) -> str | None:
    """The signal carried by a message's metadata, if any."""
    if not isinstance(metadata, dict):
        return None
    found = metadata.get(KEY)
    signal = found.get("signal") if isinstance(found, dict) else None
    return signal if isinstance(signal, str) else None
