"""placeholders and numbers, each on its own (pofilter's printf and numbers)."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.check.model import Document, Field, Run, Segment
from glossary.check.placeables import (
    _DIGITS,
    _QUICK,
    _sieve,
    numbers,
    placeholders,
)


def test_dropped_and_added_placeholders(pairs: Callable[..., Document]) -> None:
    doc = pairs([("Delete %s files from %(dir)s?", "Xoá các tệp từ %(dir)s? {0}")])
    found = [(f.side, f.text) for f in placeholders(doc, Run())]
    assert found == [("source", "%s"), ("target", "{0}")]


def test_numbered_may_move_unnumbered_may_not(pairs: Callable[..., Document]) -> None:
    ok = pairs([("%1$s of %2$d", "%2$d của %1$s"), ("100%% done", "xong 100%%")])
    assert list(placeholders(ok, Run())) == []
    (f,) = placeholders(pairs([("%s has %d", "%d có %s")]), Run())
    assert "order" in f.message


def test_numbers_in_either_convention_and_dates(pairs: Callable[..., Document]) -> None:
    doc = pairs(
        [
            ("1,000.5 tonnes on April 1", "1.000,5 tấn ngày 1/4"),
            ("the 16th session", "kỳ họp thứ 16"),
        ]
    )
    assert list(numbers(doc, Run())) == []


def test_changed_number_is_reported_on_both_sides(
    pairs: Callable[..., Document],
) -> None:
    found = list(numbers(pairs([("25 units", "52 đơn vị")]), Run()))
    assert [(f.side, f.text) for f in found] == [("source", "25"), ("target", "52")]


_TEXT = st.text(
    alphabet=st.sampled_from("ab 1,2.%{}:$(s)d\U0001f600")
    | st.characters(categories=["Nd"]),
    max_size=10,
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_sieve_finds_every_text_with_a_placeholder_or_a_number(text: str) -> None:
    if _QUICK.findall(text) or _DIGITS.findall(text):
        assert _sieve().search(text)
    if _DIGITS.findall(text):
        assert _sieve(placeholders=False).search(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT), max_size=6))
def test_sieved_units_are_those_whose_keys_differ(pairs: list[tuple[str, str]]) -> None:
    segs = tuple(
        Segment(i, "", Field(t, "vi", "t.po", i), Field(s, "en", "t.po", i), i)
        for i, (s, t) in enumerate(pairs)
    )
    doc = Document("t.po", "po", segs)
    run = Run()  # the sieves' results are kept across checks
    digits = _sieve(placeholders=False)
    for key, sieves in ((_QUICK, [_sieve()]), (_DIGITS, [_sieve(), digits])):
        differ = [
            segs[i]
            for i, (s, t) in enumerate(pairs)
            if key.findall(s) != key.findall(t) and t.strip()
        ]
        assert list(run.differing(doc, key, *sieves)) == differ
