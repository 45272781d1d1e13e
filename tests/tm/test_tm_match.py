"""tm.match: tokens, placeables, the CAT-style score and highlighting."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from tm import service
from tm.match import (
    _tokenize_matched,
    adapt,
    best_matches,
    decode_tokens,
    encode_tokens,
    fold_words,
    highlight_spans,
    index_words,
    score,
    source_words,
    tokenize,
    top_scored,
    unequal_keys_ceiling,
)
from tm.model import Match, Unit

TM_DATA = Path(__file__).resolve().parent.parent / "data" / "tm"


def test_placeables_are_one_class() -> None:
    t = tokenize("Open <b>%s</b> at https://x.vn/a, {name} or 3.5")
    assert t.placeables == ["<b>", "%s", "</b>", "https://x.vn/a", "{name}", "3.5"]
    assert t.keys.count("\x00") == 6


def test_identical_is_100_and_case_or_diacritics_99() -> None:
    assert score("Open the file", "Open the file") == 100
    assert score("open the FILE", "Open the file") == 99
    assert score("Hòa bình", "Hoà bình") == 99
    assert score("Uy ban", "Ủy ban") == 99


def test_placeable_difference_costs_little_and_is_substituted() -> None:
    assert 97 <= score("Delete 3 files", "Delete %d files") < 100
    [m] = best_matches("Delete 3 files", [Unit("Delete %d files", "Xóa %d tập tin")])
    assert m.translation == "Xóa 3 tập tin"


def test_typo_costs_less_than_a_word() -> None:
    typo = score("Opne the file", "Open the file")
    dropped = score("Open file", "Open the file")
    assert 75 <= typo < 99
    assert dropped < typo


def test_unrelated_scores_low() -> None:
    assert score("Print the report", "Open the file") < 50


def test_best_matches_orders_and_filters() -> None:
    units = [
        Unit("Open the file", "Mở tập tin", id=1),
        Unit("Open the files", "Mở các tập tin", id=2),
        Unit("Close the window", "Đóng cửa sổ", id=3),
    ]
    found = best_matches("Open the file", units, minimum=60)
    assert [m.unit.id for m in found] == [1, 2]
    assert found[0].score == 100


def test_adapt_keeps_target_when_counts_differ() -> None:
    unit = Unit("Delete %d files in %s", "Xóa %d tập tin trong %s")
    assert adapt(tokenize("Delete 3 files"), unit) == unit.target


def test_highlight_ignores_tones_and_case() -> None:
    text = "Ủy ban và Uỷ ban; hòa hay hoà"
    assert highlight_spans(text, "uy ban") == [(0, 6), (10, 16)]
    assert [text[a:b] for a, b in highlight_spans(text, "HOA")] == ["hòa", "hoà"]


@given(st.text(max_size=40))
def test_score_of_self_is_100(s: str) -> None:
    assert score(s, s) == 100


@given(st.text(max_size=30), st.text(max_size=30))
def test_score_is_bounded(a: str, b: str) -> None:
    assert 0 <= score(a, b) <= 100
    if a != b:
        assert score(a, b) <= 99


@given(st.text(max_size=40))
def test_encoded_tokens_round_trip(s: str) -> None:
    tokens = tokenize(s)
    encoded = encode_tokens(s, tokens)
    assert encoded is None or decode_tokens(encoded) == tokens


def test_tokens_with_separator_are_not_encoded() -> None:
    s = "Open <a\x1fb>"
    assert encode_tokens(s, tokenize(s)) is None


_SEGMENT = st.lists(
    st.sampled_from(["open", "Open", "the", "file", "files", "%d", "3", ",", "."]),
    max_size=6,
).map(" ".join)


@given(
    _SEGMENT,
    st.lists(_SEGMENT, max_size=12),
    st.integers(0, 100),
    st.integers(0, 4),
)
@example(query="Open", sources=["open open", "open Open"], minimum=0, limit=1)
def test_top_scored_equals_scoring_everything(
    query: str, sources: list[str], minimum: int, limit: int
) -> None:
    q = tokenize(query)
    cands = [(i, s, tokenize(s)) for i, s in enumerate(sources)]
    every = sorted(
        ((score(query, s, q=q, s=t), i, s, t) for i, s, t in cands),
        key=lambda f: (
            -f[0],
            Levenshtein.distance(query, f[2])
            - Levenshtein.distance(query.lower(), f[2].lower()),
            len(f[2]),
            f[1],
        ),
    )
    want = [f for f in every if f[0] >= minimum][:limit]
    assert top_scored(query, q, cands, minimum=minimum, limit=limit) == want


_NEAR_PIECE = st.sampled_from(
    [
        "open",
        "Open",
        "opne",
        "opn",
        "file",
        "files",
        "internationalization",
        "internationalisation",
        "Internationalizations",
        "a",
        "%d",
        "3",
        ",",
        ".",
        "_",
    ]
)


@given(st.lists(_NEAR_PIECE, max_size=8), st.lists(_NEAR_PIECE, max_size=8))
@example(
    query=["internationalization", "file"], source=["internationalisation", "file"]
)
@example(query=[","] * 8, source=[","] * 9)
@example(query=["opn", "opn"], source=["open", "opn"])
def test_no_source_with_other_keys_scores_above_the_ceiling(
    query: list[str], source: list[str]
) -> None:
    q, s = tokenize(" ".join(query)), tokenize(" ".join(source))
    if q.keys != s.keys:
        assert score(" ".join(query), " ".join(source)) <= unequal_keys_ceiling(q)


def test_few_short_keys_leave_other_sources_below_99() -> None:
    # "Open the files": one letter of five differs in one key of three
    assert unequal_keys_ceiling(tokenize("Open the file")) == 93
    assert score("Open the file", "Open the files") == 93
    assert unequal_keys_ceiling(tokenize("Internationalization of a b c")) == 99


_REAL_UNITS = [
    *service.read_file(TM_DATA / "good.tmx"),
    *service.read_file(TM_DATA / "small.po"),
]


@given(
    st.sampled_from([u.source for u in _REAL_UNITS]) | _SEGMENT,
    st.lists(
        st.tuples(st.sampled_from(_REAL_UNITS), st.none() | st.integers(1, 4)),
        max_size=10,
    ),
    st.integers(0, 100),
    st.integers(0, 4),
)
def test_best_matches_equals_scoring_everything(
    query: str, picked: list[tuple[Unit, int | None]], minimum: int, limit: int
) -> None:
    units = [replace(u, id=i) for u, i in picked]
    q = tokenize(query)
    every = sorted(
        ((score(query, u.source), u) for u in units),
        key=lambda f: (
            -f[0],
            Levenshtein.distance(query, f[1].source)
            - Levenshtein.distance(query.lower(), f[1].source.lower()),
            len(f[1].source),
            f[1].id or 0,
        ),
    )
    want = [Match(u, value, adapt(q, u)) for value, u in every if value >= minimum][
        :limit
    ]
    assert best_matches(query, units, minimum=minimum, limit=limit) == want


_PIECE = st.sampled_from(
    [
        "Open",
        "tập",
        "tin",
        "Uỷ",
        "ban",
        "3",
        "2,001",
        "3.5",
        "%d",
        "%(name)s",
        "{n}",
        "<b>",
        "https://x.vn/a",
        "$HOME",
        ",",
        ".",
        "(",
        "ĐƯỜNG",
        "naïve",
        "ß",
    ]
)


@given(st.lists(_PIECE, max_size=10))
def test_index_words_are_the_fts_words(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert index_words(tokenize(text)) == fold_words(text)


@given(st.text(max_size=40))
@example("Delete 0x%lx of 706Belarus {ĐƯỜNG} at https://x.vn/a")
def test_source_words_are_the_index_words_of_the_tokens(s: str) -> None:
    assert source_words(s) == index_words(tokenize(s))


def test_index_words_split_a_number_glued_to_a_word() -> None:
    assert index_words(tokenize("ảnh 706Belarusian")) == ["anh", "706", "belarusian"]
    assert fold_words("ảnh 706Belarusian") == ["anh", "706belarusian"]


def test_a_nul_in_the_text_is_no_placeable() -> None:
    assert index_words(tokenize("open\x00 file %d")) == ["open", "file", "d"]


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
@example("Can't open_file: (x)\x00\x7f\x1fnow;")
@example("see http://x.vn or ftp://y")
def test_plain_ascii_splits_as_the_token_regex_does(s: str) -> None:
    # `tokenize` takes ASCII text without placeable marks past the regex.
    assert tokenize(s) == _tokenize_matched(s)
