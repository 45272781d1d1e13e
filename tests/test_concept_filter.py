"""The filter language, without Textual."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from glossary import concept_filter
from glossary.model import ConceptStatus, Kind
from glossary.store import ConceptSummary, TermBase


def test_parse_fields_and_words() -> None:
    q = concept_filter.parse("k:pers  Hà   Nội st:cand flag:")
    assert q == concept_filter.Query(words=("ha noi",), kind="pers", status="cand")


def test_select_matches_python_loop(sample_termbase: TermBase) -> None:
    rows = sample_termbase.summaries()
    hay = [concept_filter.haystack(r) for r in rows]
    for text in ("chinh", "ha noi", "pm", "kind:place", "flag:amb chinh", "zz"):
        q = concept_filter.parse(text)
        slow = [
            r for r, h in zip(rows, hay, strict=True) if concept_filter.matches(q, r, h)
        ]
        assert concept_filter.select(rows, hay, text) == slow, text


@given(st.lists(st.text(alphabet="abc \0", max_size=6), max_size=20), st.text("abc"))
def test_containing_agrees_with_in(hay: list[str], word: str) -> None:
    hay = [h.replace("\0", "") for h in hay]
    expected = [i for i, h in enumerate(hay) if word in h]
    if word:
        assert concept_filter._containing(hay, word) == expected


def test_service_does_not_import_textual() -> None:
    import subprocess
    import sys

    code = "import sys, glossary.review; print('textual' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_filter_index_agrees_with_select_while_typing(
    sample_termbase: TermBase,
) -> None:
    """Typing and erasing (cached answers, narrowing) gives the plain answers."""
    rows = sample_termbase.summaries()
    hay = [concept_filter.haystack(r) for r in rows]
    index = concept_filter.FilterIndex(rows)
    for query in ("chinh phu", "ha noi", "k:pers chinh", "flag:amb", "pm"):
        typed = [query[: i + 1] for i in range(len(query))]
        for text in typed + typed[::-1] + [""]:
            assert list(index.select(text)) == concept_filter.select(rows, hay, text), (
                text
            )


def test_filter_index_cheap_only_when_at_hand(sample_termbase: TermBase) -> None:
    index = concept_filter.FilterIndex(sample_termbase.summaries())
    assert index.cheap("")
    assert not index.cheap("chi")
    index.select("chi")
    assert index.cheap("chi")  # answered before
    assert index.cheap("chinh")  # narrows the rows of "chi"
    assert not index.cheap("kind:person")  # fields: worker


_KEYS = st.text(alphabet="abn ", min_size=1, max_size=5)
_SUMMARY = st.builds(
    lambda i, status, keys: ConceptSummary(
        i, Kind.PERSON, status, keys, 1, 0, frozenset(), keys
    ),
    st.integers(1, 40),
    st.sampled_from(list(ConceptStatus)),
    _KEYS,
)


@given(
    st.lists(_SUMMARY, max_size=30, unique_by=lambda r: r.id),
    st.lists(
        st.tuples(
            st.lists(_SUMMARY, max_size=3, unique_by=lambda r: r.id),
            st.sets(st.integers(1, 40), max_size=3),
        ),
        max_size=4,
    ),
    st.sampled_from(["", "a", "ab", "n b", "status:app", "st:cand b", "zz"]),
)
def test_a_patched_index_answers_as_one_built_anew(
    rows: list[ConceptSummary],
    steps: list[tuple[list[ConceptSummary], set[int]]],
    text: str,
) -> None:
    """After review actions (rows changed, added, gone), the patched index
    gives what an index of the same rows, built anew, gives."""
    order: Callable[[ConceptSummary], Any] = concept_filter.SORTS["label"]
    index: concept_filter.FilterIndex = concept_filter.FilterIndex(
        sorted(rows, key=order)
    )
    index.select(text)
    expected = {r.id: r for r in rows}
    for fresh, gone in steps:
        index = index.changed(fresh, gone, order)
        for cid in gone:
            expected.pop(cid, None)
        expected.update((r.id, r) for r in fresh)
        assert sorted(r.id for r in index.rows) == sorted(expected)
        assert [order(r) for r in index.rows] == sorted(order(r) for r in index.rows)
        anew = concept_filter.FilterIndex(index.rows)
        assert list(index.select(text)) == list(anew.select(text))
        for r in index.rows:  # the table finds each row where it is
            assert index.select("")[index.select("").position(r.id) or 0] is r
