"""Vietnamese equivalents for English terms from aligned segments.

Plain functions over plain data: the command reads the files and the term base,
tags the Vietnamese side, and calls `propose`. Scoring combines

- identity of `name_key` (names written alike on both sides: "Phạm Minh Chính"),
  and a close `name_key` for transliterated names ("Belarusian" ~ "Belarus");
- association over aligned segments: Dice between the set of segments holding
  the English term and the set holding a Vietnamese word n-gram;
- the relative position of the two inside their segments (parallel paragraphs
  keep enumerations and clauses roughly in order);
- a length prior (a Vietnamese rendering has about 1–2 syllables per English
  word), a bonus for n-grams the Vietnamese extractor found as a unit, and
  optionally a word lexicon learned from a translation memory.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz.fuzz import ratio

from glossary.model import Kind, Mention
from glossary.text import fold, name_key

if TYPE_CHECKING:
    from tm.model import Unit

__all__ = [
    "PREFERRED_MIN",
    "STORE_MIN",
    "TERM_ORIGIN",
    "TM_UNITS_MAX",
    "Outcome",
    "Proposal",
    "Segment",
    "Word",
    "aligned_units",
    "collapsed_pairs",
    "dice",
    "en_spans",
    "mention_kinds",
    "mention_units",
    "merge_lexicon",
    "paragraph_spans",
    "paragraph_words",
    "paragraphs",
    "propose",
    "segment_lexicon",
    "segment_pairs",
    "tm_pairs",
    "vi_ngrams",
]

# A proposal becomes the preferred Vietnamese term of a concept that has none
# yet when it scores at least this much and two independent sources agree: the
# name is identical on both sides, or the Vietnamese extractor found the same
# phrase as a unit (name, title, organisation or term). Anything else is
# admitted and left to the reviewer.
PREFERRED_MIN = 0.8
# Below this a proposal is not stored at all.
STORE_MIN = 0.3
# At most this many translation-memory units (those holding a term) are tagged.
TM_UNITS_MAX = 2000
# Origin of the term-pair units `align` writes into a TM; never read back as
# evidence.
TERM_ORIGIN = "glossary align: term pair"

# Words that never start or end a Vietnamese equivalent: function-word POS tags.
_FUNCTION_TAGS = frozenset({"E", "C", "CC", "L", "R", "P", "M", "X", "T", "CH", "I"})
_EN_STOP_TEXT = "a an the of and or for in on at to with by from as its their his her"
_EN_STOP = frozenset(_EN_STOP_TEXT.split())
_MAX_WORDS = 6
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
_NAME_SCORE = 1.0
_TRANSLIT_MIN = 85.0
_TOP = 20
_STEM = 6
_LEXICON_WEIGHT = 1.0
# Word order is kept in enumerations but reversed inside compounds
# ("Free Trade Agreement" ↔ "Hiệp định Thương mại tự do"): position helps, but
# never vetoes.
_POSITION_FLOOR = 0.3
_POSITION_SPREAD = 0.06


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


@dataclass(frozen=True, slots=True)
class _Occ:
    seg: int
    pos: float  # relative position of the occurrence's middle in its segment
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class _Context:
    """What every English label is scored against (built once per `propose`)."""

    en_segs: Sequence[Segment]
    vi_segs: Sequence[Segment]
    cand_occ: Mapping[str, list[_Occ]]
    surface: Mapping[str, str]
    unit_keys: set[str]
    lexicon: Mapping[str, Sequence[str]]
    anchors: frozenset[tuple[str, ...]]  # folded words of names matched by identity


_TOKEN = re.compile(r"\w+|[^\w\s]")
_BLANK_LINES = re.compile(r"\n\s*\n")


def _neighbours(
    text: str, start: int, end: int, anchors: Collection[tuple[str, ...]]
) -> set[tuple[str, tuple[str, ...]]]:
    """The anchors written right before ("L") or after ("R") `text[start:end]`.

    Punctuation in between breaks adjacency: "Prime Minister Phạm Minh Chính"
    and "Thủ tướng Phạm Minh Chính" share the right anchor; ", Thủ tướng" after
    "Belarus" has none.
    """
    after = _TOKEN.findall(fold(text[end : end + 80]))
    before = _TOKEN.findall(fold(text[max(0, start - 80) : start]))
    out = set()
    for anchor in anchors:
        n = len(anchor)
        if tuple(after[:n]) == anchor:
            out.add(("R", anchor))
        if len(before) >= n and tuple(before[-n:]) == anchor:
            out.add(("L", anchor))
    return out


def paragraphs(text: str) -> list[str]:
    """Split a text into paragraphs at blank lines, dropping empty ones."""
    return [text[a:b] for a, b in paragraph_spans(text)]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Where the `paragraphs` of `text` are: (start, end) offsets, stripped."""
    out = []
    start = 0
    bounds = [(m.start(), m.end()) for m in _BLANK_LINES.finditer(text)]
    bounds.append((len(text), len(text)))
    for end, after in bounds:
        piece = text[start:end]
        a = start + len(piece) - len(piece.lstrip())
        b = start + len(piece.rstrip())
        if a < b:
            out.append((a, b))
        start = after
    return out


