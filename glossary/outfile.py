"""Writing an output file: atomically for files, in place for devices and pipes.

A regular file (or a new one) is written to a temporary file beside it and
renamed over it, so a failed write leaves the old content. Renaming over a
character device or a FIFO would replace it with a regular file, so those
(`-o /dev/stdout`, `-o fifo`) are opened and written in place. A symlink is
followed: its target is written and the link stays. A directory is refused.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from glossary.errors import ExportError, shown_path

Writer = Callable[[BinaryIO], object]


def write_output(path: str | Path, write: Writer) -> None:
    """Call `write` on a binary stream that ends up as the content of `path`.

    Raises:
        ExportError: `path` is a directory, cannot be written, or the write
            failed (a full disk); a regular file keeps its old content.
    """
    name = shown_path(str(path))
    target = Path(os.path.realpath(path))
    try:
        mode: int | None = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as e:
        raise ExportError(f"{name}: cannot write here ({e.strerror})") from e
    if mode is not None and stat.S_ISDIR(mode):
        raise ExportError(f"{name}: is a directory")
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(target, name, write)
    else:
        _write_replacing(target, name, write, mode)


def stdout_binary() -> BinaryIO:
    """The binary stream under stdout.

    Raises:
        ExportError: stdout is closed (``>&-``).
    """
    if sys.stdout is None:
        raise ExportError("stdout is closed")
    return sys.stdout.buffer


def _write_in_place(target: Path, name: str, write: Writer) -> None:
    try:
        with target.open("wb") as out:
            write(out)
    except OSError as e:
        raise ExportError(f"{name}: write failed ({e.strerror})") from e


def _write_replacing(target: Path, name: str, write: Writer, mode: int | None) -> None:
    try:
        fd, tmp = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as e:
        raise ExportError(f"{name}: cannot write here ({e.strerror})") from e
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        if mode is None:  # a new file gets the umask's permissions, as open() would
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, stat.S_IMODE(mode))
        os.replace(tmp, target)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise ExportError(f"{name}: write failed ({e.strerror})") from e
        raise
