"""Tests for glossary.text on real seed and corpus lines, plus hypothesis properties."""

from __future__ import annotations

import codecs
import itertools
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from unittest import mock

import pytest
from conftest import DATA, SEEDS, SHARED
from hypothesis import example, given, settings
from hypothesis import strategies as st

import glossary.text as text_module
from glossary.text import (
    Lang,
    TokenKind,
    detect_language,
    fold,
    fold_same_length,
    is_vietnamese_text,
    marked_key,
    name_key,
    nfc,
    split_sentences,
    to_new_style,
    to_old_style,
    tokenize,
    word_key,
)

TEXT = DATA / "text"
PARALLEL = SHARED / "corpus" / "parallel"
VI_OLD = PARALLEL / "000_ee629b6e4a47ac1f.vi.txt"  # writes Ủy ban, văn hóa
VI_NEW = PARALLEL / "001_a7af507576baeb51.vi.txt"  # writes Uỷ ban, văn hoá
EN_SEED = SEEDS / "000_ee629b6e4a47ac1f.txt"
MIXED = "Prime Minister Phạm Minh Chính told Anatoly Sivak in Hà Nội"


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def read_parallel(path: Path) -> str:
    if not path.exists():
        pytest.skip(f"{path} is missing")
    return path.read_text(encoding="utf-8")