def paragraph_words(text: str, words: Iterable[Word]) -> list[list[Word]]:
    """The words of `text` (tagged whole) per paragraph, with paragraph offsets.

    Tagging a text whole gives the same words as tagging each of its
    paragraphs: the taggers work line by line, and paragraphs are whole lines.
    """
    spans = paragraph_spans(text)
    out: list[list[Word]] = [[] for _ in spans]
    i = 0
    for w in sorted(words, key=lambda w: w.start):
        while i < len(spans) and spans[i][1] <= w.start:
            i += 1
        if i == len(spans):
            break
        a, b = spans[i]
        if a <= w.start and w.end <= b:
            out[i].append(Word(w.start - a, w.end - a, w.tag))
    return out


def segment_pairs(
    doc_id: str, en_text: str, vi_text: str
) -> list[tuple[Segment, Segment]]:
    """Paragraph N of `en_text` paired with paragraph N of `vi_text`.

    Raises:
        ValueError: the two sides do not have the same number of paragraphs.
    """
    en, vi = paragraphs(en_text), paragraphs(vi_text)
    if len(en) != len(vi):
        raise ValueError(
            f"{len(en)} English and {len(vi)} Vietnamese paragraphs; "
            "paragraph-aligned input needs the same number"
        )
    return [
        (Segment(f"{doc_id}#{i}", e), Segment(f"{doc_id}#{i}", v))
        for i, (e, v) in enumerate(zip(en, vi, strict=True), start=1)
    ]


def dice(a: int, b: int, both: int) -> float:
    """Dice coefficient 2|A∩B| / (|A| + |B|) from the three counts."""
    return 2.0 * both / (a + b) if a + b else 0.0


def en_spans(term: str, text: str) -> list[tuple[int, int]]:
    """Where `term` occurs in `text`, ignoring case and diacritics, on word edges."""
    key = fold(term)
    if not key:
        return []
    pattern = re.compile(
        r"(?<!\w)" + r"[\s\-]+".join(map(re.escape, key.split())) + r"(?:'?s)?(?!\w)"
    )
    folded = _fold_same_length(text)
    return [(m.start(), m.end()) for m in pattern.finditer(folded)]


def _fold_same_length(text: str) -> str:
    out = []
    for c in text:
        k = fold(c) if not c.isspace() else " "
        out.append(k if len(k) == 1 else c.lower())
    return "".join(out)


def vi_ngrams(
    segment: Segment, words: Sequence[Word], max_words: int = _MAX_WORDS
) -> list[tuple[str, int, int]]:
    """Word n-grams of a Vietnamese segment that could translate a term.

    N-grams do not cross punctuation and neither start nor end with a function
    word. A hyphen joins only one-syllable words ("Á - Âu"); between longer
    words it links two things ("Việt Nam - Belarus", "kinh tế - thương mại").
    Returns (surface, start, end) triples.
    """
    out = []
    text = segment.text

    def joins(j: int) -> bool:
        return (
            text[words[j].start : words[j].end] == "-"
            and 0 < j < len(words) - 1
            and " " not in text[words[j - 1].start : words[j - 1].end]
            and " " not in text[words[j + 1].start : words[j + 1].end]
        )

    for i, first in enumerate(words):
        if first.tag in _FUNCTION_TAGS or not text[first.start].isalnum():
            continue
        for j in range(i, min(len(words), i + max_words)):
            last = words[j]
            if not any(c.isalnum() for c in text[last.start : last.end]):
                if not joins(j):
                    break
                continue
            if last.tag in _FUNCTION_TAGS:
                continue
            out.append((text[first.start : last.end], first.start, last.end))
    return out


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


