"""A writer kept waiting by another's write: never silent, never for ever.

SQLite waits busy_timeout, then one "locked" line; PostgreSQL waits in
bounded steps, saying after each whom it waits for, then the same kind of
line. Either way nothing is written and no traceback is shown. The load test
(tests/test_load.py) meets both paths under load.
"""

from __future__ import annotations

import pytest
from conftest import fill_sample

from glossary.cli import main
from glossary.store import open_store

pytestmark = pytest.mark.pg


def _add_while_bob_writes(pg_url: str) -> int:
    """`glossary add`'s exit status while "glossary bob" holds the write lock."""
    import psycopg

    from glossary.store.postgresql import connection

    holder = psycopg.connect(pg_url, autocommit=True, application_name="glossary bob")
    holder.execute("BEGIN")
    holder.execute("SELECT pg_advisory_xact_lock(%s)", (connection.WRITE_LOCK,))
    try:
        return main(["add", "Mekong Delta", "--db", pg_url])
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_writer_kept_waiting_on_postgresql_says_so_then_gives_up(
    pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from glossary.store.postgresql import connection

    monkeypatch.setattr(connection, "LOCK_WAIT_MS", 100)
    monkeypatch.setattr(connection, "LOCK_WAITS", 3)
    with open_store(pg_url, user="ann") as tb:
        fill_sample(tb)
        before = tb.counts()
    assert _add_while_bob_writes(pg_url) == 2
    lines = capsys.readouterr().err.splitlines()
    waiting = f"glossary: warning: {pg_url}: waiting for glossary bob (writing since "
    assert [line.startswith(waiting) for line in lines] == [True, True, False]
    assert lines[-1].startswith(
        f"glossary: error: {pg_url}: the term base is locked by glossary bob "
    )
    assert lines[-1].endswith("; try again when it is done")
    with open_store(pg_url) as tb:
        assert tb.counts() == before
    assert main(["add", "Mekong Delta", "--db", pg_url]) == 0  # free again


def test_a_writer_whose_server_goes_away_while_it_waits_gets_one_line(
    pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server lost between two waits (a crash, a restart): the asking of
    who holds the lock fails like any lost connection, one line, exit 2."""
    from glossary.store.postgresql import connection

    monkeypatch.setattr(connection, "LOCK_WAIT_MS", 100)
    # the waiting writer's own session ended as it asks whom it waits for
    monkeypatch.setattr(
        connection, "_HOLDER", "SELECT pg_terminate_backend(pg_backend_pid()), %s"
    )
    with open_store(pg_url, user="ann") as tb:
        fill_sample(tb)
        before = tb.counts()
    assert _add_while_bob_writes(pg_url) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"glossary: error: {pg_url}: "), lines
    with open_store(pg_url) as tb:
        assert tb.counts() == before