def tsv_rows(name: str) -> list[list[str]]:
    lines = (TEXT / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


# Text that exercises the Vietnamese paths more often than st.text() alone.
VI_CHARS = "aăâeêioôơuưyđbcghklmnpqrstvx ÀÁẢÃẠàáảãạăằắẳẵặâầấẩẫậđĐèéẻẽẹêềếểễệ"
VI_CHARS += "ìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ HOAUYQG.,-'\n\u0300\u0301\u0323"
vi_text = st.text(alphabet=VI_CHARS, max_size=40)
any_text = st.one_of(st.text(max_size=40), vi_text)


# --- nfc / fold / name_key -------------------------------------------------


def test_fold_examples() -> None:
    assert fold("Phạm Minh Chính") == "pham minh chinh"
    assert fold("  ĐỒNG   chủ trì\t") == "dong chu tri"
    assert fold("Straße") == "strasse"
    assert fold("Ωμέγα") == "ωμεγα"


@pytest.mark.parametrize("row", tsv_rows("names.tsv"), ids=lambda r: r[0])
def test_name_key_equates_spellings(row: list[str]) -> None:
    assert len({name_key(s) for s in row}) == 1
    assert len({name_key(nfd(s)) for s in row}) == 1


def test_name_key_keeps_different_names_apart() -> None:
    assert name_key("Hà Nội") != name_key("Hà Nam")
    assert name_key("Sivak") != name_key("Siwak")


def test_fold_matches_reference_on_corpus() -> None:
    text = read_parallel(VI_NEW) + EN_SEED.read_text(encoding="utf-8")
    reference = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    reference = "".join(c for c in reference if not unicodedata.combining(c))
    assert fold(text) == " ".join(reference.split())
    assert fold(text).isascii() is False  # curly quotes and dashes stay


@given(any_text)
@settings(max_examples=300, deadline=None)
def test_fold_properties(s: str) -> None:
    key = fold(s)
    assert fold(key) == key
    assert fold(nfd(s)) == key
    assert fold(unicodedata.normalize("NFC", s)) == key
    assert key == key.strip()
    assert "  " not in key
    assert name_key(nfd(s)) == name_key(s)


def reference_fold(s: str) -> str:
    d = unicodedata.normalize("NFD", s.casefold().replace("đ", "d"))
    d = "".join(c for c in d if not unicodedata.combining(c))
    d = unicodedata.normalize("NFC", d)
    return " ".join((d if d.isascii() else d.casefold()).split())


@given(st.one_of(any_text, st.text(alphabet="aàĐđ–’“µÆǢΣσς \u0300\u0301ᄀ\u1161")))
@settings(max_examples=300, deadline=None)
def test_fold_equals_reference(s: str) -> None:
    assert fold(s) == reference_fold(s)


# Vietnamese text with characters only the slow path folds (schwa, dotless i,
# symbols, Greek, Hangul jamo, a non-Latin combining mark) mixed in anywhere.
mixed_text = st.lists(
    st.one_of(
        st.sampled_from(["Phạm Minh Chính", " Hà Nội, ", "ĐỒNG – “Uỷ ban” "]),
        st.text(alphabet="əƏıİ≥≮•Σς가ßÆ\u0338\u0301 ", max_size=4),
    ),
    max_size=12,
).map("".join)


def test_fold_fast_path_keeps_each_characters_fold_or_nothing() -> None:
    """Of each character a lower-cased NFD text can hold, fold's fast path
    keeps at most one character, and that one is the character's fold (a
    space as " "): so a text that keeps as many characters as it had is
    folded, whatever its characters. Checked over all of Unicode."""
    encoding, decoding = text_module._charmaps()
    lowered = {c for code in range(0x110000) for c in chr(code).lower()}
    wrong = []
    for c in lowered - {chr(code) for code in range(0xD800, 0xE000)}:
        kept = codecs.charmap_encode(nfd(c), "ignore", encoding)[0]
        if not kept:
            continue
        got = codecs.charmap_decode(kept, "strict", decoding)[0]
        if len(kept) > 1 or got != (" " if c.isspace() else reference_fold(c)):
            wrong.append(c)
    assert wrong == []


@given(mixed_text)
@settings(max_examples=300, deadline=None)
def test_fold_of_mixed_text_equals_reference(s: str) -> None:
    assert fold(s) == reference_fold(s)
    assert fold(nfd(s)) == fold(s)


@given(st.one_of(any_text, mixed_text), st.integers(min_value=1, max_value=6))
@settings(max_examples=300, deadline=None)
def test_a_long_text_folded_in_pieces_is_folded_whole(s: str, piece: int) -> None:
    """fold cuts a long text before a space into pieces; made short here so
    the cuts fall anywhere, beside marks, rare spaces and slow runs."""
    with mock.patch.object(text_module, "_PIECE", piece):
        assert fold(s) == reference_fold(s)
        assert fold(nfd(s)) == reference_fold(s)


@given(any_text)
@settings(max_examples=300, deadline=None)
def test_fold_same_length_keeps_offsets(s: str) -> None:
    key = fold_same_length(s)
    assert len(key) == len(s)
    # each character's key is its fold when that is one character
    assert all(k == fold(c) for c, k in zip(s, key, strict=True) if len(fold(c)) == 1)


def test_fold_same_length_locates_a_word_in_real_text() -> None:
    line = VI_OLD.read_text(encoding="utf-8").splitlines()[0]
    key = fold_same_length(line)
    word = line.split()[-1].strip(".,;:")
    at = key.find(fold(word))
    assert line[at : at + len(word)].casefold() == word.casefold()


@given(vi_text)
@settings(max_examples=300, deadline=None)
def test_word_key_forgets_tone_style_only(s: str) -> None:
    key = word_key(s)
    assert word_key(key) == key
    assert word_key(to_new_style(s)) == word_key(to_old_style(s)) == word_key(nfd(s))
    assert fold(key) == fold(s)


def test_word_key_keeps_marks_other_than_placement() -> None:
    assert word_key("Uỷ ban") == word_key("ỦY BAN")
    assert word_key("Mai") != word_key("Mãi")
    assert word_key("hoà") != word_key("hoa")


@given(any_text)
@settings(deadline=None)
def test_nfc_properties(s: str) -> None:
    assert nfc(nfd(s)) == nfc(s) == unicodedata.normalize("NFC", s)


# --- tone styles -------------------------------------------------------------


@pytest.mark.parametrize("row", tsv_rows("tone_styles.tsv"), ids=lambda r: r[0])
def test_tone_styles(row: list[str]) -> None:
    old, new = row
    assert to_new_style(old) == new
    assert to_new_style(new) == new
    assert to_old_style(new) == old
    assert to_old_style(old) == old
    assert to_new_style(nfd(old)) == new


def test_parallel_files_differ_only_in_style() -> None:
    old_text, new_text = read_parallel(VI_OLD), read_parallel(VI_NEW)
    assert "Ủy ban" in old_text
    assert "Uỷ ban" in new_text
    assert "Uỷ ban" in to_new_style(old_text)
    assert "Ủy ban" in to_old_style(new_text)
    for text in (old_text, new_text):
        styled = to_new_style(text)
        assert to_new_style(to_old_style(styled)) == styled
        assert fold(to_old_style(text)) == fold(text)
    # Words the rules must leave alone, on a real line.
    line = next(x for x in new_text.splitlines() if "thuỷ sản" in x)
    assert to_old_style(line).count("quả") == line.count("quả")


def test_styles_leave_english_alone() -> None:
    seed = EN_SEED.read_text(encoding="utf-8")
    english = re.sub(r"\S*[^\x00-\x7f]\S*", "", seed)
    assert to_new_style(english) == english
    assert to_old_style(english) == english


@given(any_text)
@example("O\u1ea0\u0300")  # a second tone NFC cannot compose: stays in its word
@settings(max_examples=300, deadline=None)
def test_style_properties(s: str) -> None:
    new, old = to_new_style(s), to_old_style(s)
    assert to_new_style(new) == new
    assert to_old_style(old) == old
    assert to_old_style(new) == old
    assert to_new_style(old) == new
    assert to_new_style(nfd(s)) == new
    assert to_old_style(nfd(s)) == old
    assert fold(new) == fold(s)
    assert len(new) == len(nfc(s))


def test_marked_key_forgets_case_style_and_spaces_not_marks() -> None:
    assert marked_key("Ủy ban") == marked_key("UỶ  BAN") == marked_key("uỷ ban")
    assert marked_key("Đức") != marked_key("Duc")
    assert marked_key("hòa") != marked_key("hoa")


@given(any_text)
@settings(max_examples=300, deadline=None)
def test_marked_key_properties(s: str) -> None:
    key = marked_key(s)
    assert marked_key(key) == key
    assert marked_key(to_old_style(s)) == key
    assert marked_key(nfd(s)) == key
    assert unicodedata.is_normalized("NFC", key)
    assert fold(key) == fold(s)


# --- syllables in text -------------------------------------------------------


def test_is_vietnamese_text() -> None:
    assert is_vietnamese_text("Hung Yen", ascii_ok=True)
    assert is_vietnamese_text("Nguyễn Hồng Diên")
    assert not is_vietnamese_text("Hung Yen")  # without ascii_ok, "Yen" needs ê
    assert not is_vietnamese_text("Anatoly Sivak", ascii_ok=True)
    assert not is_vietnamese_text("", ascii_ok=True)


# --- sentences -----------------------------------------------------------------


def test_split_sentences_on_seed() -> None:
    seed = EN_SEED.read_text(encoding="utf-8")
    spans = split_sentences(seed)
    sentences = [seed[a:b] for a, b in spans]
    assert sentences[0].startswith("HÀ NỘI – Việt Nam always values")
    assert sentences[0].endswith("on Wednesday.")
    assert all(s == s.strip() and s for s in sentences)
    assert all(a < b <= c for (a, b), (c, _) in itertools.pairwise(spans))
    assert len(sentences) == 9  # counted by hand
    assert sentences[-1] == "VNS"


def test_split_sentences_abbreviations_and_vietnamese() -> None:
    text = "Mr. Sivak met PM Chính in the U.S. today. Ông nói: được. Đồng chủ trì."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Mr. Sivak met PM Chính in the U.S. today.",
        "Ông nói: được.",
        "Đồng chủ trì.",
    ]
    assert split_sentences("  \n ") == []


