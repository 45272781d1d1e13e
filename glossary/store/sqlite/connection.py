"""The SQLite engine's connection: opening, WAL, transactions, migrations.

`SQLiteConnection` fills in the hooks of `glossary.store.tables.base.Tables`
for SQLite: `TermBase` joins it with the table classes, which share its one
connection.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from glossary.errors import StoreError
from glossary.sqlite_guard import GuardedConnection, connect, store_error
from glossary.store.sqlite.schema import MIGRATIONS, SCHEMA_VERSION
from glossary.store.tables.base import DAMAGED, Tables, login_name

# PRAGMA application_id of a term base: "GLOS". tm's memories have their own.
APPLICATION_ID = 0x474C4F53


def _read_only_media(path: str) -> bool:
    try:
        return bool(os.statvfs(Path(path).resolve()).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _upgradable(path: str) -> bool:
    return (
        path != ":memory:"
        and os.access(path, os.W_OK)
        and os.access(Path(path).resolve().parent, os.W_OK)
        and not _read_only_media(path)
    )


def readonly_uri(path: str) -> str:
    """An SQLite URI opening `path` read-only.

    On a read-only file system SQLite cannot make the WAL index beside the
    file, so there the file is opened as immutable: nobody can change it.
    """
    if path == ":memory:":
        return "file::memory:?mode=ro"
    resolved = Path(path).resolve()
    uri = f"{resolved.as_uri()}?mode=ro"
    return uri + "&immutable=1" if _read_only_media(path) else uri


# How long a writer waits for another's lock before it gives up.
BUSY_TIMEOUT_MS = 5000


def _connect(path: str, *, readonly: bool) -> GuardedConnection:
    return connect(
        path,
        damaged=DAMAGED,
        target=readonly_uri(path) if readonly else None,
        uri=readonly,
        isolation_level=None,
        check_same_thread=False,
    )


class SQLiteConnection(Tables):
    """One SQLite connection in WAL mode, with nested transactions.

    Args:
        path: database file; created with the current schema when missing.
        readonly: open without write access (for the library API).

    Raises:
        StoreError: the file is not a term base or cannot be opened.
    """

    def __init__(
        self,
        path: str | Path = ":memory:",
        *,
        readonly: bool = False,
        user: str | None = None,
    ) -> None:
        self.path = str(path)
        self.readonly = readonly
        self.user = user or login_name()
        self._conn: GuardedConnection
        # A file this connection makes holds nothing to lose until it is
        # closed: its writes are synced to disk once then, not at each
        # checkpoint (a first build of 10 MB of text made 21 syncs, and
        # waited 0.2-0.4 s on them).
        self._unsynced = (
            not readonly and self.path != ":memory:" and not Path(path).exists()
        )
        try:
            self._conn = _connect(self.path, readonly=readonly)
            if self._unsynced:  # from its first write (its header) on
                self._conn.execute("PRAGMA synchronous = OFF")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._check_application()  # before WAL, which rewrites the header
            if not readonly and self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
                if not self._unsynced:
                    self._conn.execute("PRAGMA synchronous = NORMAL")
            self._depth = 0
            self._migrate()
        except (sqlite3.DatabaseError, StoreError) as e:
            cause = e.__cause__ if isinstance(e, StoreError) else e
            if not isinstance(cause, sqlite3.DatabaseError):
                raise
            raise self._open_error(cause) from cause

    def _open_error(self, e: sqlite3.DatabaseError) -> StoreError:
        """Why the file could not be opened as a term base, in one line."""
        text = str(e)
        if "malformed" in text or "locked" in text or "busy" in text:
            return store_error(e, self.path, DAMAGED)
        if not self.readonly and _read_only_media(self.path):
            return StoreError(
                f"{self.path}: on read-only media: only reading commands "
                "(list, show, stats, export) work here"
            )
        return StoreError(f"{self.path}: not a usable term base ({e})")

    def _check_application(self) -> None:
        """Refuse another program's SQLite file instead of adding our tables to it."""
        app = self._conn.execute("PRAGMA application_id").fetchone()[0]
        if app == APPLICATION_ID:
            return
        if app != 0:
            raise StoreError(
                f"{self.path}: not a term base (another application's database, "
                f"application_id {app:#x})"
            )
        tables = {
            r[0]
            for r in self._conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        }
        if tables and "schema_version" not in tables:
            raise StoreError(
                f"{self.path}: not a term base (an SQLite database of another program)"
            )
        if not self.readonly:  # a new file, or one written before the id existed
            self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    @classmethod
    def open_existing(
        cls, path: str | Path, *, readonly: bool = False, user: str | None = None
    ) -> Self:
        """Open a term base that must exist already: reading commands never create one.

        Args:
            path: the database file (":memory:" is accepted, as by the constructor).
            readonly: open the file read-only.

        Raises:
            StoreError: there is nothing at `path`, or it is not a term base.
        """
        if str(path) != ":memory:" and not Path(path).exists():
            raise StoreError(f"{path}: no term base here (run `glossary build` first)")
        return cls(path, readonly=readonly, user=user)

    def close(self) -> None:
        self._conn.close()
        if self._unsynced:  # once, now that the WAL is folded into it
            self._unsynced = False
            _sync(self.path)

    def _begin(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")  # the write lock at once

    def _migrate(self) -> None:
        row = self._conn.execute(
            "SELECT name FROM sqlite_master WHERE name = 'schema_version'"
        ).fetchone()
        version = 0
        if row:
            version = self._conn.execute(
                "SELECT version FROM schema_version"
            ).fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema {version} is newer than this program"
            )
        if version == SCHEMA_VERSION:
            return
        if self.readonly:
            if _upgradable(self.path):
                # An older term base opened to be read (export, show) is
                # upgraded by a short writing connection, as any command would.
                SQLiteConnection(self.path).close()
                return
            raise StoreError(f"{self.path}: schema {version} needs an upgrade")
        with self.transaction():
            if version == 0:
                self._conn.execute("CREATE TABLE schema_version (version INTEGER)")
                self._conn.execute("INSERT INTO schema_version VALUES (0)")
            for script in MIGRATIONS[version:]:
                for statement in _statements(script):
                    self._conn.execute(statement)
            self._conn.execute(
                "UPDATE schema_version SET version = ?", (SCHEMA_VERSION,)
            )

    def meta(self, key: str) -> str | None:
        """A value of the build state, or None."""
        row = self._conn.execute(
            "SELECT value FROM meta WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
            )

    _integrity_errors = (sqlite3.IntegrityError,)

    def _in_ids(self) -> str:
        return "(SELECT value FROM json_each(?))"

    def _ids(self, ids: Iterable[int]) -> Any:
        return id_list(ids)

    def _in_texts(self) -> str:
        return "(SELECT value FROM json_each(?))"

    def _texts(self, texts: Sequence[str]) -> Any:
        return json.dumps(list(texts), ensure_ascii=False)

    def _joined(self, column: str) -> str:
        return f"GROUP_CONCAT({column}, ' ')"

    @contextmanager
    def _indexes_dropped(self, table: str) -> Iterator[None]:
        """Without the indexes of `table`, then create them again exactly as
        they were. Only inside a transaction."""
        indexes = self._conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
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
        return [str(r[1]) for r in self._conn.execute(f"PRAGMA table_info({table})")]


def _statements(script: str) -> Iterator[str]:
    """The statements of `script`, split at the semicolons that end one (not
    those inside a trigger's body)."""
    statement = ""
    for part in script.split(";"):
        statement += part + ";"
        if sqlite3.complete_statement(statement):
            if statement.strip(" \n;"):
                yield statement
            statement = ""
    if statement.strip(" \n;"):
        yield statement


def _sync(path: str) -> None:
    """Write the file at `path`, and on POSIX its directory entry, to disk."""
    targets = [path]
    if os.name == "posix":
        targets.append(os.path.dirname(os.path.abspath(path)))
    for target in targets:
        try:
            fd = os.open(target, os.O_RDONLY)
        except FileNotFoundError:  # removed meanwhile: nothing to keep
            return
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def id_list(ids: Iterable[int]) -> str:
    """`ids` as one JSON parameter, for ``IN (SELECT value FROM json_each(?))``.

    One parameter instead of one "?" per id: no limit on how many.
    """
    return json.dumps(sorted({int(i) for i in ids}))
