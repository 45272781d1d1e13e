"""The rows a term base hands out besides model objects, whatever its engine."""

from __future__ import annotations

from typing import Any, NamedTuple

from glossary.model import ConceptStatus, Flag, Kind


class ConceptSummary(NamedTuple):
    """One row of the concept table: cheap to load for 50,000 concepts."""

    id: int
    kind: Kind
    status: ConceptStatus
    label: str  # the preferred source-language (English) term, else any
    terms: int
    occurrences: int
    flags: frozenset[Flag]
    keys: str  # fold keys of every term, space-joined, for filtering
    target: str = ""  # the preferred Vietnamese term, when not the label


class LogEntry(NamedTuple):
    id: int
    at: float
    action: str
    concept_id: int | None
    payload: dict[str, Any]
    who: str = ""  # the user who took the decision


class Version(NamedTuple):
    """How often a concept has changed, who changed it last and when."""

    number: int
    by: str
    at: float


class Snapshot(NamedTuple):
    """Raw rows of some concepts, taken before or after a review step (for undo).

    The rows are the engine's own; only the engine that took a snapshot
    restores it.
    """

    concept_ids: tuple[int, ...]
    rows: dict[str, list[tuple[Any, ...]]]
    # each concept's version in these rows (a review action's stale check
    # and the versions its step left read it, not asking again)
    versions: dict[int, Version] = {}  # noqa: RUF012 (never changed)
