"""English names by class (issue 14): place boundaries, kinds from head nouns,
plural and demonym runs that are no names. Sentences made up for the rules,
not taken from the labelled sets."""

from __future__ import annotations

import pytest
from conftest import english_kinds as _kinds

from glossary.extract.english import english_mentions
from glossary.model import Document, Kind
from glossary.pipeline import extract


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Rice prices rose in Thai Binh Province last week.", "Thai Binh Province"),
        ("Lao Cai City reopened its schools.", "Lao Cai City"),
        ("Traders crossed at Thai Nguyen on Monday.", "Thai Nguyen"),
    ],
)
def test_a_demonym_syllable_stays_in_a_gazetteer_place(
    sentence: str, place: str
) -> None:
    assert _kinds(sentence).get(place) is Kind.PLACE


def test_a_demonym_before_a_person_is_still_dropped() -> None:
    kinds = _kinds("Analysts quoted Thai Somchai Wong on Monday.")
    assert "Somchai Wong" in kinds
    assert not any(k.startswith("Thai") for k in kinds)


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("Hikers reach Pa Khoang cave by boat.", "Pa Khoang cave", Kind.PLACE),
        (
            "Tourists photograph Hien Luong flag tower.",
            "Hien Luong flag tower",
            Kind.PLACE,
        ),
        ("They walked through Hoi An old quarter.", "Hoi An old quarter", Kind.PLACE),
        ("Snow fell on O Quy Ho Mountain pass.", "O Quy Ho Mountain pass", Kind.PLACE),
        ("Trucks queued at Tan Thanh Market.", "Tan Thanh Market", Kind.PLACE),
        ("Dray Nur Falls attract many visitors.", "Dray Nur Falls", Kind.PLACE),
        ("Soldiers of Military Region 4 helped.", "Military Region 4", Kind.ORG),
        ("The Quang Ninh Newspaper reported it.", "Quang Ninh Newspaper", Kind.ORG),
    ],
)
def test_head_nouns_give_the_kind(sentence: str, name: str, kind: Kind) -> None:
    assert _kinds(sentence).get(name) is kind


def test_a_lowercase_market_after_a_country_is_no_place() -> None:
    assert "US market" not in _kinds("Exports to the US market grew.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Two Vice Chairmen and three Deputy Directors were named.",
        "The Provincial Committees met on Friday.",
        "Many North Koreans watched.",
    ],
)
def test_plural_heads_and_demonyms_are_no_persons(sentence: str) -> None:
    assert Kind.PERSON not in _kinds(sentence).values()


def test_and_joins_the_halves_of_one_organisation() -> None:
    kinds = _kinds("The Vietnam Forest and Wildlife Protection Department said so.")
    assert kinds == {"Vietnam Forest and Wildlife Protection Department": Kind.ORG}


def test_and_does_not_glue_a_person_to_an_organisation() -> None:
    kinds = _kinds("Tran Van Nam and Hanoi Tourism Department signed it.")
    assert kinds["Tran Van Nam"] is Kind.PERSON


def test_an_event_word_after_a_name_makes_it_no_person() -> None:
    kinds = _kinds("Leaders flew in for the Greater Mekong summit.")
    assert kinds["Greater Mekong"] is Kind.OTHER


@pytest.mark.parametrize(
    "body",
    [
        "provincial People's Council",
        "municipal Department of Transport",
        "Nghe An provincial Department of Health",
        "Hai Phong city People's Committee",
    ],
)
def test_a_local_body_keeps_its_unit_word_and_place(body: str) -> None:
    kinds = _kinds(f"On Monday the {body} approved the plan.")
    assert kinds.get(body) is Kind.ORG


def test_the_city_before_a_body_without_a_place_is_no_name() -> None:
    kinds = _kinds("Officials of the city People's Committee came.")
    assert "city People's Committee" not in kinds


def test_names_listed_before_a_plural_unit_word_are_places() -> None:
    kinds = _kinds("Storms hit Tran Phu, Le Loi and Quang Trung wards on Friday.")
    assert kinds == dict.fromkeys(["Tran Phu", "Le Loi", "Quang Trung"], Kind.PLACE)


