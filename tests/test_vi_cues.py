"""Kinds from the cue words before a Vietnamese name, on sentences made up
for the test (not the news texts the rules were written from)."""

from __future__ import annotations

import pytest

from glossary.extract.vietnamese import vietnamese_mentions
from glossary.model import Document, Kind
from glossary.text import nfc


def _kinds(sentence: str) -> dict[str, Kind | None]:
    text = nfc(sentence)
    return {m.text: m.kind for m in vietnamese_mentions(Document("d", text, "vi"))}


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        # a cue of two syllables the word segmenter joins to the word before
        (
            "Cú sút vượt qua tay thủ môn Đình Triệu ở phút cuối.",
            "Đình Triệu",
            Kind.PERSON,
        ),
        (
            "Đoàn đại biểu đã tới thủ đô Phnom Penh vào sáng nay.",
            "Phnom Penh",
            Kind.PLACE,
        ),
        # SVĐ abbreviates "sân vận động": a named structure, a place
        (
            "Trận đấu diễn ra trên SVĐ Thiên Trường tối qua.",
            "SVĐ Thiên Trường",
            Kind.PLACE,
        ),
    ],
)
def test_a_cue_before_the_name_gives_its_kind(
    sentence: str, name: str, kind: Kind
) -> None:
    assert _kinds(sentence)[name] is kind


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        # the subject of a football verb is a player ...
        (
            "Phút 70, Đức Chinh dứt điểm chính xác, nâng tỉ số.",
            "Đức Chinh",
            Kind.PERSON,
        ),
        # ... but a province is its team, not a person
        ("Nam Định ghi bàn ở phút cuối.", "Nam Định", None),
        # one foreign word after a photo credit is an agency
        ("Hai nhà lãnh đạo bắt tay (ảnh: Reuters).", "Reuters", Kind.ORG),
        # the source in parentheses before the dateline dash is an outlet
        ("(Zing News) - Mưa lớn gây ngập nhiều tuyến phố.", "Zing News", Kind.ORG),
    ],
)
def test_the_words_around_the_name_give_its_kind(
    sentence: str, name: str, kind: Kind | None
) -> None:
    assert _kinds(sentence)[name] is kind


def test_a_name_after_a_title_and_a_country_is_a_person() -> None:
    # "Hun Sen" spells two Vietnamese words, but after "Thủ tướng Campuchia"
    # it is the country's prime minister
    kinds = _kinds("Phái đoàn được Thủ tướng Thái Lan Srettha Thavisin tiếp.")
    assert kinds["Thái Lan"] is Kind.PLACE
    kinds = _kinds("Ông gặp cựu Chủ tịch Lào Bun Nhăng tại Hà Nội.")
    assert kinds["Lào"] is Kind.PLACE
    assert kinds["Bun Nhăng"] is Kind.PERSON
