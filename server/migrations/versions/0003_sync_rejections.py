"""sync rejections

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 23:53:13.047160
"""
from alembic import op
import sqlalchemy as sa
import server.db


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_rejection',
    sa.Column('client_id', sa.String(length=64), nullable=False),
    sa.Column('mutation_id', sa.BigInteger(), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('client_id', 'mutation_id')
    )


def downgrade() -> None:
    op.drop_table('sync_rejection')
