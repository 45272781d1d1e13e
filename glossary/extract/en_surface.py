"""What the written span of an English name says on its own, memoised.

`english._name` asks the same few things of every name it emits: the name
without its possessive, its last word folded, whether a unit's number may
follow it ("Military Region 2"), whether it is a "Vietnam-US" compound or a
lone place adjective ("Central"). They depend on the written text alone,
and names recur across the documents of a corpus, so each is worked out
once per text and then read from a dict.
"""

from __future__ import annotations

from typing import NamedTuple

from glossary.extract.en_heads import plural_head
from glossary.extract.name_runs import fold
from glossary.lang.en import NUMBERED_HEADS, PLACE_ADJECTIVES

__all__ = ["FACTS", "NAMES", "is_compound", "parts_last", "without_possessive"]


def parts_last(surface: str) -> str:
    """The last word of `surface`."""
    return surface.rsplit(None, 1)[-1]


def without_possessive(surface: str, end: int) -> tuple[str, int]:
    """A name without its possessive ('s, s'), and where it then ends."""
    for suf in ("'s", "’s") if surface.endswith(("'s", "’s")) else ():
        if surface.endswith(suf):
            surface = surface[: -len(suf)]
            end -= len(suf)
    if surface.endswith(("s'", "s’")):
        surface = surface[:-1]
        end -= 1
    return surface, end


def is_compound(surface: str) -> bool:
    """True if `surface` is a "Vietnam-US" compound of capitalised parts."""
    return (
        "-" in surface
        and len(surface.split()) == 1
        and all(p[:1].isupper() for p in surface.split("-"))
    )


def _qualifier_only(surface: str) -> bool:
    """True if a name is one adjective that qualifies places ("Central",
    "Northern"): with a unit word after it, it names a region, not a unit."""
    low = surface.casefold()
    return " " not in low and (low in PLACE_ADJECTIVES or low.endswith("ern"))


class _Facts(NamedTuple):
    """What `english._name` asks of a name's surface alone."""

    last: str  # its last word, folded
    numbered: bool  # that word is a head a unit's number follows
    compound: bool  # `is_compound`
    qualifier: bool  # `_qualifier_only`


class _SurfaceFacts(dict[str, _Facts]):
    """`_Facts` of each surface seen, memoised in a dict (a hit is a C-level
    subscript, and one is taken for every name). Forgotten all at once past
    `_MEMO_MAX` surfaces."""

    def __missing__(self, surface: str) -> _Facts:
        if len(self) > _MEMO_MAX:
            self.clear()
        last = fold(parts_last(surface))
        facts = self[surface] = _Facts(
            last,
            last in NUMBERED_HEADS,
            is_compound(surface),
            _qualifier_only(surface),
        )
        return facts


class _Names(dict[str, tuple[str, int]]):
    """For each span of a run as written: the name it makes without its
    possessive ("" if it can make none: no capital first, or a plural head),
    and how many characters that cut off its end. Memoised as `_Facts`."""

    def __missing__(self, written: str) -> tuple[str, int]:
        if len(self) > _MEMO_MAX:
            self.clear()
        surface, end = without_possessive(written, len(written))
        if not surface or not surface[:1].isupper() or plural_head(surface):
            surface = ""
        named = self[written] = (surface, len(written) - end)
        return named


_MEMO_MAX = 1 << 16
FACTS = _SurfaceFacts()
NAMES = _Names()
