"""Vietnamese names of state bodies, posts, countries and regions
(`glossary.names.state`): the data, CLDR, and each pattern on names it was
not written from (the seeds gave Prime Minister, Minister of Industry and
Trade, the Belarus committees; these are other ministries, provinces,
countries and committees)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.lang import vi_state
from glossary.model import Kind
from glossary.names import state
from glossary.names.state import vietnamese_name
from glossary.text import nfc
from glossary.text.syllable import to_old_style


def _vi(text: str, kind: Kind) -> str | None:
    hit = vietnamese_name(text, kind)
    return None if hit is None else hit.text


@pytest.mark.parametrize(
    ("english", "kind", "vietnamese"),
    [
        # data, case and spelling of Viet Nam aside
        ("Deputy Prime Minister", Kind.TITLE, "Phó Thủ tướng"),
        ("deputy prime minister", Kind.TITLE, "Phó Thủ tướng"),
        ("Vietnam News Agency", Kind.ORG, "Thông tấn xã Việt Nam"),
        ("Supreme People’s Court", Kind.ORG, "Tòa án nhân dân tối cao"),
        ("Senior Lieutenant General", Kind.TITLE, "Thượng tướng"),
        ("Premier", Kind.TITLE, "Thủ tướng"),
        # CLDR: countries (also by ISO official name) and world regions
        ("Japan", Kind.PLACE, "Nhật Bản"),
        ("Republic of Korea", Kind.PLACE, "Hàn Quốc"),
        ("Western Europe", Kind.PLACE, "Tây Âu"),
    ],
)
def test_data_and_cldr(english: str, kind: Kind, vietnamese: str) -> None:
    assert _vi(english, kind) == vietnamese


@pytest.mark.parametrize(
    ("pattern", "english", "vietnamese"),
    [
        # Ministry of X → Bộ X
        (state.ministry_of, "Ministry of Natural Resources and Environment",
         "Bộ Tài nguyên và Môi trường"),
        (state.ministry_of, "the Ministry of Labour, Invalids and Social Affairs",
         "Bộ Lao động - Thương binh và Xã hội"),
        # Minister / Deputy Minister of X
        (state.minister_of, "Minister of Finance", "Bộ trưởng Bộ Tài chính"),
        (state.minister_of, "Deputy Minister of Transport",
         "Thứ trưởng Bộ Giao thông vận tải"),
        # Deputy X → Phó X
        (state.deputy_post, "Deputy Consul General", "Phó Tổng Lãnh sự"),
        # Department of X of Y province → Sở X tỉnh Y
        (state.provincial_department, "Department of Health of Lao Cai province",
         "Sở Y tế tỉnh Lào Cai"),
        (state.provincial_department, "Hanoi Department of Construction",
         "Sở Xây dựng thành phố Hà Nội"),
        (state.provincial_department, "Department of Foreign Affairs of Quang Ninh",
         "Sở Ngoại vụ tỉnh Quảng Ninh"),
        # a country's government, by demonym or name
        (state.government_of, "Japanese Government", "Chính phủ Nhật Bản"),
        (state.government_of, "Government of Cambodia", "Chính phủ Campuchia"),
        # joint committees and free trade agreements
        (state.joint_committee,
         "Viet Nam-Russia Intergovernmental Committee on Economic, Trade and "
         "Scientific-Technical Cooperation",
         "Ủy ban liên Chính phủ Việt Nam - Nga về hợp tác kinh tế, thương mại và "
         "khoa học - kỹ thuật"),
        (state.free_trade_agreement, "Viet Nam-EU Free Trade Agreement",
         "Hiệp định Thương mại tự do Việt Nam - Liên minh châu Âu"),
        (state.free_trade_agreement, "Viet Nam-Japan Free Trade Agreement",
         "Hiệp định Thương mại tự do Việt Nam - Nhật Bản"),
        # X region → khu vực X
        (state.region, "Southeast Asia region", "khu vực Đông Nam Á"),
    ],
)  # fmt: skip
def test_pattern(pattern: state.Pattern, english: str, vietnamese: str) -> None:
    assert pattern(english) == vietnamese
    kinds = [k for k, ps in state.PATTERNS.items() if pattern in ps]
    assert _vi(english, kinds[0]) == vietnamese


# Every English form of a local body that either reader took (the state
# patterns and the former `vi_admin.english_body`, merged into them), on
# places neither was written from; None where no local body is named.
@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        # People's Committee or Council: name before, "of" name after
        ("Soc Trang Provincial People's Committee", "Ủy ban nhân dân tỉnh Sóc Trăng"),
        ("Tra Vinh Provincial People's Council", "Hội đồng nhân dân tỉnh Trà Vinh"),
        ("Nam Dinh provincial People's Council", "Hội đồng nhân dân tỉnh Nam Định"),
        ("Can Tho City People's Committee", "Ủy ban nhân dân thành phố Cần Thơ"),
        ("Hue Municipal People's Committee", "Ủy ban nhân dân thành phố Huế"),
        ("Kon Tum People's Committee", "Ủy ban nhân dân tỉnh Kon Tum"),
        ("People’s Committee of Dong Thap Province", "Ủy ban nhân dân tỉnh Đồng Tháp"),
        ("People's Committee of Can Tho city", "Ủy ban nhân dân thành phố Cần Thơ"),
        ("People's Committee of Ca Mau", "Ủy ban nhân dân tỉnh Cà Mau"),
        ("People's Council of the central province of Quang Tri",
         "Hội đồng nhân dân tỉnh Quảng Trị"),
        ("People’s Committee of the southern city of Can Tho",
         "Ủy ban nhân dân thành phố Cần Thơ"),
        ("People's Council of the Central Highlands province of Dak Nong",
         "Hội đồng nhân dân tỉnh Đắk Nông"),
        ("People's Committee of the north-central province of Ha Tinh",
         "Ủy ban nhân dân tỉnh Hà Tĩnh"),
        # a district's, town's or commune's (quận or huyện from the gazetteer)
        ("Mai Chau District People's Committee", "Ủy ban nhân dân huyện Mai Châu"),
        ("Cau Giay district People's Council", "Hội đồng nhân dân quận Cầu Giấy"),
        ("People's Committee of the mountainous district of Mai Chau",
         "Ủy ban nhân dân huyện Mai Châu"),
        ("People's Committee of Lung Cu commune", "Ủy ban nhân dân xã Lũng Cú"),
        # a city named after its province is the city's body, not the province's
        ("Kon Tum City People's Committee", None),
        ("People's Committee of Ca Mau City", None),
        ("Thanh Hoa Provincial People's Committee", None),  # Thanh Hóa or Thạnh Hóa
        ("People's Committee of Atlantis province", None),  # no such province
        # Party Committees: Tỉnh ủy, Thành ủy; Huyện ủy, Quận ủy, Thị ủy
        ("Hau Giang Provincial Party Committee", "Tỉnh ủy Hậu Giang"),
        ("Ca Mau provincial Party Committee", "Tỉnh ủy Cà Mau"),
        ("Party Committee of Kien Giang province", "Tỉnh ủy Kiên Giang"),
        ("Party Committee of the central province of Quang Tri", "Tỉnh ủy Quảng Trị"),
        ("Party Committee of the city of Can Tho", "Thành ủy Cần Thơ"),
        ("Yen Bai Party Committee", "Tỉnh ủy Yên Bái"),
        ("Can Tho City Party Committee", "Thành ủy Cần Thơ"),
        ("Can Tho municipal Party Committee", "Thành ủy Cần Thơ"),
        ("Party Committee of Can Tho city", "Thành ủy Cần Thơ"),
        ("Can Tho Party Committee", "Thành ủy Cần Thơ"),
        ("Mai Chau District Party Committee", "Huyện ủy Mai Châu"),
        ("Party Committee of Mai Chau district", "Huyện ủy Mai Châu"),
        ("Cau Giay district Party Committee", "Quận ủy Cầu Giấy"),
        ("Buon Ho District Party Committee", "Thị ủy Buôn Hồ"),
        ("Hau Giang City Party Committee", None),  # a province, not a city
        # a provincial department of a portfolio
        ("Soc Trang provincial Department of Health", "Sở Y tế tỉnh Sóc Trăng"),
        ("Department of Education and Training of Ca Mau province",
         "Sở Giáo dục và Đào tạo tỉnh Cà Mau"),
        ("Can Tho Department of Transport", "Sở Giao thông vận tải thành phố Cần Thơ"),
        # national bodies are not local ones
        ("Party Central Committee", "Ban Chấp hành Trung ương Đảng"),  # the data
        ("Vietnam Fatherland Front Committee", None),
    ],
)  # fmt: skip
def test_local_body_forms(english: str, vietnamese: str | None) -> None:
    assert _vi(english, Kind.ORG) == vietnamese


@pytest.mark.parametrize(
    ("english", "kind"),
    [
        ("Ministry of Magic", Kind.ORG),  # no such portfolio
        ("Department of Public Security of Lao Cai", Kind.ORG),  # no Sở: Công an tỉnh
        ("President", Kind.TITLE),  # Chủ tịch nước or Tổng thống: not listed
        ("Committee on Fisheries Cooperation", Kind.ORG),  # field not in the data
        ("Westeros-Essos Free Trade Agreement", Kind.ORG),
        ("Moscow", Kind.PLACE),  # a city: not CLDR
    ],
)
def test_nothing_is_guessed(english: str, kind: Kind) -> None:
    assert vietnamese_name(english, kind) is None


def test_every_entry_is_nfc_with_a_named_source() -> None:
    tables = [
        vi_state.BODIES, vi_state.ACRONYMS, vi_state.INTERNATIONAL, vi_state.REGIONS,
        vi_state.TITLES, vi_state.RANKS, vi_state.LOCAL_BODIES,
        vi_state.COOPERATION_FIELDS, vi_state.AMBIGUOUS_TITLES,
    ]  # fmt: skip
    for table in tables:
        for english, vietnamese in table:
            assert english == nfc(english).strip()
            assert vietnamese == nfc(vietnamese)
    for _, bo, so in vi_state.PORTFOLIOS:
        assert bo == nfc(bo)
        assert so == nfc(so)
    # the blocks name their sources; every source is described
    assert {"gov", "vns", "mofa", "mnd", "parallel"} <= set(vi_state.SOURCES)
    for kind_tables in state._TABLES.values():
        assert all(source in vi_state.SOURCES for source, _ in kind_tables)
    # one tone style, the common one (house rule): Ủy, Hòa, never Uỷ, Hoà
    for table in tables:
        assert all(to_old_style(v) == v for _, v in table)


@given(st.text(max_size=40))
def test_any_text_gives_a_name_or_none(text: str) -> None:
    for kind in (Kind.ORG, Kind.TITLE, Kind.PLACE):
        hit = vietnamese_name(text, kind)
        assert hit is None or (hit.text and hit.text == nfc(hit.text))