def test_a_list_of_persons_stays_persons() -> None:
    kinds = _kinds("Tran Van Phu and Le Thi Loan visited two districts.")
    assert kinds["Tran Van Phu"] is Kind.PERSON
    assert kinds["Le Thi Loan"] is Kind.PERSON


def test_a_foreign_city_is_a_place() -> None:
    kinds = _kinds("Flights to Busan and Osaka resume next month.")
    assert kinds["Busan"] is Kind.PLACE
    assert kinds["Osaka"] is Kind.PLACE


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Exports to the UAE doubled this year.", "UAE"),
        ("Flights from HCMC to Phu Quoc were full.", "HCMC"),
        ("Traders from PNG arrived on Monday.", "PNG"),
    ],
)
def test_a_country_or_city_acronym_is_a_place(sentence: str, place: str) -> None:
    assert _kinds(sentence).get(place) is Kind.PLACE


def test_an_acronym_of_no_place_stays_an_organisation() -> None:
    assert _kinds("Shares of SK rose after EVN paid.").get("EVN") is Kind.ORG


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Visitors drove from Moc Chau to Bac Ha on Sunday.", "Moc Chau"),
        ("Visitors drove from Moc Chau to Bac Ha on Sunday.", "Bac Ha"),
        ("Traders from Tam Duong met Cao Van Hai.", "Tam Duong"),
    ],
)
def test_a_gazetteer_unit_without_a_surname_is_a_place(
    sentence: str, place: str
) -> None:
    kinds = _kinds(sentence)
    assert kinds.get(place) is Kind.PLACE
    assert kinds.get("Cao Van Hai", Kind.PERSON) is Kind.PERSON


def test_a_month_word_ending_a_name_stays_unless_a_date_follows() -> None:
    kinds = _kinds("Her guest Zhang Jun arrived; the Trade Fair March 3 closed.")
    assert "Zhang Jun" in kinds
    assert "Trade Fair" in kinds


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Farmers in An Nhon town harvested early.", "An Nhon town"),
        ("A Luoi was cut off by the flood.", "A Luoi"),
    ],
)
def test_an_article_that_opens_a_gazetteer_place_is_kept(
    sentence: str, place: str
) -> None:
    assert _kinds(sentence).get(place) is Kind.PLACE


def test_an_article_before_another_name_is_still_dropped() -> None:
    assert "Ha Tinh" in _kinds("The Ha Tinh police said so.")


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("Floods hit Vu Ban, Nam Dinh Province, overnight.", "Vu Ban", Kind.PLACE),
        ("Rain fell on Hai Phong and Le Chan.", "Le Chan", Kind.PLACE),
        ("Awards went to Vu Ban and Nguyen Thi Mai.", "Vu Ban", Kind.PERSON),
    ],
)
def test_a_unit_name_listed_next_to_a_place_is_a_place(
    sentence: str, name: str, kind: Kind
) -> None:
    assert _kinds(sentence).get(name) is kind


def test_a_sponsor_before_a_province_makes_a_club() -> None:
    kinds = _kinds("A match between Topenland Binh Dinh and Hai Phong.")
    assert kinds.get("Topenland Binh Dinh") is Kind.ORG


def test_a_compass_word_before_a_province_makes_no_club() -> None:
    assert (
        _kinds("Tourists love Northern Lao Cai.").get("Northern Lao Cai")
        is not Kind.ORG
    )


def test_a_title_ending_a_run_is_held_in_the_name_before_it() -> None:
    ms = english_mentions(
        Document(
            "t.txt",
            "Shopee CEO and the Da Nang Chairman met the Party General Secretary.",
        )
    )
    got = {(m.text, m.kind) for m in ms}
    assert ("Shopee", Kind.ORG) in got
    assert ("CEO", Kind.TITLE) in got
    assert ("Da Nang", Kind.PLACE) in got
    assert ("Chairman", Kind.TITLE) in got
    assert ("Party General Secretary", Kind.TITLE) in got


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("He studied in East Germany in 1985.", "East Germany", Kind.PLACE),
        (
            "A concert at the Saigon Opera House sold out.",
            "Saigon Opera House",
            Kind.PLACE,
        ),
        (
            "Readers of VnExpress International wrote in.",
            "VnExpress International",
            Kind.ORG,
        ),
        ("Procter & Gamble opened a plant.", "Procter & Gamble", Kind.ORG),
        ("Shoppers at WinMart+ paid less.", "WinMart+", Kind.ORG),
    ],
)
def test_structure_of_the_name_gives_the_kind(
    sentence: str, name: str, kind: Kind
) -> None:
    assert _kinds(sentence).get(name) is kind


