"""files and library: stored files, who uploaded them, attachments, good practices

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 00:05:57.593166
"""
from alembic import op
import sqlalchemy as sa
import server.db


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stored_file',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('mime', sa.String(length=100), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('has_thumbnail', sa.Boolean(), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )
    op.create_table('file_upload',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['sha256'], ['stored_file.sha256'], name='fk_file_upload_sha256'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name='fk_file_upload_user_id'),
    sa.PrimaryKeyConstraint('sha256', 'user_id')
    )
    op.create_table('resource',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('school_level', sa.String(length=24), nullable=True),
    sa.Column('subject', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('author_id', sa.String(length=36), nullable=False),
    sa.Column('from_post_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('edited_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('deleted_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name='fk_resource_author_id'),
    sa.ForeignKeyConstraint(['from_post_id'], ['post.id'], name='fk_resource_from_post_id'),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name='fk_resource_network_id'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('resource', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resource_network_id'), ['network_id'], unique=False)
        batch_op.create_index('uq_resource_from_post_live', ['from_post_id'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.create_table('attachment',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('post_id', sa.String(length=36), nullable=True),
    sa.Column('resource_id', sa.String(length=36), nullable=True),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('author_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(post_id IS NULL) <> (resource_id IS NULL)', name='ck_attachment_one_parent'),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name='fk_attachment_author_id'),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name='fk_attachment_network_id'),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name='fk_attachment_post_id'),
    sa.ForeignKeyConstraint(['resource_id'], ['resource.id'], name='fk_attachment_resource_id'),
    sa.ForeignKeyConstraint(['sha256'], ['stored_file.sha256'], name='fk_attachment_sha256'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_network_id'), ['network_id'], unique=False)
        batch_op.create_index('ix_attachment_post_id', ['post_id'], unique=False)
        batch_op.create_index('ix_attachment_resource_id', ['resource_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index('ix_attachment_resource_id')
        batch_op.drop_index('ix_attachment_post_id')
        batch_op.drop_index(batch_op.f('ix_attachment_network_id'))

    op.drop_table('attachment')
    with op.batch_alter_table('resource', schema=None) as batch_op:
        batch_op.drop_index('uq_resource_from_post_live', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_resource_network_id'))

    op.drop_table('resource')
    op.drop_table('file_upload')
    op.drop_table('stored_file')
