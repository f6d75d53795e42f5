"""stored blobs: a raw store in the database, shared by every machine using it

With ``PAKN_RAW_STORE=db`` the raw bytes of each fetched message are kept here (bytea
on PostgreSQL) instead of the local ``var/mail/raw`` directory, so the mailbox's fetcher
and ingest workers on other machines read the same bytes.

Revision ID: 0015a
Revises: 0014m
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015a'
down_revision: str | Sequence[str] | None = '0014m'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """A new table; existing rows are untouched."""
    op.create_table(
        'stored_blobs',
        sa.Column('store', sa.String(length=16), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('store', 'sha256'),
    )


def downgrade() -> None:
    """Drop the table (switch PAKN_RAW_STORE back to ``dir`` first: its bytes go with it)."""
    op.drop_table('stored_blobs')
