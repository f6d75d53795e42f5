"""The province's name: one piece of data that follows the organisation in force.

The organisation data names its province (``departments.yml``: ``province:``), and an
organisation-changes file can change it from a date (``{action: province, name: "Tỉnh
Bắc Ninh", effective: 2025-07-01}``: Bắc Giang merged into the new Bắc Ninh province,
Nghị quyết 202/2025/QH15). Both are written to ``province_names`` (``pakn org load``,
``pakn org apply-changes``); the last row is the name in force. Every text that names
the province (greetings, acknowledgements, page titles) reads it through
``IntakeService.province()``, which a setting (``PAKN_PROVINCE_NAME``) may override.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.errors import OrganisationDataError
from intake.models import ProvinceName
from intake.text import clean, fold

KINDS = ("Thành phố", "Tỉnh")  # a province-level unit: a province or a centrally-run city
DEFAULT_KIND = "Tỉnh"
MAX_NAME = 120


@dataclass(frozen=True)
class Province:
    """A province-level unit's kind (``Tỉnh``) and proper name (``Bắc Ninh``)."""

    kind: str
    name: str

    @classmethod
    def parse(cls, text: str) -> Province:
        """``"Tỉnh Bắc Ninh"``, ``"tỉnh Bắc Ninh"`` or ``"Bắc Ninh"`` (a province when no
        kind is written); ``OrganisationDataError`` when nothing usable is left."""
        cleaned = clean(text)
        kind = DEFAULT_KIND
        for candidate in KINDS:
            if fold(cleaned).startswith(fold(candidate) + " "):
                kind, cleaned = candidate, cleaned[len(candidate):].strip()
                break
        if not cleaned or len(cleaned) > MAX_NAME or fold(cleaned) in {fold(k) for k in KINDS}:
            raise OrganisationDataError(f"not a province name: {text[:MAX_NAME]!r}")
        return cls(kind, cleaned)

    @property
    def full(self) -> str:
        """``Tỉnh Bắc Ninh``: a title or a heading."""
        return f"{self.kind} {self.name}"

    @property
    def in_sentence(self) -> str:
        """``tỉnh Bắc Ninh``: inside a sentence (the kind in lower case)."""
        return f"{self.kind.lower()} {self.name}"


def current_name(session: Session) -> str | None:
    """The name in force: the last one written (``None`` before any load)."""
    return session.scalar(select(ProvinceName.name).order_by(ProvinceName.id.desc()).limit(1))


def changed_by_file(session: Session, prefix: str) -> bool:
    """True when an organisation-changes file (source starting with ``prefix``) set the
    name: a later ``pakn org load`` keeps it, as it keeps the queues such a file touched."""
    return session.scalar(select(ProvinceName.id).where(
        ProvinceName.source.startswith(prefix)).limit(1)) is not None


def record_name(session: Session, name: str, source: str,
                effective: date | None = None) -> bool:
    """Write ``name`` as the name in force unless it already is; True if written."""
    full = Province.parse(name).full
    if current_name(session) == full:
        return False
    session.add(ProvinceName(name=full, effective=effective, source=source))
    session.flush()
    return True
