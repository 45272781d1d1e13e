"""The plain data of alignment: segments, tagged words, proposals, outcomes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    """One paragraph of one side of a parallel document."""

    id: str  # "doc#3": document and 1-based paragraph number
    text: str


@dataclass(frozen=True, slots=True)
class Word:
    """One Vietnamese word of a segment: offsets into `Segment.text` and POS tag."""

    start: int
    end: int
    tag: str = ""


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed Vietnamese equivalent of an English term."""

    english: str
    vietnamese: str
    score: float
    rule: str  # "align:name", "align:translit" or "align:dice"
    segments: tuple[str, ...]  # ids of the aligned segments that support it
    is_unit: bool = False  # the Vietnamese extractor found it as one unit too


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one proposal."""

    concept_id: int
    proposal: Proposal
    action: str  # "preferred", "admitted", "known", "skipped", "proposed"
    merged: tuple[int, ...] = ()  # Vietnamese-only concepts merged into this one
