"""Where English terms and Vietnamese candidate n-grams occur in segment text.

Matching ignores case and diacritics (`glossary.text.fold`) and respects word
edges; offsets always refer to the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from glossary.align.model import Segment, Word
from glossary.lang.en import FUNCTION_WORDS
from glossary.text import fold, fold_same_length

# Words that never start or end a Vietnamese equivalent: function-word POS tags.
FUNCTION_TAGS = frozenset({"E", "C", "CC", "L", "R", "P", "M", "X", "T", "CH", "I"})
EN_STOP = FUNCTION_WORDS
MAX_WORDS = 6
_STEM = 6
_TOKEN = re.compile(r"\w+|[^\w\s]")


def neighbours(
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


def anchor_words(text: str) -> tuple[str, ...]:
    """The folded words and punctuation of a name, as `neighbours` compares them."""
    return tuple(_TOKEN.findall(fold(text)))


def en_spans(term: str, text: str) -> list[tuple[int, int]]:
    """Where `term` occurs in `text`, ignoring case and diacritics, on word edges."""
    key = fold(term)
    if not key:
        return []
    pattern = re.compile(
        r"(?<!\w)" + r"[\s\-]+".join(map(re.escape, key.split())) + r"(?:'?s)?(?!\w)"
    )
    folded = fold_same_length(text)
    return [(m.start(), m.end()) for m in pattern.finditer(folded)]


def vi_ngrams(
    segment: Segment, words: Sequence[Word], max_words: int = MAX_WORDS
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
        if first.tag in FUNCTION_TAGS or not text[first.start].isalnum():
            continue
        for j in range(i, min(len(words), i + max_words)):
            last = words[j]
            if not any(c.isalnum() for c in text[last.start : last.end]):
                if not joins(j):
                    break
                continue
            if last.tag in FUNCTION_TAGS:
                continue
            out.append((text[first.start : last.end], first.start, last.end))
    return out


def unit_grams(text: str, keys: Iterable[str]) -> list[tuple[str, int, int]]:
    """Where the extractor's units occur in `text`, as (surface, start, end).

    Units are candidates even where the n-gram rules would cut them: a hyphen
    between longer words ends an n-gram, but "châu Á - Thái Bình Dương" is
    one name.
    """
    folded = fold_same_length(text)
    out = []
    for key in keys:
        for m in re.finditer(r"(?<!\w)" + re.escape(key) + r"(?!\w)", folded):
            out.append((text[m.start() : m.end()], m.start(), m.end()))
    return out


def _stem(word: str) -> str:
    return fold(word)[:_STEM]


def en_stems(text: str) -> list[str]:
    """The stems of the content words of an English text, in order."""
    words = re.findall(r"[^\W\d_]+", fold(text))
    return [_stem(w) for w in words if w not in EN_STOP and len(w) > 2]