@given(any_text)
@settings(deadline=None)
def test_split_sentences_properties(s: str) -> None:
    spans = split_sentences(s)
    for a, b in spans:
        assert s[a:b] == s[a:b].strip() != ""
    assert [(b - a) > 0 for a, b in spans] == [True] * len(spans)
    assert len(split_sentences(nfd(s))) == len(spans)


# --- language ------------------------------------------------------------------


def test_detect_language_on_corpus() -> None:
    assert detect_language(EN_SEED.read_text(encoding="utf-8")) == "en"
    assert detect_language(read_parallel(VI_OLD)) == "vi"
    assert detect_language(read_parallel(VI_NEW)) == "vi"
    assert detect_language(MIXED) == "mixed"
    assert detect_language(nfd(MIXED)) == "mixed"
    assert detect_language("") == "en"


def test_detect_language_per_seed_paragraph() -> None:
    for para in EN_SEED.read_text(encoding="utf-8").split("\n\n"):
        if para.strip():
            assert detect_language(para) in ("en", "mixed"), para
    for para in read_parallel(VI_NEW).split("\n\n"):
        if len(para.split()) > 8:
            assert detect_language(para) == "vi", para


@given(any_text)
@settings(deadline=None)
def test_detect_language_nfd_invariant(s: str) -> None:
    assert detect_language(nfd(s)) == detect_language(s)


# --- tokenize ------------------------------------------------------------------


