"""named versions of co-edited documents

A version keeps the whole Yjs document (every stored update up to seq, merged) under a
name, with who named it and when; devices get the rows without the bytes (doc_version).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa
import server.db

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('doc_version',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('doc_id', sa.String(length=200), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('state', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], name='fk_doc_version_created_by'),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name='fk_doc_version_network_id'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('doc_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_doc_version_doc_id'), ['doc_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('doc_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_doc_version_doc_id'))
    op.drop_table('doc_version')
