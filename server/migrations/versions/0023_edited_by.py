"""who last edited a good practice: resource.edited_by

A device that edited a practice while someone else edited it later sees from this whose text won
and keeps its own beside it ("Edytowane jednocześnie przez …"). Rows edited before this revision
have no editor recorded (null).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('resource', schema=None) as batch_op:
        batch_op.add_column(sa.Column('edited_by', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key('fk_resource_edited_by', 'user_account', ['edited_by'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('resource', schema=None) as batch_op:
        batch_op.drop_constraint('fk_resource_edited_by', type_='foreignkey')
        batch_op.drop_column('edited_by')
