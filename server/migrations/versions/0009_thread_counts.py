"""a thread keeps its count of replies; who took part is found by index

A push of many replies no longer counts a whole thread to publish it, and the
participants of a thread are looked up per member, not read from every post.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('thread', schema=None) as batch_op:
        batch_op.add_column(sa.Column('post_count', sa.Integer(), nullable=False, server_default='0'))
    op.execute(
        "UPDATE thread SET post_count = (SELECT count(*) FROM post "
        "WHERE post.thread_id = thread.id AND post.deleted_at IS NULL)"
    )
    op.create_index('ix_post_thread_author', 'post', ['thread_id', 'author_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_post_thread_author', table_name='post')
    with op.batch_alter_table('thread', schema=None) as batch_op:
        batch_op.drop_column('post_count')
