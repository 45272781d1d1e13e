"""Language detection's quick "en" exit and its count by space-separated
pieces give the answer of a full count of the words."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from conftest import SEEDS, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.text.tokens import (
    _MARK_FREE,
    _PIECES,
    _VI_PIECES,
    _WORD_RUN,
    _en_weight,
    _has_marks,
    _is_mark,
    _non_ascii,
    _rejoin,
    _surely_english,
    _vi_share,
    _vi_weight,
    detect_language,
    detects_vietnamese,
)

NEWS_DEV = SHARED / "corpus" / "news-dev"


def _word_counts(text: str) -> Counter[str]:
    """How often each word of `_scan` occurs (text without combining marks):
    `detect_language`'s count before it weighed space-separated pieces."""
    counts = Counter(_WORD_RUN.findall(text))
    for run in [r for r in counts if r.isnumeric() or "'" in r or "’" in r]:
        n = counts.pop(run)
        for word in _rejoin(run) if not run.isnumeric() else ():
            counts[word] += n
    return counts


def _full_count(text: str) -> str:
    """`detect_language` without the quick exit and the pieces (text without
    marks): every word counted, then weighed."""
    share = _vi_share(_word_counts(text))
    if share is None or share <= 0.25:
        return "en"
    return "vi" if share >= 0.75 else "mixed"


def _real_texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt"))
    if NEWS_DEV.is_dir():
        paths += sorted(NEWS_DEV.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def test_quick_exit_agrees_with_a_full_count_on_real_news() -> None:
    texts = _real_texts()
    langs = {detect_language(t) for t in texts}
    assert langs >= {"en", "vi"}, "both languages are among the real texts"
    quick = 0
    for text in texts:
        assert not _has_marks(text)
        assert detect_language(text) == _full_count(text)
        quick += _surely_english(text)
    assert quick, "some English news is settled by its prefix"


def test_quick_exit_is_not_taken_for_vietnamese_with_english_lead() -> None:
    # An English first paragraph, then a long Vietnamese body.
    lead = "The minister said the talks went well for both sides. " * 10
    body = "Thủ tướng Phạm Minh Chính đã tiếp đoàn đại biểu. " * 200
    text = lead + body
    assert not _surely_english(text)
    assert detect_language(text) == _full_count(text) == "vi"


# Words that vote English, Vietnamese or not at all, with separators that
# keep or break words (apostrophes join, spaces and quotes split).
_WORDS = st.sampled_from(
    [
        "the",
        "talks",
        "Minister",
        "Minh",
        "to",
        "can",
        "Việt",
        "Nam",
        "tướng",
        "đã",
        "Phạm",
        "country’s",
        "Belarus's",
        "2024",
        "x’y",
        "naïve",
        "café",
    ]
)
_SEPS = st.sampled_from([" ", "  ", "\n", ", ", " “", "” ", "’", "'", " - "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SEPS), max_size=600))
def test_detect_language_equals_a_full_count(pairs: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in pairs)
    assert detect_language(text) == _full_count(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SEPS), max_size=60))
def test_weights_by_space_separated_piece_add_up_to_the_words(
    pairs: list[tuple[str, str]],
) -> None:
    text = "".join(w + s for w, s in pairs)
    counts = _word_counts(text)
    pieces = text.split(" ")
    for weights, weight in ((_PIECES, _en_weight), (_VI_PIECES, _vi_weight)):
        by_word = sum(n * weight(w) for w, n in counts.items())
        assert sum(map(weights.__getitem__, pieces), 0.0) == by_word


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_detect_language_equals_a_full_count_on_any_text(text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    if not _has_marks(text):
        assert detect_language(text) == _full_count(text)


def test_no_combining_mark_lies_in_the_mark_free_ranges() -> None:
    ranges = [(0x80, 0x300), (0x1E00, 0x1F00), (0x2000, 0x20D0)]
    inside = "".join(chr(c) for low, high in ranges for c in range(low, high))
    assert _MARK_FREE.fullmatch(inside)
    assert not any(map(_is_mark, inside))
    assert not _MARK_FREE.fullmatch("\u0300")
    assert not _MARK_FREE.fullmatch("\u20d0")


def test_detect_language_equals_a_full_count_on_each_line_of_real_news() -> None:
    lines = [line for t in _real_texts() for line in t.splitlines() if line.strip()]
    assert [detect_language(line) for line in lines] == list(map(_full_count, lines))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SEPS), max_size=300))
def test_detects_vietnamese_is_detect_language_saying_vi(
    pairs: list[tuple[str, str]],
) -> None:
    text = "".join(w + s for w, s in pairs)
    assert detects_vietnamese(text) == (detect_language(text) == "vi")


def test_detects_vietnamese_on_each_line_of_real_news() -> None:
    lines = [line for t in _real_texts() for line in t.splitlines() if line.strip()]
    found = [detects_vietnamese(line) for line in lines]
    assert found == [detect_language(line) == "vi" for line in lines]
    assert any(found)
    assert not all(found)


_NON_ASCII_LETTER = re.compile(r"[^\W_\x00-\x7f]")
_NON_ASCII_CHAR = re.compile(r"[^\x00-\x7f]")


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_non_ascii_characters_and_letters_are_those_of_their_patterns(
    text: str,
) -> None:
    found = _non_ascii(text)
    assert found == "".join(_NON_ASCII_CHAR.findall(text))
    assert sum(map(str.isalnum, found)) == len(_NON_ASCII_LETTER.findall(text))


def test_non_ascii_characters_of_the_seeds() -> None:
    for text in _real_texts():
        assert _non_ascii(text) == "".join(_NON_ASCII_CHAR.findall(text))
    assert _non_ascii("Phạm Minh Chính’s\ud800") == "ạí’\ud800"


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_has_marks_is_any_combining_mark(text: str) -> None:
    assert _has_marks(text) == any(map(_is_mark, text))
