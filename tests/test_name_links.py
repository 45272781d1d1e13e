"""Several written forms of one body end in one concept, and no other (issue 14
"together"), by class. Sentences made up for the rules, not taken from the
labelled sets."""

from __future__ import annotations

from conftest import owner_of

from glossary.cluster import cluster, norm_key
from glossary.model import Concept, Document, Kind
from glossary.names.vi_admin import expand_abbreviations
from glossary.pipeline import extract
from glossary.text import nfc


def _concepts(text: str, lang: str = "") -> list[Concept]:
    _, mentions = extract(Document("t.txt", nfc(text), lang))
    return [c.concept for c in cluster(mentions)]


def _forms(c: Concept) -> set[str]:
    return {t.text for t in c.terms}


def test_abbreviated_words_of_a_body_are_its_words() -> None:
    assert expand_abbreviations("UBKT TW") == "Ủy ban Kiểm tra Trung ương"
    assert expand_abbreviations("HĐND xã Tân Lập") == "Hội đồng nhân dân xã Tân Lập"
    assert expand_abbreviations("TW Group") == "TW Group"  # no Vietnamese name
    assert norm_key("UB Kiểm tra TƯ", Kind.ORG) == norm_key(
        "Ủy ban Kiểm tra Trung ương", Kind.ORG
    )


VI_DISCIPLINE = (
    "Tại kỳ họp thứ 12, UB Kiểm tra TƯ đã xem xét vi phạm của Ban cán sự đảng "
    "UBND tỉnh Quảng Ngãi. Chủ nhiệm UBKT TƯ cho biết Ủy ban Kiểm tra TƯ đề nghị "
    "cảnh cáo ông Trần Văn Nam, nguyên Bí thư Ban cán sự đảng. Ông Lê Minh Hải, "
    "Ủy viên TƯ Đảng, được giao chỉ đạo."
)


def test_abbreviated_forms_of_a_central_body_are_one_concept() -> None:
    cs = _concepts(VI_DISCIPLINE, "vi")
    body = owner_of(cs, "Ủy ban Kiểm tra TƯ")
    assert {"UB Kiểm tra TƯ", "UBKT TƯ"} <= _forms(body)
    assert body.kind is Kind.ORG


def test_a_standing_organ_named_alone_is_the_one_of_its_body() -> None:
    cs = _concepts(VI_DISCIPLINE, "vi")
    organ = owner_of(cs, "Ban cán sự đảng UBND tỉnh Quảng Ngãi")
    assert "Ban cán sự đảng" in _forms(organ)


def test_the_central_committee_inside_a_central_bodys_name() -> None:
    cs = _concepts(VI_DISCIPLINE, "vi")
    committee = owner_of(cs, "TƯ Đảng")
    assert "TƯ" in _forms(committee)  # "TƯ" of "Ủy ban Kiểm tra TƯ"
    assert committee is not owner_of(cs, "Ủy ban Kiểm tra TƯ")


def test_an_organ_named_alone_beside_two_bodies_joins_neither() -> None:
    text = (
        "Ban cán sự đảng UBND tỉnh Quảng Ngãi và Ban cán sự đảng UBND tỉnh Bình "
        "Định đã họp. Ban cán sự đảng cũng kiểm điểm."
    )
    cs = _concepts(text, "vi")
    alone = owner_of(cs, "Ban cán sự đảng")
    assert not _forms(alone) & {
        "Ban cán sự đảng UBND tỉnh Quảng Ngãi",
        "Ban cán sự đảng UBND tỉnh Bình Định",
    }


def test_a_companys_own_name_after_its_category_words_is_its_short_form() -> None:
    text = (
        "Năm ngoái, Tập đoàn Lotte Chemical đã ký thỏa thuận với Công ty cổ phần "
        "Sơn Kova và Ngân hàng Nhà nước."
    )
    cs = _concepts(text, "vi")
    assert "Lotte Chemical" in _forms(owner_of(cs, "Tập đoàn Lotte Chemical"))
    assert "Sơn Kova" in _forms(owner_of(cs, "Công ty cổ phần Sơn Kova"))
    assert _forms(owner_of(cs, "Ngân hàng Nhà nước")) == {"Ngân hàng Nhà nước"}


