"""Kinds of submission and their due-date rules, in working days from receipt.

The defaults are the console's starting point, to be confirmed by the province's legal
office; override them with ``PAKN_DUE_RULES`` (``kind=days,…``, e.g.
``complaint=45,denunciation=60``). A complaint not yet classified keeps the general
``PAKN_DUE_WORKING_DAYS``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG

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
    configured = os.environ.get("PAKN_DUE_RULES")
    if configured is not None:
        return configured
    return _rules_in_file(f"{project_root()}/pakn.env")


_read_rules: dict[str, tuple[tuple[int, int, int], str]] = {}


def _rules_in_file(path: str) -> str:
    """``PAKN_DUE_RULES`` of the env file ``path`` ("" without one): read again only when
    the file changed (its inode, size or modification time), since every filed
    complaint asks for its due rules and reading the file was most of the asking. An edit
    in place that keeps the size and lands within the file system's clock tick of the last
    read (a few milliseconds) is seen only at the next change: a hand edit never is that fast,
    and editors that write a new file change the inode."""
    try:
        stat = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return ""
    if not S_ISREG(stat.st_mode):
        return ""
    signature = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    known = _read_rules.get(path)
    if known is None or known[0] != signature:
        known = (signature, _read_env_file(Path(path)).get("PAKN_DUE_RULES", ""))
        _read_rules[path] = known
    return known[1]


def due_rules(spec: str | None = None) -> dict[str, Kind]:
    """The kinds with their working days, ``spec`` (default: ``PAKN_DUE_RULES``) applied."""
    return dict(_rules_of(_configured_rules() if spec is None else spec))


@lru_cache(maxsize=16)
def _rules_of(text: str) -> dict[str, Kind]:
    """``due_rules`` for the rules ``text`` (parsed once; callers get a copy)."""
    kinds = {k.code: k for k in DEFAULT_KINDS}
    for part in filter(None, (p.strip() for p in text.split(","))):
        code, _, days = part.partition("=")
        if code.strip() not in kinds or not days.strip().isdigit():
            raise ValidationError(f"bad due rule {part!r}",
                                  "PAKN_DUE_RULES: dạng kind=số ngày, ví dụ complaint=45.")
        known = kinds[code.strip()]
        kinds[known.code] = Kind(known.code, known.label_vi, int(days))
    return kinds
