"""The SQLite engine of the term base: with the modules beside this one, the
only code of `glossary` that touches SQLite.

`TermBase` joins the shared table classes (`glossary.store.tables`: concepts
and terms, occurrences, documents and the mention cache, the review log and
snapshots) with this engine's connection (`connection`), which fills in what
SQLite does its own way. `schema` holds the tables and migrations. It
implements `glossary.store.interface.TermStore`.
"""

from __future__ import annotations

from glossary.store.sqlite.connection import SQLiteConnection
from glossary.store.tables.concepts import ConceptTables
from glossary.store.tables.review_log import ReviewTables


class TermBase(SQLiteConnection, ConceptTables, ReviewTables):
    """A term base in one SQLite file (or ``":memory:"``).

    The connection is in WAL mode. Every public mutation runs in one
    transaction (nested calls join the outer one), so a crash or Ctrl-C
    leaves the database as it was before the call. Callers get model
    objects, never cursors or rows.

    Args:
        path: database file; created with the current schema when missing.
        readonly: open without write access (for the library API).

    Raises:
        StoreError: the file is not a term base or cannot be opened.
    """
