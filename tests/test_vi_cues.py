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


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        # between a title and its person: the body he heads, unless a place
        (
            "Tổng giám đốc Vinamilk Mai Kiều Liên phát biểu tại hội nghị.",
            "Vinamilk",
            Kind.ORG,
        ),
        (
            "Thủ tướng Lào Sonexay Siphandone đón đoàn tại sân bay.",
            "Lào",
            Kind.PLACE,
        ),
        # a spouse is a person; "bà xã" (wife) has no commune in it, and the
        # capitalised "Ông" after it is a surname
        (
            "Tổng thống cùng phu nhân Jill Biden dự lễ khai mạc.",
            "Jill Biden",
            Kind.PERSON,
        ),
        (
            "Cầu thủ này vừa làm đám cưới với bà xã Ông Ngọc Trâm.",
            "Ông Ngọc Trâm",
            Kind.PERSON,
        ),
        # names listed with persons are persons; a comma alone is no list
        (
            "Các ca sĩ như Hồ Ngọc Hà, Tuấn Hưng hay Minh Hằng đều tham gia.",
            "Tuấn Hưng",
            Kind.PERSON,
        ),
        # a country's short name listed with a country
        ("Ông từng học tập tại Pháp và Anh trong nhiều năm.", "Anh", Kind.PLACE),
        # a surname and one syllable, no place: a Sino-Vietnamese name
        (
            "Trong cuộc gặp, Vương Nghị khẳng định quan hệ hai nước.",
            "Vương Nghị",
            Kind.PERSON,
        ),
        # two words of Japanese syllables
        ("Cùng dự có Kishida Yuko và các quan chức.", "Kishida Yuko", Kind.PERSON),
        # a name and its initials in parentheses: an organisation and its acronym
        (
            "Cổ động viên Thép Xanh Nam Định (TXND) ăn mừng.",
            "Thép Xanh Nam Định",
            Kind.ORG,
        ),
        ("Cổ động viên Thép Xanh Nam Định (TXND) ăn mừng.", "TXND", Kind.ORG),
        # a place cue after the name beats the shape of a full name; the
        # province in parentheses after a place is where it lies
        (
            "Du khách đổ về Lò Suối Tủng (Cao Bằng), nơi có ruộng bậc thang.",
            "Lò Suối Tủng",
            Kind.PLACE,
        ),
        (
            "Du khách đổ về Lò Suối Tủng (Cao Bằng), nơi có ruộng bậc thang.",
            "Cao Bằng",
            Kind.PLACE,
        ),
        # the bare name of a body the text names in full
        (
            "Tập đoàn Hòa Phát báo lãi lớn; cổ phiếu Hòa Phát tăng mạnh.",
            "Hòa Phát",
            Kind.ORG,
        ),
    ],
)
def test_context_and_shape_give_a_name_its_kind(
    sentence: str, name: str, kind: Kind
) -> None:
    assert _kinds(sentence)[name] is kind


def test_an_apposition_after_a_person_is_no_list() -> None:
    kinds = _kinds("Có ông Tanaka Kenji, Phó Chánh văn phòng Nội các, cùng dự.")
    assert kinds.get("Phó Chánh") is not Kind.PERSON


def test_a_commune_written_with_a_lower_case_tail_is_a_place() -> None:
    # the gazetteer's units inside a district the text names, in any case
    kinds = _kinds(
        "Tại huyện Mường Khương có 9 hộ bị ảnh hưởng, gồm: Tung Chung phố 5 hộ và "
        "Pha Long 4 hộ."
    )
    assert kinds.get("Tung Chung phố") is Kind.PLACE
    assert kinds.get("Pha Long") is Kind.PLACE


