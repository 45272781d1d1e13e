"""The PostgreSQL engine's connection: opening, transactions, migrations.

`PostgresConnection` fills in the hooks of `glossary.store.tables.base.Tables`
for PostgreSQL (psycopg 3). Writers take one advisory lock for the length of
their transaction, so writes are serialised as on SQLite (a build and
several reviewers never deadlock, and ids given as one past the largest
cannot collide) while readers never wait.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Self

import psycopg

from glossary import pg_guard
from glossary.errors import BusyWarning, StoreError
from glossary.pg_guard import USER_ERRORS, shown_url, store_error
from glossary.store.postgresql.schema import (
    BASE_VERSION,
    IDENTITY_TABLES,
    MIGRATIONS,
    NAMESPACE,
    SCHEMA,
    SCHEMA_VERSION,
)
from glossary.store.tables.base import Cursor, Tables, login_name

# pg_advisory_xact_lock key of a term base's writers: "GLOS", as SQLite's
# application id. A memory (tm) has its own.
WRITE_LOCK = 0x474C4F53


@lru_cache(maxsize=512)
def _pg_sql(sql: str) -> str:
    """The store's SQL with psycopg's placeholders (``?`` becomes ``%s``)."""
    return sql.replace("%", "%%").replace("?", "%s")


class QmarkConnection:
    """A psycopg connection taking the ``?`` placeholders the tables write.

    Raises StoreError for what a user can cause (`pg_guard.USER_ERRORS`);
    anything else (a broken constraint the caller handles, a bug) passes through.
    """

    def __init__(self, conn: psycopg.Connection[tuple[Any, ...]], url: str) -> None:
        self.raw = conn
        self._url = url

    def execute(self, sql: str, parameters: Any = (), /) -> Cursor:
        with self._reported():
            return self.raw.execute(_pg_sql(sql), tuple(parameters))

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor:
        with self._reported():
            cur = self.raw.cursor()
            cur.executemany(_pg_sql(sql), parameters)
            return cur

    def select_each(
        self, queries: Sequence[tuple[str, Any]]
    ) -> list[list[tuple[Any, ...]]]:
        """The rows of each query, all sent in one pipeline (one round trip)."""
        with self._reported(), self.raw.pipeline():
            cursors = [
                self.raw.execute(_pg_sql(sql), tuple(params)) for sql, params in queries
            ]
            return [[tuple(r) for r in c.fetchall()] for c in cursors]

    @contextmanager
    def _reported(self) -> Iterator[None]:
        try:
            yield
        except USER_ERRORS as e:
            raise store_error(self._url, e) from e

    def close(self) -> None:
        self.raw.close()


def connect(
    url: str, *, namespace: str, readonly: bool, name: str = ""
) -> QmarkConnection:
    """`pg_guard.connect`'s connection, taking the tables' ``?`` placeholders."""
    return QmarkConnection(
        pg_guard.connect(url, namespace=namespace, readonly=readonly, name=name), url
    )


# A writer waits for the write lock this long at a time, saying so after each
# wait (`BusyWarning`), and gives up after LOCK_WAITS of them with the
# "locked" StoreError: no wait is silent, none lasts (a build's storing of
# 10 MB holds the lock for about half a minute on a loaded machine).
LOCK_WAIT_MS = 5000
LOCK_WAITS = 12

_BEGIN_WRITING = (
    f"BEGIN; SET LOCAL lock_timeout = {LOCK_WAIT_MS}; "
    f"SELECT pg_advisory_xact_lock({WRITE_LOCK})"
)

# Who holds a term base's write lock: the application_name and start of the
# transaction holding the advisory lock (a bigint key: classid = high 32
# bits, objid = low 32 bits, objsubid 1).
_HOLDER = (
    "SELECT a.application_name, EXTRACT(EPOCH FROM a.xact_start) "
    "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
    "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 "
    "AND l.objid::bigint = %s AND l.objsubid = 1"
)


class PostgresConnection(Tables):
    """One connection to a term base in a PostgreSQL database.

    Args:
        url: a ``postgresql://`` URL; the term base is the schema
            ``glossary`` of that database, created when missing.
        readonly: open without write access (for the library API).

    Raises:
        StoreError: the server cannot be reached, or the schema holds
            something other than a term base, or a newer one.
    """

    _integrity_errors = (psycopg.IntegrityError,)
    _BEGIN_READING = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

    def __init__(
        self, url: str, *, readonly: bool = False, user: str | None = None
    ) -> None:
        self.path = url
        self.readonly = readonly
        self.user = user or login_name()
        self._depth = 0
        self._pg = connect(
            url, namespace=NAMESPACE, readonly=readonly, name=f"glossary {self.user}"
        )
        self._conn = self._pg
        try:
            self._migrate()
        except BaseException:
            self._pg.close()
            raise

    def shown(self) -> str:
        return shown_url(self.path)

    @classmethod
    def open_existing(
        cls, url: str, *, readonly: bool = False, user: str | None = None
    ) -> Self:
        """Open a term base that must exist already (reading commands).

        Raises:
            StoreError: the database holds no term base.
        """
        conn = connect(url, namespace=NAMESPACE, readonly=True)
        try:
            found = version_of(conn) is not None
        finally:
            conn.close()
        if not found:
            raise StoreError(
                f"{shown_url(url)}: no term base here (run `glossary build` first)"
            )
        return cls(url, readonly=readonly, user=user)

    def close(self) -> None:
        self._pg.close()

    def _begin(self) -> None:
        """BEGIN; a writer then takes the term base's lock (writers in turn),
        waiting in bounded steps that each say who it waits for.

        Raises:
            StoreError: the lock is still held after LOCK_WAITS waits.
        """
        if self.readonly:
            self._conn.execute("BEGIN")
            return
        raw, holder = self._pg.raw, ""
        for _ in range(LOCK_WAITS):
            if holder:
                warnings.warn(
                    BusyWarning(f"{self.shown()}: waiting for {holder} to finish"),
                    stacklevel=4,
                )
            try:
                # one round trip (no parameters: the simple query protocol
                # takes several statements); each action begins with it
                raw.execute(_BEGIN_WRITING)
                return
            except psycopg.errors.LockNotAvailable:
                self._conn.execute("ROLLBACK")  # the wait ended the transaction
                holder = self._holder()
            except USER_ERRORS as e:
                raise store_error(self.path, e) from e
        raise StoreError(
            f"{self.shown()}: the term base is locked by {holder}; "
            "try again when it is done"
        )

    def _holder(self) -> str:
        """Who holds the write lock, as a waiting writer is told."""
        try:
            row = self._pg.raw.execute(_HOLDER, (WRITE_LOCK,)).fetchone()
        except USER_ERRORS as e:  # the server went away while we waited
            raise store_error(self.path, e) from e
        if row is None or not row[0]:
            return "another writer"
        since = time.strftime("%H:%M:%S", time.localtime(float(row[1])))
        return f"{row[0]} (writing since {since})"

    def _migrate(self) -> None:
        version = version_of(self._pg)
        if version == SCHEMA_VERSION:
            return
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(
                f"{shown_url(self.path)}: schema {version} is newer than this program"
            )
        if self.readonly:
            raise StoreError(
                f"{shown_url(self.path)}: "
                + ("no term base here" if version is None else "needs an upgrade")
            )
        with self.transaction():
            version = version_of(self._pg)  # another process may have made it
            if version is None:
                self._create()
                version = BASE_VERSION
            for number in range(version, SCHEMA_VERSION):
                self._run_script(MIGRATIONS[number])
            self._conn.execute(
                "UPDATE schema_version SET version = ?", (SCHEMA_VERSION,)
            )

    def _create(self) -> None:
        tables = self._conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = ?",
            (NAMESPACE,),
        ).fetchone()[0]
        if tables:
            raise StoreError(
                f"{shown_url(self.path)}: schema {NAMESPACE} holds tables of "
                "another program: not a term base"
            )
        self._conn.execute(f"CREATE SCHEMA IF NOT EXISTS {NAMESPACE}")
        self._run_script(SCHEMA)
        self._conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        self._conn.execute("INSERT INTO schema_version VALUES (?)", (BASE_VERSION,))

    def _run_script(self, script: str) -> None:
        for statement in script.split(";"):
            if statement.strip():
                self._conn.execute(statement)

    def meta(self, key: str) -> str | None:
        """A value of the build state, or None."""
        row = self._conn.execute(
            "SELECT value FROM meta WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def _select_each(
        self, queries: Sequence[tuple[str, Any]]
    ) -> list[list[tuple[Any, ...]]]:
        return self._pg.select_each(queries)

    def _in_ids(self) -> str:
        return "(SELECT unnest(?::bigint[]))"

    def _ids(self, ids: Iterable[int]) -> Any:
        return sorted({int(i) for i in ids})

    def _in_texts(self) -> str:
        return '(SELECT t COLLATE "C" FROM unnest(?::text[]) AS t)'

    def _texts(self, texts: Sequence[str]) -> Any:
        return list(texts)

    def _joined(self, column: str) -> str:
        return f"string_agg({column}, ' ')"

    @contextmanager
    def _indexes_dropped(self, table: str) -> Iterator[None]:
        """Without the plain indexes of `table` (not those of its constraints),
        then create them again as they were. Only inside a transaction."""
        indexes = self._conn.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i "
            "WHERE i.schemaname = current_schema() AND i.tablename = ? "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname) ORDER BY i.indexname",
            (table,),
        ).fetchall()
        for name, _ in indexes:
            self._conn.execute(f'DROP INDEX "{name}"')
        try:
            yield
        finally:
            for _, sql in indexes:
                self._conn.execute(sql)

    def _read_columns(self, table: str) -> list[str]:
        return [
            str(r[0])
            for r in self._conn.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = ? "
                "ORDER BY ordinal_position",
                (table,),
            )
        ]

    def _after_load(self) -> None:
        """Move each identity counter past the largest id (after rows were
        copied in with their ids)."""
        for table in IDENTITY_TABLES:
            self._conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )


def version_of(conn: QmarkConnection) -> int | None:
    """The schema version of the term base, None when there is none."""
    exists = conn.execute(
        "SELECT 1 FROM information_schema.tables "
        "WHERE table_schema = ? AND table_name = 'schema_version'",
        (NAMESPACE,),
    ).fetchone()
    if exists is None:
        return None
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    return None if row is None else int(row[0])
