"""surveys: a network's surveys, the responses, and the markers that she answered

An anonymous survey's responses have no user_id and no time: only the SHA-256 of a key her
device made, so that she can change them; survey_answered says who answered, never what.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa
import server.db

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('survey',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('opens_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closes_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('questions', sa.JSON(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('edited_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], name='fk_survey_created_by'),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name='fk_survey_network_id'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.create_index('ix_survey_network_id', ['network_id'], unique=False)

    op.create_table('survey_response',
    sa.Column('id', sa.String(length=73), nullable=False),
    sa.Column('survey_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('key_hash', sa.String(length=64), nullable=True),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name='fk_survey_response_survey_id'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name='fk_survey_response_user_id'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('survey_id', 'key_hash', name='uq_survey_response_key'),
    sa.UniqueConstraint('survey_id', 'user_id', name='uq_survey_response_user')
    )
    with op.batch_alter_table('survey_response', schema=None) as batch_op:
        batch_op.create_index('ix_survey_response_survey_id', ['survey_id'], unique=False)

    op.create_table('survey_answered',
    sa.Column('id', sa.String(length=73), nullable=False),
    sa.Column('survey_id', sa.String(length=36), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name='fk_survey_answered_network_id'),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name='fk_survey_answered_survey_id'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name='fk_survey_answered_user_id'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('survey_answered', schema=None) as batch_op:
        batch_op.create_index('ix_survey_answered_survey_id', ['survey_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('survey_answered', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_answered_survey_id')
    op.drop_table('survey_answered')
    with op.batch_alter_table('survey_response', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_response_survey_id')
    op.drop_table('survey_response')
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_network_id')
    op.drop_table('survey')
