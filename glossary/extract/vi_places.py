"""Vietnamese names of features, settlements and Korean persons, over syllables.

A second scan after the organisations (`vi_orgs.org_spans`), over the
syllables no organisation took:

* a natural feature or a structure is named by a head noun and a capitalised
  name, and the head belongs to the name ("sông Hồng", "sân bay Nội Bài",
  "cột cờ Lũng Cú"): without it the river, the street and the village named
  alike would be one place;
* a settlement below the commune ("thôn Phìn Chải 2", "làng đá Khuổi Ky")
  is named by its bare name, which is a mention of its own;
* a Korean name has the shape "Lee Jae-yong": two capitalised syllables, the
  second hyphenated to a lowercase one, with no Vietnamese marks; the words
  before it are something else ("Posco Choi Jeong-woo").
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from glossary.extract.vi_syllables import (
    SURNAMES,
    Span,
    Syl,
    cap_run,
    korean_at,
    match,
)
from glossary.lang import vi
from glossary.model import Kind
from glossary.names.places import is_city, is_province, is_unit_name
from glossary.text import fold, word_key

__all__ = [
    "FEATURE_HEADS",
    "SETTLEMENT_HEADS",
    "place_spans",
    "settlement_name",
    "strip_settlement",
]


def _keys(*words: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(word_key(w).split()) for w in words)


# Heads of natural features and named structures; the head is part of the name.
FEATURE_HEADS = vi.FEATURE_HEADS
# Settlements below the commune; the name without its head is the place's name.
SETTLEMENT_HEADS = ("thôn", "bản", "làng", "xóm", "ấp", "buôn", "tổ dân phố")
# Capitalised, these open a name only at the start of a sentence: "Bản Giốc",
# "Bản Liền" are names of their own.
_HEADS_WHEN_INITIAL = ("thôn", "làng", "xóm", "ấp")
# Villages are often typed by one word: "làng đá", "làng cổ", "làng nghề".
_TYPED = "làng"
# "Trưởng thôn Trung Hồ": the tagger joins the title and the head.
_TITLE_BEFORE = "trưởng"
_TITLE_BEFORE_KEY = fold(_TITLE_BEFORE)


def _head_at(syls: Sequence[Syl], i: int, heads: frozenset[tuple[str, ...]]) -> int:
    return match(syls, i, heads)


def _sentence_initial(syls: Sequence[Syl], i: int) -> bool:
    return (
        i == 0
        or syls[i - 1].text in '.!?:;"“”('
        or (syls[i - 1].end < syls[i].start and "\n" in _gap(syls, i))
    )


def _gap(syls: Sequence[Syl], i: int) -> str:
    return "" if i == 0 else " " * (syls[i].start - syls[i - 1].end)


def _name_end(syls: Sequence[Syl], i: int) -> int:
    return cap_run(syls, i) if i < len(syls) and syls[i].word else i


def _feature_at(syls: Sequence[Syl], i: int) -> Span | None:
    """A feature or settlement named at syllable i."""
    s = syls[i]
    if s.key not in _HEAD_FIRSTS:
        return None  # no head here: most syllables, checked fast
    if not s.word or (i and syls[i - 1].token == s.token and not _after_title(syls, i)):
        return None  # "văn bản", "hoạt động": the head must open a word
    capital = s.text[:1].isupper()
    if (m := _head_at(syls, i, _FEATURES)) > 0:
        if capital and s.text.lower() in SURNAMES:
            return None  # "Hồ Chí Minh"
        if not capital and _ends_unit_name(syls, i, i + m):
            return None  # "Thải Giàng phố": the commune's last syllable
        k = _name_end(syls, i + m)
        if k > i + m:
            return Span(s.start, syls[k - 1].end, Kind.PLACE, "vi:feature")
        return None
    if (m := _head_at(syls, i, _SETTLEMENTS)) > 0:
        if capital and not (_head_at(syls, i, _INITIAL) and _sentence_initial(syls, i)):
            return None
        j = i + m
        if (
            s.key == _TYPED_KEY
            and j + 1 < len(syls)
            and syls[j].word
            and syls[j].text.islower()
            and syls[j + 1].cap
        ):
            j += 1  # "làng đá Khuổi Ky"
        k = _name_end(syls, j)
        if k > j:
            return Span(s.start, syls[k - 1].end, Kind.PLACE, "vi:settlement")
    return None


def _ends_unit_name(syls: Sequence[Syl], i: int, j: int) -> bool:
    """True if the lower-case head [i, j) ends, with the capitalised
    syllables right before it, the name of a district or commune the
    gazetteer knows: many communes of the north end in a syllable that is a
    head elsewhere ("Thải Giàng Phố", "Trung Lèng Hồ"), often written in
    lower case."""
    head = " ".join(s.text for s in syls[i:j])
    k = i
    while k > 0 and i - k < _UNIT_NAME_SYLLABLES and _linked_cap(syls, k - 1, k):
        k -= 1
        name = " ".join(s.text for s in syls[k:i])
        if is_unit_name(f"{name} {head}"):
            return True
    return False


def _linked_cap(syls: Sequence[Syl], a: int, b: int) -> bool:
    """True if syllable a is a capitalised word one space before syllable b."""
    return (
        syls[a].word and syls[a].text[:1].isupper() and syls[b].start - syls[a].end == 1
    )


# The most syllables of a unit's name before a head that ends it.
_UNIT_NAME_SYLLABLES = 3


def _capital_at(syls: Sequence[Syl], i: int) -> Span | None:
    """ "thành phố Cao Bằng", "TP Lào Cai": a provincial capital named like its
    province, which keeps its unit word to stay apart from the province (a
    province-level city, "thành phố Hà Nội", is the province itself)."""
    m = match(syls, i, _CITY_WORDS)
    if not m or (syls[i].text[:1].isupper() and syls[i].text != "TP"):
        return None
    k = cap_run(syls, i + m)
    name = " ".join(x.text for x in syls[i + m : k])
    if k > i + m and is_province(name) and not is_city(name):
        return Span(syls[i].start, syls[k - 1].end, Kind.PLACE, "vi:capital")
    return None


def _after_title(syls: Sequence[Syl], i: int) -> bool:
    return i > 0 and fold(syls[i - 1].text.lower()) == _TITLE_BEFORE_KEY


class _Covered:
    """Which offsets the spans `taken` cover: for the spans sorted by start,
    the furthest end among those starting at or before an offset."""

    def __init__(self, taken: Sequence[Span]) -> None:
        spans = sorted((sp.start, sp.end) for sp in taken)
        self.starts = [a for a, _ in spans]
        self.reach = list(itertools.accumulate((b for _, b in spans), max))

    def __contains__(self, at: int) -> bool:
        k = bisect.bisect_right(self.starts, at) - 1
        return k >= 0 and at < self.reach[k]


def place_spans(syls: Sequence[Syl], taken: Sequence[Span]) -> list[Span]:
    """Feature, settlement and Korean-name spans outside the spans `taken`."""
    inside = [(sp.start, sp.end) for sp in taken]
    covered = _Covered(taken)
    out: list[Span] = []
    n = len(syls)
    # where a feature, capital or Korean name may start: few syllables
    starts = [
        i
        for i, s in enumerate(syls)
        if s.key in _SCAN_FIRSTS or (i + 3 < n and syls[i + 2].text == "-")
    ]
    after = 0  # the first syllable after the last span found
    for i in starts:
        if i < after or syls[i].start in covered:
            continue
        if (k := korean_at(syls, i)) > 0:
            out.append(Span(syls[i].start, syls[k - 1].end, Kind.PERSON, "vi:korean"))
            after = k
            continue
        sp = _feature_at(syls, i) or _capital_at(syls, i)
        if sp is None or any(sp.start < b and a < sp.end for a, b in inside):
            continue
        out.append(sp)
        after = i
        while after < n and syls[after].start < sp.end:
            after += 1
    return out


def strip_settlement(text: str) -> str:
    """A settlement's bare name: "làng đá Khuổi Ky" → "Khuổi Ky".

    "Bản" capitalised opens names of their own ("Bản Giốc") and stays.
    """
    if text[:4] == "Bản ":
        return text
    n = settlement_name(text)
    return text[n:] if n else text


def settlement_name(text: str) -> int:
    """Offset of the bare name in a settlement's span ("thôn Phìn Chải 2")."""
    words = text.split(" ")
    n = 0
    for head in sorted(SETTLEMENT_HEADS, key=len, reverse=True):
        if fold(" ".join(words[: len(head.split())]).lower()) == fold(head):
            n = len(head.split())
            break
    if (
        n
        and len(words) > n + 1
        and fold(words[0].lower()) == fold(_TYPED)
        and words[n].islower()
    ):
        n += 1
    return len(" ".join(words[:n])) + 1 if n else 0


_FEATURES = _keys(*FEATURE_HEADS)
_CITY_WORDS = _keys("thành phố", "tp")
_SETTLEMENTS = _keys(*SETTLEMENT_HEADS)
_INITIAL = _keys(*_HEADS_WHEN_INITIAL)
_TYPED_KEY = next(iter(_keys(_TYPED)))[0]
_HEAD_FIRSTS = frozenset(phrase[0] for phrase in _FEATURES | _SETTLEMENTS)
# What a feature, settlement or capital starts with (`place_spans` skips the rest).
_SCAN_FIRSTS = _HEAD_FIRSTS | frozenset(phrase[0] for phrase in _CITY_WORDS)
