"""merge the two branches of 0008: console search (0009c) and Open311 publication (0009o)

Both were written at the same time on top of 0008 and touch different tables and
columns; this revision joins them so the history has one head again.

Revision ID: 0010
Revises: 0009c, 0009o
"""
from collections.abc import Sequence

revision: str = '0010'
down_revision: str | Sequence[str] | None = ('0009c', '0009o')
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nothing to change: the branches' tables are independent."""


def downgrade() -> None:
    """Nothing to undo."""
