"""delivery: purpose and complaint code of every outbox row; thread rows by purpose

Revision ID: 0008
Revises: 0007

Rows written before this revision get their complaint's code and, where a thread row
says it (acknowledgements), their purpose; the others are status notices or digests,
told apart by having a complaint.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | Sequence[str] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('outbox') as batch:
        batch.add_column(sa.Column('purpose', sa.String(length=32), nullable=True))
        batch.add_column(sa.Column('complaint_code', sa.String(length=16), nullable=True))
    op.execute("UPDATE outbox SET complaint_code = (SELECT code FROM complaints "
               "WHERE complaints.id = outbox.complaint_id) WHERE complaint_id IS NOT NULL")
    op.execute("UPDATE outbox SET purpose = (SELECT purpose FROM mail_threads "
               "WHERE mail_threads.outbox_id = outbox.id) WHERE purpose IS NULL")
    op.execute("UPDATE outbox SET purpose = 'status' "
               "WHERE purpose IS NULL AND complaint_id IS NOT NULL")
    op.execute("UPDATE outbox SET purpose = 'digest' WHERE purpose IS NULL")
    op.create_index('ix_mail_threads_purpose_at', 'mail_threads', ['purpose', 'created_at'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_mail_threads_purpose_at', table_name='mail_threads')
    with op.batch_alter_table('outbox') as batch:
        batch.drop_column('complaint_code')
        batch.drop_column('purpose')
