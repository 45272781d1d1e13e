"""glossary.outfile: regular files atomically, devices and FIFOs in place.

Device nodes are made in the test's own folder (never the machine's /dev:
tests run as root, and a bad export would replace the real node).
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path
from typing import IO

import pytest

from glossary.errors import ExportError
from glossary.outfile import write_output

NULL, FULL = os.makedev(1, 3), os.makedev(1, 7)


def _hello(out: IO[bytes]) -> None:
    out.write(b"hello\n")


def _node(tmp_path: Path, name: str, device: int) -> Path:
    path = tmp_path / name
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, device)
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


def test_new_and_existing_regular_files(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_output(target, _hello)
    assert target.read_bytes() == b"hello\n"
    target.chmod(0o600)
    write_output(target, lambda out: out.write(b"again\n"))
    assert target.read_bytes() == b"again\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # permissions kept


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "g.tbx"
    target.write_bytes(b"old content")

    def half_then_fail(out: IO[bytes]) -> None:
        out.write(b"<?xml half")
        raise ExportError("disk full (simulated)")

    with pytest.raises(ExportError):
        write_output(target, half_then_fail)
    assert target.read_bytes() == b"old content"
    assert [p.name for p in tmp_path.iterdir()] == ["g.tbx"]


def test_character_device_is_written_through_not_replaced(tmp_path: Path) -> None:
    null = _node(tmp_path, "null", NULL)
    write_output(null, _hello)
    assert stat.S_ISCHR(null.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


def test_full_device_is_one_error(tmp_path: Path) -> None:
    full = _node(tmp_path, "full", FULL)
    with pytest.raises(ExportError, match="No space left on device"):
        write_output(full, lambda out: out.write(b"x" * 100_000))
    assert stat.S_ISCHR(full.stat().st_mode)


def test_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, _hello)
    reader.join(timeout=10)
    assert got == [b"hello\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_output(link, _hello)
    assert link.is_symlink()
    assert real.read_bytes() == b"hello\n"


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a directory"):
        write_output(tmp_path, _hello)


def test_unsafe_file_name_is_quoted(tmp_path: Path) -> None:
    sneaky = tmp_path / "x\nglossary: error: fake"
    sneaky.mkdir()
    with pytest.raises(ExportError) as e:
        write_output(sneaky, _hello)
    assert "\n" not in str(e.value)
    assert "\\n" in str(e.value)
