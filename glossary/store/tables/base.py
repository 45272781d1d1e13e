"""What the table classes need of an engine: one connection and a few hooks.

The table classes (`concepts`, `terms`, `occurrences`, `review_log`, `bulk`)
speak the SQL that SQLite and PostgreSQL share, with ``?`` placeholders.
Each engine's connection class (`glossary.store.sqlite.connection`,
`glossary.store.postgresql.connection`) subclasses `Tables` and fills in
what differs: transactions, a parameter standing for a list of ids or
texts, string aggregation, dropping indexes around a bulk load, a table's
columns, and which driver errors mean a broken constraint.
"""

from __future__ import annotations

import getpass
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol, Self

from glossary.errors import StoreError, shown_path

DAMAGED = "damaged term base, run `glossary db check`"


class Cursor(Protocol):
    """The part of a DB-API cursor the tables use."""

    @property
    def rowcount(self) -> int: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of a DB-API connection the tables use (``?`` placeholders)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...
    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...
    def close(self) -> None: ...


class Tables:
    """Base of the table classes: the connection and the engine's hooks."""

    path: str
    readonly: bool
    user: str  # who makes the changes: the review log and `changed_by` say so
    _conn: Connection
    # Violations of a UNIQUE or foreign key constraint, as the driver raises them.
    _integrity_errors: tuple[type[Exception], ...] = ()

    def shown(self) -> str:
        """The term base as a message names it (no password in it)."""
        return shown_path(self.path)

    _depth = 0  # open transaction() bodies; the outermost begins and ends
    # concepts marked changed in the open transaction: one new version each
    _touched: set[int] | None = None  # None: outside a transaction

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the body in one transaction; nested calls join the outer one."""
        if self._depth == 0:
            self._begin()
            self._touched = set()
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._touched = None
                self._conn.execute("ROLLBACK")
            raise
        self._depth -= 1
        if self._depth == 0:
            self._touched = None
            self._conn.execute("COMMIT")

    def _begin(self) -> None:
        """Open a transaction (the engine's way of taking the write lock)."""
        raise NotImplementedError

    # Opens a transaction that reads one consistent state and takes no lock.
    _BEGIN_READING = "BEGIN"

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Run several reads against one state of the term base.

        Outside a transaction each statement would see the latest commit, so a
        concept's row and its terms could come from two different writers.
        Inside one (a review action) the open transaction already does this.
        """
        if self._depth:
            yield
            return
        self._conn.execute(self._BEGIN_READING)
        try:
            yield
        finally:
            self._conn.execute("COMMIT")

    def _in_ids(self) -> str:
        """A subquery over one parameter made by `_ids`: ``x IN <this>``."""
        raise NotImplementedError

    def _ids(self, ids: Iterable[int]) -> Any:
        """The one parameter standing for `ids` in `_in_ids`: no limit on how many."""
        raise NotImplementedError

    def _in_texts(self) -> str:
        """A subquery over one parameter made by `_texts`."""
        raise NotImplementedError

    def _texts(self, texts: Sequence[str]) -> Any:
        raise NotImplementedError

    def _joined(self, column: str) -> str:
        """An aggregate joining `column` of a group with spaces."""
        raise NotImplementedError

    def _indexes_dropped(self, table: str) -> AbstractContextManager[None]:
        """Run the body without the indexes of `table`, then make them again."""
        raise NotImplementedError

    def _columns(self, table: str) -> list[str]:
        """The column names of `table`, in order (as ``SELECT *`` gives them).

        Asked once per table and connection: the schema changes only when
        a term base is opened (migrated).
        """
        known: dict[str, list[str]] = self.__dict__.setdefault("_column_names", {})
        if table not in known:
            known[table] = self._read_columns(table)
        return known[table]

    def _read_columns(self, table: str) -> list[str]:
        """The engine's answer to `_columns`."""
        raise NotImplementedError

    def _dump(self, table: str) -> Iterator[tuple[Any, ...]]:
        """Every row of `table` as stored, by its first column (`glossary db copy`)."""
        first = self._columns(table)[0]
        for row in self._conn.execute(f'SELECT * FROM {table} ORDER BY "{first}"'):
            yield tuple(row)

    def _load(self, table: str, rows: Iterable[tuple[Any, ...]]) -> int:
        """Insert whole rows (as `_dump` gives them) into `table`; how many."""
        marks = ",".join("?" * len(self._columns(table)))
        batch: list[tuple[Any, ...]] = []
        count = 0
        for row in rows:
            batch.append(row)
            if len(batch) == 5000:
                self._conn.executemany(f"INSERT INTO {table} VALUES ({marks})", batch)
                count, batch = count + len(batch), []
        self._conn.executemany(f"INSERT INTO {table} VALUES ({marks})", batch)
        return count + len(batch)

    def _select_each(
        self, queries: Sequence[tuple[str, Any]]
    ) -> list[list[tuple[Any, ...]]]:
        """The rows of each of several (sql, parameters) queries, in order (a
        server engine sends them at once: one round trip)."""
        return [
            [tuple(r) for r in self._conn.execute(sql, params)]
            for sql, params in queries
        ]

    def _after_load(self) -> None:
        """What an engine does after rows came in with their ids (counters)."""

    def _delete_ids(self, table: str, ids: Iterable[int]) -> None:
        # `table` is one of the store's names, never user input
        with self.transaction():
            self._conn.execute(
                f"DELETE FROM {table} WHERE id IN {self._in_ids()}", (self._ids(ids),)
            )

    def _touch(self, concept_id: int) -> None:
        """Mark a concept changed: its time, one more version, by this user.

        Once per transaction: an action is one change however many rows it
        writes (a merge moves each term), and each is a statement on a server.
        """
        if not self._first_touch(concept_id):
            return
        self._conn.execute(
            "UPDATE concepts SET updated = ?, version = version + 1, changed_by = ? "
            "WHERE id = ?",
            (time.time(), self.user, concept_id),
        )

    def _first_touch(self, concept_id: int) -> bool:
        """Whether `_touch` should count this change (the first in the open
        transaction, or outside one); it is then counted as done."""
        if self._touched is None:
            return True
        if concept_id in self._touched:
            return False
        self._touched.add(concept_id)
        return True

    def _next_id(self, table: str) -> int:
        """A new concept's or term's id, never given before (see `next_id`)."""
        given = next_id(self._conn, table)
        mark_given(self._conn, table, given)
        return given


def storable_id(number: int) -> bool:
    """True if `number` fits a 64-bit id: beyond, no engine can even compare
    it, so no row has it."""
    return -(2**63) <= number < 2**63


def login_name() -> str:
    """The user's login name (who changes the term base when no --user says)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in this environment
        return "unknown"


def first_free_id(conn: Connection, table: str) -> int:
    """One past the largest id of `table`: the id SQLite gives a new row."""
    return int(
        conn.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0]
    )


def next_id(conn: Connection, table: str) -> int:
    """The next id of concepts or terms: one past the largest ever given.

    Both engines number them so (the same calls give the same ids on
    either), and never give a deleted one's id again: the review log, a
    reviewer's seen versions and undo steps name them, and a new concept
    under an old id would be taken for the old one. The largest id given
    is kept in `meta`, under _ID_MARK + table (none: the largest there).
    """
    row = conn.execute(
        "SELECT value FROM meta WHERE key = ?", (_ID_MARK + table,)
    ).fetchone()
    return max(first_free_id(conn, table), int(row[0]) + 1 if row else 1)


def mark_given(conn: Connection, table: str, last: int) -> None:
    """Record that ids of `table` up to `last` have been given."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
        "DO UPDATE SET value = excluded.value",
        (_ID_MARK + table, str(last)),
    )


_ID_MARK = "last id given:"


@contextmanager
def decoding_rows(where: str) -> Iterator[None]:
    """Rows that do not decode (a status no enum has, NULL where the schema
    allows none) come from damaged pages the engine did not notice: say so,
    naming the term base (`where`, as `Tables.shown` gives it)."""
    try:
        yield
    except (ValueError, TypeError, KeyError) as e:
        raise StoreError(f"{where}: {DAMAGED}") from e
