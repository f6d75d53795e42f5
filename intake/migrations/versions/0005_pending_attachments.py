"""bot: files and map positions held for a complaint still being written; merges heads

Revision ID: 0005
Revises: 0002, 0003, 0004b
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | Sequence[str] | None = ('0002', '0003', '0004b')
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('pending_attachments',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('sender', sa.String(length=64), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('filename', sa.String(length=255), nullable=True),
    sa.Column('content_type', sa.String(length=255), nullable=True),
    sa.Column('size', sa.BigInteger(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_pending_attachments_sender'), 'pending_attachments', ['sender'],
                    unique=False)
    op.create_index(op.f('ix_pending_attachments_created_at'), 'pending_attachments',
                    ['created_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_pending_attachments_created_at'), table_name='pending_attachments')
    op.drop_index(op.f('ix_pending_attachments_sender'), table_name='pending_attachments')
    op.drop_table('pending_attachments')
