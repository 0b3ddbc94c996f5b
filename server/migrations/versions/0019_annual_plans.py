"""annual work plans of networks: versions, goals, topics, tasks, approval

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa
import server.db

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('plan',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('approved_version', sa.Integer(), nullable=True),
    sa.Column('shared', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], name='fk_plan_created_by'),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name='fk_plan_network_id'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('network_id', 'school_year', name='uq_plan_network_year')
    )
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.create_index('ix_plan_network_id', ['network_id'], unique=False)

    op.create_table('plan_version',
    sa.Column('id', sa.String(length=48), nullable=False),
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('sections', sa.JSON(), nullable=False),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('edited_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('submitted_by', sa.String(length=36), nullable=True),
    sa.Column('submitted_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decided_by', sa.String(length=36), nullable=True),
    sa.Column('decided_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], name='fk_plan_version_created_by'),
    sa.ForeignKeyConstraint(['decided_by'], ['user_account.id'], name='fk_plan_version_decided_by'),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name='fk_plan_version_network_id'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name='fk_plan_version_plan_id'),
    sa.ForeignKeyConstraint(['submitted_by'], ['user_account.id'], name='fk_plan_version_submitted_by'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('plan_id', 'number', name='uq_plan_version_number')
    )
    with op.batch_alter_table('plan_version', schema=None) as batch_op:
        batch_op.create_index('ix_plan_version_plan_id', ['plan_id'], unique=False)

    op.create_table('plan_task',
    sa.Column('id', sa.String(length=48), nullable=False),
    sa.Column('key', sa.String(length=36), nullable=False),
    sa.Column('version_id', sa.String(length=48), nullable=False),
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('edited_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name='fk_plan_task_network_id'),
    sa.ForeignKeyConstraint(['owner_id'], ['user_account.id'], name='fk_plan_task_owner_id'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name='fk_plan_task_plan_id'),
    sa.ForeignKeyConstraint(['version_id'], ['plan_version.id'], name='fk_plan_task_version_id'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('plan_task', schema=None) as batch_op:
        batch_op.create_index('ix_plan_task_key', ['key'], unique=False)
        batch_op.create_index('ix_plan_task_version_id', ['version_id'], unique=False)

    op.create_table('plan_approver',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('allowed', sa.Boolean(), nullable=False),
    sa.Column('granted_by', sa.String(length=36), nullable=False),
    sa.Column('granted_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['granted_by'], ['user_account.id'], name='fk_plan_approver_granted_by'),
    sa.ForeignKeyConstraint(['id'], ['user_account.id'], name='fk_plan_approver_id'),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('plan_approver')
    with op.batch_alter_table('plan_task', schema=None) as batch_op:
        batch_op.drop_index('ix_plan_task_version_id')
        batch_op.drop_index('ix_plan_task_key')
    op.drop_table('plan_task')
    with op.batch_alter_table('plan_version', schema=None) as batch_op:
        batch_op.drop_index('ix_plan_version_plan_id')
    op.drop_table('plan_version')
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_index('ix_plan_network_id')
    op.drop_table('plan')
