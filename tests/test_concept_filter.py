"""The filter language, without Textual."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from glossary import concept_filter
from glossary.store import TermBase


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
