"""old-unit on its own: provinces merged away and districts abolished in 2025."""

from __future__ import annotations

from collections.abc import Callable

from glossary.check.model import Document, Run
from glossary.check.old_unit import old_unit


def _found(doc: Document) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in old_unit(doc, Run())]


def test_merged_province_gets_its_successor_in_either_language(
    article: Callable[..., Document],
) -> None:
    assert _found(article(["Mưa lớn ở tỉnh Hà Giang."])) == [
        ("Hà Giang", "Tuyên Quang")
    ]
    assert _found(article(["Floods in Ha Giang province."], lang="en")) == [
        ("Ha Giang", "Tuyen Quang")
    ]


def test_either_tone_style_and_hyphenated_names(
    article: Callable[..., Document],
) -> None:
    assert _found(article(["tỉnh Hoà Bình và Bà Rịa-Vũng Tàu"])) == [
        ("Hoà Bình", "Phú Thọ"),
        ("Bà Rịa-Vũng Tàu", "Hồ Chí Minh"),
    ]


def test_names_inside_longer_names_and_common_words_are_not_units(
    article: Callable[..., Document],
) -> None:
    doc = article(["Ông Nguyễn Hòa Bình nói về Thái Bình Dương và hòa bình."])
    assert _found(doc) == []


def test_surviving_province_is_not_reported(article: Callable[..., Document]) -> None:
    assert _found(article(["Hà Nội và Tuyên Quang"])) == []


def test_district_needs_its_unit_word(article: Callable[..., Document]) -> None:
    doc = article(["huyện Củ Chi, Quận 1; Củ Chi alone"])
    found = list(old_unit(doc, Run()))
    assert [f.text for f in found] == ["huyện Củ Chi", "Quận 1"]
    assert all("Hồ Chí Minh" in f.message and f.suggestion is None for f in found)
    doc = article(["in Cu Chi district and District 1"], lang="en")
    assert [f.text for f in old_unit(doc, Run())] == ["Cu Chi district", "District 1"]
