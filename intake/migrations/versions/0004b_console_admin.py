"""staff console administration: last login of an account, audit of admin changes

Revision ID: 0004b
Revises: 0004a
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004b'
down_revision: str | None = '0004a'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('staff_users') as batch:
        batch.add_column(sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table('console_admin_events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('actor', sa.String(length=255), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('target', sa.String(length=255), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_console_admin_events_at', 'console_admin_events', ['at'])


def downgrade() -> None:
    op.drop_index('ix_console_admin_events_at', table_name='console_admin_events')
    op.drop_table('console_admin_events')
    with op.batch_alter_table('staff_users') as batch:
        batch.drop_column('last_login_at')
