"""SubstringIndex answers as Python's `in` does, however the words are typed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from glossary.text import fold
from glossary.text.substrings import SubstringIndex

# short strings over a few letters, so that words match often and across
# the start and end of strings; "đ" and "ơ" make multi-byte UTF-8
_TEXT = st.text(alphabet="ab nđơ1", max_size=8)


def _expected(strings: list[str], word: str) -> list[int]:
    return [i for i, s in enumerate(strings) if word in s]


@given(st.lists(_TEXT, max_size=40), st.lists(_TEXT, min_size=1, max_size=6))
def test_containing_agrees_with_in(strings: list[str], typed: list[str]) -> None:
    """Each word typed letter by letter and erased (narrowing, cached answers)."""
    index = SubstringIndex(strings)
    for word in typed:
        steps = [word[: i + 1] for i in range(len(word))]
        for w in [*steps, *steps[::-1], word[1:], word[:-1]]:
            assert index.containing(w).tolist() == _expected(strings, w), w


@given(st.lists(st.text(alphabet="ab\0", max_size=4), max_size=10), _TEXT)
def test_a_nul_in_a_string_falls_back_to_a_scan(strings: list[str], word: str) -> None:
    assert SubstringIndex(strings).containing(word).tolist() == _expected(strings, word)


def test_long_word_list_narrows_and_is_cheap_after() -> None:
    """Real folded names: the first letters, then words found from them."""
    names = ["Nguyễn Văn Chính", "Hà Nội", "Phạm Minh Chính", "Bộ Y tế", "Hưng Yên"]
    strings = [fold(f"{n} {i}") for i in range(3_000) for n in names]
    index = SubstringIndex(strings)
    assert not index.cheap("ch")
    for w in ("c", "ch", "chi", "chinh 12", "chinh 1234", "y", "y t", "zz"):
        assert index.containing(w).tolist() == _expected(strings, w), w
    assert index.cheap("chinh 123")  # narrows the offsets of "chinh 12"
    assert index.cheap("n")  # one letter: its character set
    assert not index.cheap("ha n")
