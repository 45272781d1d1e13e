"""The automaton: folding with an offset map, whole words, longest match."""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Literal

from conftest import SEEDS
from hypothesis import given
from hypothesis import strategies as st

from glossary.text import fold
from glossary.text.annotate import Automaton, fold_key, fold_keys, fold_text

KEYS = ["chinh", "chinh phu", "uy ban lien chinh phu", "ha noi", "pm chinh", "pm"]


def found(text: str, keys: list[str] = KEYS) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], keys[h.entry]) for h in Automaton(keys).find(text)]


def test_fold_text_is_identity_mapped_for_nfc_vietnamese() -> None:
    folded, starts = fold_text("Phạm Minh Chính, HÀ NỘI.")
    assert folded == "pham minh chinh  ha noi "
    assert starts is None


def test_fold_text_maps_nfd_offsets_back() -> None:
    text = unicodedata.normalize("NFD", "Hà Nội")
    folded, starts = fold_text(text)
    assert folded == "ha noi"
    assert starts is not None
    assert [text[s] for s in starts[:-1]] == list("HaNoi".replace("aN", "a N"))
    assert starts[-1] == len(text)


def test_fold_key_agrees_with_text_fold() -> None:
    for name in ["Phạm Minh Chính", "Ủy ban liên Chính phủ", "Đà Nẵng", "Straße"]:
        assert fold_key(name) == fold(name)


def test_longest_match_wins() -> None:
    assert found("Ủy ban liên Chính phủ và Chính phủ; Chính") == [
        ("Ủy ban liên Chính phủ", "uy ban lien chinh phu"),
        ("Chính phủ", "chinh phu"),
        ("Chính", "chinh"),
    ]
    assert found("PM Chính met the PM.") == [("PM Chính", "pm chinh"), ("PM", "pm")]


def test_whole_words_only() -> None:
    assert found("Chinhs Hanoians pm2 xpm Hà Nộia") == []
    assert found("Chính's visit (Hà Nội-based)") == [
        ("Chính", "chinh"),
        ("Hà Nội", "ha noi"),
    ]


def test_nfd_text_gives_original_offsets() -> None:
    nfc_text = "Thủ tướng Phạm Minh Chính thăm Hà Nội, Chính phủ họp."
    nfd_text = unicodedata.normalize("NFD", nfc_text)
    got = found(nfd_text)
    assert [(unicodedata.normalize("NFC", s), k) for s, k in got] == found(nfc_text)
    assert got[0][0] == unicodedata.normalize("NFD", "Chính")


def test_empty_automaton_finds_nothing() -> None:
    assert list(Automaton([]).find("anything")) == []


def test_seed_text_names_are_found() -> None:
    text = (SEEDS / "000_ee629b6e4a47ac1f.txt").read_text(encoding="utf-8")
    keys = ["pham minh chinh", "anatoly sivak", "ha noi", "intergovernmental committee"]
    hits = found(text, keys)
    assert ("Phạm Minh Chính", "pham minh chinh") in hits
    assert ("HÀ NỘI", "ha noi") in hits
    assert ("Intergovernmental Committee", "intergovernmental committee") in hits
    assert all(text.count(s) >= 1 for s, _ in hits)


WORDS = st.sampled_from(
    ["Chính", "phủ", "Hà", "Nội", "PM", "Chinh", "Ủy", "ban", "liên", "the", "x"]
)
SEPS = st.sampled_from([" ", ", ", ". ", "'s ", "\n", " – ", "-"])
TEXTS = st.lists(st.tuples(WORDS, SEPS), max_size=12).map(
    lambda parts: "".join(w + s for w, s in parts)
)


@given(TEXTS, st.sampled_from(["NFC", "NFD"]))
def test_hits_slice_at_word_boundaries(text: str, form: Literal["NFC", "NFD"]) -> None:
    text = unicodedata.normalize(form, text)
    last_end = 0
    for h in Automaton(KEYS).find(text):
        assert h.start >= last_end
        last_end = h.end
        before = text[h.start - 1] if h.start else " "
        after = text[h.end] if h.end < len(text) else " "
        assert not before.isalnum()
        assert not after.isalnum()
        assert not unicodedata.combining(after)
        assert fold_key(text[h.start : h.end]) == KEYS[h.entry]


@given(TEXTS)
def test_nfc_and_nfd_find_the_same_terms(text: str) -> None:
    nfd = unicodedata.normalize("NFD", text)
    a = [(text[h.start : h.end], h.entry) for h in Automaton(KEYS).find(text)]
    b = [(nfd[h.start : h.end], h.entry) for h in Automaton(KEYS).find(nfd)]
    assert [(unicodedata.normalize("NFC", s), e) for s, e in b] == a


