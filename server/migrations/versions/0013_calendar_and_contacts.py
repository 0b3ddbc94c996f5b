"""calendar feeds, shared e-mail addresses, meeting reminders sent, letters with attachments

A person's private calendar feed is reached by a secret token (made and replaced by
`calendar.reset`); she may let her networks see her e-mail address (share_email). Each
reminder sent is remembered by (meeting, person, start), so a moved meeting gets a new one
and an hourly `krag meetings-remind` never repeats itself. A queued letter may carry files
(a meeting's .ics).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa
import server.db

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('calendar_token', sa.String(length=43), nullable=True))
        batch_op.add_column(sa.Column('share_email', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_unique_constraint('uq_user_account_calendar_token', ['calendar_token'])

    op.create_table('meeting_reminder',
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('starts_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name='fk_meeting_reminder_meeting_id'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name='fk_meeting_reminder_user_id'),
    sa.PrimaryKeyConstraint('meeting_id', 'user_id', 'starts_at')
    )

    with op.batch_alter_table('outgoing_mail', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attachments', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outgoing_mail', schema=None) as batch_op:
        batch_op.drop_column('attachments')
    op.drop_table('meeting_reminder')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_constraint('uq_user_account_calendar_token', type_='unique')
        batch_op.drop_column('share_email')
        batch_op.drop_column('calendar_token')
