"""`glossary db check` for a term base on PostgreSQL: read without trust.

The server keeps its pages and foreign keys sound itself; what is left to
ask is whether the database holds a term base of this program's schema,
and what its rows mean (`glossary.store.consistency`).
"""

from __future__ import annotations

from glossary.errors import StoreError
from glossary.pg_guard import shown_url
from glossary.store.consistency import logical_problems
from glossary.store.postgresql.connection import connect, version_of
from glossary.store.postgresql.schema import NAMESPACE, SCHEMA_VERSION


def problems(url: str) -> list[str]:
    """One line per problem of the term base at `url`; empty when it is sound."""
    name = shown_url(url)
    try:
        conn = connect(url, namespace=NAMESPACE, readonly=True)
    except StoreError as e:
        return [str(e)]
    try:
        version = version_of(conn)
        if version is None:
            return [f"{name}: no schema_version table: not a term base"]
        found = []
        if version != SCHEMA_VERSION:
            found.append(f"schema {version}, this program writes {SCHEMA_VERSION}")
        else:  # one snapshot: writers may be at work meanwhile
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            found += logical_problems(conn.execute)
            conn.execute("ROLLBACK")
        return [f"{name}: {p}" for p in found]
    finally:
        conn.close()
