"""The term base: the only part of `glossary` that speaks SQL.

`TermBase(path)` is the SQLite engine (`glossary.store.sqlite`); what any
engine provides is the `TermStore` interface (`glossary.store.interface`),
and the rows it hands out besides model objects are in
`glossary.store.records`. Other modules get model objects, never cursors or
rows.
"""

from __future__ import annotations

from glossary.store.interface import BuildWriter, TermStore
from glossary.store.records import ConceptSummary, LogEntry, Snapshot
from glossary.store.sqlite import TermBase
from glossary.store.sqlite.integrity import problems

__all__ = [
    "BuildWriter",
    "ConceptSummary",
    "LogEntry",
    "Snapshot",
    "TermBase",
    "TermStore",
    "problems",
]
