"""A term base and a memory on read-only media can be read by every reading command.

The media is a small tmpfs mounted read-only (needs root, as the tests run;
skipped otherwise). SQLite cannot make a WAL index beside a file there, so
the reading commands open it read-only and immutable.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA, fill_sample

from glossary import Glossary
from glossary.cli import main as glossary_main
from glossary.store import TermBase
from tm.cli import main as tm_main


def _mount(*args: str) -> bool:
    done = subprocess.run(["mount", *args], capture_output=True, check=False)
    return done.returncode == 0


@pytest.fixture
def media(tmp_path: Path) -> Iterator[Path]:
    """A folder holding g.db and tm.db, mounted read-only."""
    here = tmp_path / "media"
    here.mkdir()
    if os.geteuid() != 0 or not _mount(
        "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(here)
    ):
        pytest.skip("mounting a tmpfs needs root")
    try:
        with TermBase(here / "g.db") as tb:
            fill_sample(tb)
        assert (
            tm_main(
                ["import", str(DATA / "tm" / "good.tmx"), "--db", str(here / "tm.db")]
            )
            == 0
        )
        assert _mount("-o", "remount,ro", str(here))
        yield here
    finally:
        subprocess.run(["umount", "-l", str(here)], check=False)


def test_glossary_reading_commands(
    media: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(media / "g.db")
    text = tmp_path / "in.txt"
    text.write_text("Pham Minh Chinh met Anatoly Sivak.\n")
    runs = [
        ["list", "--db", db],
        ["show", "--db", db, "1"],
        ["stats", "--db", db],
        ["export", "--db", db, "-o", str(tmp_path / "out.tbx")],
        ["normalize", "--db", db, str(text)],
    ]
    for argv in runs:
        assert glossary_main(argv) == 0, (argv, capsys.readouterr().err)
    assert (tmp_path / "out.tbx").stat().st_size > 0
    assert sorted(p.name for p in media.iterdir()) == ["g.db", "tm.db"]


def test_library_opens_read_only(media: Path) -> None:
    g = Glossary.open(media / "g.db")
    assert g.normalize_name("Pham Minh Chinh") == "Phạm Minh Chính"


def test_tm_reading_commands(
    media: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(media / "tm.db")
    runs = [
        (["lookup", "Delete 12 files", "--db", db], (0, 1)),
        (["search", "ban", "--db", db], (0, 1)),
        (["export", "--db", db, "-o", str(tmp_path / "out.tmx")], (0,)),
    ]
    for argv, ok in runs:
        assert tm_main(argv) in ok, (argv, capsys.readouterr().err)
    assert "Traceback" not in capsys.readouterr().err


def test_writing_commands_say_read_only_in_one_line(
    media: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        glossary_main(["set-status", "1", "approved", "--db", str(media / "g.db")]) == 2
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "on read-only media: only reading commands" in err
