"""Scoring and linking: the best Vietnamese equivalent of each English term.

`propose` combines association over aligned segments (Dice), relative
position, a length prior, the extractor's units and kinds, a word lexicon and
neighbouring aligned names, then links the strongest pairs competitively.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from glossary.align.candidates import Occ, candidate_occurrences, names_and_occurrences
from glossary.align.model import Proposal, Segment, Word
from glossary.align.spans import EN_STOP, anchor_words, en_spans, en_stems, neighbours
from glossary.align.word_lexicon import dice, lexicon_factor
from glossary.model import Kind
from glossary.text import fold

# A proposal becomes the preferred Vietnamese term of a concept that has none
# yet when it scores at least this much and two independent sources agree: the
# name is identical on both sides, or the Vietnamese extractor found the same
# phrase as a unit (name, title, organisation or term). Anything else is
# admitted and left to the reviewer.
PREFERRED_MIN = 0.8
# Below this a proposal is not stored at all.
STORE_MIN = 0.3
_CONJUNCTION = re.compile(r" (va|hoac|hay) ")
_EN_CONJUNCTION = re.compile(r"\b(and|or)\b", re.IGNORECASE)
_SYLLABLES_PER_WORD = 1.6
_UNIT_BONUS = 1.5
_KIND_BONUS = 1.5
# Kinds the Vietnamese extractor assigns by closed-class rules (title heads,
# organisation heads, name capitalisation): reliable enough to reward a match.
# Its domain terms are statistical, so kind "term" earns nothing.
_RULE_KINDS = frozenset({Kind.TITLE, Kind.ORG, Kind.PERSON, Kind.PLACE})
_ANCHOR_WEIGHT = 1.0
_TOP = 20
# Word order is kept in enumerations but reversed inside compounds
# ("Free Trade Agreement" ↔ "Hiệp định Thương mại tự do"): position helps, but
# never vetoes.
_POSITION_FLOOR = 0.3
_POSITION_SPREAD = 0.06


@dataclass(frozen=True, slots=True)
class _Context:
    """What every English label is scored against (built once per `propose`)."""

    en_segs: Sequence[Segment]
    vi_segs: Sequence[Segment]
    cand_occ: Mapping[str, list[Occ]]
    surface: Mapping[str, str]
    unit_keys: set[str]
    lexicon: Mapping[str, Sequence[str]]
    anchors: frozenset[tuple[str, ...]]  # folded words of names matched by identity


def propose(
    terms: Mapping[str, Sequence[str]],
    pairs: Sequence[tuple[Segment, Segment]],
    words: Sequence[Sequence[Word]],
    *,
    units: Iterable[str] = (),
    lexicon: Mapping[str, Sequence[str]] | None = None,
    kinds: Mapping[str, Kind] | None = None,
    unit_kinds: Mapping[str, Collection[Kind]] | None = None,
) -> dict[str, Proposal]:
    """The best Vietnamese equivalent for each English term found in the pairs.

    Args:
        terms: English label → all its English forms (e.g. "Prime Minister" →
            ["Prime Minister", "PM"]).
        pairs: aligned (English, Vietnamese) segments.
        words: the Vietnamese words of each pair's Vietnamese segment.
        units: Vietnamese phrases the extractor found as one unit (names,
            titles, organisations, terms); n-grams equal to one get a bonus.
        lexicon: English word stem (`fold`, first six letters) → Vietnamese
            translations, e.g. from `segment_lexicon` or a translation memory.
        kinds: English label → the kind of its concept.
        unit_kinds: folded unit → its kinds (`mention_kinds`); a unit of the
            label's kind gets a further bonus.

    Returns:
        English label → its top proposal; labels not found in any English
        segment, or with no candidate, are absent.
    """
    en_segs = [e for e, _ in pairs]
    vi_segs = [v for _, v in pairs]
    unit_keys = {fold(u) for u in units}
    named_keys = {k for k, ks in (unit_kinds or {}).items() if _RULE_KINDS & set(ks)}
    cand_occ, surface = candidate_occurrences(vi_segs, words, unit_keys, named_keys)
    out, found = names_and_occurrences(terms, en_segs, vi_segs, cand_occ, surface)
    ctx = _Context(
        en_segs,
        vi_segs,
        cand_occ,
        surface,
        unit_keys,
        lexicon or {},
        frozenset(anchor_words(p.vietnamese) for p in out.values()),
    )
    ranked: list[tuple[float, str, Proposal]] = []
    for label, occ in found.items():
        kind_factor = _kind_factors((kinds or {}).get(label), unit_kinds or {})
        en_next = _en_neighbours(terms[label], occ, ctx)
        for p in _by_association(label, occ, en_next, ctx, kind_factor):
            ranked.append((p.score, label, p))
    _link(ranked, out)
    return out


def _link(
    ranked: Iterable[tuple[float, str, Proposal]], out: dict[str, Proposal]
) -> None:
    """Competitive linking: add the strongest pairs to `out` (the name matches).

    The strongest pair first; each equivalent used once, and nothing that
    holds a name already matched to its own concept.
    """
    used = {fold(p.vietnamese) for p in out.values()}
    names = [f" {fold(p.vietnamese)} " for p in out.values()]
    for _, label, p in sorted(ranked, key=lambda r: (-r[0], r[1])):
        key = fold(p.vietnamese)
        if label in out or key in used or any(n in f" {key} " for n in names):
            continue
        out[label] = p
        used.add(key)


def _kind_factors(
    kind: Kind | None, unit_kinds: Mapping[str, Collection[Kind]]
) -> dict[str, float]:
    """Score factors for units by their kind against the English concept's.

    Only for concepts of a kind the Vietnamese extractor finds by rule (titles,
    organisations, names): a unit of the same kind gains; a unit that is only
    a statistical domain term ("thông qua cơ chế") loses its unit bonus, as an
    organisation or title is not rendered by a term phrase.
    """
    if kind not in _RULE_KINDS:
        return {}
    out = {}
    for key, ks in unit_kinds.items():
        if kind in ks:
            out[key] = _KIND_BONUS
        elif set(ks) == {Kind.TERM}:
            out[key] = 1.0 / _UNIT_BONUS
    return out


def _en_neighbours(
    forms: Sequence[str], occ: Mapping[int, list[float]], ctx: _Context
) -> dict[int, set[tuple[str, tuple[str, ...]]]]:
    """Per segment holding the English term, the anchors next to its forms."""
    out: dict[int, set[tuple[str, tuple[str, ...]]]] = {}
    for s in occ:
        text = ctx.en_segs[s].text
        out[s] = {
            n
            for form in forms
            for a, b in en_spans(form, text)
            for n in neighbours(text, a, b, ctx.anchors)
        }
    return out


def _anchor_agreement(
    en_next: Mapping[int, set[tuple[str, tuple[str, ...]]]],
    occs: Sequence[Occ],
    shared: Collection[int],
    ctx: _Context,
) -> float:
    """Share of the common segments where both sides touch the same name.

    Titles sit next to names in both languages ("Prime Minister Phạm Minh
    Chính", "Thủ tướng Phạm Minh Chính"): when one shared paragraph leaves
    association undecided, the neighbouring aligned name decides.
    """
    agree = 0
    for s in shared:
        if not en_next.get(s):
            continue
        text = ctx.vi_segs[s].text
        if any(
            en_next[s] & neighbours(text, o.start, o.end, ctx.anchors)
            for o in occs
            if o.seg == s
        ):
            agree += 1
    return agree / len(shared)


def _by_association(
    label: str,
    occ: Mapping[int, list[float]],
    en_next: Mapping[int, set[tuple[str, tuple[str, ...]]]],
    ctx: _Context,
    kind_factor: Mapping[str, float],
    top: int = _TOP,
) -> list[Proposal]:
    """The `top` Vietnamese n-grams most associated with the English term."""
    found: list[Proposal] = []
    en_set = set(occ)
    for key, occs in ctx.cand_occ.items():
        vi_set = {o.seg for o in occs}
        shared = en_set & vi_set
        if not shared:
            continue
        if _CONJUNCTION.search(f" {key} ") and not _EN_CONJUNCTION.search(label):
            continue  # "sạch và bền vững" spans two items of a list
        surface = ctx.surface[key]
        assoc = dice(len(en_set), len(vi_set), len(shared))
        score = _agreement(assoc, label, surface, occ, occs, shared, en_next, ctx)
        if key in ctx.unit_keys:
            score *= _UNIT_BONUS
        score *= kind_factor.get(key, 1.0)
        segs = tuple(sorted(ctx.vi_segs[s].id for s in shared))
        found.append(
            Proposal(
                label,
                surface,
                round(score, 4),
                "align:dice",
                segs,
                is_unit=key in ctx.unit_keys,
            )
        )
    found.sort(key=lambda p: -p.score)
    return found[:top]


def _agreement(
    assoc: float,
    label: str,
    surface: str,
    occ: Mapping[int, list[float]],
    occs: Sequence[Occ],
    shared: Collection[int],
    en_next: Mapping[int, set[tuple[str, tuple[str, ...]]]],
    ctx: _Context,
) -> float:
    """The association `assoc` (Dice) weighed by how well the candidate agrees.

    Squared Dice times position closeness, the length prior, the lexicon
    factor and the share of neighbouring aligned names.
    """
    closeness = sum(
        _closeness(min(abs(p - o.pos) for p in occ[s] for o in occs if o.seg == s))
        for s in shared
    ) / len(shared)
    score = assoc**2 * closeness * _length_prior(label, surface)
    context = {t for s in shared for t in en_stems(ctx.en_segs[s].text)}
    score *= lexicon_factor(label, surface, ctx.lexicon, context)
    anchors = _anchor_agreement(en_next, occs, shared, ctx)
    return score * (1.0 + _ANCHOR_WEIGHT * anchors)


def _closeness(distance: float) -> float:
    """1 at the same relative position, falling off over about a tenth of it."""
    near = math.exp(-((distance / _POSITION_SPREAD) ** 2))
    return _POSITION_FLOOR + (1.0 - _POSITION_FLOOR) * near


def _length_prior(english: str, vietnamese: str) -> float:
    words = [w for w in fold(english).replace("-", " ").split() if w not in EN_STOP]
    sylls = len([w for w in vietnamese.split() if any(c.isalnum() for c in w)])
    ratio_ = sylls / max(1, len(words))
    return math.exp(-((math.log(ratio_) - math.log(_SYLLABLES_PER_WORD)) ** 2))
