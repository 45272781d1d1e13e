from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from glossary.cluster_base import (
    _pack,
    _pack_extra,
    _strip_admin,
    _unpack,
    _unpack_extra,
    _words,
    norm_key,
)
from glossary.model import Evidence, Kind, Mention, TermType


def test_administrative_words_stripped_from_place_names() -> None:
    assert _strip_admin("Tam Kỳ city") == "Tam Kỳ"
    assert _strip_admin("Vinh Long Province") == "Vinh Long"
    assert _strip_admin("City") == "City"  # never down to nothing
    assert norm_key("Vinh Long Province", Kind.PLACE) == norm_key(
        "Vĩnh Long", Kind.PLACE
    )


@given(st.text())
def test_words_cover_the_text_between_separators(text: str) -> None:
    words = _words(text)
    assert all(words)
    assert "".join(words) == re.sub(r"[\s,]+", "", text)


_offsets = st.integers(min_value=-1, max_value=5)
_mentions = st.builds(
    Mention,
    text=st.text(max_size=5),
    document=st.sampled_from(["a.txt", "b.txt"]),
    start=_offsets,
    end=_offsets,
    lang=st.sampled_from(["en", "vi"]),
)
_evidence = st.builds(
    Evidence,
    rule=st.text(max_size=3),
    document=st.sampled_from(["", "a.txt", "b.txt"]),
    start=_offsets,
    end=_offsets,
    detail=st.text(max_size=3),
)
_types = st.sampled_from(list(TermType))


@given(st.lists(st.tuples(_mentions, _types, _evidence)))
def test_packed_members_unpack_to_the_same_evidence(
    members: list[tuple[Mention, TermType, Evidence]],
) -> None:
    # evidence at its mention's place travels as (rule, detail), the rest whole
    assert _unpack(_pack(members)) == members


@given(st.lists(st.tuples(st.text(max_size=3), _types, _evidence, _mentions)))
def test_packed_extras_unpack_to_the_same_evidence(
    items: list[tuple[str, TermType, Evidence, Mention]],
) -> None:
    extra = [(text, "en", t, ev, m) for text, t, ev, m in items]
    assert _unpack_extra(_pack_extra(extra)) == extra


def test_evidence_at_the_mention_travels_without_its_place() -> None:
    m = Mention("Hà Nội", "a.txt", 3, 9, "vi")
    packed = _pack(
        [
            (m, TermType.FULL_FORM, Evidence("same-name", "a.txt", 3, 9)),
            (m, TermType.SHORT_FORM, Evidence("title", "a.txt", 0, 9, "PM")),
        ]
    )
    assert packed[0] == (m, TermType.FULL_FORM, "same-name", "")
    assert packed[1][2] == Evidence("title", "a.txt", 0, 9, "PM")
