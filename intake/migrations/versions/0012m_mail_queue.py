"""mail queue: fetched messages waiting for ingest, highest priority first

The fetcher stores a message's raw bytes, gives it a priority from a first look at its
header (bulk, lists, auto-replies, known spam senders, the sender's rate) and queues it
here; ingest claims the queue highest priority first (``FOR UPDATE SKIP LOCKED`` on
PostgreSQL), and the row stays until the message is filed away on the server.

Revision ID: 0012m
Revises: 0011
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012m'
down_revision: str | Sequence[str] | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """A new table; existing rows are untouched."""
    op.create_table(
        'mail_queue',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('account', sa.String(length=255), nullable=False),
        sa.Column('folder', sa.String(length=255), nullable=False),
        sa.Column('uidvalidity', sa.BigInteger(), nullable=False),
        sa.Column('uid', sa.BigInteger(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('source', sa.String(length=255), nullable=False),
        sa.Column('priority', sa.Integer(), nullable=False),
        sa.Column('label', sa.String(length=16), nullable=False),
        sa.Column('reason', sa.String(length=255), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('ingest_id', sa.Integer(), nullable=True),
        sa.Column('queued_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('account', 'folder', 'uidvalidity', 'uid',
                            name='uq_mail_queue_position'),
    )
    op.create_index('ix_mail_queue_claim', 'mail_queue', ['state', 'priority', 'id'])


def downgrade() -> None:
    """Drop the queue (messages still queued are fetched again: they are in the inbox)."""
    op.drop_index('ix_mail_queue_claim', table_name='mail_queue')
    op.drop_table('mail_queue')