def test_a_units_body_in_the_possessive_is_one_body_named_again_bare() -> None:
    text = (
        "Nguyen Van Hai, Secretary of Lac Duong district's Party Committee, opened "
        "the fair in Lac Duong district. The Party Committee will fund two new roads."
    )
    cs = _concepts(text, "en")
    body = owner_of(cs, "Lac Duong district's Party Committee")
    assert body.kind is Kind.ORG
    assert "Party Committee" in _forms(body)
    place = owner_of(cs, "Lac Duong district")  # the unit, named inside the body
    assert place.kind is Kind.PLACE
    assert place is not body


def test_a_company_opening_with_its_acronym_keeps_its_and_and_the_acronym() -> None:
    text = (
        "Investors bought KBT Logistics and Port Services Jsc (KBT) last year. "
        "KBT now runs four depots."
    )
    cs = _concepts(text, "en")
    company = owner_of(cs, "KBT Logistics and Port Services Jsc")
    assert company.kind is Kind.ORG
    assert "KBT" in _forms(company)


def test_a_brand_alone_names_the_group_not_one_of_its_companies() -> None:
    text = (
        "The ministers toured a depot of the Sotraco Transport Engineering and "
        "Logistics Group. Later they saw Sotraco’s Nam Dinh Freight Park, and "
        "parcels went out through Sotraco Post."
    )
    cs = _concepts(text, "en")
    group = owner_of(cs, "Sotraco Transport Engineering and Logistics Group")
    assert "Sotraco" in _forms(group)
    assert owner_of(cs, "Sotraco Post") is not group


def test_a_sponsor_inside_a_clubs_name_is_not_the_club() -> None:
    cs = _concepts("Fans watched Kanfi Hai Phong beat the visitors.", "en")
    club = owner_of(cs, "Kanfi Hai Phong")
    assert "Kanfi" not in _forms(club)


def test_an_acronym_whose_tail_spells_the_name_before_it_is_that_body() -> None:
    text = (
        "The gala raised money for Siti Hasmah Ali (YSHA), a charity in Penang. "
        "YSHA will build two clinics."
    )
    cs = _concepts(text, "en")
    body = owner_of(cs, "YSHA")
    assert "Siti Hasmah Ali" in _forms(body)
    assert body.kind is Kind.ORG


def test_a_vietnamese_description_before_an_acronym_is_a_term_of_it() -> None:
    text = (
        "Bộ trưởng dự hội nghị của Tổ chức các nước xuất khẩu dầu mỏ (OPEC) tại "
        "Vienna. OPEC sẽ giữ sản lượng."
    )
    cs = _concepts(text, "vi")
    body = owner_of(cs, "OPEC")
    assert "Tổ chức các nước xuất khẩu dầu mỏ" in _forms(body)
    assert body.label == "OPEC"  # the description names no one: not preferred


def test_a_body_of_the_province_of_x_and_its_generic_names_are_one() -> None:
    text = (
        "Inspectors warned the Party Civil Affairs Committee of the People's "
        "Committee of the northern province of Ha Nam. Two members of the Party "
        "Civil Affairs Committee and a Vice Chairman of the provincial People's "
        "Committee were reprimanded."
    )
    cs = _concepts(text, "en")
    organ = owner_of(
        cs,
        "Party Civil Affairs Committee of the People's Committee of the northern "
        "province of Ha Nam",
    )
    assert "Party Civil Affairs Committee" in _forms(organ)
    body = owner_of(cs, "People's Committee of the northern province of Ha Nam")
    assert "provincial People's Committee" in _forms(body)
    assert body is not organ


def test_a_body_of_a_unit_described_in_more_words_is_one_name_with_it() -> None:
    text = (
        "The People's Committee of the northern mountainous province of Lai Chau "
        "closed two roads. The Party Committee of the south-central coastal "
        "province of Ninh Thuan met on Friday."
    )
    cs = _concepts(text, "en")
    for english, vietnamese, place in (
        ("People's Committee of the northern mountainous province of Lai Chau",
         "Ủy ban nhân dân tỉnh Lai Châu", "Lai Chau"),
        ("Party Committee of the south-central coastal province of Ninh Thuan",
         "Tỉnh ủy Ninh Thuận", "Ninh Thuan"),
    ):  # fmt: skip
        body = owner_of(cs, english)
        assert body.kind is Kind.ORG
        assert vietnamese in _forms(body)
        assert owner_of(cs, place).kind is Kind.PLACE  # named inside it


def test_an_island_district_is_the_district_named_without_island() -> None:
    assert norm_key("Con Co island district", Kind.PLACE) == norm_key(
        "Con Co district", Kind.PLACE
    )
    assert norm_key("Phu Quoc Island", Kind.PLACE) != norm_key("Phu Quoc", Kind.PLACE)
