"""outbox: an index on complaint_id

A complaint's letters are looked up by ``outbox.complaint_id`` (the console's complaint
page lists its deliveries), and SQLite checks every table referencing ``complaints``
when a complaint's key is written or deleted: without an index each scans the whole
outbox, which grows with every letter sent.

Revision ID: 0017o
Revises: 0016b
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0017o'
down_revision: str | Sequence[str] | None = '0016b'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """The index the model declares (``Outbox.complaint_id``, ``index=True``)."""
    op.create_index('ix_outbox_complaint_id', 'outbox', ['complaint_id'])


def downgrade() -> None:
    """Drop it (the previous code does not use it by name)."""
    op.drop_index('ix_outbox_complaint_id', table_name='outbox')
