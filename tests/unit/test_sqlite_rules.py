"""sync/sqlite.py on a bare SQLAlchemy engine (no server): a writer takes SQLite's write
lock when it begins, a transaction begun read-only never blocks or waits for one."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from sync.reading import begin_read_only
from sync.sqlite import use_transaction_rules

ROOT = Path(__file__).resolve().parents[2]


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


GEVENT_WRITERS = """
from gevent import monkey; monkey.patch_all()
import sys, time, gevent
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
from sync.sqlite import use_transaction_rules

engine = create_engine("sqlite:///" + sys.argv[1], connect_args={"timeout": 5})
use_transaction_rules(engine)
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE t (n INTEGER)"))
done = []

def write(n, pause):
    with Session(engine) as session:
        session.execute(text("INSERT INTO t VALUES (:n)"), {"n": n})
        gevent.sleep(pause)  # holding the write lock, waiting on the network (a mail server, say)
        session.commit()
        done.append(n)

start = time.monotonic()
gevent.joinall([gevent.spawn(write, 1, 0.3), gevent.spawn_later(0.05, write, 2, 0)], raise_error=True)
print(done, round(time.monotonic() - start, 2))
"""


def test_under_gevent_a_writer_waits_its_turn_and_lets_the_holder_commit(tmp_path):
    # SQLite's own busy wait would stop the whole process, the holder too, for 5 s, then fail.
    ran = subprocess.run([sys.executable, "-c", GEVENT_WRITERS, str(tmp_path / "gevent.db")],
                         capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert ran.returncode == 0, ran.stderr[-2000:]
    done, seconds = ran.stdout.rsplit(" ", 1)
    assert done == "[1, 2]" and float(seconds) < 3, ran.stdout
