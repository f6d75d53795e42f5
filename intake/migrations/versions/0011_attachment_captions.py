"""attachment captions: what a citizen wrote with a file (Telegram captions)

Kept with the held file (``pending_attachments.caption``) and moved with it onto the
complaint (``attachments.caption``), where staff read it beside the file.

Revision ID: 0011
Revises: 0010
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | Sequence[str] | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Two nullable columns: no rewrite of existing rows."""
    with op.batch_alter_table("attachments") as batch:
        batch.add_column(sa.Column("caption", sa.String(1024), nullable=True))
    with op.batch_alter_table("pending_attachments") as batch:
        batch.add_column(sa.Column("caption", sa.String(1024), nullable=True))


def downgrade() -> None:
    """Drop the columns (the captions are lost)."""
    with op.batch_alter_table("pending_attachments") as batch:
        batch.drop_column("caption")
    with op.batch_alter_table("attachments") as batch:
        batch.drop_column("caption")
