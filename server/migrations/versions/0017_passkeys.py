"""passkeys: her WebAuthn credentials (public key, sign counter) and the ceremonies' challenges

A challenge is handed out with a ceremony's options and deleted when its answer comes (or when
it expires): each works once, for a few minutes.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa
import server.db

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('passkey',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('credential_id', sa.String(length=1400), nullable=False),
    sa.Column('public_key', sa.LargeBinary(), nullable=False),
    sa.Column('sign_count', sa.Integer(), nullable=False),
    sa.Column('transports', sa.JSON(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('created_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', server.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name='fk_passkey_user_id'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('credential_id', name='uq_passkey_credential_id')
    )
    with op.batch_alter_table('passkey', schema=None) as batch_op:
        batch_op.create_index('ix_passkey_user_id', ['user_id'], unique=False)

    op.create_table('webauthn_challenge',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('challenge', sa.String(length=64), nullable=False),
    sa.Column('purpose', sa.String(length=16), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('expires_at', server.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name='fk_webauthn_challenge_user_id'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('challenge', name='uq_webauthn_challenge_challenge')
    )
    with op.batch_alter_table('webauthn_challenge', schema=None) as batch_op:
        batch_op.create_index('ix_webauthn_challenge_expires_at', ['expires_at'], unique=False)


def downgrade() -> None:
    op.drop_table('webauthn_challenge')
    op.drop_table('passkey')
