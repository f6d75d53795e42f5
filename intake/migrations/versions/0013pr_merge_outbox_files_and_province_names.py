"""merge the branches of 0011: staff answers' files (0012r) and province names (0012p)

Both were written at the same time on top of 0011 and touch different tables; this
revision joins them so the history has one head again.

Revision ID: 0013pr
Revises: 0012p, 0012r
"""
from collections.abc import Sequence

revision: str = '0013pr'
down_revision: str | Sequence[str] | None = ('0012p', '0012r')
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nothing to change: the branches' tables are independent."""


def downgrade() -> None:
    """Nothing to undo."""
