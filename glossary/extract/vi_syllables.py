"""The syllable stream of a Vietnamese text and the shapes read from it.

The organisation and place scans (`vi_orgs`, `vi_places`) work on syllables,
not on the tagger's words, whose segmentation of names is unpredictable. Each
syllable keeps its token's tag and its `word_key`; tables of phrases are
matched on those keys. The shapes here are the ones both scans need: a
Vietnamese syllable, a full Vietnamese name led by a surname, a Korean name,
a run of capitalised syllables.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from glossary.lang import vi
from glossary.model import Kind
from glossary.names.places import is_syllable
from glossary.text import fold, word_key

__all__ = [
    "SURNAMES",
    "Span",
    "Syl",
    "cap_run",
    "is_vi_syllable",
    "keys",
    "korean_at",
    "match",
    "person_at",
    "syllables",
]


def keys(*words: str) -> frozenset[tuple[str, ...]]:
    """The phrases `words` as tuples of syllable keys, for `match`."""
    return frozenset(tuple(word_key(w).split()) for w in words)


# Compared as written, lower-cased: "Mai" is a surname, "Mãi" is not.
SURNAMES = frozenset(s.lower() for s in vi.SURNAMES if s not in vi.WORD_SURNAMES)
# Syllables of a full name that ends an organisation's name; two-syllable
# names look like places ("Sở Công Thương Hà Nội").
_PERSON_MIN = 3


class Syl(NamedTuple):
    """One syllable (or punctuation mark) with its token's POS tag.

    A tuple, not a frozen dataclass: a document has one per syllable, and
    building them was most of the stream's cost (a third less CPU).
    """

    text: str
    start: int
    end: int
    tag: str
    token: int  # index of the token it came from
    key: str = ""  # `word_key` of a word; "" for punctuation

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


@dataclass(frozen=True, slots=True)
class Span:
    """A recognised name: character offsets, kind and the rule that found it."""

    start: int
    end: int
    kind: Kind
    source: str


_SYL = re.compile(r"\w+|[^\w\s]")


def syllables(text: str, tokens: Sequence[tuple[str, str, int, int]]) -> list[Syl]:
    """Syllables and punctuation of `text`, each with its token's tag.

    Args:
        text: the document text.
        tokens: (text, tag, start, end) of each token (`TaggedWord`s), in order.

    Returns:
        The syllable stream in text order.
    """
    out: list[Syl] = []
    append = out.append
    new = tuple.__new__  # Syl's own __new__ is Python: a third of the cost
    for i, (piece, tag, start, end) in enumerate(tokens):
        if piece.isalnum():  # one syllable: most tokens
            append(new(Syl, (piece, start, end, tag, i, word_key(piece))))
            continue
        if len(piece) == 1:  # a mark ("_" is a word of no letters: no key)
            append(new(Syl, (piece, start, end, tag, i, "")))
            continue
        parts = piece.split(" ")
        if len(parts) > 1 and all(map(str.isalnum, parts)):  # "thủ tướng"
            at = start
            for w in parts:
                append(new(Syl, (w, at, at + len(w), tag, i, word_key(w))))
                at += len(w) + 1
            continue
        for m in _SYL.finditer(text, start, end):
            w = m.group()
            key = word_key(w) if w[:1].isalnum() else ""
            append(new(Syl, (w, m.start(), m.end(), tag, i, key)))
    return out


def match(syls: Sequence[Syl], i: int, table: frozenset[tuple[str, ...]]) -> int:
    """Length in syllables of the longest entry of `table` at i, or 0."""
    if i >= len(syls) or syls[i].key not in _firsts(table):
        return 0
    best = 0
    phrase: tuple[str, ...] = ()
    for s in syls[i : i + 4]:
        if not s.key:
            break
        phrase += (s.key,)
        if phrase in table:
            best = len(phrase)
    return best


@functools.cache
def _firsts(table: frozenset[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(k[0] for k in table)


def is_vi_syllable(s: str) -> bool:
    """True if `s` has the shape of a Vietnamese syllable (onset, vowels, coda)."""
    return is_syllable(s)


def korean_at(syls: Sequence[Syl], i: int) -> int:
    """End (exclusive) of a Korean name "Lee Jae-yong" starting at i, or 0."""
    if i + 3 >= len(syls) or syls[i + 2].text != "-":
        return 0
    a, b, dash, c = syls[i : i + 4]
    if not (
        a.word
        and b.word
        and c.word
        and a.text[:1].isupper()
        and b.text[:1].isupper()
        and dash.text == "-"
        and b.start - a.end == 1
        and dash.start == b.end
        and c.start == dash.end
        and c.text.islower()
    ):
        return 0
    if any(fold(s.text) != s.text.lower() or not s.text.isalpha() for s in (a, b)):
        return 0  # Vietnamese marks: "Bà Rịa-vũng"
    if fold(c.text) != c.text:
        return 0
    return i + 4


def person_at(syls: Sequence[Syl], i: int) -> bool:
    """A capitalised run of 3-4 Vietnamese syllables led by a common surname,
    or a Korean name ("Lee Jae-yong")."""
    if korean_at(syls, i):
        return True
    if i >= len(syls) or not syls[i].cap or syls[i].text.lower() not in SURNAMES:
        return False
    j = i + 1
    while j < len(syls) and syls[j].word and syls[j].text[:1].isupper():
        if syls[j].start - syls[j - 1].end != 1:
            break
        j += 1
    return _PERSON_MIN <= j - i <= 4 and all(is_vi_syllable(s.text) for s in syls[i:j])


def cap_run(syls: Sequence[Syl], i: int) -> int:
    """End of the run of capitalised syllables at i, stopping before a person."""
    j = i
    while j < len(syls) and syls[j].word and syls[j].cap:
        if j > i and (syls[j].start - syls[j - 1].end > 1 or person_at(syls, j)):
            break
        j += 1
    return j
