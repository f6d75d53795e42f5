"""Open311 client applications, their calls and requests; published answers (issue 16)

Revision ID: 0009o
Revises: 0008

Satisfaction needs no table: asking and answering are events of the complaint
(``satisfaction_asked``, ``satisfaction``).
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009o'
down_revision: str | Sequence[str] | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'api_clients',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('name', sa.String(length=64), nullable=False, unique=True),
        sa.Column('key_hash', sa.String(length=64), nullable=False, unique=True),
        sa.Column('key_hint', sa.String(length=16), nullable=False),
        sa.Column('per_minute', sa.Integer(), nullable=False),
        sa.Column('per_day', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        'api_calls',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('client_id', sa.Integer(), sa.ForeignKey('api_clients.id'), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index('ix_api_calls_client_at', 'api_calls', ['client_id', 'at'])
    op.create_table(
        'open311_requests',
        sa.Column('complaint_id', sa.Integer(), sa.ForeignKey('complaints.id'),
                  primary_key=True),
        sa.Column('client_id', sa.Integer(), sa.ForeignKey('api_clients.id'), nullable=False),
        sa.Column('service_code', sa.String(length=64), nullable=False),
        sa.Column('attributes', sa.JSON(), nullable=False),
    )
    op.create_index('ix_open311_requests_client_id', 'open311_requests', ['client_id'])
    op.create_index('ix_open311_requests_service_code', 'open311_requests', ['service_code'])
    op.create_table(
        'published_answers',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('complaint_id', sa.Integer(), sa.ForeignKey('complaints.id'),
                  nullable=False, unique=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('question', sa.Text(), nullable=False),
        sa.Column('answer', sa.Text(), nullable=False),
        sa.Column('queue_code', sa.String(length=32), nullable=False),
        sa.Column('field', sa.String(length=255), nullable=True),
        sa.Column('search_key', sa.Text(), nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('answered_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('proposed_by', sa.String(length=255), nullable=False),
        sa.Column('proposed_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('decided_by', sa.String(length=255), nullable=True),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index('ix_published_answers_status', 'published_answers', ['status'])
    op.create_index('ix_published_answers_queue_code', 'published_answers', ['queue_code'])


def downgrade() -> None:
    op.drop_index('ix_published_answers_queue_code', table_name='published_answers')
    op.drop_index('ix_published_answers_status', table_name='published_answers')
    op.drop_table('published_answers')
    op.drop_index('ix_open311_requests_service_code', table_name='open311_requests')
    op.drop_index('ix_open311_requests_client_id', table_name='open311_requests')
    op.drop_table('open311_requests')
    op.drop_index('ix_api_calls_client_at', table_name='api_calls')
    op.drop_table('api_calls')
    op.drop_table('api_clients')
