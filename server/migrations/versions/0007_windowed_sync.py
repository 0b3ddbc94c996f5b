"""windowed sync: each row's date and owner, so a device can keep only recent history

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_row', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stamp', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('owner', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_row', schema=None) as batch_op:
        batch_op.drop_column('owner')
        batch_op.drop_column('stamp')
