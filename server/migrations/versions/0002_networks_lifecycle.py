"""networks lifecycle, profiles, mail queue, live connections

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Columns added to existing tables get server defaults so databases with rows upgrade.
"""
from alembic import op
import sqlalchemy as sa
import server.db


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('live_connection',
    sa.Column('sid', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('connected_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sid')
    )
    with op.batch_alter_table('live_connection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_live_connection_user_id'), ['user_id'], unique=False)

    op.create_table('outgoing_mail',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('to', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('html', sa.Text(), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('outgoing_mail', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outgoing_mail_sent_at'), ['sent_at'], unique=False)

    op.create_table('public_request',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('function', sa.String(length=24), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('used_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    op.create_table('invitation',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('expert_until', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('invited_by', sa.String(length=36), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('accepted_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['invited_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_network_id'), ['network_id'], unique=False)

    op.create_table('network_request',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('requester_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('justification', sa.Text(), nullable=False),
    sa.Column('recruitment', sa.String(length=16), nullable=False),
    sa.Column('expected_members', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('network_id', sa.String(length=36), nullable=True),
    sa.Column('decided_by', sa.String(length=36), nullable=True),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('decided_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['decided_by'], ['user_account.id'], ),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], ),
    sa.ForeignKeyConstraint(['requester_id'], ['user_account.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('network_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_request_requester_id'), ['requester_id'], unique=False)

    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expires_at', server.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('decided_at', server.db.UTCDateTime(timezone=True), nullable=True))

    with op.batch_alter_table('network', schema=None) as batch_op:
        batch_op.add_column(sa.Column('topic', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('school_year', sa.String(length=9), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('capacity', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('status', sa.String(length=16), nullable=False, server_default='active'))
        batch_op.add_column(sa.Column('previous_id', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key('fk_network_previous_id', 'network', ['previous_id'], ['id'])

    with op.batch_alter_table('poradnia', schema=None) as batch_op:
        batch_op.add_column(sa.Column('logo_url', sa.String(length=500), nullable=True))

    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rspo', sa.String(length=20), nullable=True))

    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('function', sa.String(length=24), nullable=False, server_default='teacher'))
        batch_op.add_column(sa.Column('subjects', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('is_admin', sa.Boolean(), nullable=False, server_default=sa.false()))




def downgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('is_admin')
        batch_op.drop_column('subjects')
        batch_op.drop_column('function')

    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_column('rspo')

    with op.batch_alter_table('poradnia', schema=None) as batch_op:
        batch_op.drop_column('logo_url')

    with op.batch_alter_table('network', schema=None) as batch_op:
        batch_op.drop_constraint('fk_network_previous_id', type_='foreignkey')
        batch_op.drop_column('previous_id')
        batch_op.drop_column('status')
        batch_op.drop_column('capacity')
        batch_op.drop_column('school_year')
        batch_op.drop_column('topic')

    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_column('decided_at')
        batch_op.drop_column('expires_at')

    with op.batch_alter_table('network_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_request_requester_id'))

    op.drop_table('network_request')
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitation_network_id'))

    op.drop_table('invitation')
    op.drop_table('public_request')
    with op.batch_alter_table('outgoing_mail', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outgoing_mail_sent_at'))

    op.drop_table('outgoing_mail')
    with op.batch_alter_table('live_connection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_live_connection_user_id'))

    op.drop_table('live_connection')