def _unit_grams(text: str, keys: Iterable[str]) -> list[tuple[str, int, int]]:
    """Where the extractor's units occur in `text`, as (surface, start, end).

    Units are candidates even where the n-gram rules would cut them: a hyphen
    between longer words ends an n-gram, but "châu Á - Thái Bình Dương" is
    one name.
    """
    folded = _fold_same_length(text)
    out = []
    for key in keys:
        for m in re.finditer(r"(?<!\w)" + re.escape(key) + r"(?!\w)", folded):
            out.append((text[m.start() : m.end()], m.start(), m.end()))
    return out


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


def _stem(word: str) -> str:
    return fold(word)[:_STEM]


def _en_stems(text: str) -> list[str]:
    words = re.findall(r"[^\W\d_]+", fold(text))
    return [_stem(w) for w in words if w not in _EN_STOP and len(w) > 2]


def segment_lexicon(
    pairs: Sequence[tuple[Segment, Segment]],
    words: Sequence[Sequence[Word]],
    *,
    min_dice: float = 0.75,
    min_shared: int = 2,
    top: int = 3,
) -> dict[str, list[str]]:
    """Word translations learned from the aligned segments themselves.

    Each English word stem is paired with the Vietnamese words (as segmented)
    whose segment sets it matches best by Dice: "economic" ↔ "kinh tế" when
    both run through the same paragraphs.

    Returns:
        English stem → up to `top` Vietnamese words, best first.
    """
    en_sets, vi_sets = _segment_sets(pairs, words)
    scored: dict[str, list[tuple[float, str]]] = {}
    best_for_word: dict[str, float] = defaultdict(float)
    ties: Counter[str] = Counter()
    for stem, es in en_sets.items():
        if len(es) < min_shared:
            continue
        pairs_ = [
            (dice(len(es), len(vs), len(es & vs)), w)
            for w, vs in vi_sets.items()
            if len(es & vs) >= min_shared
        ]
        scored[stem] = pairs_
        for d, w in pairs_:
            if d > best_for_word[w]:
                best_for_word[w], ties[w] = d, 1
            elif d == best_for_word[w]:
                ties[w] += 1
    lexicon: dict[str, list[str]] = {}
    for stem, pairs_ in scored.items():
        # Competitive: a Vietnamese word goes only to its one best English stem
        # (a tie is no evidence), and only words of two or more syllables count:
        # single syllables are too ambiguous to learn from a few segments.
        kept = sorted(
            (
                (d, w)
                for d, w in pairs_
                if d >= min_dice and d >= best_for_word[w] and ties[w] == 1 and " " in w
            ),
            reverse=True,
        )
        if kept:
            lexicon[stem] = [w for _, w in kept[:top]]
    return lexicon


def _segment_sets(
    pairs: Sequence[tuple[Segment, Segment]], words: Sequence[Sequence[Word]]
) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """The segments holding each English stem, and each folded Vietnamese word."""
    en_sets: dict[str, set[int]] = defaultdict(set)
    vi_sets: dict[str, set[int]] = defaultdict(set)
    for s, ((en, vi), ws) in enumerate(zip(pairs, words, strict=True)):
        for stem in _en_stems(en.text):
            en_sets[stem].add(s)
        for word in ws:
            text = vi.text[word.start : word.end]
            if word.tag not in _FUNCTION_TAGS and any(c.isalpha() for c in text):
                vi_sets[fold(text)].add(s)
    return en_sets, vi_sets


def _length_prior(english: str, vietnamese: str) -> float:
    words = [w for w in fold(english).replace("-", " ").split() if w not in _EN_STOP]
    sylls = len([w for w in vietnamese.split() if any(c.isalnum() for c in w)])
    ratio_ = sylls / max(1, len(words))
    return math.exp(-((math.log(ratio_) - math.log(_SYLLABLES_PER_WORD)) ** 2))


