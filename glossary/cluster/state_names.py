"""Organisations across documents that share a state body's full name.

"Binh Dinh People's Committee" and "People's Committee of Binh Dinh
Province" in two documents are one body: the state patterns
(`glossary.names.state`) read both as "Ủy ban nhân dân tỉnh Bình Định". The
name must come from a pattern that holds a place or country name. A body of
the national data named bare ("Government" → "Chính phủ", "Politburo" → "Bộ
Chính trị") is any country's in a document about that country, and generic
local bodies ("provincial People's Committee") name a different province's
body in each document: neither joins anything.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

from glossary.cluster.base import Group
from glossary.cluster.tally import full_forms
from glossary.model import Kind
from glossary.names.state import vietnamese_name

__all__ = ["join_same_state_names"]

# the state patterns whose Vietnamese name holds the place or country the
# English one names (not "Ministry of Finance" → "Bộ Tài chính": any country's)
_NAMED = frozenset(
    {
        "peoples_body",
        "party_committee",
        "provincial_department",
        "government_of",
        "joint_committee",
        "free_trade_agreement",
    }
)
_KINDS = frozenset({Kind.ORG})
# words that do not tell two English names of one body apart
_FILLER = frozenset({"of", "the", "province", "city"})


def join_same_state_names(
    groups: Iterable[Group], absorb: Callable[[Group, Group, str], None]
) -> None:
    """Join the groups of one kind that share a full Vietnamese name.

    A name counts when a group's English full form reads as it through a
    pattern that holds a place or country name; the groups holding it
    (as that reading or as a Vietnamese full form) join the first, by
    `absorb` with evidence "same-state-name", unless two of them are named
    differently in English ("Vice Chairman", "Deputy Chairman": both
    "Phó Chủ tịch", but two posts as written).
    """
    holders: dict[tuple[Kind, str], list[Group]] = {}
    proven: set[tuple[Kind, str]] = set()
    for g in groups:
        if g.merged_into is not None or g.local or g.kind not in _KINDS:
            continue
        for text, national in _vietnamese_names(g).items():
            key: tuple[Kind, str] = (g.kind, text)
            holders.setdefault(key, []).append(g)
            if national:
                proven.add(key)
    for key in proven:
        found = {id(r): r for r in (h.root() for h in holders[key])}
        if len(found) < 2:
            continue
        roots = list(found.values())
        if _conflict(roots):
            continue
        for g in roots[1:]:
            absorb(roots[0], g, "same-state-name")


def _vietnamese_names(g: Group) -> dict[str, bool]:
    """Each full Vietnamese name of `g` → True if a pattern with a place or
    country name gives it (read from an English full form), False if
    only written."""
    out: dict[str, bool] = {}
    for text, lang in full_forms(g):
        if lang == "vi":
            out.setdefault(unicodedata.normalize("NFC", text), False)
            continue
        hit = vietnamese_name(text, g.kind)
        if hit is not None and hit.rule in _NAMED:
            out[unicodedata.normalize("NFC", hit.text)] = True
    return out


def _english_names(g: Group) -> set[frozenset[str]]:
    """The content words of each English full form written for `g`."""
    return {
        frozenset(text.replace("’", "'").casefold().split()) - _FILLER
        for text, lang in full_forms(g)
        if lang == "en"
    }


def _conflict(groups: list[Group]) -> bool:
    """True if two of `groups` have English names and none in common."""
    named = [n for n in map(_english_names, groups) if n]
    return any(a.isdisjoint(b) for i, a in enumerate(named) for b in named[i + 1 :])
