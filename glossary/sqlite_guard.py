"""SQLite connections whose errors are `StoreError`s naming the file.

Both stores over SQLite, the term base (`glossary.store.sqlite`) and tm's
memory (`tm.store`), connect through `connect`, so that a locked or damaged
file is one line naming it wherever SQLite meets the error: opening,
writing, or reading rows. A broken constraint stays an
`sqlite3.IntegrityError`: the stores turn it into the error of what was
asked.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from glossary.errors import StoreError, shown_path

LOCKED = "the database is locked by another process; try again when it is done"


def store_error(e: sqlite3.DatabaseError, path: str, damaged: str) -> StoreError:
    """The one-line `StoreError` for an SQLite error on the file at `path`.

    Args:
        e: what SQLite raised.
        path: the database file.
        damaged: what to tell of a damaged file (what it is, what to run).
    """
    text = str(e)
    if "locked" in text or "busy" in text:
        what = LOCKED
    elif "malformed" in text or "not a database" in text or "corrupt" in text:
        what = damaged
    else:
        what = f"database error: {text}"
    return StoreError(f"{shown_path(path)}: {what}")


class GuardedCursor(sqlite3.Cursor):
    """A cursor whose SQLite errors, met while rows are read, are `StoreError`s."""

    connection: GuardedConnection

    def __next__(self) -> Any:
        try:
            return super().__next__()
        except sqlite3.IntegrityError:
            raise
        except sqlite3.DatabaseError as e:
            raise self.connection.error(e) from e

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.IntegrityError:
            raise
        except sqlite3.DatabaseError as e:
            raise self.connection.error(e) from e

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.IntegrityError:
            raise
        except sqlite3.DatabaseError as e:
            raise self.connection.error(e) from e


class GuardedConnection(sqlite3.Connection):
    """A connection whose SQLite errors are `StoreError`s naming the file."""

    path = ""
    damaged = "damaged database"

    def error(self, e: sqlite3.DatabaseError) -> StoreError:
        return store_error(e, self.path, self.damaged)

    def cursor(self, factory: Any = GuardedCursor) -> Any:
        return super().cursor(factory)

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        try:
            return super().execute(sql, parameters)
        except sqlite3.IntegrityError:
            raise
        except sqlite3.DatabaseError as e:
            raise self.error(e) from e

    def executemany(self, sql: str, parameters: Any, /) -> Any:
        try:
            return super().executemany(sql, parameters)
        except sqlite3.IntegrityError:
            raise
        except sqlite3.DatabaseError as e:
            raise self.error(e) from e


def connect(
    path: str, *, damaged: str, target: str | None = None, **options: Any
) -> GuardedConnection:
    """A guarded connection to the database file at `path`.

    Args:
        path: the file, as messages name it.
        damaged: what to tell of a damaged file.
        target: what `sqlite3.connect` opens, when not `path` (a URI).
        options: more arguments of `sqlite3.connect`.
    """
    conn = sqlite3.connect(
        path if target is None else target, factory=GuardedConnection, **options
    )
    conn.path, conn.damaged = path, damaged
    return conn