def test_a_possessive_before_a_name_with_its_own_head_or_article_splits() -> None:
    kinds = _kinds(
        "Visitors toured Sungroup’s Ba Na Cable Car Station and read the"
        " Youth Union’s The Gioi magazine at the Women’s Museum."
    )
    assert kinds.get("Ba Na Cable Car Station") is Kind.ORG
    assert "Youth Union" in kinds
    assert "The Gioi" in kinds
    assert "Women’s Museum" in kinds


def _people(text: str) -> dict[str, str]:
    return {
        m.text: m.title
        for m in english_mentions(Document("t.txt", text))
        if m.kind is Kind.PERSON
    }


def test_an_abbreviated_honorific_with_its_full_stop_is_a_title() -> None:
    assert _people("Mr. Lim Boon Heng and Ms. Dao Thi Lan spoke.") == {
        "Lim Boon Heng": "Mr",
        "Dao Thi Lan": "Ms",
    }


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Tan Sri Syed Mokhtar Albukhary visited.", "Syed Mokhtar Albukhary"),
        ("Datuk Seri Anwar Ibrahim spoke.", "Anwar Ibrahim"),
        ("Sheikh Hasina Wajed arrived.", "Hasina Wajed"),
        ("King Norodom Sihamoni received Samdech Techo Hun Sen.", "Hun Sen"),
        ("Sultan Ibrahim Iskandar received them.", "Ibrahim Iskandar"),
    ],
)
def test_honorifics_of_foreign_leaders_are_no_part_of_the_name(
    sentence: str, person: str
) -> None:
    assert person in _people(sentence)


def test_tan_alone_stays_a_surname() -> None:
    assert "Tan Cheng Bock" in _people("Tan Cheng Bock met voters.")


def test_honorifics_after_an_office_stay_out_of_the_title_concept() -> None:
    ms = english_mentions(
        Document("t.txt", "Cambodian Prime Minister Samdech Techo Hun Sen spoke.")
    )
    titles = {m.text for m in ms if m.kind is Kind.TITLE}
    assert titles == {"Prime Minister"}


def test_a_body_glued_before_a_korean_name_is_split_off() -> None:
    kinds = _kinds(
        "Guests were Hyundai Chung Eui-sun and Lotte Chairman Shin Dong-bin."
    )
    assert kinds.get("Chung Eui-sun") is Kind.PERSON
    assert kinds.get("Shin Dong-bin") is Kind.PERSON
    assert "Hyundai" in kinds
    assert kinds.get("Lotte") is Kind.ORG


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Pilgrims visit the Temple of Literature daily.", "Temple of Literature"),
        ("Crowds filled the Tomb of Khai Dinh tourist site.", "Tomb of Khai Dinh"),
    ],
)
def test_a_building_named_x_of_y_is_a_place(sentence: str, place: str) -> None:
    assert _kinds(sentence).get(place) is Kind.PLACE


def test_a_slogan_of_capitalised_words_is_no_person() -> None:
    kinds = _kinds(
        "The fair's motto, ‘Shared Development, Lasting Friendship’, was hung"
        " beside a banner for Sustainable Tourism. Wang Yi and Kamal Ahmed came."
    )
    assert Kind.PERSON not in {
        kinds.get("Shared Development"),
        kinds.get("Lasting Friendship"),
        kinds.get("Sustainable Tourism"),
    }
    assert kinds.get("Wang Yi") is Kind.PERSON
    assert kinds.get("Kamal Ahmed") is Kind.PERSON


