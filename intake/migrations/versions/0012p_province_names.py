"""province names: the province's name over time, the last one in force

``pakn org load`` writes the organisation data's name, ``pakn org apply-changes`` a
``province`` change (the 2025 merger of Bắc Giang into Bắc Ninh). A database migrated
from an earlier revision has no row until one of them runs (``make run`` runs both);
until then the product reads the name from the shipped organisation data.

Revision ID: 0012p
Revises: 0011
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012p'
down_revision: str | Sequence[str] | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """A new table; nothing else changes."""
    op.create_table('province_names',
                    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
                    sa.Column('name', sa.String(length=255), nullable=False),
                    sa.Column('effective', sa.Date(), nullable=True),
                    sa.Column('source', sa.Text(), nullable=False),
                    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('id'))


def downgrade() -> None:
    """Drop the table (the names' history is lost)."""
    op.drop_table('province_names')
