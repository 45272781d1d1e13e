"""Both console scripts exit quietly when their reader goes away (`| head`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import DATA, fill_sample

from glossary.store import TermBase


def _run_into_closed_pipe(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first write
    try:
        return subprocess.run(
            [sys.executable, "-m", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    finally:
        os.close(write_end)


def test_glossary_list_into_closed_pipe(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    fill_sample(TermBase(str(db))).close()
    done = _run_into_closed_pipe(["glossary.cli", "list", "--db", str(db)])
    assert done.returncode == 141
    assert done.stderr == b""


def test_tm_export_into_closed_pipe(tmp_path: Path) -> None:
    db = tmp_path / "tm.db"
    imported = subprocess.run(
        [
            sys.executable,
            "-m",
            "tm.cli",
            "import",
            str(DATA / "tm" / "small.po"),
            "--db",
            str(db),
        ],
        capture_output=True,
    )
    assert imported.returncode == 0, imported.stderr
    done = _run_into_closed_pipe(
        ["tm.cli", "export", "--format", "csv", "-o", "-", "--db", str(db)]
    )
    assert done.returncode == 141
    assert done.stderr == b""
