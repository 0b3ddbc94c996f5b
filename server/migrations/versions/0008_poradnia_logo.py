"""the Poradnia's logo is a stored file

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('poradnia', schema=None) as batch_op:
        batch_op.add_column(sa.Column('logo_sha256', sa.String(length=64), nullable=True))
        batch_op.drop_column('logo_url')  # never written: the logo is a stored file now


def downgrade() -> None:
    with op.batch_alter_table('poradnia', schema=None) as batch_op:
        batch_op.add_column(sa.Column('logo_url', sa.String(length=500), nullable=True))
        batch_op.drop_column('logo_sha256')