def test_long_text_fold_matches_short_pieces() -> None:
    # Folding is per character: a long text folds as its pieces do, whether a
    # piece takes the one-to-one path or the mapped one (the emoji).
    text = (SEEDS / "001_a7af507576baeb51.txt").read_text(encoding="utf-8")
    text = 2 * text + " Đà Nẵng 😀 Москва ΣΊΣΥΦΟΣ 東京 "
    pieces = [text[i : i + 1000] for i in range(0, len(text), 1000)]
    assert len(text) > 4096
    assert fold_text(text)[0] == "".join(fold_text(p)[0] for p in pieces)
    # An emoji is not alphanumeric: it separates words like any punctuation.
    assert "da nang   москва σισυφοσ 東京 " in fold_text(text)[0]


# --- the word-level matcher against a plain reference implementation --------


def reference(text: str, keys: list[str]) -> list[tuple[int, int, int]]:
    """Leftmost-longest whole-word matching, one word at a time, in pure Python."""
    folded, starts = fold_text(text)
    index = {k: i for i, k in enumerate(keys) if k}
    longest = max((len(k.split()) for k in index), default=0)
    words = [(m.start(), m.end()) for m in re.finditer(r"[^ ]+", folded)]
    out = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            run = words[i : i + n]
            if any(b[0] != a[1] + 1 for a, b in itertools.pairwise(run)):
                continue
            key = folded[run[0][0] : run[-1][1]]
            if key in index:
                out.append((run[0][0], run[-1][1], index[key]))
                i += n
                break
        else:
            i += 1
    if starts is None:
        return out
    return [(starts[s], starts[e], k) for s, e, k in out]


VOCAB = [
    "Chính", "phủ", "Hà", "Nội", "Hanoi", "PM", "Ủy", "Uỷ", "ban", "liên", "the",
    "Straße", "STRASSE", "ﬁnance", "finance", "Москва", "東京", "𝐀lpha", "😀",
    "organizations", "organisations", "committee", "a", "I", "Đà", "Nẵng", "x2",
]  # fmt: skip
SEPARATORS = [" ", "  ", ", ", ".", "'s ", "\n", " – ", "-", "\u0301", "\ud800", "😀"]
MIXED = st.lists(
    st.tuples(st.sampled_from(VOCAB), st.sampled_from(SEPARATORS)), max_size=20
).map(lambda parts: "".join(w + s for w, s in parts))
KEY_LISTS = st.lists(
    st.lists(st.sampled_from(VOCAB), min_size=1, max_size=4).map(
        lambda ws: fold_key(" ".join(ws))
    ),
    max_size=12,
)


@given(MIXED, KEY_LISTS, st.sampled_from(["NFC", "NFD"]))
def test_matches_agree_with_reference(
    text: str, keys: list[str], form: Literal["NFC", "NFD"]
) -> None:
    text = unicodedata.normalize(form, text)
    assert Automaton(keys).matches(text) == reference(text, keys)


def test_matches_agree_with_reference_on_seed_text() -> None:
    text = (SEEDS / "000_ee629b6e4a47ac1f.txt").read_text(encoding="utf-8")
    words = fold_text(text)[0].split()
    # Every run of one to three words starting at every 7th word is a key.
    keys = [
        " ".join(words[i : i + n]) for i in range(0, len(words), 7) for n in (1, 2, 3)
    ]
    got = Automaton(keys).matches(text)
    assert got == reference(text, keys)
    assert len(got) > 50
    nfd = unicodedata.normalize("NFD", text)
    assert Automaton(keys).matches(nfd) == reference(nfd, keys)


def test_fingerprint_clash_falls_back_to_shorter_key() -> None:
    # Same length, same first and last four letters: the same word fingerprint.
    keys = ["organisations committee", "organizations"]
    assert found("The organizations committee met.", keys) == [
        ("organizations", "organizations")
    ]
    assert found("organisations committee", keys) == [
        ("organisations committee", "organisations committee")
    ]


def test_emoji_and_lone_surrogates_separate_words() -> None:
    assert found("😀Hà Nội😀 \ud800Chính") == [("Hà Nội", "ha noi"), ("Chính", "chinh")]


def test_astral_letters_and_expansions_keep_offsets() -> None:
    keys = [fold_key("𝐀lpha Straße"), "finance"]
    assert keys[0] == "𝐀lpha strasse"  # a mathematical letter has no case
    text = "x 𝐀lpha Straße and ﬁnance."
    assert found(text, keys) == [
        ("𝐀lpha Straße", "𝐀lpha strasse"),
        ("ﬁnance", "finance"),
    ]


TERMS = st.lists(
    st.text(
        st.sampled_from([*"aAđĐ ờỜ-.’'&ßﬁ😀\u0301\nМ𝐀東"]),
        max_size=12,
    ),
    max_size=8,
)


@given(TERMS)
def test_fold_keys_is_fold_key_of_each(terms: list[str]) -> None:
    assert fold_keys(terms) == [fold_key(t) for t in terms]


def test_fold_keys_of_seed_names() -> None:
    names = ["Phạm Minh Chính", "HÀ NỘI", "Uỷ ban liên Chính phủ", "Straße", "Hanoi"]
    assert fold_keys(names) == [
        "pham minh chinh",
        "ha noi",
        "uy ban lien chinh phu",
        "strasse",
        "hanoi",
    ]
