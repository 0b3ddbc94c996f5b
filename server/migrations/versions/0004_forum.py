"""forum

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 00:00:14.622803
"""
from alembic import op
import sqlalchemy as sa
import server.db


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('category',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('category', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_category_network_id'), ['network_id'], unique=False)

    op.create_table('notification',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('thread_id', sa.String(length=36), nullable=True),
    sa.Column('post_id', sa.String(length=36), nullable=True),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('read_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('emailed_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_emailed_at'), ['emailed_at'], unique=False)
        batch_op.create_index('ix_notification_user_created', ['user_id', 'created_at'], unique=False)

    op.create_table('notification_pref',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('email', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('notification_pref', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_pref_user_id'), ['user_id'], unique=False)

    op.create_table('thread_state',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('thread_id', sa.String(length=36), nullable=False),
    sa.Column('read_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('starred', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['thread_id'], ['thread.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('thread_state', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_thread_state_thread_id'), ['thread_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_thread_state_user_id'), ['user_id'], unique=False)

    op.create_table('reaction',
    sa.Column('post_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('post_id', 'user_id', 'kind')
    )
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply_to_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('mentions', sa.JSON(), nullable=False, server_default='[]'))

    with op.batch_alter_table('thread', schema=None) as batch_op:
        batch_op.add_column(sa.Column('category_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('pinned', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('locked', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_foreign_key('fk_thread_category_id', 'category', ['category_id'], ['id'])



    with op.batch_alter_table('outgoing_mail', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reply_to', sa.String(length=254), nullable=True))

    # Composite row ids such as "<post>:<user>" for reactions.
    with op.batch_alter_table('sync_row', schema=None) as batch_op:
        batch_op.alter_column('row_id', existing_type=sa.String(length=64), type_=sa.String(length=100),
                              existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_row', schema=None) as batch_op:
        batch_op.alter_column('row_id', existing_type=sa.String(length=100), type_=sa.String(length=64),
                              existing_nullable=False)

    with op.batch_alter_table('outgoing_mail', schema=None) as batch_op:
        batch_op.drop_column('reply_to')

    with op.batch_alter_table('thread', schema=None) as batch_op:
        batch_op.drop_constraint('fk_thread_category_id', type_='foreignkey')
        batch_op.drop_column('locked')
        batch_op.drop_column('pinned')
        batch_op.drop_column('category_id')

    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.drop_column('mentions')
        batch_op.drop_column('reply_to_id')

    op.drop_table('reaction')
    with op.batch_alter_table('thread_state', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_thread_state_user_id'))
        batch_op.drop_index(batch_op.f('ix_thread_state_thread_id'))

    op.drop_table('thread_state')
    with op.batch_alter_table('notification_pref', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_pref_user_id'))

    op.drop_table('notification_pref')
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_index('ix_notification_user_created')
        batch_op.drop_index(batch_op.f('ix_notification_emailed_at'))

    op.drop_table('notification')
    with op.batch_alter_table('category', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_category_network_id'))

    op.drop_table('category')
