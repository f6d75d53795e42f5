"""Reply templates per unit: the composer's ready answers.

Read from ``reply_templates.yml`` beside this module (data, not code): the templates of
every unit, those of the complaint's kind of unit and those of the unit itself, with
the tracking code and the unit's name filled in.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

TEMPLATES_FILE = Path(__file__).resolve().parent / "reply_templates.yml"


@dataclass(frozen=True)
class ReplyTemplate:
    """A ready answer: its title in the picker and its text, filled in."""

    title: str
    body: str


@lru_cache(maxsize=4)
def _load(path: Path) -> dict[str, Any]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(loaded, dict):
        raise ValueError(f"{path}: expected a mapping")
    return loaded


def reply_templates(code: str, unit_code: str | None, unit_name: str | None,
                    unit_kind: str | None, path: Path = TEMPLATES_FILE) -> list[ReplyTemplate]:
    """The templates offered for a complaint of ``unit_code`` (kind ``unit_kind``)."""
    data = _load(path)
    entries: list[dict[str, str]] = [*data.get("every_unit", []),
                                     *data.get("kinds", {}).get(unit_kind or "", []),
                                     *data.get("units", {}).get(unit_code or "", [])]
    values = {"ma": code, "don_vi": unit_name or "Cơ quan tiếp nhận"}
    return [ReplyTemplate(str(e["title"]), " ".join(str(e["body"]).format(**values).split()))
            for e in entries]


__all__ = ["ReplyTemplate", "reply_templates"]