def test_a_dash_between_a_province_and_a_district_inside_it_splits() -> None:
    kinds = _kinds("Three districts of Cao Bang – Bao Lac, Ha Quang and Tra Linh.")
    assert kinds.get("Cao Bang") is Kind.PLACE
    assert kinds.get("Bao Lac") is Kind.PLACE
    assert "Cao Bang – Bao Lac" not in kinds
    assert "Ba Ria – Vung Tau" in _kinds("Rain fell on Ba Ria – Vung Tau.")


def test_stage_occupations_are_titles() -> None:
    assert _people("The night belonged to DJ Minh Tri and MC Phan Anh.") == {
        "Minh Tri": "DJ",
        "Phan Anh": "MC",
    }


def test_a_short_quoted_title_is_no_person() -> None:
    kinds = _kinds(
        'The band played “Dem Thanh Pho” and the film "Mat Biec" opened;'
        " “We thank Anna Berg for everything she did,” he said."
    )
    assert kinds.get("Dem Thanh Pho") is not Kind.PERSON
    assert kinds.get("Mat Biec") is not Kind.PERSON
    assert kinds.get("Anna Berg") is Kind.PERSON


def test_a_qualifying_adjective_before_a_unit_word_is_no_name() -> None:
    kinds = _kinds(
        "Rain hit the Central province and Southern districts, not Lang Son"
        " province or the Central Highlands."
    )
    assert "Central" not in kinds
    assert "Southern" not in kinds
    assert kinds.get("Lang Son province") is Kind.PLACE
    assert kinds.get("Central Highlands") is Kind.PLACE


@pytest.mark.parametrize(
    ("sentence", "title", "place"),
    [
        (
            "Lo Van Sinh, Party Secretary of Bao Lam district’s Party Committee, "
            "met farmers.",
            "Party Secretary",
            "Bao Lam district",
        ),
        (
            "Ha Thi Mai, Secretary of MuongKhuong district's Party Committee, spoke.",
            "Secretary",
            "MuongKhuong district",
        ),
    ],
)
def test_a_place_with_its_unit_word_after_of_is_no_title_complement(
    sentence: str, title: str, place: str
) -> None:
    mentions = extract(Document("t.txt", sentence))[1]
    titles = {m.text for m in mentions if m.kind is Kind.TITLE}
    assert title in titles
    # the place, named inside its body ("... district's Party Committee")
    assert any(m.text == place and m.kind is Kind.PLACE for m in mentions)


def test_a_portfolio_after_of_stays_in_the_title() -> None:
    mentions = english_mentions(
        Document("t.txt", "Minister of Industry and Trade Tran Van Son visited.")
    )
    assert "Minister of Industry and Trade" in {m.text for m in mentions}


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        (
            "Sheikh Hamad bin Khalid Al Sabah toured Hanoi.",
            "Hamad bin Khalid Al Sabah",
        ),
        ("Minister Rahman ibn Yusuf signed the deal.", "Rahman ibn Yusuf"),
        ("The award went to Aisyah binti Osman of Penang.", "Aisyah binti Osman"),
    ],
)
def test_a_name_particle_between_capitalised_words_continues_the_name(
    sentence: str, person: str
) -> None:
    assert _kinds(sentence).get(person) is Kind.PERSON


def test_a_name_particle_not_before_a_capitalised_word_ends_the_name() -> None:
    kinds = _kinds("Officials in Hanoi bin the old forms.")
    assert "Hanoi" in kinds
    assert not any("bin" in name for name in kinds)


def test_monarchs_and_heirs_carry_their_title() -> None:
    text = "Crown Prince Frederik greeted Emperor Akihito and Empress Michiko."
    assert _people(text) == {
        "Frederik": "Crown Prince",
        "Akihito": "Emperor",
        "Michiko": "Empress",
    }


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        (
            "Talks with President Abdel Fattah el-Sisi ended late.",
            "Abdel Fattah el-Sisi",
        ),
        ("The envoy Nasser Jaber al-Harbi arrived in Hue.", "Nasser Jaber al-Harbi"),
    ],
)
def test_an_arabic_article_glued_to_a_name_word_continues_the_name(
    sentence: str, person: str
) -> None:
    assert _kinds(sentence).get(person) is Kind.PERSON


