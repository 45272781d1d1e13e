"""Vietnamese candidates for the English terms, and the matches by name.

Candidates are the word n-grams of the Vietnamese segments and the units the
Vietnamese extractor found (`mention_units`); a term whose name is written
alike on both sides ("Phạm Minh Chính"), or transliterated ("Belarusian" ~
"Belarus"), is matched by name before any scoring.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from glossary.align.model import Proposal, Segment, Word
from glossary.align.spans import MAX_WORDS, en_spans, unit_grams, vi_ngrams
from glossary.model import Kind, Mention
from glossary.text import fold, name_key

_NAME_SCORE = 1.0
_TRANSLIT_MIN = 85.0


@dataclass(frozen=True, slots=True)
class Occ:
    """One occurrence of a candidate: segment index, relative position, offsets."""

    seg: int
    pos: float  # relative position of the occurrence's middle in its segment
    start: int = 0
    end: int = 0


def mention_units(text: str, mentions: Iterable[Mention]) -> set[str]:
    """Phrases the Vietnamese extractor found as one unit, for `propose(units=)`.

    A title directly followed by an organisation ("Bộ trưởng" "Bộ Công Thương")
    is one unit too: English writes it as one title ("Minister of Industry and
    Trade").
    """
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    units = {m.text for m in ordered}
    for a, b in itertools.pairwise(ordered):
        if a.kind is Kind.TITLE and b.kind is Kind.ORG and b.start - a.end == 1:
            units.add(text[a.start : b.end])
    return units


def mention_kinds(mentions: Iterable[Mention]) -> dict[str, set[Kind]]:
    """Folded unit text → the kinds the Vietnamese extractor gave it.

    For `propose(unit_kinds=)`: a unit of the same kind as the English concept
    ("Thủ tướng", a title, for the title "Prime Minister") is the likelier
    equivalent when association alone cannot decide (one shared paragraph).
    """
    kinds: dict[str, set[Kind]] = defaultdict(set)
    for m in mentions:
        if m.kind is not None:
            kinds[fold(m.text)].add(m.kind)
    return dict(kinds)


def candidate_occurrences(
    vi_segs: Sequence[Segment],
    words: Sequence[Sequence[Word]],
    unit_keys: Collection[str],
    named_keys: Collection[str],
) -> tuple[dict[str, list[Occ]], dict[str, str]]:
    """Every candidate n-gram's occurrences and usual spelling, by folded key.

    N-grams inside a longer unit of the extractor, or cutting one of its
    names, are left out.
    """
    cand_occ: dict[str, list[Occ]] = defaultdict(list)
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for s, (seg, ws) in enumerate(zip(vi_segs, words, strict=True)):
        grams = vi_ngrams(seg, ws) + unit_grams(seg.text, named_keys)
        unit_spans = [(a, b) for t, a, b in grams if fold(t) in unit_keys]
        named_spans = [(a, b) for t, a, b in grams if fold(t) in named_keys]
        for text, a, b in grams:
            if any(x <= a and b <= y and y - x > b - a for x, y in unit_spans):
                continue  # "Thủ tướng" inside the unit "Phó Thủ tướng"
            if any(a < x < b < y or x < a < y < b for x, y in named_spans):
                continue  # "cơ chế Uỷ ban" cuts the name "Uỷ ban liên Chính phủ"
            key = fold(text)
            seen[key][text] += 1
            cand_occ[key].append(Occ(s, (a + b) / 2 / max(1, len(seg.text)), a, b))
    # The usual spelling, and not a dateline in capitals ("HÀ NỘI").
    surface = {
        k: max(c, key=lambda t: (not t.isupper(), c[t], t)) for k, c in seen.items()
    }
    return cand_occ, surface


def names_and_occurrences(
    terms: Mapping[str, Sequence[str]],
    en_segs: Sequence[Segment],
    vi_segs: Sequence[Segment],
    cand_occ: Mapping[str, list[Occ]],
    surface: Mapping[str, str],
) -> tuple[dict[str, Proposal], dict[str, dict[int, list[float]]]]:
    """Labels matched by name, and the English occurrences of all the others.

    Returns:
        (label → name proposal, label → segment → relative positions).
    """
    by_name = {name_key(surface[k]): k for k in cand_occ}
    # A longer term hides the shorter one inside it ("Prime Minister" in "Deputy
    # Prime Minister") only if it could be aligned itself: one longer than any
    # candidate n-gram cannot, so the shorter term's occurrences in it count.
    all_forms = {
        fold(f)
        for forms in terms.values()
        for f in forms
        if len(f.split()) <= MAX_WORDS
    }
    named: dict[str, Proposal] = {}
    found: dict[str, dict[int, list[float]]] = {}
    for label, forms in terms.items():
        keys = {fold(f) for f in forms}
        longer = [f for f in all_forms if f not in keys and any(k in f for k in keys)]
        occ = _en_occurrences(forms, en_segs, longer)
        if not occ:
            continue
        by_label = _by_name(label, forms, by_name, cand_occ, surface, vi_segs)
        if by_label is not None:
            named[label] = by_label
        else:
            found[label] = occ
    return named, found


def _en_occurrences(
    forms: Iterable[str], segments: Sequence[Segment], longer: Iterable[str] = ()
) -> dict[int, list[float]]:
    """Relative positions of `forms` per segment, outside any `longer` term."""
    occ: dict[int, list[float]] = defaultdict(list)
    for s, seg in enumerate(segments):
        covered = [span for term in longer for span in en_spans(term, seg.text)]
        for form in forms:
            for a, b in en_spans(form, seg.text):
                if any(x <= a and b <= y for x, y in covered):
                    continue  # "Prime Minister" inside "Deputy Prime Minister"
                occ[s].append((a + b) / 2 / max(1, len(seg.text)))
    return occ


def _by_name(
    label: str,
    forms: Sequence[str],
    by_name: Mapping[str, str],
    cand_occ: Mapping[str, list[Occ]],
    surface: Mapping[str, str],
    vi_segs: Sequence[Segment],
) -> Proposal | None:
    for form in forms:
        key = by_name.get(name_key(form))
        if key is not None and any(c.isupper() for c in surface[key]):
            segs = tuple(sorted({vi_segs[o.seg].id for o in cand_occ[key]}))
            return Proposal(label, surface[key], _NAME_SCORE, "align:name", segs)
    if not label[:1].isupper() or " " in label.strip():
        return None
    target = name_key(label)
    scored = [
        (ratio(target, nk), key)
        for nk, key in by_name.items()
        if all(w[:1].isupper() for w in surface[key].split())
        and abs(len(nk) - len(target)) <= 3
    ]
    if scored:
        score, key = max(scored)
        if score >= _TRANSLIT_MIN:
            segs = tuple(sorted({vi_segs[o.seg].id for o in cand_occ[key]}))
            return Proposal(
                label, surface[key], round(score / 100, 3), "align:translit", segs
            )
    return None
