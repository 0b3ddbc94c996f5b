"""sync/sqlite.py on a bare SQLAlchemy engine (no server): a writer takes SQLite's write
lock when it begins, a transaction begun read-only never blocks or waits for one."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from sync.reading import begin_read_only
from sync.sqlite import use_transaction_rules


@pytest.fixture
def database(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'rules.db'}", connect_args={"timeout": 0.2})
    use_transaction_rules(engine)
    raw = engine.raw_connection()  # outside any transaction, or SQLite keeps its journal mode
    raw.cursor().execute("PRAGMA journal_mode=WAL")
    raw.close()
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (n INTEGER)"))
        conn.execute(text("INSERT INTO t VALUES (1)"))
    yield engine
    engine.dispose()


def test_a_writer_holds_the_write_lock_from_its_begin(database):
    with Session(database) as first, Session(database) as second:
        first.execute(text("SELECT n FROM t")).all()  # only read so far, yet the lock is hers
        with pytest.raises(OperationalError, match="locked"):
            second.execute(text("SELECT n FROM t"))  # BEGIN IMMEDIATE waits, then gives up
        first.rollback()


def test_a_read_only_transaction_neither_blocks_nor_waits(database):
    with Session(database) as writer, Session(database) as reader:
        writer.execute(text("UPDATE t SET n = 2"))
        begin_read_only(reader)
        assert reader.execute(text("SELECT n FROM t")).scalar_one() == 1  # its snapshot, at once
        writer.commit()
        reader.rollback()
        with Session(database) as second_writer:
            begin_read_only(reader)
            reader.execute(text("SELECT n FROM t")).all()
            second_writer.execute(text("UPDATE t SET n = 3"))  # the reader holds nothing back
            second_writer.commit()
