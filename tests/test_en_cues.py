"""Kinds from the words around an English name (`glossary.extract.en_cues`).
Sentences made up for the rules, not taken from the labelled sets."""

from __future__ import annotations

import pytest
from conftest import english_kinds as _kinds

from glossary.model import Kind


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        ("He told the magazine Tuoi Tre Cuoi about his plans.", "Tuoi Tre Cuoi"),
        ("Review portal Tripadvisor listed the hotel.", "Tripadvisor"),
        ("A Nielsen survey found demand rising.", "Nielsen"),
        ("The Gartner ranking put it third.", "Gartner"),
        ("Tran Van Ba, chairman of Hungthinh, spoke first.", "Hungthinh"),
    ],
)
def test_a_cue_around_an_untyped_name_makes_it_an_organisation(
    sentence: str, org: str
) -> None:
    assert _kinds(sentence).get(org) is Kind.ORG


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("The singer Tran Thu Ha sang.", "Tran Thu Ha", Kind.PERSON),
        ("The carrier flew to Da Nang City daily.", "Da Nang City", Kind.PLACE),
        ("He met Anna Berg, chairman of the board.", "Anna Berg", Kind.PERSON),
    ],
)
def test_a_cue_does_not_override_a_kind_the_name_shows(
    sentence: str, name: str, kind: Kind
) -> None:
    assert _kinds(sentence).get(name) is kind
