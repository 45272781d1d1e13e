"""Word translations: learned from the aligned segments, and used in scoring.

A word lexicon maps an English word stem (`fold`, first six letters) to
Vietnamese words; `segment_lexicon` learns one from the segments by Dice, a
translation memory or .mo catalogs add more (`glossary.align.lexicon`), and
`lexicon_factor` weighs a candidate by the translations it holds.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from glossary.align.model import Segment, Word
from glossary.align.spans import FUNCTION_TAGS, en_stems
from glossary.text import fold

_LEXICON_WEIGHT = 1.0


def dice(a: int, b: int, both: int) -> float:
    """Dice coefficient 2|A∩B| / (|A| + |B|) from the three counts."""
    return 2.0 * both / (a + b) if a + b else 0.0


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
        for stem in en_stems(en.text):
            en_sets[stem].add(s)
        for word in ws:
            text = vi.text[word.start : word.end]
            if word.tag not in FUNCTION_TAGS and any(c.isalpha() for c in text):
                vi_sets[fold(text)].add(s)
    return en_sets, vi_sets


def lexicon_factor(
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
    words = en_stems(english)
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


def merge_lexicon(
    lexicon: dict[str, list[str]], more: Mapping[str, Sequence[str]]
) -> None:
    """Add the translations of `more` to `lexicon` (in place), each word once."""
    for key, words in more.items():
        known = lexicon.setdefault(key, [])
        known.extend(w for w in words if w not in known)
