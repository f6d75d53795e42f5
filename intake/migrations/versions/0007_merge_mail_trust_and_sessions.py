"""merge the two branches of 0005: mail trust (0006m) and console sessions (0006s)

Both were written at the same time on top of 0005 and touch different tables; this
revision joins them so the history has one head again.

Revision ID: 0007
Revises: 0006m, 0006s
"""
from collections.abc import Sequence

revision: str = '0007'
down_revision: str | Sequence[str] | None = ('0006m', '0006s')
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nothing to change: the branches' tables are independent."""


def downgrade() -> None:
    """Nothing to undo."""
