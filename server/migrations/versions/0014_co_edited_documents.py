"""co-edited documents: each one's counter and snapshot, its updates since, who has it open

A Yjs document (minutes, a plan, notes) is stored as the updates its editors sent, each
numbered under the document's row lock, until a snapshot merges them. doc_presence tells
which open connection is in which document, for closing them when access is taken away.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""
from alembic import op
import sqlalchemy as sa
import server.db

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_doc',
    sa.Column('doc_id', sa.String(length=200), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('snapshot', sa.LargeBinary(), nullable=True),
    sa.Column('snapshot_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('doc_id')
    )
    op.create_table('sync_doc_update',
    sa.Column('doc_id', sa.String(length=200), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['sync_doc.doc_id'], name='fk_sync_doc_update_doc_id', ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'seq')
    )
    op.create_table('doc_presence',
    sa.Column('sid', sa.String(length=64), nullable=False),
    sa.Column('doc_id', sa.String(length=200), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('read_only', sa.Boolean(), nullable=False),
    sa.Column('joined_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sid', 'doc_id')
    )
    with op.batch_alter_table('doc_presence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_doc_presence_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('doc_presence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_doc_presence_user_id'))
    op.drop_table('doc_presence')
    op.drop_table('sync_doc_update')
    op.drop_table('sync_doc')
