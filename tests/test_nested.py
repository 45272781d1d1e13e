"""Names inside longer names (issue 14 item 1): one pass, both languages.

Sentences made up for the rules, not taken from the labelled sets."""

from __future__ import annotations

import pytest
from conftest import SHARED

from glossary.cluster import cluster
from glossary.extract import nested
from glossary.model import Document, Kind
from glossary.pipeline import extract
from glossary.reader import read_inputs

NEWS = [SHARED / "corpus" / "news-dev", SHARED / "corpus" / "news-dev2"]


def _nested(text: str, lang: str = "en") -> dict[str, Kind | None]:
    _, ms = extract(Document("t.txt", text, lang=lang))
    return {m.text: m.kind for m in ms if m.source == "nested"}


def test_a_district_inside_a_body_is_a_place_with_its_unit_word() -> None:
    found = _nested("The Tan Yen District People's Committee met on Monday.")
    assert found["Tan Yen District"] is Kind.PLACE


def test_a_province_inside_a_body_is_a_place() -> None:
    found = _nested("He chairs the Standing Board of the Ha Nam Party Committee.")
    assert found.get("Ha Nam") is Kind.PLACE


def test_a_club_gives_its_sponsor_and_its_city() -> None:
    found = _nested("Hoang Anh beat Topenland Binh Dinh FC on Sunday.")
    assert found.get("Binh Dinh") is Kind.PLACE
    assert found.get("Topenland") is Kind.ORG


def test_an_acronym_inside_an_event_is_an_organisation() -> None:
    assert _nested("Fans watched the AFF Mitsubishi Electric Cup final.")["AFF"] is (
        Kind.ORG
    )


def test_no_person_inside_a_street_and_no_pair_split() -> None:
    text = (
        "Tran Hung Dao met traders. Tran Hung Dao Street was closed. "
        "Ba Ria - Vung Tau Province reported rain."
    )
    found = _nested(text)
    assert "Tran Hung Dao" not in found
    assert "Ba Ria" not in found


def test_a_country_name_holds_no_nested_country() -> None:
    assert "Korea" not in _nested("Officials of the Republic of Korea came.")


def test_a_vietnamese_body_names_the_country_inside_it() -> None:
    found = _nested(
        "Hôm qua, Bộ trưởng Bộ Ngoại giao Việt Nam tiếp đoàn khách.", lang="vi"
    )
    assert found.get("Việt Nam") is Kind.PLACE


def test_the_nested_name_joins_the_documents_own_concept() -> None:
    doc = Document(
        "t.txt",
        "Rain hit Ha Nam on Monday. The Ha Nam Department of Health sent staff.",
        lang="en",
    )
    _, ms = extract(doc)
    places = [c for c in cluster(ms) if c.concept.kind is Kind.PLACE]
    assert len(places) == 1
    assert sum(len(v) for v in places[0].occurrences.values()) == 2


def test_a_provincial_capital_stays_apart_from_its_province() -> None:
    doc = Document(
        "t.txt",
        "Floods hit Ha Giang on Monday. In Ha Giang City, schools closed.",
        lang="en",
    )
    _, ms = extract(doc)
    places = {
        frozenset(t.text for t in c.concept.terms)
        for c in cluster(ms)
        if c.concept.kind is Kind.PLACE
    }
    assert {"Ha Giang"} <= set().union(*places)
    assert not any({"Ha Giang", "Ha Giang City"} <= p for p in places)


def test_a_province_inside_a_longer_place_word_is_not_taken() -> None:
    found = _nested(
        "Hôm qua, Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương khai mạc.",
        lang="vi",
    )
    assert "Bình Dương" not in found
    assert "Thái Bình" not in found


def test_a_word_of_a_pair_that_opens_the_documents_country_is_it() -> None:
    text = "Đoàn Việt Nam tới Lào. Hội Hữu nghị Việt - Lào tổ chức lễ đón."
    _, ms = extract(Document("t.txt", text, lang="vi"))
    assert {m.text: m.kind for m in ms if m.source == "nested"}.get("Việt") is (
        Kind.PLACE
    )
    places = [c for c in cluster(ms) if c.concept.kind is Kind.PLACE]
    (vn,) = [c for c in places if "Việt Nam" in {t.text for t in c.concept.terms}]
    assert "Việt" in {t.text for t in vn.concept.terms}


def test_the_owner_of_a_possessive_name_is_a_name_of_its_own() -> None:
    found = _nested("Staff of the Mong Cai Border Gate's Border Post met the press.")
    assert found.get("Mong Cai Border Gate") is Kind.PLACE


def test_a_structure_gives_the_place_it_is_named_for() -> None:
    assert _nested("Tourists climb the Pa Vi flag tower at dawn.").get("Pa Vi") is (
        Kind.PLACE
    )
    found = _nested("Đoàn hạ cánh xuống sân bay Cát Bi lúc 9h.", lang="vi")
    assert found.get("Cát Bi") is Kind.PLACE


def test_a_feature_gives_the_settlement_it_is_named_for() -> None:
    found = _nested("Du khách tới Thác Bản Pác rồi về thôn Nà Mạ.", lang="vi")
    assert found.get("Bản Pác") is Kind.PLACE
    assert "Thác" not in "".join(found)


def test_a_standing_organ_gives_the_body_it_belongs_to() -> None:
    found = _nested(
        "Ông là Chủ nhiệm Ủy ban Thường vụ Nhân đại thành phố Hàng Châu.", lang="vi"
    )
    assert found.get("Nhân đại thành phố Hàng Châu") is Kind.ORG


def test_a_host_seen_in_another_document_finds_what_this_one_knows() -> None:
    # What lies inside a host is remembered across documents by what each
    # document knows of its spans: "Nam Dinh" of the club is a place where
    # the document names the province, and the club's sponsor in both
    club = "Thep Xanh Nam Dinh FC"
    plain = _nested(f"{club} won again.")
    named = _nested(f"Nam Dinh Province hosted {club} on Sunday.")
    assert _nested(f"{club} won again.") == plain
    assert named.get("Nam Dinh") is Kind.PLACE
    assert plain.get("Thep Xanh") == named.get("Thep Xanh")


@pytest.mark.skipif(not NEWS[1].is_dir(), reason="news-dev2 missing")
def test_nested_mentions_are_those_of_each_document_alone() -> None:
    # the cache across documents gives every news-dev and news-dev2
    # document the nested mentions it gets with nothing remembered
    paths = [str(p) for d in NEWS for p in sorted(d.glob("*.txt"))]
    docs = read_inputs(paths).documents
    found = [_of(doc) for doc in docs]
    alone = []
    for doc in docs:
        nested._INSIDE.clear()
        alone.append(_of(doc))
    assert found == alone
    assert sum(map(len, found)) > 150


def _of(doc: Document) -> list[tuple[int, int, Kind | None]]:
    _, ms = extract(doc)
    return [(m.start, m.end, m.kind) for m in ms if m.source == "nested"]
