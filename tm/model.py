"""Translation-memory data: units, matches and concordance hits (frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation unit: a source segment and its translation.

    All text is NFC; the format readers normalise it on the way in.
    """

    source: str
    target: str
    src_lang: str = "en"
    tgt_lang: str = "vi"
    origin: str = ""  # file (and entry) the unit was imported from
    context: str = ""  # msgctxt or TMX x-context, if any
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A fuzzy match: the stored unit, its 0–100 score and the adapted translation."""

    unit: Unit
    score: int
    translation: str  # unit.target with the query's placeables substituted


@dataclass(frozen=True, slots=True)
class ImportStats:
    """What one imported file contributed."""

    path: str
    read: int
    added: int

    @property
    def duplicates(self) -> int:
        """Units already in the memory (folded, not added again)."""
        return self.read - self.added


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What one export wrote, and how many units the format could not hold."""

    written: int
    left_out: int = 0  # TMX: units with control characters XML 1.0 cannot hold
