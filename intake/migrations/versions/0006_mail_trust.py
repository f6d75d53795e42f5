"""mail: what became of each acknowledgement; indexes for the last hour's and day's counts

Revision ID: 0006m
Revises: 0005
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006m'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('mail_ingests') as batch:
        batch.add_column(sa.Column('ack', sa.String(length=16), nullable=True))
    op.create_index('ix_mail_ingests_received_at', 'mail_ingests', ['received_at'],
                    unique=False)
    op.create_index('ix_mail_threads_created_at', 'mail_threads', ['created_at'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_mail_threads_created_at', table_name='mail_threads')
    op.drop_index('ix_mail_ingests_received_at', table_name='mail_ingests')
    with op.batch_alter_table('mail_ingests') as batch:
        batch.drop_column('ack')
