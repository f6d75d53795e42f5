"""merge the mail queue (0012m) with the branch joined in 0013pr

The mail queue was written at the same time on top of 0011 and touches only its new
table; this revision joins it to the rest so the history has one head again.

Revision ID: 0014m
Revises: 0012m, 0013pr
"""
from collections.abc import Sequence

revision: str = '0014m'
down_revision: str | Sequence[str] | None = ('0012m', '0013pr')
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nothing to change: the branches' tables are independent."""


def downgrade() -> None:
    """Nothing to undo."""
