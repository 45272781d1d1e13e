from __future__ import annotations

from glossary.lang import en as name_words
from glossary.text import fold


def test_lists_hold_folded_words_as_the_extractor_looks_them_up() -> None:
    # extract.py compares fold(word) against these sets: a capital or a
    # diacritic in a list entry would never match
    for name in ("ORG_HEADS", "PLACE_WORDS", "MONTHS", "WEEKDAYS", "EVENT_WORDS"):
        words = getattr(name_words, name)
        assert words, name
        assert all(fold(w) == w for w in words), name


def test_heads_and_calendar_words_do_not_overlap() -> None:
    assert not name_words.ORG_HEADS & name_words.MONTHS
    assert not name_words.PLACE_WORDS & name_words.WEEKDAYS
    assert {"committee", "ministry", "fc"} <= name_words.ORG_HEADS