def words(text: str, backend: str = "underthesea") -> list[tuple[str, str]]:
    return [
        (t.text, t.lang) for t in tokenize(text, backend=backend) if t.kind == "word"
    ]


def test_tokenize_mixed_sentence() -> None:
    assert words(MIXED) == [
        ("Prime", "en"),
        ("Minister", "en"),
        ("Phạm Minh Chính", "vi"),
        ("told", "en"),
        ("Anatoly", "en"),
        ("Sivak", "en"),
        ("in", "en"),
        ("Hà Nội", "vi"),
    ]


def test_tokenize_ascii_vietnamese_names() -> None:
    path = SHARED / "corpus" / "news-dev" / "en_13.txt"
    if not path.exists():
        pytest.skip(f"{path} is missing")
    line = next(x for x in path.read_text(encoding="utf-8").splitlines() if "Pham" in x)
    found = words(line, "none")
    assert ("Pham Minh Chinh", "vi") in found
    assert ("Prime", "en") in found
    assert words("Le Thi Thu and Do Not Disturb", "none") == [
        ("Le Thi Thu", "vi"),
        ("and", "en"),
        ("Do", "en"),
        ("Not", "en"),
        ("Disturb", "en"),
    ]


def test_tokenize_vietnamese_line_both_backends() -> None:
    line = next(x for x in read_parallel(VI_OLD).splitlines() if "Phạm Minh Chính" in x)
    for backend in ("underthesea", "pyvi"):
        found = [w for w, _ in words(line, backend)]
        assert "Thủ tướng" in found, backend
        assert "Hà Nội" in found, backend
    assert "Phạm Minh Chính" in [w for w, _ in words(line)]
    assert all(" " not in w for w, _ in words(line, "none"))


def test_tokenize_nfd_file_offsets() -> None:
    raw = (TEXT / "nfd_line.txt").read_text(encoding="utf-8")
    assert raw != nfc(raw)
    tokens = tokenize(raw)
    assert "".join(t.text for t in tokens) == raw
    for t in tokens:
        assert raw[t.start : t.end] == t.text
    found = [nfc(t.text) for t in tokens if t.kind == "word"]
    assert found[:2] == ["Thủ tướng", "Phạm Minh Chính"]
    assert "Anatoly Sivak" not in found  # English names stay per word
    assert "Hà Nội" in found
    assert [nfc(t.text) for t in tokenize(nfc(raw))] == [nfc(t.text) for t in tokens]


def test_tokenize_kinds() -> None:
    text = "Ngày 1/4, 2025-04-01: Belarus's 1,000 tấn… (FTA)"
    tokens = tokenize(text, backend="none")
    kinds = {t.text: t.kind for t in tokens}
    assert kinds["1/4"] is TokenKind.NUMBER
    assert kinds["2025-04-01"] is TokenKind.NUMBER
    assert kinds["1,000"] is TokenKind.NUMBER
    assert kinds["Belarus's"] is TokenKind.WORD
    assert kinds["…"] is TokenKind.PUNCT
    assert kinds[" "] is TokenKind.SPACE
    assert kinds["tấn"] is TokenKind.WORD
    assert {t.lang for t in tokens if t.text == "tấn"} == {Lang.VI}


def test_tokenize_unknown_backend() -> None:
    with pytest.raises(ValueError, match="spacy"):
        tokenize("x", backend="spacy")


def test_importing_text_does_not_load_segmenters() -> None:
    code = (
        "import sys, glossary.text;"
        "print('underthesea' in sys.modules, 'pyvi' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "False"]


def check_tokens(s: str, backend: str) -> None:
    tokens = tokenize(s, backend=backend)
    assert "".join(t.text for t in tokens) == s
    pos = 0
    for t in tokens:
        assert t.start == pos
        assert t.end > t.start
        assert s[t.start : t.end] == t.text
        pos = t.end
    assert pos == len(s)
    composed = tokenize(unicodedata.normalize("NFC", s), backend=backend)
    decomposed = tokenize(nfd(s), backend=backend)
    assert [(nfc(t.text), t.kind, t.lang) for t in composed] == [
        (nfc(t.text), t.kind, t.lang) for t in decomposed
    ]


@given(any_text)
@settings(max_examples=300, deadline=None)
def test_tokenize_properties(s: str) -> None:
    check_tokens(s, "none")


@given(vi_text)
@settings(max_examples=25, deadline=None)
def test_tokenize_properties_segmented(s: str) -> None:
    check_tokens(s, "underthesea")
    check_tokens(s, "pyvi")
