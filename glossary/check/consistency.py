"""One source segment translated differently across a memory or a catalogue."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from glossary.check.model import Document, Finding, Run, Segment, finding
from glossary.text.syllable import to_old_style


def _same(text: str) -> str:
    """What two translations must share to count as one: NFC, spacing, tone style."""
    return to_old_style(" ".join(text.split()))


def target_inconsistent(doc: Document, run: Run) -> Iterator[Finding]:
    """A source segment (with its context) that has more than one translation.

    Units are grouped by context (msgctxt, TMX x-context) and source text,
    spacing aside; translations that differ only in spacing or tone-mark
    style count as one (tone-style reports those). Each unit whose
    translation is not the group's most frequent one (on a tie, the first)
    is reported with that translation as the suggestion.
    """
    groups: dict[tuple[str, str], list[Segment]] = {}
    for seg in doc.segments:
        if seg.source is None or not seg.target.text.strip():
            continue
        key = (
            seg.unit if doc.kind in ("po", "tmx") else "",
            " ".join(seg.source.text.split()),
        )
        groups.setdefault(key, []).append(seg)
    for segs in groups.values():
        if len(segs) < 2:
            continue
        counts = Counter(_same(s.target.text) for s in segs)
        if len(counts) < 2:
            continue
        top = max(counts.values())
        dominant = next(
            _same(s.target.text) for s in segs if counts[_same(s.target.text)] == top
        )
        shown = next(s.target.text for s in segs if _same(s.target.text) == dominant)
        for seg in segs:
            if _same(seg.target.text) != dominant:
                yield finding(
                    "target-inconsistent",
                    seg,
                    "target",
                    (0, len(seg.target.text)),
                    f"“{seg.source.text if seg.source else ''}” is translated "
                    f"“{shown}” in {top} other unit(s)",
                    shown,
                )
