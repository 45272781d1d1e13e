"""The 2025 reorganisation tables read from underthesea's address mapping."""

from __future__ import annotations

from glossary.names.admin_2025 import district_provinces, superseded_provinces
from glossary.text import name_key


def test_29_provinces_merged_away_each_into_a_surviving_one() -> None:
    merged = superseded_provinces()
    assert len(merged) == 29
    assert merged["Hà Giang"] == "Tuyên Quang"
    assert merged["Bà Rịa - Vũng Tàu"] == "Hồ Chí Minh"
    assert not set(merged) & set(merged.values())


def test_districts_name_the_provinces_their_communes_joined() -> None:
    table = district_provinces()
    assert table[name_key("Củ Chi")] == ("Hồ Chí Minh",)
    assert set(table[name_key("Phong Điền")]) == {"Cần Thơ", "Huế"}
    # a provincial city named as its province is the province's name
    assert name_key("Bến Tre") not in table
