"""organisation version: routers are rebuilt when the organisation changes

- ``org_version``: one row whose number every change of the organisation increases in
  its own transaction (``intake.org.version``); each process rebuilds its router when
  the number it last saw has moved, not on a timer.

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
    """A new table; its one row starts at 1."""
    version = op.create_table(
        'org_version',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.bulk_insert(version, [{'id': 1, 'version': 1, 'changed_at': datetime.now(UTC)}])


def downgrade() -> None:
    """Drop the table (run the previous code with it: routers are rebuilt on a timer)."""
    op.drop_table('org_version')
