"""Translation memory: extra aligned segments in, aligned units out.

`tm_pairs` turns memory units holding a term into aligned segments;
`aligned_units` turns the documents' paragraphs and the accepted term pairs
into units to write back.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.align.model import Outcome, Segment
from glossary.align.segments import segment_pairs
from glossary.align.spans import en_spans
from glossary.text import fold

if TYPE_CHECKING:
    from tm.model import Unit

# At most this many translation-memory units (those holding a term) are tagged.
TM_UNITS_MAX = 2000
# Origin of the term-pair units `align` writes into a TM; never read back as
# evidence.
TERM_ORIGIN = "glossary align: term pair"


def _collapse(text: str) -> str:
    return " ".join(text.split())


def tm_pairs(
    units: Iterable[Unit],
    forms: Sequence[str],
    known: Collection[tuple[str, str]] = (),
    limit: int = TM_UNITS_MAX,
) -> list[tuple[Segment, Segment]]:
    """Memory units holding one of `forms`, as extra aligned segments.

    Units equal to a pair of `known` (whitespace collapsed) are left out: they
    are the documents' own paragraphs, written by an earlier `align --tm`, and
    counting them twice would double their weight.
    """
    out: list[tuple[Segment, Segment]] = []
    for unit in units:
        if (_collapse(unit.source), _collapse(unit.target)) in known:
            continue
        if any(en_spans(f, unit.source) for f in forms):
            sid = f"tm:{unit.id}"
            out.append((Segment(sid, unit.source), Segment(sid, unit.target)))
            if len(out) >= limit:
                break
    return out


def collapsed_pairs(pairs: Iterable[tuple[Segment, Segment]]) -> set[tuple[str, str]]:
    """The pairs' texts with whitespace collapsed, for `tm_pairs(known=)`."""
    return {(_collapse(e.text), _collapse(v.text)) for e, v in pairs}


def aligned_units(
    docs: Sequence[tuple[str, str, str, str]],
    outcomes: Sequence[Outcome] = (),
    approved: Mapping[int, str] | None = None,
) -> list[Unit]:
    """Translation units for the aligned paragraphs and the accepted term pairs.

    A term pair is accepted when `align` made it the preferred Vietnamese term,
    or when it was already known, its concept has been approved by a reviewer
    and it is that concept's preferred Vietnamese term (`approved`: concept id
    → preferred Vietnamese term). Paragraph units carry the origin `EN_FILE#N`;
    term units `TERM_ORIGIN`. Whitespace inside a paragraph is collapsed to
    single spaces, as `tm import --parallel` does.

    Args:
        docs: (English path, English text, Vietnamese path, Vietnamese text).
        outcomes: what `align` did with each proposal.
        approved: concept id → preferred Vietnamese term, for approved concepts.

    Returns:
        The paragraph units, then the term units.
    """
    from tm.model import Unit

    units = []
    for en_path, en_text, vi_path, vi_text in docs:
        for en, vi in segment_pairs(Path(vi_path).name, en_text, vi_text):
            n = en.id.rsplit("#", 1)[1]
            origin = f"{en_path}#{n}"
            units.append(Unit(_collapse(en.text), _collapse(vi.text), origin=origin))
    for o in outcomes:
        accepted = (approved or {}).get(o.concept_id, "")
        if o.action == "preferred":
            accepted = o.proposal.vietnamese
        elif o.action != "known" or fold(accepted) != fold(o.proposal.vietnamese):
            continue
        units.append(Unit(o.proposal.english, accepted, origin=TERM_ORIGIN))
    return units
