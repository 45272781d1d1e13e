"""The PostgreSQL engine on a real server: the same term base as SQLite's from
the same sources, the command line's --db URL, and its refusals.

The shared store and use-case tests run on both engines already (the
`termbase`, `sample_termbase` and `durable_target` fixtures); these are what
only a server shows. They skip without one: see `make test-pg`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import psycopg
import pytest
from conftest import SEEDS, concept_id, fill_sample

from glossary.cli import main
from glossary.errors import StoreError
from glossary.model import ConceptStatus
from glossary.review import Review
from glossary.store import open_store
from glossary.store.postgresql.schema import SCHEMA_VERSION

pytestmark = pytest.mark.pg


def _export(db: str, fmt: str, out: Path) -> bytes:
    assert main(["export", "--db", db, "--format", fmt, "-o", str(out)]) == 0
    return out.read_bytes()


def test_the_seeds_build_to_the_same_term_base_on_both_engines(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite = str(tmp_path / "g.db")
    for db in (sqlite, pg_url):
        assert main(["build", str(SEEDS), "--db", db, "-q"]) == 0
    built = capsys.readouterr().out.split("\n\n")
    for fmt in ("json", "tbx", "po", "csv"):
        here = _export(sqlite, fmt, tmp_path / f"s.{fmt}")
        there = _export(pg_url, fmt, tmp_path / f"p.{fmt}")
        assert here == there, fmt
    assert "concepts: " in built[0]


def test_review_commands_take_a_url(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(SEEDS), "--db", pg_url, "-q"]) == 0
    assert main(["set-status", "Phạm Minh Chính", "approved", "--db", pg_url]) == 0
    with open_store(pg_url, readonly=True, existing=True) as tb:
        (pm,) = [c for c in tb.find("Phạm Minh Chính") if c.kind == "person"]
        assert pm.status is ConceptStatus.APPROVED
        assert [e.action for e in tb.history()] == ["approve"]
    capsys.readouterr()
    assert main(["show", "Phạm Minh Chính", "--db", pg_url]) == 0
    assert "approved" in capsys.readouterr().out


def test_reading_commands_never_create_a_term_base(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--db", pg_url]) == 2
    assert "no term base here (run `glossary build` first)" in capsys.readouterr().err
    with psycopg.connect(pg_url) as conn:
        found = conn.execute(
            "SELECT 1 FROM information_schema.schemata WHERE schema_name = 'glossary'"
        ).fetchone()
    assert found is None


def test_another_programs_tables_are_refused(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA glossary")
        conn.execute("CREATE TABLE glossary.orders (id int)")
    with pytest.raises(StoreError, match="another program"):
        open_store(pg_url)


def test_an_unreachable_server_is_one_line_without_the_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://editor:s3cret@/team?host={tmp_path}"
    assert main(["list", "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith("glossary: error: postgresql://editor:***@/team")
    assert "cannot connect" in err
    assert "s3cret" not in err
    assert err.count("\n") == 1


def test_a_read_only_store_cannot_write(pg_url: str) -> None:
    with open_store(pg_url) as tb:
        tb.set_meta("k", "v")
    with open_store(pg_url, readonly=True) as tb:
        assert tb.meta("k") == "v"
        with pytest.raises(StoreError, match="read-only transaction"):
            tb.set_meta("k", "w")


def test_a_lost_connection_is_one_line_naming_the_database(pg_url: str) -> None:
    with open_store(pg_url) as tb:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid != pg_backend_pid()"
            )
        with pytest.raises(StoreError) as lost:
            tb.counts()
    assert str(lost.value).startswith("postgresql://")
    assert "\n" not in str(lost.value)


def test_db_check_reads_a_server_term_base(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "check", "--db", pg_url]) == 2
    assert "not a term base" in capsys.readouterr().err
    assert main(["build", str(SEEDS), "--db", pg_url, "-q"]) == 0
    assert main(["db", "check", "--db", pg_url]) == 0
    assert capsys.readouterr().out.endswith(": ok\n")


def _all_rows(db: str) -> dict[str, list[tuple[object, ...]]]:
    from glossary.store.copy import TABLES
    from glossary.store.tables.base import Tables

    with open_store(db, readonly=True, existing=True) as tb:
        assert isinstance(tb, Tables)
        return {table: list(tb._dump(table)) for table in TABLES}


def test_db_copy_round_trips_sqlite_through_postgresql(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, back = str(tmp_path / "first.db"), str(tmp_path / "back.db")
    assert main(["build", str(SEEDS), "--db", first, "-q"]) == 0
    assert main(["set-status", "Phạm Minh Chính", "approved", "--db", first]) == 0
    assert main(["db", "copy", first, pg_url]) == 0
    assert main(["db", "copy", pg_url, back]) == 0
    out = capsys.readouterr().out
    with open_store(first, readonly=True) as tb:
        assert f"copied {tb.counts()['concepts']} concepts" in out
    for fmt in ("json", "tbx", "po"):
        original = _export(first, fmt, tmp_path / f"a.{fmt}")
        assert _export(pg_url, fmt, tmp_path / f"b.{fmt}") == original, fmt
        assert _export(back, fmt, tmp_path / f"c.{fmt}") == original, fmt
    assert _all_rows(back) == _all_rows(first)
    # The cache came along: a build of the same sources extracts nothing.
    assert main(["build", str(SEEDS), "--db", pg_url, "-q"]) == 0
    assert "(0 processed, 5 unchanged)" in capsys.readouterr().out


def test_db_copy_refuses_a_target_that_holds_a_term_base(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = str(tmp_path / "first.db")
    assert main(["build", str(SEEDS), "--db", first, "-q"]) == 0
    assert main(["build", str(SEEDS), "--db", pg_url, "-q"]) == 0
    capsys.readouterr()
    assert main(["db", "copy", first, pg_url]) == 2
    assert "not empty" in capsys.readouterr().err


def test_a_version_3_term_base_on_a_server_gains_versions_and_who(
    pg_url: str,
) -> None:
    with open_store(pg_url) as tb:
        tb.set_meta("k", "v")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE glossary.concepts DROP COLUMN version")
        conn.execute("ALTER TABLE glossary.concepts DROP COLUMN changed_by")
        conn.execute("ALTER TABLE glossary.review_log DROP COLUMN who")
        conn.execute("DROP TABLE glossary.review_log_concepts")
        conn.execute("UPDATE glossary.schema_version SET version = 3")
    with open_store(pg_url, user="lan") as tb:
        assert tb.meta("k") == "v"
        tb.log("note", None)
        assert [e.who for e in tb.history()] == ["lan"]
    with psycopg.connect(pg_url) as conn:
        row = conn.execute("SELECT version FROM glossary.schema_version").fetchone()
    assert row == (SCHEMA_VERSION,)


class _RoundTrips:
    """Counts what psycopg sends and waits for: each statement outside a
    pipeline, each pipeline (and each ``executemany``) once."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count, self._depth = 0, 0
        for name in ("execute", "executemany"):
            original = getattr(psycopg.Cursor, name)
            monkeypatch.setattr(psycopg.Cursor, name, self._counted(original))
        pipeline = psycopg.Connection.pipeline
        monkeypatch.setattr(
            psycopg.Connection,
            "pipeline",
            lambda conn: self._counted_cm(pipeline(conn)),
        )

    def _counted(self, original: Any) -> Any:
        def counted(*args: Any, **kwargs: Any) -> Any:
            with self._counted_cm(nullcontext()):
                return original(*args, **kwargs)

        return counted

    @contextmanager
    def _counted_cm(self, inner: Any) -> Iterator[Any]:
        self.count += self._depth == 0
        self._depth += 1
        try:
            with inner as value:
                yield value
        finally:
            self._depth -= 1


def test_a_review_action_on_a_server_is_a_few_round_trips(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # begin and lock, the concept's rows before (its version checked there),
    # the change, its rows after, the log entry and its concepts, commit
    with open_store(pg_url) as tb:
        fill_sample(tb)
        review = Review(tb)
        hanoi, sivak = concept_id(tb, "Hà Nội"), concept_id(tb, "Sivak")
        review.look(hanoi)
        tb.snapshot([hanoi])  # the columns of concepts are read once a connection
        trips = _RoundTrips(monkeypatch)
        costs = {}
        actions: list[tuple[str, Callable[[], object]]] = [
            ("approve", lambda: review.approve(hanoi)),
            ("undo", review.undo),
            ("redo", review.redo),
            ("merge", lambda: review.merge(sivak, hanoi)),
        ]
        for name, action in actions:
            before = trips.count
            action()
            costs[name] = trips.count - before
        assert tb.concept(hanoi).status is ConceptStatus.APPROVED
    # each was a round trip per statement before: 22-23, a merge 44; an
    # undo or redo asks once more whether its concepts kept a preferred term
    assert costs == {"approve": 7, "undo": 9, "redo": 9, "merge": 19}
