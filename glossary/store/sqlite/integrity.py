"""`glossary db check`: what is wrong with a term base file, read without trust.

The file is opened read-only and not as a term base (that would migrate it,
or fail on the first damaged page): SQLite's own integrity check, the
application id and the schema version are asked in turn, then what the rows
mean (`glossary.store.consistency`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from glossary.store.consistency import logical_problems
from glossary.store.sqlite.connection import APPLICATION_ID, readonly_uri
from glossary.store.sqlite.schema import SCHEMA_VERSION

_SHOWN = 20  # integrity problems listed; SQLite may report thousands


def problems(path: str | Path) -> list[str]:
    """One line per problem of the term base at `path`; empty when it is sound.

    Args:
        path: the database file; it is only read.
    """
    name = str(path)
    if not Path(name).is_file():
        return [f"{name}: no such file"]
    try:
        conn = sqlite3.connect(readonly_uri(name), uri=True)
    except sqlite3.Error as e:
        return [f"{name}: cannot open ({e})"]
    try:
        return _ask(conn, name)
    except sqlite3.DatabaseError as e:
        return [f"{name}: {e}"]
    finally:
        conn.close()


def _ask(conn: sqlite3.Connection, name: str) -> list[str]:
    found = [
        str(r[0])
        for r in conn.execute(f"PRAGMA integrity_check({_SHOWN})")
        if r[0] != "ok"
    ]
    app = conn.execute("PRAGMA application_id").fetchone()[0]
    if app not in (0, APPLICATION_ID):
        found.append(f"application_id {app:#x}: another program's database")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    if "schema_version" not in tables:
        found.append("no schema_version table: not a term base")
        return [f"{name}: {p}" for p in found]
    version = conn.execute("SELECT version FROM schema_version").fetchone()
    if version is None or version[0] != SCHEMA_VERSION:
        found.append(
            f"schema {version and version[0]}, this program writes {SCHEMA_VERSION}"
        )
    if not found:  # the pages are sound: ask what the rows mean, in one
        conn.execute("BEGIN")  # snapshot (writers may be at work meanwhile)
        found += logical_problems(conn.execute)
        conn.execute("ROLLBACK")
    return [f"{name}: {p}" for p in found]
