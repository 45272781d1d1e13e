"""The PostgreSQL engine of the term base (psycopg 3).

`PostgresTermBase` joins the shared table classes (`glossary.store.tables`)
with this engine's connection (`connection`), which fills in what
PostgreSQL does its own way; `schema` holds the tables, equal in meaning to
SQLite's. It implements `glossary.store.interface.TermStore`, so any
command that takes ``--db`` takes a ``postgresql://`` URL too.
"""

from __future__ import annotations

from glossary.store.postgresql.connection import PostgresConnection
from glossary.store.tables.concepts import ConceptTables
from glossary.store.tables.review_log import ReviewTables


class PostgresTermBase(PostgresConnection, ConceptTables, ReviewTables):
    """A term base in the ``glossary`` schema of a PostgreSQL database.

    Every public mutation runs in one transaction (nested calls join the
    outer one) holding the term base's write lock, so a crash or Ctrl-C
    leaves the database as it was before the call. Callers get model
    objects, never cursors or rows.

    Args:
        url: a ``postgresql://`` URL.
        readonly: open without write access (for the library API).

    Raises:
        StoreError: the server cannot be reached, or the database holds
            something that is not a term base.
    """
