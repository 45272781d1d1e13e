"""Which engine a memory's ``--db`` names, and what both engines provide.

A ``postgresql://`` (or ``postgres://``) URL is a memory on a PostgreSQL
server (`tm.pg_store`, imported only then); anything else is an SQLite
file (`tm.store`). The use cases (`tm.service`) take a `Memory`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol, Self

from glossary.errors import StoreError
from tm.match import Tokens
from tm.model import Unit

URL_SCHEMES = ("postgresql://", "postgres://")


class Memory(Protocol):
    """A translation memory, on either engine (see `tm.store.MemoryStore`)."""

    path: str
    readonly: bool

    def close(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None: ...
    def transaction(self) -> AbstractContextManager[None]: ...
    def add_units(self, units: Iterable[Unit]) -> int: ...
    def count(self) -> int: ...
    def units(self, ids: Sequence[int] | None = None) -> Iterator[Unit]: ...
    def sources(self, ids: Sequence[int]) -> list[tuple[int, str]]: ...
    def scoring_rows(self) -> Iterator[tuple[int, str, str | None]]: ...
    def scoring_tokens(self, ids: Sequence[int]) -> dict[int, tuple[str, Tokens]]: ...
    def same_folded_source(self, source: str) -> list[Unit]: ...
    def doc_freqs(self, words: Sequence[str]) -> dict[str, int]: ...
    def vocabulary(self) -> dict[str, int]: ...
    def ids_with_all(
        self, groups: Sequence[Sequence[str]], limit: int
    ) -> list[int]: ...
    def ids_ranked(self, words: Sequence[str], limit: int) -> list[int]: ...
    def concordance(
        self, words: Sequence[str], *, target: bool = False, limit: int = 50
    ) -> list[Unit]: ...


def is_server(target: str | Path) -> bool:
    """Whether `target` names a memory on a server rather than a file."""
    return str(target).startswith(URL_SCHEMES)


def open_memory(target: str | Path, *, readonly: bool = False) -> Memory:
    """Open the memory at `target`: a file, ":memory:" or a postgresql:// URL.

    Args:
        readonly: only read it: a memory file must exist (none is created).

    Raises:
        StoreError: it cannot be opened, is not a memory, or (`readonly`) there
            is no such file.
    """
    local = str(target) != ":memory:" and not is_server(target)
    if readonly and local and not Path(target).is_file():
        raise StoreError(f"{target}: no such memory (create it with `tm import`)")
    if is_server(target):
        try:
            from tm.pg_store import PostgresMemory
        except ImportError as e:
            raise StoreError(
                "a postgresql:// memory needs psycopg: pip install 'glossary-vi[pg]'"
            ) from e
        return PostgresMemory(str(target), readonly=readonly)
    from tm.store import MemoryStore

    return MemoryStore(target, readonly=readonly)