def test_an_arabic_article_word_alone_opens_no_name() -> None:
    assert _kinds("Reporters met al-Rashid yesterday.") == {}


@pytest.mark.parametrize(
    ("sentence", "demonym"),
    [
        ("The Iraqi Prime Minister Karim Hadi spoke.", "Iraqi"),
        ("Pakistani Deputy Minister Asif Raza visited.", "Pakistani"),
        ("A Mexican Ambassador Luis Ortega attended.", "Mexican"),
    ],
)
def test_a_demonym_made_from_a_country_name_is_no_part_of_the_name(
    sentence: str, demonym: str
) -> None:
    assert not any(demonym in name for name in _kinds(sentence))


@pytest.mark.parametrize(
    ("sentence", "firm"),
    [
        (
            "Minh Phat Logistics Co., Ltd said on Monday.",
            "Minh Phat Logistics Co., Ltd",
        ),
        (
            "Shares of Lumina Solar Pte. Ltd of Malaysia rose.",
            "Lumina Solar Pte. Ltd",
        ),
        ("It hired Kencana Mas Sdn. Bhd. last year.", "Kencana Mas Sdn. Bhd"),
    ],
)
def test_legal_forms_with_stops_and_commas_end_one_firm_name(
    sentence: str, firm: str
) -> None:
    kinds = _kinds(sentence)
    assert kinds.get(firm) is Kind.ORG
    assert "Ltd" not in kinds
    assert "Bhd" not in kinds


@pytest.mark.parametrize(
    ("sentence", "body", "inner"),
    [
        (
            "He sat on the Standing Committee of the municipal Party Committee.",
            "Standing Committee of the municipal Party Committee",
            "municipal Party Committee",
        ),
        (
            "She left the Party delegation to the municipal People’s Council.",
            "Party delegation to the municipal People’s Council",
            "municipal People’s Council",
        ),
        (
            "The Party caucus in the National Assembly voted.",
            "Party caucus in the National Assembly",
            "National Assembly",
        ),
    ],
)
def test_a_body_of_a_lower_case_unit_body_is_one_organisation(
    sentence: str, body: str, inner: str
) -> None:
    kinds = _kinds(sentence)
    assert kinds.get(body) is Kind.ORG
    assert kinds.get(inner) is Kind.ORG


def test_the_parties_of_an_event_label_are_names_too() -> None:
    kinds = _kinds("Leaders met at the Mekong-New Zealand summit in Busan.")
    assert kinds["New Zealand"] is Kind.PLACE
    assert kinds["Mekong"] is Kind.PLACE  # alike the other party
    assert kinds["Mekong-New Zealand"] is Kind.OTHER


def test_a_numbered_unit_before_a_structure_is_named_too() -> None:
    kinds = _kinds("Fans filled the Military Region 9 stadium in Can Tho.")
    assert kinds["Military Region 9"] is Kind.ORG
    assert kinds["Military Region 9 stadium"] is Kind.PLACE


def test_an_island_district_is_one_place() -> None:
    kinds = _kinds("Officials of Con Co island district met on Friday.")
    assert kinds["Con Co island district"] is Kind.PLACE


def test_a_compound_of_unknown_parties_leaves_them_untyped() -> None:
    kinds = _kinds("The Lumo-Tarin talks ended.")
    assert kinds["Lumo"] is None
    assert kinds["Tarin"] is None


@pytest.mark.parametrize("country", ["Russia", "Brunei", "Burma"])
def test_a_country_by_its_cldr_english_name_is_a_place(country: str) -> None:
    # ISO 3166 lists "Russian Federation", "Brunei Darussalam", "Myanmar"
    assert _kinds(f"Rice exports to {country} doubled.")[country] is Kind.PLACE


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("As the Tien Phong newspaper wrote, prices rose.", "Tien Phong"),
        ("Readers of the Ha Long weekly complained.", "Ha Long"),
        ("A Nguyen Thi Lan website sold the tickets.", "Nguyen Thi Lan"),
    ],
)
def test_an_outlets_noun_after_a_name_makes_it_an_organisation(
    sentence: str, outlet: str
) -> None:
    assert _kinds(sentence)[outlet] is Kind.ORG
