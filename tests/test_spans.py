"""glossary.spans: annotate's spans, made from arrays as they are read."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from hypothesis import given
from hypothesis import strategies as st

from glossary import Glossary
from glossary.spans import Span, Spans

SEED = (SEEDS / "000_ee629b6e4a47ac1f.txt").read_text(encoding="utf-8")
PEOPLE = ["Phạm Minh Chính", "Minh Chính", "Chính phủ", "Hà Nội", "Nội Bài", "Hà"]
GLOSSARY = Glossary.from_records(
    [
        {"kind": "term", "terms": [{"text": t, "lang": "vi", "status": "preferred"}]}
        for t in PEOPLE
    ]
    + [
        {"kind": "term", "terms": [{"text": "Hà", "lang": "vi"}]},  # ambiguous
    ]
)
WORDS = [*" ".join(PEOPLE).split(), "PHẠM", "ha", "noi", "và", "bai", "Chinh"]
TEXTS = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", ", ", ". ", "\n", "-"])),
    max_size=30,
).map(lambda parts: "".join(w + s for w, s in parts))


def one_by_one(g: Glossary, text: str) -> list[Span]:
    """What annotate returned before: a Span built for every match."""
    entries = g._entries
    return [
        Span(s, e, text[s:e], entries[i].concepts, entries[i].ambiguous)
        for s, e, i in g._automaton.matches(text)
    ]


@given(TEXTS)
def test_spans_are_the_spans_built_one_by_one(text: str) -> None:
    spans = GLOSSARY.annotate(text)
    expected = one_by_one(GLOSSARY, text)
    assert list(spans) == expected
    assert spans == expected
    assert len(spans) == len(expected)
    assert [spans[i] for i in range(len(spans))] == expected
    if expected:
        assert spans[-1] == expected[-1]
        assert spans[1::2] == expected[1::2]


def test_spans_of_overlapping_keys_take_the_leftmost_longest() -> None:
    text = "Phạm Minh Chính phủ Hà Nội Bài, ha noi bai"
    assert [(s.text, s.ambiguous) for s in GLOSSARY.annotate(text)] == [
        ("Phạm Minh Chính", False),
        ("Hà Nội", False),
        ("ha noi", False),
    ]
    assert [s.text for s in GLOSSARY.annotate("Hà, Minh Chính phủ")] == [
        "Hà",
        "Minh Chính",
    ]
    assert GLOSSARY.annotate("Hà")[0].ambiguous


def test_spans_behave_as_a_read_only_sequence() -> None:
    spans = GLOSSARY.annotate(SEED)
    assert isinstance(spans, Spans)
    assert len(spans) > 0
    with pytest.raises(IndexError):
        spans[len(spans)]
    assert spans != "not spans"
    assert GLOSSARY.annotate("nothing here") == []
    assert not GLOSSARY.annotate("")
    assert repr(GLOSSARY.annotate("Hà Nội")).startswith("Spans([Span(start=0, end=6")
