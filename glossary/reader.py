"""Read build inputs: text files, directories (recursively) and stdin.

Decoding is strict: UTF-8 (with or without BOM) and UTF-16 with a BOM are
accepted; anything else, and anything that looks binary, is an `InputError`
naming the file, so a build never stores mojibake. All text leaves here NFC.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from glossary.errors import InputError, warn_input
from glossary.model import Document
from glossary.text import nfc, without_invisible

__all__ = [
    "STDIN",
    "TEXT_SUFFIXES",
    "Inputs",
    "KnownAs",
    "ReadResult",
    "decode",
    "read_inputs",
]

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
    inputs = Inputs(paths, stdin=stdin)
    documents = tuple(inputs)
    return ReadResult(documents, tuple(inputs.skipped), tuple(inputs.empty))


class Inputs:
    """`read_inputs` one document at a time: a build holds only the texts it
    is extracting, not the whole corpus.

    Iterate once; `skipped` and `empty` fill as the inputs are read.

    Attributes:
        sources: how many inputs the paths name (files found, ``-``).
        skipped: the inputs read so far that could not be (see `ReadResult`).
        empty: the empty inputs read so far.
    """

    def __init__(self, paths: Sequence[str], *, stdin: BinaryIO | None = None) -> None:
        self._sources = list(dict.fromkeys(_expand(paths)))
        self._stdin = stdin
        self.sources = len(self._sources)
        self.skipped: list[InputError] = []
        self.empty: list[str] = []

    def __iter__(self) -> Iterator[Document]:
        for source in self._sources:
            name = STDIN if source == STDIN else str(source)
            try:
                if isinstance(source, Path):
                    data = source.read_bytes()
                else:
                    data = (self._stdin or sys.stdin.buffer).read()
            except OSError as e:
                self.skipped.append(InputError(e.strerror or str(e), name))
                continue
            try:
                text = decode(data, name)
            except InputError as e:
                self.skipped.append(e)
                continue
            if not text.strip():
                self.empty.append(name)
                continue
            yield Document(path=name, text=text)


class KnownAs:
    """Documents under the names the term base knows them by, copies left out.

    A file found at a stored document's place keeps that document's name; a
    text already stored (or read earlier in this run) under another name is
    the same document, moved or copied.

    Attributes:
        copies: how many copies `documents` has left out so far.
    """

    def __init__(
        self, stored: dict[str, str], digest: Callable[[Document], str]
    ) -> None:
        """`stored` is the term base's documents (path → content hash, as
        `digest` gives it)."""
        self._by_place = {_place(p): p for p in stored}
        self._by_hash = {h: p for p, h in stored.items()}
        self._taken: set[str] = set()
        self._digest = digest
        self.copies = 0

    def documents(self, documents: Iterable[Document]) -> Iterator[Document]:
        """`documents` renamed, copies left out, one at a time."""
        for doc in documents:
            digest = self._digest(doc)
            name = (
                self._by_place.get(_place(doc.path))
                or self._by_hash.get(digest)
                or doc.path
            )
            if name in self._taken:
                self.copies += 1
                continue
            self._taken.add(name)
            self._by_hash.setdefault(digest, name)
            yield doc if name == doc.path else replace(doc, path=name)


def _place(path: str) -> str:
    return path if path == STDIN else os.path.realpath(path)
