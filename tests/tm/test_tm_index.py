"""tm.index: the in-memory word index and the deletion-based speller."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tm.index import SourceIndex, Speller
from tm.match import encode_tokens, tokenize

SOURCES = [
    "Open the file",
    "Close the window",
    "Cannot open the configuration file",
    "Delete %d files",
    "Save all changes before closing",
    "Open the window",
]


def _index(*, keep_text: bool = True) -> SourceIndex:
    rows = [(i + 1, s, encode_tokens(s, tokenize(s))) for i, s in enumerate(SOURCES)]
    return SourceIndex(rows, keep_text=keep_text)


def test_speller_finds_one_edit_and_transpositions() -> None:
    speller = Speller(["open", "file", "often", "configuration", "window"])
    assert speller.corrections("opne") == ["open"]  # transposed
    assert speller.corrections("fiel") == ["file"]
    assert speller.corrections("wndow") == ["window"]  # dropped letter
    assert speller.corrections("configuraiton") == ["configuration"]
    assert speller.corrections("zebra") == []
    assert speller.corrections("op") == []  # too short to correct


def test_candidates_rank_shared_rare_words_first() -> None:
    idx = _index()
    ranked = [idx.sources[p] for p in idx.candidates(["open", "window"], 3)]
    assert ranked[0] == "Open the window"
    assert set(ranked[1:]) == {"Open the file", "Close the window"}


def test_candidates_correct_unknown_words() -> None:
    idx = _index()
    [first, *_] = idx.candidates(["cannot", "opne", "configuraiton"], 2)
    assert idx.sources[first] == "Cannot open the configuration file"
    assert idx.candidates(["xyzzy"], 5) == []


def test_position_of_ids() -> None:
    idx = _index()
    assert idx.position(4) == 3
    assert idx.position(99) is None
    assert len(idx) == len(SOURCES)


def test_unencoded_rows_are_tokenised() -> None:
    src = "Open <a\x1fb> now"
    idx = SourceIndex(
        [(1, src, None), (2, "Open it", encode_tokens("Open it", tokenize("Open it")))]
    )
    assert idx.tokens(0) == tokenize(src)
    assert idx.tokens(1) == tokenize("Open it")
    assert [idx.ids[p] for p in idx.candidates(["now"], 5)] == [1]


def test_scanning_speller_agrees_with_indexed() -> None:
    words = ["open", "file", "often", "configuration", "window", "opens"]
    indexed, scanning = Speller(words), Speller(words, indexed=False)
    for typo in ["opne", "fiel", "wndow", "configuraiton", "zebra", "oepns"]:
        assert scanning.corrections(typo) == indexed.corrections(typo)


_WORDS = st.text("abcdo", min_size=3, max_size=7)


@given(st.dictionaries(_WORDS, st.integers(1, 2), min_size=2))
def test_corrections_do_not_depend_on_the_vocabularys_order(
    vocab: dict[str, int],
) -> None:
    # typos one edit from the words of a five-letter alphabet tie often in
    # distance and frequency: the answer is the same in any order of the
    # words (scan and index each; they differ at distance 2, which only the
    # scan reaches in full)
    typos = [t for w in vocab for t in ("e" + w[1:], w[:-1] + "e", w[1:] + w[0])]
    backwards = dict(reversed(vocab.items()))
    for indexed in (True, False):
        one = Speller(vocab, indexed=indexed)
        other = Speller(backwards, indexed=indexed)
        for typo in typos:
            assert one.corrections(typo) == other.corrections(typo)


def test_index_without_text_finds_the_same_candidates() -> None:
    full, compact = _index(), _index(keep_text=False)
    assert not compact.sources
    for words in (["open", "window"], ["cannot", "opne", "configuraiton"], ["d"]):
        assert compact.candidates(words, 3) == full.candidates(words, 3)
    assert compact.position(4) == 3


def test_common_words_rank_through_the_dense_bitmap() -> None:
    # 300 sources hold "the": a dense word (over 2%), read from its bitmap.
    rows = [(i, f"the item{i} here", None) for i in range(1, 301)]
    rows.append((301, "open the window", None))
    rows.append((302, "open a door", None))
    idx = SourceIndex(rows, keep_text=False)
    assert idx.candidates(["open", "the"], 1) == [idx.position(301)]


def test_twins_are_the_stores_same_folded_sources() -> None:
    """Case, diacritic and spacing twins from memory, as the `fkey` index finds them."""
    from tm.model import Unit
    from tm.store import MemoryStore

    sources = [
        *SOURCES,
        "open  the FILE",
        "Ủy ban nhân dân",
        "Uy ban nhan dan",
        "Uỷ ban",
    ]
    with MemoryStore() as store:
        store.add_units(Unit(s, f"t{i}") for i, s in enumerate(sources))
        idx = SourceIndex(store.scoring_rows())
        for query in ("OPEN THE FILE", "uy ban nhan dan", "Ủy  ban", "Open the", "x"):
            twins = sorted(int(idx.ids[p]) for p in idx.twins(query))
            stored = sorted(u.id or 0 for u in store.same_folded_source(query))
            assert twins == stored, query
        assert len(idx.twins("OPEN THE FILE")) == 2


def test_many_postings_rank_as_sorting_them_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Over `_SORTED_WHOLE` postings a lookup keeps the best by value before
    # sorting: the same sources, ties (same words, same length) by position.
    rows = []
    for i in range(3000):
        words = [w for w, k in (("alpha", 2), ("beta", 3), ("gamma", 5)) if i % k == 0]
        rows.append((i + 1, " ".join([*words, *[f"w{i}"] * (i % 7)]) or "x", None))
    idx = SourceIndex(rows, keep_text=False)
    queries = [["alpha", "beta", "gamma"], ["alpha", "gamma"], ["beta"]]
    partitioned = [idx.candidates(q, n) for q in queries for n in (1, 5, 30)]
    monkeypatch.setattr("tm.index._SORTED_WHOLE", 10**9)
    assert [idx.candidates(q, n) for q in queries for n in (1, 5, 30)] == partitioned
    assert partitioned[0] == [0]  # the first source holds all three words


def test_few_postings_rank_as_numpy_does(monkeypatch: pytest.MonkeyPatch) -> None:
    # Up to `_FEW_POSTINGS` a lookup sums in a dict: the same positions in the
    # same order, common words (masks), typos and ties by length included.
    rows = []
    for i in range(400):
        words = [w for w, k in (("the", 1), ("alpha", 3), ("beta", 7)) if i % k == 0]
        rows.append((i + 1, " ".join([*words, *[f"w{i % 50}"] * (i % 5)]), None))
    rows.append((401, "open the window", None))
    idx = SourceIndex(rows, keep_text=False)
    queries = [
        ["alpha", "beta"],
        ["the", "alpha", "w7", "w7"],
        ["the"],
        ["betta", "w3", "w8"],
        ["open", "the", "window", "xyzzy"],
    ]
    monkeypatch.setattr("tm.index._FEW_POSTINGS", 10**9)
    few = [idx.candidates(q, n) for q in queries for n in (1, 5, 30)]
    monkeypatch.setattr("tm.index._FEW_POSTINGS", -1)
    assert [idx.candidates(q, n) for q in queries for n in (1, 5, 30)] == few
    assert few[-3] == [idx.position(401)]


def test_length_accumulators_rank_as_the_shared_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Queries of up to `_LENGTH_ACCUMULATORS` words have an accumulator each
    # whose idle entries hold the length cost: the same positions in the same
    # order as adding the cost per lookup, and idle again after each lookup
    # (the shared ones too: each source's position).
    rows = []
    for i in range(600):
        words = [w for w, k in (("the", 1), ("alpha", 3), ("beta", 7)) if i % k == 0]
        rows.append((i + 1, " ".join([*words, *[f"w{i % 40}"] * (i % 9)]), None))
    queries = [
        ["alpha", "beta"],
        ["the", "alpha", "w7", "w7"],
        ["alpha", *[f"w{k}" for k in range(30)]],  # longer than any accumulator
        ["betta", "w3", "w8"],
    ]
    monkeypatch.setattr("tm.index._FEW_POSTINGS", -1)
    idx = SourceIndex(rows, keep_text=False)
    assert sorted(idx._by_length) == list(range(1, 25))
    idle = {n: acc.copy() for n, [acc] in idx._by_length.items()}
    found = [idx.candidates(q, n) for q in queries for n in (1, 5, 30)]
    assert all((idx._by_length[n][0] == acc).all() for n, acc in idle.items())
    monkeypatch.setattr("tm.index._LENGTH_ACCUMULATOR_BYTES", 0)
    shared = SourceIndex(rows, keep_text=False)
    assert not shared._by_length
    assert [shared.candidates(q, n) for q in queries for n in (1, 5, 30)] == found
    assert all((acc == np.arange(len(rows))).all() for acc in shared._spares)
