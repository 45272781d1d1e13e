"""The capitalised-word scan of `glossary.extract.name_runs`."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.extract.name_runs import UPPER, _with_articled_words
from glossary.lang.en import NAME_ARTICLES

# The articled words as one regex finds them (slower: its look-behind is
# tried at every position).
_REFERENCE = re.compile(
    rf"(?<![\w’'\-])(?:{'|'.join(NAME_ARTICLES)})[{UPPER}]\w*(?:[’'\-][^\W_]\w*)*"
)
_PIECES = st.sampled_from(
    ["al-", "el-", "Sisi", "Sudani", "a", "l", "e", "-", "’", "'", " ", "x", "Đ", "_"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_articled_words_are_those_of_a_look_behind_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    expected = [
        (m.start(), m.end(), m.group()[:1].upper() + m.group()[1:])
        for m in _REFERENCE.finditer(text)
    ]
    assert _with_articled_words(text, []) == expected


def test_articled_words_join_the_capitalised_words_in_order() -> None:
    toks = [(0, 5, "Abdel"), (6, 12, "Fattah")]
    text = "Abdel Fattah el-Sisi met al-Sudani (not gel-Sisi)."
    assert _with_articled_words(text, toks) == [
        *toks,
        (13, 20, "El-Sisi"),
        (25, 34, "Al-Sudani"),
    ]
