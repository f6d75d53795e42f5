"""procedure catalog: catalog_procedures, catalog_channels, catalog_documents, catalog_imports

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 16:39:36.860573
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('catalog_imports',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source_file', sa.String(length=255), nullable=False),
    sa.Column('source_format', sa.String(length=16), nullable=False),
    sa.Column('added', sa.Integer(), nullable=False),
    sa.Column('updated', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('catalog_procedures',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('field', sa.String(length=255), nullable=False),
    sa.Column('levels', sa.JSON(), nullable=False),
    sa.Column('implementing_agency', sa.Text(), nullable=False),
    sa.Column('competent_agency', sa.Text(), nullable=True),
    sa.Column('queue_code', sa.String(length=32), nullable=False),
    sa.Column('online_level', sa.String(length=16), nullable=False),
    sa.Column('steps', sa.JSON(), nullable=False),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('conditions', sa.Text(), nullable=True),
    sa.Column('legal_basis', sa.JSON(), nullable=False),
    sa.Column('keywords', sa.JSON(), nullable=False),
    sa.Column('decision', sa.Text(), nullable=True),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('demo', sa.Boolean(), nullable=False),
    sa.Column('source_format', sa.String(length=16), nullable=False),
    sa.Column('source_file', sa.String(length=255), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('catalog_procedures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_catalog_procedures_field'), ['field'], unique=False)
        batch_op.create_index(batch_op.f('ix_catalog_procedures_queue_code'), ['queue_code'], unique=False)

    op.create_table('catalog_channels',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('time_limit', sa.Text(), nullable=False),
    sa.Column('time_limit_days', sa.Float(), nullable=True),
    sa.Column('fee', sa.Text(), nullable=False),
    sa.Column('fee_vnd', sa.BigInteger(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['procedure_id'], ['catalog_procedures.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('catalog_channels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_catalog_channels_procedure_id'), ['procedure_id'], unique=False)

    op.create_table('catalog_documents',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('originals', sa.Integer(), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('template', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['procedure_id'], ['catalog_procedures.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('catalog_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_catalog_documents_procedure_id'), ['procedure_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('catalog_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_catalog_documents_procedure_id'))

    op.drop_table('catalog_documents')
    with op.batch_alter_table('catalog_channels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_catalog_channels_procedure_id'))

    op.drop_table('catalog_channels')
    with op.batch_alter_table('catalog_procedures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_catalog_procedures_queue_code'))
        batch_op.drop_index(batch_op.f('ix_catalog_procedures_field'))

    op.drop_table('catalog_procedures')
    op.drop_table('catalog_imports')
