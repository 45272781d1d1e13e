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
        # a province's People's Committee or Council, in the three English orders
        (state.peoples_body, "People's Committee of Quang Ninh province",
         "Ủy ban nhân dân tỉnh Quảng Ninh"),
        (state.peoples_body, "People’s Council of the northern province of Lao Cai",
         "Hội đồng nhân dân tỉnh Lào Cai"),
        (state.peoples_body, "Khanh Hoa Provincial People's Committee",
         "Ủy ban nhân dân tỉnh Khánh Hòa"),
        (state.peoples_body, "Da Nang People's Council",
         "Hội đồng nhân dân thành phố Đà Nẵng"),
        # local Party Committees: Tỉnh ủy, Thành ủy, Huyện ủy / Quận ủy
        (state.party_committee, "Nghe An provincial Party Committee",
         "Tỉnh ủy Nghệ An"),
        (state.party_committee, "Party Committee of Bac Ninh province",
         "Tỉnh ủy Bắc Ninh"),
        (state.party_committee, "Hai Phong City Party Committee", "Thành ủy Hải Phòng"),
        (state.party_committee, "Hai Ba Trung District Party Committee",
         "Quận ủy Hai Bà Trưng"),
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


@pytest.mark.parametrize(
    ("english", "kind"),
    [
        ("Ministry of Magic", Kind.ORG),  # no such portfolio
        ("Department of Public Security of Lao Cai", Kind.ORG),  # no Sở: Công an tỉnh
        ("People's Committee of Atlantis province", Kind.ORG),  # no such province
        ("Thanh Hoa Provincial People's Committee", Kind.ORG),  # Thanh Hóa or Thạnh Hóa
        ("Bac Ninh City People's Committee", Kind.ORG),  # the city's body
        ("People's Council of Ha Tinh City", Kind.ORG),
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
