"""Head nouns at the end of an English name, and right after it.

`plural_head` tells a plural head noun ("Deputy Secretaries", "People's
Committees"): a class of things, not one name. `place_head_end` finds a
lower-case place head written after a name ("Vung Tau city", "Gio Mountain
pass", "Lung Cu flag tower") that belongs to it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from glossary.extract.name_runs import fold
from glossary.lang.en import (
    COMPOUND_PLACE_HEADS,
    EVENT_WORDS,
    ORG_HEADS,
    ORG_PRODUCTS,
    PLACE_WORDS,
)
from glossary.names.titles import TITLE_HEADS

__all__ = ["EVENTS_AFTER", "READ_AFTER", "UNITS", "place_head_end", "plural_head"]


@lru_cache(maxsize=1 << 14)
def plural_head(surface: str) -> bool:
    """True if a name ends in a plural head noun: a class, not a name.

    "Deputy Secretaries", "People's Committees", "Vice Chairmen" (but
    "Vietnam Airlines", "Sovico Holdings": plurals that are heads themselves).
    """
    last = fold(surface.rsplit(None, 1)[-1])
    if len(last) < 4 or last in ORG_HEADS or last in PLACE_WORDS:
        return False
    if last.endswith("men"):
        stems: tuple[str, ...] = (last[:-3] + "man",)
    elif last.endswith("s"):
        stems = (last[:-1], last[:-2], last[:-3] + "y")
    else:
        return False
    return any(
        st in ORG_HEADS or st in PLACE_WORDS or st in TITLE_HEADS for st in stems
    )


def place_head_end(after: re.Match[str], last: str) -> int:
    """Where a lowercase place head right after a name ends, or 0.

    "Vung Tau city", "Gio Mountain pass", "Lung Cu flag tower"; not a second
    administrative word ("Hanoi City city" is no name).
    """
    pair = f"{after.group(1)} {after.group(2)}"
    if after.group(2) and pair in COMPOUND_PLACE_HEADS:
        return after.end()
    word = after.group(1)
    if word in _HEADS_AFTER and (
        last not in PLACE_WORDS or (last in _FEATURES and word in _ON_FEATURES)
    ):
        return after.end(1)
    return 0


# Place words that also follow a name as common nouns ("US market", "Hanoi
# street food"): they make a place only when capitalised in the run.
_HEADS_AFTER = PLACE_WORDS - {
    "market",
    "spring",
    "peak",
    "tower",
    "gate",
    "quarter",
    "highway",
}
# A feature named on another one: "Gio Mountain pass", "Red River delta".
_FEATURES = frozenset({"mountain", "mountains", "river", "hill", "lake"})
_ON_FEATURES = frozenset({"pass", "valley", "delta", "waterfall", "falls", "cave"})
# Plural unit words after a name: a region ("Northern districts"), no name.
UNITS = frozenset({"provinces", "districts", "communes", "towns", "cities", "regions"})
# Event words after a name label an event; "a Deloitte report" is what the
# name publishes (`en_cues`).
EVENTS_AFTER = EVENT_WORDS - frozenset(ORG_PRODUCTS)
# The first words after a name that `english._name` reads: the first of a
# place head (`place_head_end` is 0 after any other), a plural unit, an event.
READ_AFTER = (
    _HEADS_AFTER
    | {pair.split()[0] for pair in COMPOUND_PLACE_HEADS}
    | UNITS
    | EVENTS_AFTER
)
