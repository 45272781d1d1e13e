"""Diacritic restoration only from evidence (underthesea gazetteer, ISO 3166)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.names import places as restore
from glossary.text import name_key
from glossary.text.syllable import to_new_style, to_old_style


def test_province_restored_with_source() -> None:
    r = restore.restore_place("Hung Yen")
    assert (r.text, r.restored, r.ambiguous) == ("Hưng Yên", True, False)
    assert "underthesea" in r.source


def test_old_province_from_before_the_2025_merger() -> None:
    # Bình Định was merged in 2025; the old name is still known
    assert restore.restore_place("Binh Dinh").text == "Bình Định"


def test_province_level_city_keeps_thanh_pho() -> None:
    r = restore.restore_place("Ho Chi Minh", city=True)
    assert r.text == "Thành phố Hồ Chí Minh"


def test_unknown_name_is_left_as_written() -> None:
    r = restore.restore_place("Kuala Lumpur")
    assert (r.text, r.restored) == ("Kuala Lumpur", False)


def test_already_diacritized_untouched() -> None:
    r = restore.restore_place("Hà Nội")
    assert (r.text, r.restored) == ("Hà Nội", False)


def test_ambiguous_restoration_keeps_written_form() -> None:
    # find a key with two different diacritized spellings in the gazetteer
    gaz = restore._gazetteer()
    key, forms = next((k, f) for k, f in gaz.items() if len(f) > 1)
    written = next(iter(forms))
    plain = "".join(c for c in written if c.isascii()) or key
    r = restore.restore_place(key)
    assert r.ambiguous
    assert not r.restored
    assert r.text == key
    assert set(r.candidates) == set(forms)
    assert plain is not None


def test_countries_and_codes() -> None:
    if not restore.country_codes():
        return  # iso-codes not installed
    assert restore.is_country("Malaysia")
    assert restore.is_country("Republic of Korea")
    assert "United States" in restore.country_names("US")
    assert restore.is_currency("USD")


def test_syllables() -> None:
    assert restore.is_syllable("Nguyễn")
    assert restore.is_syllable("nghieng")
    assert not restore.is_syllable("Kubrakov")
    assert not restore.is_syllable("Laos")


@given(st.text(alphabet="abcdeghiklmnopqrstuvxy ", max_size=20))
def test_restoration_never_changes_the_key(text: str) -> None:
    r = restore.restore_place(text)
    if r.restored:
        assert name_key(r.text).endswith(name_key(text)) or "thanhpho" in name_key(
            r.text
        )
    else:
        assert r.text == text


def test_local_unit_category_from_level_word_and_gazetteer() -> None:
    if not restore._local_units():
        import pytest

        pytest.skip("underthesea address data missing")
    # "district" is quận in a city and huyện in the country: the data decides
    assert restore.local_unit("Hai Ba Trung", "district") == "quận Hai Bà Trưng"
    assert restore.local_unit("Nam Trà My", "district") == "huyện Nam Trà My"
    assert restore.local_unit("Nguyen Du", "ward") == "phường Nguyễn Du"
    # no level word, an unknown name, or a misspelt diacritic: nothing
    assert restore.local_unit("Hai Ba Trung", "city") is None
    assert restore.local_unit("Springfield", "district") is None
    assert restore.local_unit("Nam Trà Mỹ", "district") is None


@pytest.mark.skipif(not restore.country_codes(), reason="iso-codes missing")
def test_country_usual_english_name() -> None:
    assert restore.country_name("Republic of Korea") == "South Korea"
    assert restore.country_name("Lao People's Democratic Republic") == "Laos"
    assert restore.country_name("Japan") == "Japan"
    assert restore.country_name("Russia") is None  # ISO writes no "Russia"
    assert restore.country_name("Mekong Delta") is None


def test_city_initials_only_with_the_city_word() -> None:
    if not restore.is_city("Hồ Chí Minh"):
        pytest.skip("underthesea gazetteer missing")
    r = restore.restore_place("HCM", city=True)  # "HCM City"
    assert (r.text, r.restored) == ("Thành phố Hồ Chí Minh", True)
    assert not restore.restore_place("HCM").restored  # no "City": an acronym
    assert not restore.restore_place("XYZ", city=True).restored


def test_vietnamese_country_names_have_their_english_names() -> None:
    e = restore.english_country_name
    assert (e("Nhật Bản"), e("Hàn Quốc"), e("Hoa Kỳ")) == (
        "Japan",
        "South Korea",
        "United States",
    )
    assert e("Vương quốc Anh") == "United Kingdom"
    # Việt Nam is not foreign; a city is no country; marks are evidence:
    # "Duc" is a given name, "Đức" Germany
    assert [e(t) for t in ("Việt Nam", "Hà Nội", "Nhat Ban", "Duc")] == [None] * 4
    assert e("Đức") == "Germany"


def test_every_vietnamese_country_name_matches_in_both_tone_styles() -> None:
    names = restore._vietnamese_countries()
    assert len(names) > 200
    styled = 0
    for key, english in names.items():
        old, new = to_old_style(key), to_new_style(key)
        styled += old != new
        assert restore.english_country_name(old.upper()) == english
        assert restore.english_country_name(new.title()) == english
    assert styled > 0  # some names are written differently in the two styles
