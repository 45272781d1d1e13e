"""The term base: the only part of `glossary` that speaks SQL.

`open_store(path_or_url)` opens a term base on either engine: an SQLite
file (`TermBase`, `glossary.store.sqlite`) or a PostgreSQL database
(`glossary.store.postgresql`), which both provide the `TermStore` interface
(`glossary.store.interface`); the rows they hand out besides model objects
are in `glossary.store.records`. Other modules get model objects, never
cursors or rows, and never learn which engine they have.
"""

from __future__ import annotations

from glossary.store.engines import is_server, open_store, problems
from glossary.store.interface import BuildWriter, TermStore
from glossary.store.records import ConceptSummary, LogEntry, Snapshot, Version
from glossary.store.spill import OccurrenceSpill
from glossary.store.sqlite import TermBase

__all__ = [
    "BuildWriter",
    "ConceptSummary",
    "LogEntry",
    "OccurrenceSpill",
    "Snapshot",
    "TermBase",
    "TermStore",
    "Version",
    "is_server",
    "open_store",
    "problems",
]
