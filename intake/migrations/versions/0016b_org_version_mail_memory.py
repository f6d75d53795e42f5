"""organisation version; the mail fetchers' sender rates and refetch counts, shared

- ``org_version``: one row whose number every change of the organisation increases in
  its own transaction (``intake.org.version``); each process rebuilds its router when
  the number it last saw has moved, not on a timer.
- ``mail_sender_counts``: messages per sender (a SHA-256 of the lower-cased address, not
  the address) per minute, so the per-sender rate of the triage is one count shared by
  every fetcher on every machine and survives a restart (``intake.mail_memory``);
  minutes older than the window are deleted.
- ``mail_refetches``: how often a queued message was fetched again because an ingest
  worker did not find its bytes; forgotten with the queue row.

Revision ID: 0016b
Revises: 0015a
"""
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = '0016b'
down_revision: str | Sequence[str] | None = '0015a'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Three new tables; the version's one row starts at 1."""
    version = op.create_table(
        'org_version',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.bulk_insert(version, [{'id': 1, 'version': 1, 'changed_at': datetime.now(UTC)}])
    op.create_table(
        'mail_sender_counts',
        sa.Column('sender_key', sa.String(length=64), nullable=False),
        sa.Column('minute', sa.BigInteger(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('sender_key', 'minute'),
    )
    op.create_index('ix_mail_sender_counts_minute', 'mail_sender_counts', ['minute'])
    op.create_table(
        'mail_refetches',
        sa.Column('queue_id', sa.Integer(), nullable=False),
        sa.Column('times', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('queue_id'),
    )


def downgrade() -> None:
    """Drop the tables (run the previous code with it: routers rebuilt on a timer, sender
    rates and refetch counts in each process's memory)."""
    op.drop_table('mail_refetches')
    op.drop_index('ix_mail_sender_counts_minute', table_name='mail_sender_counts')
    op.drop_table('mail_sender_counts')
    op.drop_table('org_version')
