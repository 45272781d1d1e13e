"""Which engine a ``--db`` value names: the one place that knows both.

A ``postgresql://`` (or ``postgres://``) URL is a term base on a PostgreSQL
server; anything else is an SQLite file (or ``:memory:``). psycopg is only
imported for a URL, so the SQLite engine works without it.
"""

from __future__ import annotations

from pathlib import Path

from glossary.errors import StoreError
from glossary.store.interface import TermStore

URL_SCHEMES = ("postgresql://", "postgres://")


def is_server(target: str | Path) -> bool:
    """Whether `target` names a database on a server rather than a file."""
    return str(target).startswith(URL_SCHEMES)


def open_store(
    target: str | Path,
    *,
    readonly: bool = False,
    existing: bool = False,
    user: str | None = None,
) -> TermStore:
    """Open the term base at `target`: a file path, ``:memory:`` or a URL.

    Args:
        target: where the term base is.
        readonly: open it without write access.
        existing: it must exist already (reading commands never create one).
        user: who makes the changes (default: the login name).

    Raises:
        StoreError: it cannot be opened, is not a term base, or (with
            `existing`) is not there.
    """
    if is_server(target):
        try:
            from glossary.store.postgresql import PostgresTermBase
        except ImportError as e:
            raise StoreError(
                "a postgresql:// term base needs psycopg: pip install 'glossary-vi[pg]'"
            ) from e
        if existing:
            return PostgresTermBase.open_existing(
                str(target), readonly=readonly, user=user
            )
        return PostgresTermBase(str(target), readonly=readonly, user=user)
    from glossary.store.sqlite import TermBase

    if existing:
        return TermBase.open_existing(target, readonly=readonly, user=user)
    return TermBase(target, readonly=readonly, user=user)


def problems(target: str | Path) -> list[str]:
    """What is wrong with the term base at `target` (`glossary db check`).

    Args:
        target: a file path or a ``postgresql://`` URL; it is only read.

    Returns:
        One line per problem; empty when it is sound.
    """
    if is_server(target):
        from glossary.store.postgresql.integrity import problems as on_server

        return on_server(str(target))
    from glossary.store.sqlite.integrity import problems as in_file

    return in_file(target)
