"""a person's profile records how Polish should speak of her: Pani, Pan, or neither

Notifications say "Anna założyła nowy wątek" in the past tense, and functions read
"nauczycielka" or "nauczyciel"; with no form recorded the app speaks neutrally.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('form_of_address', sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('form_of_address')
