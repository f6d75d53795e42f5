"""outbox files: the attachments a queued message carries (the reply composer's files)

A new table referring to ``outbox`` and ``attachments`` by id; no existing row changes.

Revision ID: 0012r
Revises: 0011
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012r'
down_revision: str | Sequence[str] | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create ``outbox_files``."""
    op.create_table(
        "outbox_files",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("outbox_id", sa.Integer(), sa.ForeignKey("outbox.id"), nullable=False),
        sa.Column("attachment_id", sa.Integer(), sa.ForeignKey("attachments.id"),
                  nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.UniqueConstraint("outbox_id", "attachment_id",
                            name="uq_outbox_files_outbox_attachment"),
    )
    op.create_index("ix_outbox_files_outbox_id", "outbox_files", ["outbox_id"])


def downgrade() -> None:
    """Drop ``outbox_files`` (queued messages lose their files)."""
    op.drop_index("ix_outbox_files_outbox_id", table_name="outbox_files")
    op.drop_table("outbox_files")
