"""Alembic environment: Krąg's tables and the sync engine's, one schema."""
from alembic import context

from server.db import make_engine
from server.models import metadata

config = context.config


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Search's FTS5 tables and tsvector column are made by hand in 0006: not SQLAlchemy's."""
    if type_ == "table" and name.startswith("search_fts"):
        return False
    return not (type_ == "column" and name == "tsv")


def run_migrations_online() -> None:
    engine = make_engine(config.attributes["database_url"])
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # SQLite alters a table by copying it and dropping the old one, which its
            # foreign keys forbid for a table others refer to. Off for the migration
            # (outside any transaction, or SQLite ignores it), checked when it is done.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=sqlite,
            compare_type=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise RuntimeError(f"the migration leaves rows whose references are missing: {broken[:5]}")
    engine.dispose()


run_migrations_online()
