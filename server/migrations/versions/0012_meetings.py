"""meetings: a network's meetings, the answers to them, attendance, and files under a meeting

A meeting keeps its times in UTC, its agenda, links and experts as JSON, and its check-in
code; attendance keeps the device time of the mark that holds (the last one wins) and the
coordinator's correction of the hours. An attachment may now hang under a meeting: one
parent of three (post, good practice, meeting).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa
import server.db

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

ONE_OF_THREE = ("(CASE WHEN post_id IS NULL THEN 0 ELSE 1 END + CASE WHEN resource_id IS NULL THEN 0 ELSE 1 END"
                " + CASE WHEN meeting_id IS NULL THEN 0 ELSE 1 END) = 1")
ONE_OF_TWO = "(post_id IS NULL) <> (resource_id IS NULL)"


def upgrade() -> None:
    op.create_table('meeting',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('agenda', sa.JSON(), nullable=False),
    sa.Column('links', sa.JSON(), nullable=False),
    sa.Column('online_url', sa.String(length=2000), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('expert_ids', sa.JSON(), nullable=False),
    sa.Column('code', sa.String(length=6), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.String(length=36), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('edited_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['user_account.id'], name='fk_meeting_created_by'),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name='fk_meeting_network_id'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index('ix_meeting_network_starts', ['network_id', 'starts_at'], unique=False)

    op.create_table('meeting_rsvp',
    sa.Column('id', sa.String(length=73), nullable=False),
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('answer', sa.String(length=8), nullable=False),
    sa.Column('at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name='fk_meeting_rsvp_meeting_id'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name='fk_meeting_rsvp_user_id'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meeting_rsvp', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_rsvp_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('attendance',
    sa.Column('id', sa.String(length=73), nullable=False),
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.Column('at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('checked_in', sa.Boolean(), nullable=False),
    sa.Column('hours_override', sa.Numeric(precision=4, scale=2), nullable=True),
    sa.Column('marked_by', sa.String(length=36), nullable=True),
    sa.Column('updated_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['marked_by'], ['user_account.id'], name='fk_attendance_marked_by'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name='fk_attendance_meeting_id'),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name='fk_attendance_network_id'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name='fk_attendance_user_id'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('meeting_id', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key('fk_attachment_meeting_id', 'meeting', ['meeting_id'], ['id'])
        batch_op.create_index('ix_attachment_meeting_id', ['meeting_id'], unique=False)
        batch_op.drop_constraint('ck_attachment_one_parent', type_='check')
        batch_op.create_check_constraint('ck_attachment_one_parent', sa.text(ONE_OF_THREE))


def downgrade() -> None:
    op.execute("DELETE FROM attachment WHERE meeting_id IS NOT NULL")  # files under meetings go with them
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_constraint('ck_attachment_one_parent', type_='check')
        batch_op.create_check_constraint('ck_attachment_one_parent', sa.text(ONE_OF_TWO))
        batch_op.drop_index('ix_attachment_meeting_id')
        batch_op.drop_constraint('fk_attachment_meeting_id', type_='foreignkey')
        batch_op.drop_column('meeting_id')

    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_user_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_meeting_id'))
    op.drop_table('attendance')
    with op.batch_alter_table('meeting_rsvp', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_rsvp_meeting_id'))
    op.drop_table('meeting_rsvp')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index('ix_meeting_network_starts')
    op.drop_table('meeting')
