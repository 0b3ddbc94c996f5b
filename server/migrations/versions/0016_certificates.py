"""certificates of taking part in a network: what each says, kept as issued; its number and code

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa
import server.db

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('certificate',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('school_year', sa.String(length=9), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('school', sa.String(length=330), nullable=False),
    sa.Column('network_name', sa.String(length=200), nullable=False),
    sa.Column('coordinator', sa.String(length=250), nullable=False),
    sa.Column('meetings', sa.JSON(), nullable=False),
    sa.Column('hours', sa.Numeric(precision=6, scale=2), nullable=False),
    sa.Column('issued_by', sa.String(length=36), nullable=False),
    sa.Column('issued_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_by', sa.String(length=36), nullable=True),
    sa.Column('revoked_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['issued_by'], ['user_account.id'], name='fk_certificate_issued_by'),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name='fk_certificate_network_id'),
    sa.ForeignKeyConstraint(['revoked_by'], ['user_account.id'], name='fk_certificate_revoked_by'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name='fk_certificate_user_id'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code', name='uq_certificate_code'),
    sa.UniqueConstraint('school_year', 'seq', name='uq_certificate_year_seq')
    )
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.create_index('ix_certificate_holder', ['network_id', 'school_year', 'user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_certificate_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificate_user_id'))
        batch_op.drop_index('ix_certificate_holder')
    op.drop_table('certificate')
