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


def test_one_table_of_noun_endings_with_known_roles() -> None:
    endings = [e for _, es in name_words.NOUN_ENDINGS for e in es.split()]
    assert len(set(endings)) == len(endings)
    assert all(e == e.casefold() and e.isalpha() for e in endings)
    roles = [frozenset(rs.split()) for rs, _ in name_words.NOUN_ENDINGS]
    assert len(set(roles)) == len(roles)  # one row per set of roles
    assert set().union(*roles) == {"title", "term", "run", "common", "phrase"}
    # a word with a phrase ending has a common word's ending too
    common = name_words.COMMON_WORD_ENDINGS
    assert all(p.endswith(common) for p in name_words.PHRASE_ENDINGS)
    assert "Security".casefold().endswith(name_words.TITLE_COMPLEMENT_ENDINGS)
    assert "economy".endswith(name_words.NOMINAL_ENDINGS)
    assert not "Hanoi".casefold().endswith(name_words.COMMON_WORD_ENDINGS)
