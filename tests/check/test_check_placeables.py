"""placeholders and numbers, each on its own (pofilter's printf and numbers)."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.check.model import Document, Field, Run, Segment
from glossary.check.placeables import numbers, placeholders


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


_UNIT = st.tuples(
    st.text(alphabet="ab 1,2.%{}", max_size=8),
    st.text(alphabet="ab 1,2.%{}", max_size=8),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_UNIT, max_size=6))
def test_a_sieve_passes_over_only_units_with_equal_keys(
    units: list[tuple[str, str]],
) -> None:
    segs = tuple(
        Segment(i, "", Field(t, "vi", "t.po", i), Field(s, "en", "t.po", i), i)
        for i, (s, t) in enumerate(units)
    )
    doc = Document("t.po", "po", segs)
    digits = re.compile(r"\d+").findall
    sieved = Run().differing(doc, digits, re.compile(r"\d").search)
    assert list(sieved) == list(Run().differing(doc, digits))
