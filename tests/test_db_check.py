"""`glossary db check`, damaged files, and other programs' SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import DATA, fill_sample

from glossary.cli import main
from glossary.errors import StoreError
from glossary.review import Review
from glossary.store import TermBase, open_store, problems
from tm.cli import main as tm_main


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "g.db"
    with TermBase(path) as tb:
        fill_sample(tb)
    return path


def _damage(path: Path) -> None:
    """Overwrite the terms table's root page from its page-type byte on, so
    that SQLite itself finds the page malformed (bytes past the header alone
    may still decode, as garbage: see the test after)."""
    conn = sqlite3.connect(path)
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'terms'"
    ).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as f:
        f.seek((root - 1) * size)
        f.write(b"\xff" * 208)


def test_sound_file(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert problems(db) == []
    assert main(["db", "check", "--db", str(db)]) == 0
    assert capsys.readouterr().out == f"{db}: ok\n"


def test_damaged_file_is_reported_and_never_a_success(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _damage(db)
    before = db.read_bytes()
    assert main(["export", "--db", str(db), "--format", "json"]) == 2
    assert capsys.readouterr().err == (
        f"glossary: error: {db}: damaged term base, run `glossary db check`\n"
    )
    tbx = DATA / "tbx" / "lisa_ntig_2008.tbx"
    assert main(["import", "--db", str(db), str(tbx)]) == 2
    assert db.read_bytes() == before
    capsys.readouterr()
    assert main(["db", "check", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "malformed" in err
    assert "Traceback" not in err


def test_rows_that_decode_to_garbage_are_damage_not_a_traceback(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a damaged page SQLite does not notice can still yield values no field has
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE terms SET status = 'garbage' WHERE id = 1")
    conn.commit()
    conn.close()
    for command in (["export", "--format", "json"], ["show", "1"]):
        assert main([*command, "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert err == (
            f"glossary: error: {db}: damaged term base, run `glossary db check`\n"
        )


def test_another_programs_database_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="not a term base"):
        TermBase(other)
    assert tm_main(["import", str(DATA / "tm" / "good.tsv"), "--db", str(other)]) == 2
    assert "not a translation memory" in capsys.readouterr().err
    assert other.read_bytes() == before
    marked = tmp_path / "marked.db"
    conn = sqlite3.connect(marked)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="application_id 0x4d2"):
        TermBase(marked)


def test_term_base_and_memory_carry_their_application_ids(
    db: Path, tmp_path: Path
) -> None:
    memory = tmp_path / "tm.db"
    assert tm_main(["import", str(DATA / "tm" / "good.tsv"), "--db", str(memory)]) == 0
    ids = [
        sqlite3.connect(p).execute("PRAGMA application_id").fetchone()[0]
        for p in (db, memory)
    ]
    assert ids == [0x474C4F53, 0x544D5649]
    with pytest.raises(StoreError, match="not a term base"):
        TermBase(memory)  # a memory is not a term base, and the reverse


def test_reading_commands_create_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.db"
    for argv in (["export", "--format", "json"], ["stats"], ["db", "check"]):
        assert main([*argv, "--db", str(missing)]) == 2
    assert tm_main(["lookup", "x", "--db", str(missing)]) == 2
    assert not missing.exists()
    assert "Traceback" not in capsys.readouterr().err


# -- what the rows mean, on either engine ----------------------------------


def _raw(db: str, *statements: str) -> None:
    """Run SQL on the term base behind the store's back (constraints off)."""
    if db.startswith("postgresql://"):
        import psycopg

        options = "-c search_path=glossary -c session_replication_role=replica"
        with psycopg.connect(db, autocommit=True, options=options) as server:
            for sql in statements:
                server.execute(sql.encode())
        return
    conn = sqlite3.connect(db)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.fixture
def reviewed(durable_target: str) -> str:
    """A term base where reviewers approved, merged, split and undid."""
    with open_store(durable_target, user="ann") as tb:
        fill_sample(tb)
        review = Review(tb)
        hanoi, fta = tb.find("Hà Nội")[0].id, tb.find("FTA")[0].id
        assert hanoi is not None
        assert fta is not None
        review.approve(hanoi)
        review.merge(tb.find("Hưng Yên")[0].id or 0, hanoi)
        review.undo()
        sivak = tb.find("Sivak")[0]
        review.split(next(t.id for t in sivak.terms if t.text == "Sivak") or 0)
        review.reject(fta)
    return durable_target


def test_a_reviewed_term_base_is_sound(reviewed: str) -> None:
    assert problems(reviewed) == []


def test_a_version_4_log_is_indexed_as_its_decisions_wrote_it(reviewed: str) -> None:
    """Schema 5's index of the log's concepts, made from the payloads of a
    version 4 term base, holds what the store writes for the same decisions."""
    index = "SELECT concept_id, entry_id, version FROM review_log_concepts"
    with open_store(reviewed) as tb:
        written = sorted(tb._conn.execute(index).fetchall())  # type: ignore[attr-defined]
        reviewed_ids, history = tb.reviewed_concept_ids(), tb.history()
    assert len(written) > len(history)  # the merge names two, the undo several
    _raw(
        reviewed,
        "DROP TABLE review_log_concepts",
        "UPDATE schema_version SET version = 4",
    )
    with open_store(reviewed) as tb:
        assert sorted(tb._conn.execute(index).fetchall()) == written  # type: ignore[attr-defined]
        assert tb.reviewed_concept_ids() == reviewed_ids
        assert tb.history() == history
    assert problems(reviewed) == []


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (
            ["UPDATE terms SET concept_id = 999 WHERE id = 2"],
            ": 1 terms rows point at missing concepts (concept_id 999)",
        ),
        (
            ["UPDATE terms SET status = 'admitted' WHERE concept_id = 2"],
            ": 1 concepts have no preferred term (concept 2)",
        ),
        (
            ["UPDATE concepts SET version = 0 WHERE id = 3"],
            ": 1 concepts have gone back to an earlier version (concept 3)",
        ),
        (
            ["deleted by the store, unlogged"],
            ": 1 review log entries name concepts that are gone with no entry "
            "saying they were deleted (entry 5)",
        ),
        (
            ["DELETE FROM review_log_concepts WHERE entry_id = 2"],
            ": 1 review log entries are indexed under other concepts or versions "
            "than they name (entry 2): a build or undo would misread them",
        ),
    ],
    ids=["dangling", "no-preferred", "version-back", "gone-unsaid", "unindexed"],
)
def test_a_broken_copy_is_reported_line_by_line(
    reviewed: str,
    damage: list[str],
    problem: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if damage == ["deleted by the store, unlogged"]:
        with open_store(reviewed) as tb:
            tb.delete_concept(6)  # its terms go too, but the log says nothing
    else:
        _raw(reviewed, *damage)
    found = problems(reviewed)
    assert len(found) == 1, found
    assert found[0].endswith(problem)
    assert main(["db", "check", "--db", reviewed]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith(problem)
    assert len(err) == 2  # the problem, and what to do
