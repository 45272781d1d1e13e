"""Capitalised words the rules backend must not read as names: a law's head
before lower-case words, a month after "tháng", a Roman numeral after a
lower-case word. Real sentences (news-dev, VLSP 2013) in tests/data/text/."""

from __future__ import annotations

import pytest
from conftest import DATA

from glossary.extract.vietnamese import vietnamese_mentions
from glossary.model import Document, Kind
from glossary.text import nfc


def _cases(name: str) -> list[tuple[str, str]]:
    lines = (DATA / "text" / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return [(word, nfc(sentence)) for word, sentence in rows]


def _names(sentence: str) -> dict[str, Kind | None]:
    doc = Document("d", sentence, "vi")
    found = vietnamese_mentions(doc, backend="rules")
    return {m.text: m.kind for m in found if m.kind is not Kind.TERM}


@pytest.mark.parametrize(
    ("word", "sentence"),
    _cases("vi_law_heads.tsv")
    + _cases("vi_months.tsv")
    + _cases("vi_roman_numerals.tsv"),
)
def test_word_is_not_a_name(word: str, sentence: str) -> None:
    assert word not in _names(sentence)


def test_names_beside_them_are_kept() -> None:
    names = _names(_cases("vi_months.tsv")[0][1])
    assert names["Hồ Chí Minh"] is Kind.PERSON
    assert "Quốc hội" in _names(_cases("vi_roman_numerals.tsv")[0][1])


def test_numerals_of_a_name_and_named_laws_stay() -> None:
    names = _names("Năm 1685, vua Louis XIV ký sắc lệnh Fontainebleau.")
    assert "Louis XIV" in names
    found = vietnamese_mentions(
        Document("d", "Quốc hội thông qua Luật Tổ chức Chính phủ.", "vi"),
        backend="rules",
    )
    assert ("Luật Tổ chức Chính phủ", Kind.TERM) in {(m.text, m.kind) for m in found}


@pytest.mark.parametrize(("name", "sentence"), _cases("vi_party_country.tsv"))
def test_lower_case_adjectives_before_a_country_stay_in_the_body(
    name: str, sentence: str
) -> None:
    names = _names(sentence)
    assert names[name] is Kind.ORG
    assert "Việt Nam" not in names


def test_an_adjective_before_a_name_not_a_country_opens_no_body() -> None:
    names = _names("Hôm qua, Hội đồng lớn Hà Nội họp.")
    assert not any(n.startswith("Hội đồng") for n in names)


@pytest.mark.parametrize(
    ("word", "sentence"), _cases("vi_capitalised_common_words.tsv")
)
def test_capitalised_first_syllable_of_a_common_word_is_no_name(
    word: str, sentence: str
) -> None:
    """underthesea splits "Toàn dân", "Chú giải", "Thứ ba": the dictionary
    joins the pair, so the capitalised syllable alone is no name."""
    doc = Document("d", sentence, "vi")
    found = {m.text for m in vietnamese_mentions(doc, backend="underthesea")}
    assert word not in found
