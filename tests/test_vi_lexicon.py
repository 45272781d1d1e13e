"""`--backend rules`: Vietnamese words and tags from shape and word lists.

The sentences below were written for these tests, not taken from the texts
the rules were tuned on (news-dev, news-dev2, parallel).
"""

from __future__ import annotations

import pytest
from conftest import DATA, SHARED
from hypothesis import given
from hypothesis import strategies as st

from glossary.extract.vi_lexicon import lexicon_tag
from glossary.extract.vietnamese import vietnamese_mentions
from glossary.model import Document, Kind
from glossary.text import nfc


def _words(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.tag) for t in lexicon_tag(text)]


def test_a_person_after_a_title_is_one_proper_name() -> None:
    words = _words("Bộ trưởng Bộ Y tế Đào Hồng Lan làm việc với Sở Y tế Cần Thơ.")
    assert ("Bộ trưởng", "N") in words
    assert ("Đào Hồng Lan", "Np") in words
    assert ("Cần Thơ", "Np") in words
    assert ("Sở", "N") in words  # a head, not part of the name after it


def test_a_function_word_does_not_start_a_name() -> None:
    words = _words("Theo Tổng cục Thống kê, Tại Đồng Nai giá lúa tăng.")
    assert words[0] == ("Theo", "E")
    assert ("Tại", "E") in words
    assert ("Đồng Nai", "Np") in words


def test_a_title_prefix_is_a_word_of_its_own() -> None:
    words = [
        w for w, _ in _words("Phó Giám đốc Công an tỉnh Nghệ An và nguyên chủ tịch xã")
    ]
    assert words[:2] == ["Phó", "Giám đốc"]
    assert "nguyên" in words
    assert "chủ tịch" in words


def test_a_surname_after_a_country_starts_another_name() -> None:
    words = [
        w for w, _ in _words("Bộ trưởng Ngoại giao Trung Quốc Vương Nghị đến Hà Nội")
    ]
    assert "Trung Quốc" in words
    assert "Vương Nghị" in words


def test_a_common_word_before_a_country_is_cut_off() -> None:
    words = [w for w, _ in _words("Phía Hàn Quốc đề nghị; Phía Lào đồng ý.")]
    assert "Hàn Quốc" in words
    assert "Lào" in words


def test_lower_case_words_leave_the_best_next_word() -> None:
    words = [w for w, _ in _words("cử tri bầu chủ tịch và đại biểu hội đồng nhân dân")]
    assert "bầu" in words
    assert "chủ tịch" in words
    assert "đại biểu" in words


def test_an_adverb_after_a_verb_is_read_as_its_noun() -> None:
    assert ("vốn", "N") in _words("công ty huy động vốn để mở rộng")
    assert ("vốn", "R") in _words("anh ấy vốn là giáo viên")


def test_a_name_in_capitals_is_one_name_and_an_acronym_a_word() -> None:
    assert ("WHO", "Np") in _words("Tổ chức Y tế Thế giới (WHO) họp")
    assert ("TRẦN VĂN LÂM", "Np") in _words("Ảnh: TRẦN VĂN LÂM")
    words = [w for w, _ in _words("Tổng thư ký SOM APEC phát biểu")]
    assert "SOM" in words
    assert "APEC" in words


def test_a_bound_prefix_joins_a_short_name_but_not_a_title() -> None:
    assert ("liên Triều", "N") in _words("Hai bên bàn về thương mại liên Triều.")
    words = [w for w, _ in _words("ông là nguyên Phó bí thư, cựu Thủ tướng Lào")]
    assert "nguyên" in words
    assert "cựu" in words


def test_both_tone_styles_find_the_word() -> None:
    old, new = _words("quân đội giữ hòa bình"), _words("quân đội giữ hoà bình")
    assert old[-1][0] == "hòa bình"
    assert new[-1][0] == "hoà bình"
    assert [t for _, t in old] == [t for _, t in new]


_VI = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
_MARKS = [" ", " ", "\n", ".", ",", "-", "(", ")", "1", "&", "'"]
_TEXT = st.text(alphabet=st.sampled_from([*_VI, *_VI.upper(), *_MARKS]), max_size=120)


@given(_TEXT)
def test_tokens_cover_the_text_in_order(text: str) -> None:
    text = nfc(text)
    tokens = lexicon_tag(text)
    at = 0
    for tok in tokens:
        assert tok.start >= at
        assert text[tok.start : tok.end] == tok.text
        assert tok.text == tok.text.strip()
        assert tok.text
        assert not text[at : tok.start].strip()
        at = tok.end
    assert not text[at:].strip()


def test_the_backend_finds_the_names_of_a_real_text() -> None:
    name = "001_a7af507576baeb51"
    path = SHARED / "corpus" / "parallel" / f"{name}.vi.txt"
    if not path.exists():
        pytest.skip(f"{path} missing")
    doc = Document(str(path), nfc(path.read_text(encoding="utf-8")), "vi")
    found = {(m.text, m.kind) for m in vietnamese_mentions(doc, backend="rules")}
    labels = (DATA / "parallel" / f"{name}.entities.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in labels.splitlines() if line[:1] != "#"]
    gold = {
        (surface, Kind(kind)) for kind, surface in rows if kind in ("person", "place")
    }
    assert gold - {("Việt", Kind.PLACE)} <= found  # "Việt" is inside "Việt - Belarus"


def test_beginnings_and_words_are_the_words_beginnings() -> None:
    # `_word_ends` reads a run of two to four syllables as a beginning of a
    # word when it is a word or one of `_beginnings`: the same runs as the
    # first two to four syllables of every word (what it looked up before)
    from glossary.extract import vi_lexicon

    words, beginnings = vi_lexicon._words()
    every = {
        " ".join(parts[:n])
        for parts in map(str.split, words)
        for n in range(2, min(len(parts), 4) + 1)
    }
    runs = {w for w in words if w == " ".join(w.split()) and 2 <= len(w.split()) <= 4}
    assert every == beginnings | runs
    assert not beginnings & words
    assert {"chủ tịch", "ủy ban nhân"} <= every


_PHRASE = (
    "phó thủ tướng Thủ Tướng liên Triều chủ tịch bầu cử tri quản lý vốn huy động "
    "Hà Nội nguyên cựu quyền Phó Chủ Tịch hội đồng nhân dân và của Nhật Bản siêu "
    "phi hoà bình hòa Bộ Tài chính Nguyễn Văn An anh ấy là giáo viên . , ( ) 19"
)


@given(st.lists(st.sampled_from(_PHRASE.split()), max_size=40).map(" ".join))
def test_each_lower_case_run_is_read_as_the_words_would_be_one_by_one(
    text: str,
) -> None:
    # `_lower_words` keeps each distinct run's words (`_RUN_WORDS`): the same
    # tags as reading them afresh and as reading them a word at a time,
    # whatever came before
    from unittest import mock

    from glossary.extract import vi_lexicon

    once, twice = lexicon_tag(text), lexicon_tag(text)  # the second remembered
    with mock.patch.object(vi_lexicon, "_RUN_WORDS", {}):
        assert once == twice == lexicon_tag(text)
    if str(vi_lexicon.__file__).endswith(".py"):  # compiled: _lower_words unpatched
        with mock.patch.object(vi_lexicon, "_lower_words", return_value=0):
            assert once == lexicon_tag(text)
