"""The procedure catalog (thủ tục hành chính) as SQLAlchemy tables.

One row per procedure, keyed by its code (mã TTHC), with its submission channels and
required documents as child rows. Lists that are only ever shown as a whole (steps,
legal basis, keywords, levels) are JSON columns. ``content_hash`` is the hash of the
normalised record: an import compares it to decide added / updated / unchanged, which
is what makes importing the same file twice a no-op. ``version`` counts the changes of
a procedure; ``catalog_imports`` records each import run (the catalog's versions).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from intake.models import Base, UTCDateTime, utcnow


class Procedure(Base):
    """A published administrative procedure of the catalog."""

    __tablename__ = "catalog_procedures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(255), index=True)
    levels: Mapped[list[str]] = mapped_column(JSON, default=list)
    implementing_agency: Mapped[str] = mapped_column(Text)
    competent_agency: Mapped[str | None] = mapped_column(Text, nullable=True)
    queue_code: Mapped[str] = mapped_column(String(32), index=True)
    online_level: Mapped[str] = mapped_column(String(16))
    steps: Mapped[list[str]] = mapped_column(JSON, default=list)
    result: Mapped[str | None] = mapped_column(Text, nullable=True)
    conditions: Mapped[str | None] = mapped_column(Text, nullable=True)
    legal_basis: Mapped[list[str]] = mapped_column(JSON, default=list)
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    decision: Mapped[str | None] = mapped_column(Text, nullable=True)
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    source_format: Mapped[str] = mapped_column(String(16))
    source_file: Mapped[str] = mapped_column(String(255))
    content_hash: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    channels: Mapped[list[ProcedureChannel]] = relationship(
        back_populates="procedure", order_by="ProcedureChannel.position",
        cascade="all, delete-orphan")
    documents: Mapped[list[ProcedureDocument]] = relationship(
        back_populates="procedure", order_by="ProcedureDocument.position",
        cascade="all, delete-orphan")


class ProcedureChannel(Base):
    """One way to submit (direct, online, postal) with its time limit and fees."""

    __tablename__ = "catalog_channels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    procedure_id: Mapped[int] = mapped_column(
        ForeignKey("catalog_procedures.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    time_limit: Mapped[str] = mapped_column(Text)
    time_limit_days: Mapped[float | None] = mapped_column(Float, nullable=True)
    fee: Mapped[str] = mapped_column(Text)
    fee_vnd: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)

    procedure: Mapped[Procedure] = relationship(back_populates="channels")


class ProcedureDocument(Base):
    """A document of the application file (thành phần hồ sơ)."""

    __tablename__ = "catalog_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    procedure_id: Mapped[int] = mapped_column(
        ForeignKey("catalog_procedures.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    originals: Mapped[int] = mapped_column(Integer, default=0)
    copies: Mapped[int] = mapped_column(Integer, default=0)
    template: Mapped[str | None] = mapped_column(Text, nullable=True)

    procedure: Mapped[Procedure] = relationship(back_populates="documents")


class CatalogImport(Base):
    """One import run: what file, which format, and what it changed."""

    __tablename__ = "catalog_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_file: Mapped[str] = mapped_column(String(255))
    source_format: Mapped[str] = mapped_column(String(16))
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
