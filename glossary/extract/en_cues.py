"""Kinds from the words around an English name, when the name alone is silent.

A name that shows no kind of its own ("Forbes", "Touropia", "Nguoi Lao
Dong") is often typed by its neighbours: a common noun in apposition before
it ("the newspaper X", "travel site X"), a publication noun after it ("a X
report"), an office held in it ("president of X"). Each cue is a named rule
over a closed word list of `glossary.lang.en`; `org_cues` applies them to the
mentions of one document.
"""

from __future__ import annotations

import re

from glossary.extract.name_kind import is_vietnamese_name
from glossary.lang.en import ORG_DESCRIPTORS, ORG_OFFICES, ORG_PRODUCTS
from glossary.model import PERSON, Kind, Mention

__all__ = ["org_cues"]

_words = "|".join
# "the newspaper Nguoi Lao Dong", "travel site Touropia": a lower-case noun
# in apposition right before the name.
_DESCRIBED = re.compile(rf"\b(?:{_words(ORG_DESCRIPTORS)}) $")
# "a Deloitte report", "the Forbes ranking": the name modifies a publication.
_PUBLISHES = re.compile(rf" (?:{_words(ORG_PRODUCTS)})\b")
# "president of Novaland", "Thao, founder of Vietjet": an office held in it.
_HELD_IN = re.compile(rf"\b(?:{_words(ORG_OFFICES)}) of (?:the )?$")
# How far back the cues before a name look.
_REACH = 40


def described_as_org(text: str, m: Mention) -> bool:
    """Rule "org-descriptor": a common noun for an organisation stands in
    apposition right before the name ("the newspaper X", "carrier X")."""
    return _DESCRIBED.search(text, max(0, m.start - _REACH), m.start) is not None


def publishes(text: str, m: Mention) -> bool:
    """Rule "org-publication": the name modifies a report, ranking or list it
    publishes ("a X report", "the X ranking")."""
    return _PUBLISHES.match(text, m.end) is not None


def holds_office(text: str, m: Mention) -> bool:
    """Rule "org-office": an office is held in the name ("president of X",
    "a shareholder of X"); a person holds no office in a person."""
    return _HELD_IN.search(text, max(0, m.start - _REACH), m.start) is not None


# "the Thanh Nien newspaper": an outlet's own noun right after its name.
_OUTLET = ("newspaper", "magazine", "daily", "weekly", "website", "broadcaster")
_OUTLET_AFTER = re.compile(rf" (?:{_words(_OUTLET)})\b")


def names_outlet(text: str, m: Mention) -> bool:
    """Rule "org-outlet": a news outlet's noun follows the name right after
    it ("the Thanh Nien newspaper"): no person is called so, even one whose
    name has a Vietnamese person's shape."""
    return _OUTLET_AFTER.match(text, m.end) is not None


_RULES = (described_as_org, publishes, holds_office, names_outlet)


def _open_to_cues(m: Mention) -> bool:
    """True if nothing but the default made the mention's kind: untyped, or a
    person by default only (no title, no Vietnamese name shape)."""
    if m.kind is None:
        return True
    return (
        m.kind is PERSON
        and not m.title
        and " " in m.text
        and not is_vietnamese_name(m.text.split())
    )


def org_cues(text: str, out: list[Mention]) -> list[Mention]:
    """`out` with the names that a cue shows to be organisations typed so.

    Only names whose kind nothing but the default decided are retyped
    (`_open_to_cues`): a title, a head word or a gazetteer hit is stronger
    than a neighbour's word.
    """
    for i, m in enumerate(out):
        if _open_to_cues(m):
            if any(rule(text, m) for rule in _RULES):
                out[i] = m._replace(kind=Kind.ORG)
        elif m.kind is PERSON and not m.title and names_outlet(text, m):
            out[i] = m._replace(kind=Kind.ORG)
    return out