def _lexicon_factor(
    english: str,
    vietnamese: str,
    lexicon: Mapping[str, Sequence[str]],
    context: Iterable[str] = (),
) -> float:
    """Reward translations of the term's words, penalise those of other words.

    `context` holds the English stems of the aligned segments: a candidate that
    contains the translation of one of them that is not in the term ("kinh tế"
    for "economic" when the term is "Free Trade Agreement") belongs to another
    English phrase.
    """
    words = _en_stems(english)
    if not words or not lexicon:
        return 1.0
    vi_key = f" {fold(vietnamese)} "

    def found(stem: str) -> bool:
        return any(f" {fold(t)} " in vi_key for t in lexicon.get(stem, ()))

    hits = sum(map(found, words))
    others = sum(map(found, set(context) - set(words)))
    return (1.0 + _LEXICON_WEIGHT * hits / len(words)) / (
        1.0 + _LEXICON_WEIGHT * others
    )


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
    cand_occ, surface = _candidates(vi_segs, words, unit_keys, named_keys)
    out, found = _names_and_occurrences(terms, en_segs, vi_segs, cand_occ, surface)
    ctx = _Context(
        en_segs,
        vi_segs,
        cand_occ,
        surface,
        unit_keys,
        lexicon or {},
        frozenset(tuple(_TOKEN.findall(fold(p.vietnamese))) for p in out.values()),
    )
    ranked: list[tuple[float, str, Proposal]] = []
    for label, occ in found.items():
        kind_factor = _kind_factors((kinds or {}).get(label), unit_kinds or {})
        en_next = _en_neighbours(terms[label], occ, ctx)
        for p in _by_association(label, occ, en_next, ctx, kind_factor):
            ranked.append((p.score, label, p))
    _link(ranked, out)
    return out


def _candidates(
    vi_segs: Sequence[Segment],
    words: Sequence[Sequence[Word]],
    unit_keys: Collection[str],
    named_keys: Collection[str],
) -> tuple[dict[str, list[_Occ]], dict[str, str]]:
    """Every candidate n-gram's occurrences and usual spelling, by folded key.

    N-grams inside a longer unit of the extractor, or cutting one of its
    names, are left out.
    """
    cand_occ: dict[str, list[_Occ]] = defaultdict(list)
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for s, (seg, ws) in enumerate(zip(vi_segs, words, strict=True)):
        grams = vi_ngrams(seg, ws) + _unit_grams(seg.text, named_keys)
        unit_spans = [(a, b) for t, a, b in grams if fold(t) in unit_keys]
        named_spans = [(a, b) for t, a, b in grams if fold(t) in named_keys]
        for text, a, b in grams:
            if any(x <= a and b <= y and y - x > b - a for x, y in unit_spans):
                continue  # "Thủ tướng" inside the unit "Phó Thủ tướng"
            if any(a < x < b < y or x < a < y < b for x, y in named_spans):
                continue  # "cơ chế Uỷ ban" cuts the name "Uỷ ban liên Chính phủ"
            key = fold(text)
            seen[key][text] += 1
            cand_occ[key].append(_Occ(s, (a + b) / 2 / max(1, len(seg.text)), a, b))
    # The usual spelling, and not a dateline in capitals ("HÀ NỘI").
    surface = {
        k: max(c, key=lambda t: (not t.isupper(), c[t], t)) for k, c in seen.items()
    }
    return cand_occ, surface


def _names_and_occurrences(
    terms: Mapping[str, Sequence[str]],
    en_segs: Sequence[Segment],
    vi_segs: Sequence[Segment],
    cand_occ: Mapping[str, list[_Occ]],
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
        if len(f.split()) <= _MAX_WORDS
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


def _by_name(
    label: str,
    forms: Sequence[str],
    by_name: Mapping[str, str],
    cand_occ: Mapping[str, list[_Occ]],
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
            for n in _neighbours(text, a, b, ctx.anchors)
        }
    return out


def _anchor_agreement(
    en_next: Mapping[int, set[tuple[str, tuple[str, ...]]]],
    occs: Sequence[_Occ],
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
            en_next[s] & _neighbours(text, o.start, o.end, ctx.anchors)
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
    occs: Sequence[_Occ],
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
    context = {t for s in shared for t in _en_stems(ctx.en_segs[s].text)}
    score *= _lexicon_factor(label, surface, ctx.lexicon, context)
    anchors = _anchor_agreement(en_next, occs, shared, ctx)
    return score * (1.0 + _ANCHOR_WEIGHT * anchors)


def _closeness(distance: float) -> float:
    """1 at the same relative position, falling off over about a tenth of it."""
    near = math.exp(-((distance / _POSITION_SPREAD) ** 2))
    return _POSITION_FLOOR + (1.0 - _POSITION_FLOOR) * near


# -- translation memory: parallel data in, aligned paragraphs and terms out --


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


def merge_lexicon(
    lexicon: dict[str, list[str]], more: Mapping[str, Sequence[str]]
) -> None:
    """Add the translations of `more` to `lexicon` (in place), each word once."""
    for key, words in more.items():
        known = lexicon.setdefault(key, [])
        known.extend(w for w in words if w not in known)
