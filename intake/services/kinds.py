"""Kinds of submission and their due-date rules, in working days from receipt.

The defaults are the console's starting point, to be confirmed by the province's legal
office; override them with ``PAKN_DUE_RULES`` (``kind=days,…``, e.g.
``complaint=45,denunciation=60``). A complaint not yet classified keeps the general
``PAKN_DUE_WORKING_DAYS``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from intake.config import _read_env_file, project_root
from intake.errors import ValidationError


@dataclass(frozen=True)
class Kind:
    """A kind of submission and its time limit."""

    code: str
    label_vi: str
    working_days: int


DEFAULT_KINDS: tuple[Kind, ...] = (
    Kind("feedback", "Phản ánh, kiến nghị về quy định hành chính", 10),
    Kind("request", "Kiến nghị, đề nghị hướng dẫn thủ tục", 10),
    Kind("complaint", "Khiếu nại", 30),
    Kind("denunciation", "Tố cáo", 30),
)


def _configured_rules() -> str:
    """``PAKN_DUE_RULES`` from the environment, else from ``pakn.env`` (like every other
    setting)."""
    from_file = _read_env_file(project_root() / "pakn.env").get("PAKN_DUE_RULES", "")
    return os.environ.get("PAKN_DUE_RULES", from_file)


def due_rules(spec: str | None = None) -> dict[str, Kind]:
    """The kinds with their working days, ``spec`` (default: ``PAKN_DUE_RULES``) applied."""
    kinds = {k.code: k for k in DEFAULT_KINDS}
    text = _configured_rules() if spec is None else spec
    for part in filter(None, (p.strip() for p in text.split(","))):
        code, _, days = part.partition("=")
        if code.strip() not in kinds or not days.strip().isdigit():
            raise ValidationError(f"bad due rule {part!r}",
                                  "PAKN_DUE_RULES: dạng kind=số ngày, ví dụ complaint=45.")
        known = kinds[code.strip()]
        kinds[known.code] = Kind(known.code, known.label_vi, int(days))
    return kinds
