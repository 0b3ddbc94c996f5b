"""a person's language: the letters Krąg sends her are written in it ('pl' or 'en')

Everyone so far reads Polish; the column's default says so for the rows already there.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lang', sa.String(length=2), nullable=False, server_default='pl'))


def downgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('lang')
