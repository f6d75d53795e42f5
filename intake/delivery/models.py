"""The delivery core's own table: the files a queued message carries.

A staff answer may carry files (the reply composer's attachments). The files are the
complaint's attachments (stored once, raw, in the content store); a message refers to
them by id, in the order staff chose them, so a transport reads the bytes when it sends
and nothing is copied into the outbox row.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from intake.models import Base


class OutboxFile(Base):
    """One attachment of one outbox row (``position``: the order they are sent in)."""

    __tablename__ = "outbox_files"
    __table_args__ = (UniqueConstraint("outbox_id", "attachment_id",
                                       name="uq_outbox_files_outbox_attachment"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    outbox_id: Mapped[int] = mapped_column(ForeignKey("outbox.id"), index=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachments.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
