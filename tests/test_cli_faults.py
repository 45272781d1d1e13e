"""Faults of the environment, for both commands: each is one line and exit 2.

A full disk (a /dev/full-like node made in the test's folder), a closed
stdout, Ctrl-C during an import, a locked memory. Never a traceback.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import fill_sample

from glossary.cli import main as glossary_main
from glossary.store import TermBase
from tm import cli as tm_cli
from tm.model import Unit
from tm.store import MemoryStore

TM_DATA = Path(__file__).resolve().parent / "data" / "tm"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "g.db"
    with TermBase(path) as tb:
        fill_sample(tb)
    return path


def _full_node(tmp_path: Path) -> Path:
    path = tmp_path / "full"
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


def _run(*argv: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [
            sys.executable,
            "-c",
            "import sys; from glossary.cli import main; sys.exit(main())",
            *argv,
        ],
        stderr=subprocess.PIPE,
        check=False,
        **kwargs,
    )


def test_export_to_a_full_device_is_one_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full = _full_node(tmp_path)
    assert (
        glossary_main(["export", "--db", str(db), "-o", str(full), "--format", "json"])
        == 2
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "No space left on device" in err
    assert stat.S_ISCHR(full.stat().st_mode)


def test_stdout_on_a_full_device_is_one_line(db: Path, tmp_path: Path) -> None:
    full = _full_node(tmp_path)
    with full.open("wb") as out:
        done = _run("export", "--db", str(db), "--format", "json", stdout=out)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "glossary: error: No space left on device"
    ]


def test_closed_stdout_is_one_line(db: Path) -> None:
    done = subprocess.run(
        f"'{sys.executable}' -c 'import sys; from glossary.cli import main; "
        f"sys.exit(main())' export --db '{db}' --format csv >&-",
        shell=True,
        stderr=subprocess.PIPE,
        check=False,
    )
    assert done.returncode == 2
    assert len(done.stderr.decode().splitlines()) == 1
    assert b"Traceback" not in done.stderr


def test_ctrl_c_during_tm_import_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "tm.db"
    assert tm_cli.main(["import", str(TM_DATA / "good.tsv"), "--db", str(db)]) == 0
    with MemoryStore(db) as store:
        count = store.count()
    before = db.read_bytes()
    real = MemoryStore.add_units
    calls = []

    def interrupted(self: MemoryStore, units: list[Unit]) -> int:
        calls.append(1)
        if len(calls) == 2:  # the second file: the first must be rolled back too
            raise KeyboardInterrupt
        return real(self, units)

    monkeypatch.setattr(MemoryStore, "add_units", interrupted)
    capsys.readouterr()
    argv = ["import", str(TM_DATA / "good.tmx"), str(TM_DATA / "small.po")]
    assert tm_cli.main([*argv, "--db", str(db)]) == 130
    assert capsys.readouterr().err == "tm: interrupted; nothing written\n"
    monkeypatch.undo()
    with MemoryStore(db) as store:
        assert store.count() == count
    assert db.read_bytes() == before


def test_locked_memory_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "tm.db"
    assert tm_cli.main(["import", str(TM_DATA / "good.tsv"), "--db", str(db)]) == 0
    capsys.readouterr()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert tm_cli.main(["import", str(TM_DATA / "good.tmx"), "--db", str(db)]) == 2
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert err.startswith("tm: error: ")
    assert err.count("\n") == 1
    assert "locked" in err


def test_show_escapes_control_characters_and_refuses_huge_ids(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with TermBase(db) as tb:
        first = tb.concepts()[0]
        assert first.id is not None
        tb.update_concept(first.id, note="\x1b]0;owned\x07 line one\nline two")
    assert glossary_main(["show", "--db", str(db), str(first.id)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\\x1b]0;owned\\x07 line one\nline two" in out
    assert glossary_main(["show", "--db", str(db), "9" * 30]) == 2
    assert capsys.readouterr().err == f"glossary: error: no concept {'9' * 30}\n"


def test_a_locked_term_base_is_one_line_naming_it(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite waits busy_timeout for the lock; the test need not wait 5 s
    monkeypatch.setattr(
        "glossary.store.sqlite.connection.BUSY_TIMEOUT_MS", 50, raising=True
    )
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert glossary_main(["add", "Mekong Delta", "--db", str(db)]) == 2
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert capsys.readouterr().err == (
        f"glossary: error: {db}: the database is locked by another process; "
        "try again when it is done\n"
    )


def test_a_memory_damaged_under_its_rows_is_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "tm.db"
    assert tm_cli.main(["import", str(TM_DATA / "good.tmx"), "--db", str(db)]) == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    sql = "SELECT rootpage FROM sqlite_master WHERE name = 'units'"
    root = conn.execute(sql).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as f:  # the schema reads, the units' pages do not
        f.seek((root - 1) * size)
        f.write(b"\xff" * 208)
    capsys.readouterr()
    out = tmp_path / "out.tmx"
    assert tm_cli.main(["export", "-o", str(out), "--db", str(db)]) == 2
    assert capsys.readouterr().err == f"tm: error: {db}: damaged memory database\n"
    assert not out.exists()
