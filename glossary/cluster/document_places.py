"""Passes of the document stage that tell apart places sharing a name.

Passes of `glossary.cluster.document.DOCUMENT_PASSES`: once every name of a
document is in a group, a bare name that the document uses for its
provincial capital joins the city, not the province of the same name.
"""

from __future__ import annotations

import re

from glossary.cluster.base import (
    DocumentState,
    Group,
    absorb_short_form,
    evidence_at,
    name_key,
    provincial_capital,
    split_words,
)
from glossary.extract.nested import SOURCE as NESTED
from glossary.model import PLACE, SHORT_FORM, Mention
from glossary.names import places as restore

# A sentence that speaks of provinces: its bare names are provinces.
_PROVINCE_WORD = re.compile(r"\b(?:provinc(?:e|es|ial)|tỉnh)\b", re.IGNORECASE)


def link_capital_mentions(state: DocumentState) -> None:
    """A bare name the document uses for its provincial capital is the city.

    "Lao Cai City" and "Lao Cai" in one document: when the document writes
    the province nowhere with its unit word ("Lao Cai Province", "tỉnh Lào
    Cai"), a bare "Lao Cai" after the city's first mention, in a sentence
    that neither speaks of provinces nor lists it with other provinces,
    refers back to the city (short form, evidence "capital-of-document");
    any other stays the province's.
    """
    capitals: dict[str, Group] = {}
    for g in state.order:
        if g.kind is PLACE and g.merged_into is None:
            for m, _, _ in g.members:
                if name := provincial_capital(m.text):
                    capitals.setdefault(name_key(name), g)
    if not capitals:
        return
    sentences = {m.context: None for m in state.mentions}
    names: dict[str, set[str]] = {}  # the capitals' names as written
    for m in state.mentions:
        if m.kind is PLACE and name_key(m.text) in capitals:
            names.setdefault(name_key(m.text), set()).add(m.text.lower())
    with_unit = {k for k, v in names.items() if _province_written(v, sentences)}
    provinces_of = _provinces_by_sentence(state.mentions)
    for g in state.order:
        if g.kind is not PLACE or g.merged_into is not None:
            continue
        for item in list(g.members):
            m = item[0]
            key = name_key(m.text)
            city = capitals.get(key)
            if (
                city is None
                or m.source == NESTED  # named by the longer name, not the sentence
                or city is g
                or m.start < city.members[0][0].start  # not yet introduced
                or key in with_unit
                or _PROVINCE_WORD.search(m.context)
                or provinces_of.get(m.context, 0) > 1
            ):
                continue
            g.members.remove(item)
            city.add(
                m,
                SHORT_FORM,
                evidence_at("capital-of-document", m, city.members[0][0].text),
            )
            if not g.members:  # every mention was the city's
                city.extra.extend(g.extra)
                g.merged_into = city


def _province_written(names: set[str], sentences: dict[str, None]) -> bool:
    """True if a sentence writes one of `names` as a province, with its unit
    word ("Lao Cai Province", "tỉnh Lào Cai"), in a longer name or not."""
    forms = [f"tỉnh {n}" for n in names] + [f"{n} province" for n in names]
    return any(f in s.lower() for s in sentences for f in forms)


def _provinces_by_sentence(mentions: list[Mention]) -> dict[str, int]:
    """How many provinces each sentence names bare ("Lào Cai, Yên Bái and
    Tuyên Quang": a list of peers, all provinces)."""
    seen: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind is PLACE and restore.is_province(m.text):
            seen.setdefault(m.context, set()).add(name_key(m.text))
    return {s: len(v) for s, v in seen.items()}


def link_country_short_names(state: DocumentState) -> None:
    """Join a one-word place to the one country of the document it ends or opens.

    "Korea" beside "South Korea", "Việt" (of "Việt - Nga") beside "Việt
    Nam": a short form (evidence "country-short-name"), unless the word is a
    country's own name ("Sudan" is not "South Sudan") or fits two
    ("Korea" beside South and North Korea).
    """
    places = [g for g in state.order if g.kind is PLACE and g.merged_into is None]
    countries = [
        (g, split_words(g.members[0][0].text))
        for g in places
        if restore.is_country(g.members[0][0].text)
    ]
    if not countries:
        return
    for g in places:
        text = g.members[0][0].text
        if (
            " " in text
            or restore.country_name(text)
            or restore.english_country_name(text)
        ):
            continue
        fits = {
            id(h): h
            for h, words in countries
            if h is not g and len(words) > 1 and text in (words[0], words[-1])
        }
        if len(fits) == 1:
            absorb_short_form(next(iter(fits.values())), g, "country-short-name")