def test_players_of_a_place_are_its_team_but_listed_persons_stay_persons() -> None:
    kinds = _kinds("Trong hiệp hai, các cầu thủ Hải Phòng chơi tự tin hơn.")
    assert kinds["Hải Phòng"] is Kind.ORG
    kinds = _kinds("Dự họp có các ông Nguyễn Văn An, Trần Văn Bình và Lê Thị Cúc.")
    assert kinds["Nguyễn Văn An"] is Kind.PERSON


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        (
            "Ngày 5/6, Quốc vương Sultan Hassanal Bolkiah đã tiếp Đại sứ Việt Nam.",
            "Hassanal Bolkiah",
            "Quốc vương",
        ),
        (
            "Buổi lễ có sự tham dự của Thủ tướng Tan Sri Muhyiddin Yassin và phu nhân.",
            "Muhyiddin Yassin",
            "Thủ tướng",
        ),
    ],
)
def test_a_foreign_leaders_honorific_is_not_part_of_the_name(
    sentence: str, name: str, title: str
) -> None:
    found = {m.text: m for m in vietnamese_mentions(Document("d", nfc(sentence), "vi"))}
    assert found[name].kind is Kind.PERSON
    assert found[name].title == title
    assert not [t for t in found if "Sultan" in t or "Sri" in t]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a brand's inner capital
        ("Khách hàng có thể đặt xe qua ứng dụng GrabCar từ tháng sau.", "GrabCar"),
        # one foreign word after "của" (of)
        ("Theo khảo sát mới đây của Agoda, du khách thích biển.", "Agoda"),
    ],
)
def test_a_brand_named_alone_is_an_organisation(sentence: str, name: str) -> None:
    assert _kinds(sentence)[name] is Kind.ORG


def test_the_institution_a_body_belongs_to_is_named_too() -> None:
    text = nfc("Ông là Chủ nhiệm Ủy ban Kinh tế của Quốc hội nhiệm kỳ này.")
    found = [(m.text, m.kind) for m in vietnamese_mentions(Document("d", text, "vi"))]
    assert ("Ủy ban Kinh tế của Quốc hội", Kind.ORG) in found
    assert ("Quốc hội", Kind.ORG) in found


def test_a_photo_credit_names_an_outlet_or_a_person() -> None:
    kinds = _kinds("Hai đội bắt tay sau trận đấu (ảnh: Truyền hình Đà Nẵng).")
    assert kinds["Truyền hình Đà Nẵng"] is Kind.ORG
    kinds = _kinds("Hai đội bắt tay sau trận đấu (ảnh: Nguyễn Văn An).")
    assert kinds["Nguyễn Văn An"] is Kind.PERSON


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Bàn mở tỉ số đến từ pha kiến tạo của Hùng Dũng ở phút 12.", "Hùng Dũng"),
        ("Sau quả tạt của Văn Thanh, đội khách suýt có bàn gỡ.", "Văn Thanh"),
    ],
)
def test_the_maker_of_a_pass_after_cua_is_a_player(sentence: str, name: str) -> None:
    assert _kinds(sentence)[name] is Kind.PERSON


def test_a_province_after_a_pass_is_not_taken_for_a_player() -> None:
    kinds = _kinds("Đường chuyền của Bình Định khiến hàng thủ chao đảo.")
    assert kinds.get("Bình Định") is not Kind.PERSON


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Ông lọt vào danh sách tỉ phú EUR của tạp chí này.", "EUR"),
        ("Đội tuyển nữ sẽ dự SEA Games tại Thái Lan.", "SEA Games"),
        ("Anh từng ghi bàn tại AFF Cup năm ngoái.", "AFF Cup"),
    ],
)
def test_a_currency_or_an_event_label_is_no_person_or_place(
    sentence: str, name: str
) -> None:
    assert _kinds(sentence).get(name) in (Kind.OTHER, None)


def test_a_region_with_a_year_is_an_events_name_not_a_place() -> None:
    kinds = _kinds("Đội U20 dự vòng loại U20 châu Á 2027 tại Lào.")
    assert not any(name.startswith("châu Á") for name in kinds)
