"""console search: a folded search key on every complaint (trigram-indexed on PostgreSQL)

Revision ID: 0009c
Revises: 0008

The staff console's one search box matches words with or without diacritics, phone
numbers and e-mail addresses. ``complaints.search_key`` holds the subject, text, place
and contact folded the way ``intake.text.fold`` folds what staff type (lower case, no
diacritics, đ → d; phones as digits), filled here for the rows that exist and by the
model on every insert and change. On PostgreSQL a ``pg_trgm`` GIN index serves
``LIKE '%…%'`` on it (and on the code, for partial codes); SQLite scans the one folded
column, which is what makes it fast enough there.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from intake.models import SEARCHED_FIELDS, search_key_of

revision: str = '0009c'
down_revision: str | Sequence[str] | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000


def upgrade() -> None:
    with op.batch_alter_table('complaints') as batch:
        batch.add_column(sa.Column('search_key', sa.Text(), nullable=True))
    _backfill()
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_complaints_search_key_trgm ON complaints "
                   "USING gin (search_key gin_trgm_ops)")
        op.execute("CREATE INDEX ix_complaints_code_trgm ON complaints "
                   "USING gin (code gin_trgm_ops)")
    op.create_index('ix_complaints_created_at', 'complaints', ['created_at'], unique=False)
    op.create_index('ix_complaints_status_due', 'complaints', ['status', 'due_at'],
                    unique=False)
    op.create_index('ix_complaints_queue_status_due', 'complaints',
                    ['queue_code', 'status', 'due_at'], unique=False)
    op.create_index('ix_complaints_status_created', 'complaints', ['status', 'created_at'],
                    unique=False)
    op.create_index('ix_complaint_assignments_username', 'complaint_assignments',
                    ['username'], unique=False)


def _backfill() -> None:
    """The key of every existing complaint, in batches (the folding is Python's)."""
    bind = op.get_bind()
    columns = ", ".join(SEARCHED_FIELDS)
    last = 0
    while True:
        rows = bind.execute(sa.text(
            f"SELECT id, {columns} FROM complaints WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": BATCH}).mappings().all()
        if not rows:
            return
        bind.execute(sa.text("UPDATE complaints SET search_key = :key WHERE id = :id"),
                     [{"id": r["id"], "key": search_key_of(dict(r))} for r in rows])
        last = rows[-1]["id"]


def downgrade() -> None:
    op.drop_index('ix_complaint_assignments_username', table_name='complaint_assignments')
    op.drop_index('ix_complaints_status_created', table_name='complaints')
    op.drop_index('ix_complaints_queue_status_due', table_name='complaints')
    op.drop_index('ix_complaints_status_due', table_name='complaints')
    op.drop_index('ix_complaints_created_at', table_name='complaints')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP INDEX IF EXISTS ix_complaints_code_trgm")
        op.execute("DROP INDEX IF EXISTS ix_complaints_search_key_trgm")
    with op.batch_alter_table('complaints') as batch:
        batch.drop_column('search_key')
