"""Chinese persons written in Sino-Vietnamese and in pinyin: one concept.

Private pass of the corpus stage (`glossary.cluster.corpus`). Vietnamese
writes Chinese names in their Sino-Vietnamese reading ("Lý Cường" for 李强,
Li Qiang). When the corpus also writes the pinyin name, the two persons are
linked ("sino-vietnamese" evidence) if exactly one pinyin name fits the
readings of every syllable. Otherwise a person named in a sentence about
China gets the likeliest pinyin reading in a note, to be checked: it is a
suggestion, never a term.
"""

from __future__ import annotations

from collections.abc import Callable

from glossary.cluster.base import Group
from glossary.cluster.tally import CHINA_WORDS, forms
from glossary.model import Kind
from glossary.names import world
from glossary.names.places import has_diacritics


def _full_names(g: Group, lang: str) -> list[str]:
    return [text for text, in_lang in forms(g) if in_lang == lang and " " in text]


def link_sino_vietnamese(
    groups: list[Group], absorb: Callable[[Group, Group, str], None]
) -> None:
    """Join each Sino-Vietnamese person to the one pinyin person it reads as."""
    persons = [g for g in groups if g.merged_into is None and g.kind is Kind.PERSON]
    english = [g for g in persons if _full_names(g, "en") and not _full_names(g, "vi")]
    for g in persons:
        names = [n for n in _full_names(g, "vi") if has_diacritics(n)]
        if not names or _full_names(g, "en"):
            continue
        fits = [
            h
            for h in english
            if h.merged_into is None
            and any(
                world.sino_vietnamese_match(n, e)
                for n in names
                for e in _full_names(h, "en")
            )
        ]
        if len(fits) == 1:
            absorb(g, fits[0], "sino-vietnamese")
        elif not fits and any(
            c in m.context for m, _, _ in g.members for c in CHINA_WORDS
        ):
            reading = world.pinyin_reading(max(names, key=len))
            if reading is not None:
                g.notes.append(f"pinyin reading to check: {reading}")
