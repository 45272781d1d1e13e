"""Read build inputs: text files, directories (recursively) and stdin.

Decoding is strict: UTF-8 (with or without BOM) and UTF-16 with a BOM are
accepted; anything else, and anything that looks binary, is an `InputError`
naming the file, so a build never stores mojibake. All text leaves here NFC.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from glossary.errors import InputError, warn_input
from glossary.model import Document
from glossary.text import nfc, without_invisible

__all__ = ["STDIN", "TEXT_SUFFIXES", "ReadResult", "decode", "read_inputs"]

STDIN = "-"
TEXT_SUFFIXES = frozenset({".txt", ".md"})


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What `read_inputs` found: documents to build, and why others were skipped."""

    documents: tuple[Document, ...]
    skipped: tuple[InputError, ...] = ()  # unreadable files: the build exits non-zero
    empty: tuple[str, ...] = ()  # empty files: a warning only


def decode(data: bytes, path: str) -> str:
    """Decode file content, accepting UTF-8, UTF-8 with BOM and UTF-16 with BOM.

    Args:
        data: the raw bytes of one input.
        path: the name to report in errors.

    Returns:
        The text, NFC-normalized, without BOM; line endings normalized to ``\\n``.

    Raises:
        InputError: the bytes are binary or in another encoding.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"invalid UTF-16 ({e.reason})", path) from e
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            if b"\x00" in data[:4096]:
                raise InputError("binary file, not text", path) from e
            line = data[: e.start].count(b"\n") + 1
            raise InputError(
                "not UTF-8 text (accepted: UTF-8, UTF-8 with BOM, UTF-16 with BOM)",
                path,
                line,
            ) from e
    if "\x00" in text:
        raise InputError("binary file, not text", path)
    visible = without_invisible(text)
    if len(visible) != len(text):
        warn_input(
            f"removed {len(text) - len(visible)} zero-width or bidi control "
            "character(s), which would split names",
            path,
        )
    return nfc(visible.replace("\r\n", "\n").replace("\r", "\n"))


def _expand(paths: Sequence[str]) -> Iterator[str | Path]:
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            yield path


def read_inputs(paths: Sequence[str], *, stdin: BinaryIO | None = None) -> ReadResult:
    """Read every input path; directories are searched for .txt and .md files.

    Args:
        paths: files, directories, or ``-`` for standard input.
        stdin: the stream behind ``-`` (default: ``sys.stdin.buffer``).

    Returns:
        The decoded documents in input order, and the inputs that were skipped.
    """
    documents: list[Document] = []
    skipped: list[InputError] = []
    empty: list[str] = []
    seen: set[str] = set()
    for source in _expand(paths):
        name = STDIN if source == STDIN else str(source)
        if name in seen:
            continue
        seen.add(name)
        try:
            if isinstance(source, Path):
                data = source.read_bytes()
            else:
                data = (stdin or sys.stdin.buffer).read()
        except OSError as e:
            skipped.append(InputError(e.strerror or str(e), name))
            continue
        try:
            text = decode(data, name)
        except InputError as e:
            skipped.append(e)
            continue
        if not text.strip():
            empty.append(name)
            continue
        documents.append(Document(path=name, text=text))
    return ReadResult(tuple(documents), tuple(skipped), tuple(empty))
