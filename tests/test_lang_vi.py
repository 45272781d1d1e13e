"""glossary/lang: plain data, one surname list, each list with its source."""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

from glossary.extract.vi_syllables import SURNAMES as MARKED
from glossary.lang import en, vi
from glossary.names.places import VIETNAMESE_SURNAMES
from glossary.text import fold

LANG = Path(vi.__file__).parent


def test_lang_modules_import_nothing_of_the_package() -> None:
    for path in LANG.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module == "__future__" or not (
                    node.module or ""
                ).startswith("glossary"), path.name
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("glossary") for a in node.names)


def test_every_vietnamese_list_has_a_source_line() -> None:
    lines = (LANG / "vi.py").read_text(encoding="utf-8").splitlines()
    sources = sum(line.startswith("# Source:") for line in lines)
    assert sources >= 8


def test_one_surname_list_without_repeats_in_nfc() -> None:
    assert len(set(vi.SURNAMES)) == len(vi.SURNAMES)
    for name in vi.SURNAMES:
        assert unicodedata.normalize("NFC", name) == name
        assert name[:1].isupper()
    assert {"Nguyễn", "Sùng", "Văn", "Vương"} <= set(vi.SURNAMES)


def test_the_surname_users_take_the_one_list() -> None:
    assert vi.ASCII_AMBIGUOUS_SURNAMES.issubset(vi.SURNAMES)
    assert vi.WORD_SURNAMES.issubset(vi.SURNAMES)
    assert {s.lower() for s in vi.SURNAMES if s not in vi.WORD_SURNAMES} == set(MARKED)
    assert {
        fold(s) for s in vi.SURNAMES if s not in vi.ASCII_AMBIGUOUS_SURNAMES
    } == set(VIETNAMESE_SURNAMES)
    assert "vuong" not in VIETNAMESE_SURNAMES  # "Vương" only as written
    assert "văn" not in MARKED  # "Văn" is a middle name as written


def test_function_words_are_stop_words() -> None:
    assert en.FUNCTION_WORDS <= en.STOP
