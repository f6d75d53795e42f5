"""hotline mailbox: mail_ingests, mail_threads, mail_mailboxes

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-28 10:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('mail_ingests',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('dedup_key', sa.String(length=255), nullable=True),
    sa.Column('message_id', sa.Text(), nullable=True),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('source', sa.String(length=255), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('complaint_code', sa.String(length=16), nullable=True),
    sa.Column('related_code', sa.String(length=16), nullable=True),
    sa.Column('sender', sa.String(length=320), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('refused', sa.JSON(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('duplicate_of', sa.Integer(), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['duplicate_of'], ['mail_ingests.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('dedup_key'),
    sa.UniqueConstraint('sha256')
    )
    with op.batch_alter_table('mail_ingests', schema=None) as batch_op:
        batch_op.create_index('ix_mail_ingests_status', ['status', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_ingests_complaint_code'), ['complaint_code'], unique=False)

    op.create_table('mail_threads',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('message_id', sa.String(length=255), nullable=False),
    sa.Column('complaint_code', sa.String(length=16), nullable=False),
    sa.Column('recipient', sa.String(length=320), nullable=False),
    sa.Column('purpose', sa.String(length=16), nullable=False),
    sa.Column('outbox_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['outbox_id'], ['outbox.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('message_id')
    )
    with op.batch_alter_table('mail_threads', schema=None) as batch_op:
        batch_op.create_index('ix_mail_threads_recipient_at', ['recipient', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_mail_threads_complaint_code'), ['complaint_code'], unique=False)

    op.create_table('mail_mailboxes',
    sa.Column('account', sa.String(length=255), nullable=False),
    sa.Column('folder', sa.String(length=255), nullable=False),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=False),
    sa.Column('last_uid', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('account', 'folder')
    )


def downgrade() -> None:
    op.drop_table('mail_mailboxes')
    with op.batch_alter_table('mail_threads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_threads_complaint_code'))
        batch_op.drop_index('ix_mail_threads_recipient_at')
    op.drop_table('mail_threads')
    with op.batch_alter_table('mail_ingests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_ingests_complaint_code'))
        batch_op.drop_index('ix_mail_ingests_status')
    op.drop_table('mail_ingests')
