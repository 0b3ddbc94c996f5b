"""search index

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26

search_doc holds the text; SQLite adds an FTS5 table keyed by its id, PostgreSQL a
tsvector column with a GIN index. The indexer reads the change log from its own
cursor (search_cursor), so existing rows are indexed on its first run.
"""
from alembic import op
import sqlalchemy as sa

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('search_doc',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('network_id', sa.String(length=36), nullable=False),
    sa.Column('thread_id', sa.String(length=36), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'row_id', name='uq_search_doc_kind_row_id')
    )
    op.create_index('ix_search_doc_network_id', 'search_doc', ['network_id'])
    op.create_table('search_cursor',
    sa.Column('scope', sa.String(length=80), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('scope')
    )
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize = 'unicode61')")
    else:
        op.execute("ALTER TABLE search_doc ADD COLUMN tsv tsvector")
        op.execute("CREATE INDEX ix_search_doc_tsv ON search_doc USING gin (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("DROP TABLE search_fts")
    op.drop_table('search_cursor')
    op.drop_index('ix_search_doc_network_id', table_name='search_doc')
    op.drop_table('search_doc')
