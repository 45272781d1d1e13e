"""Tests for the word-segmentation backends (glossary.text.segment)."""

from __future__ import annotations

import pytest
from conftest import SHARED

from glossary.text.segment import Backend, group_syllables

LINE = "Thủ tướng Phạm Minh Chính tiếp Phó Thủ tướng Belarus Anatoly Sivak tại Hà Nội"


def words_of(syllables: list[str], sizes: list[int]) -> list[str]:
    out, i = [], 0
    for size in sizes:
        out.append(" ".join(syllables[i : i + size]))
        i += size
    return out


@pytest.mark.parametrize("backend", ["underthesea", "pyvi"])
def test_backends_group_words(backend: str) -> None:
    syllables = LINE.split()
    sizes = group_syllables(syllables, backend)
    assert sum(sizes) == len(syllables)
    found = words_of(syllables, sizes)
    assert "Hà Nội" in found
    assert "tại" in found
    assert any(w.endswith("Thủ tướng") for w in found)


def test_underthesea_keeps_new_style_syllables() -> None:
    # underthesea rewrites Uỷ as Ủy; alignment must still hold.
    syllables = [
        "Kỳ",
        "họp",
        "lần",
        "thứ",
        "16",
        "Uỷ",
        "ban",
        "liên",
        "Chính",
        "phủ",
        "Việt",
        "Nam",
    ]
    syllables.remove("16")
    sizes = group_syllables(syllables, "underthesea")
    assert sum(sizes) == len(syllables)
    assert "Việt Nam" in words_of(syllables, sizes)


def test_parallel_corpus_line_aligns() -> None:
    path = SHARED / "corpus" / "parallel" / "001_a7af507576baeb51.vi.txt"
    if not path.exists():
        pytest.skip(f"{path} is missing")
    first = path.read_text(encoding="utf-8").split("\n\n")[1]
    syllables = [s.strip(",.;:()") for s in first.split()]
    syllables = [s for s in syllables if s.isalpha()]
    for backend in ("underthesea", "pyvi"):
        sizes = group_syllables(syllables, backend)
        assert sum(sizes) == len(syllables)
        assert max(sizes) > 1, backend


def test_none_backend_and_short_input() -> None:
    assert group_syllables(["Hà", "Nội"], "none") == [1, 1]
    assert group_syllables(["Hà"], "underthesea") == [1]
    assert group_syllables([], "pyvi") == []


def test_unknown_backend() -> None:
    with pytest.raises(ValueError, match="'jieba' is not a valid Backend"):
        group_syllables(["a", "b"], "jieba")


def test_misaligned_backend_output_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    # pyvi's own function is replaced, not segment._words: compiled by mypyc,
    # group_syllables calls _words without looking the name up
    from pyvi import ViTokenizer

    monkeypatch.setattr(ViTokenizer, "tokenize", lambda text: "Hà_Nội xyz")
    assert group_syllables(["Hà", "Nội", "và"], Backend.PYVI) == [1, 1, 1]
    monkeypatch.setattr(ViTokenizer, "tokenize", lambda text: "Hà_Nội")
    assert group_syllables(["Hà", "Nội", "và"], Backend.PYVI) == [1, 1, 1]
    monkeypatch.setattr(ViTokenizer, "tokenize", lambda text: "Ha_Noi va")
    assert group_syllables(["Hà", "Nội", "và"], Backend.PYVI) == [2, 1]
