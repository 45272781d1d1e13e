"""Features, settlements and Korean names in Vietnamese text (vi_places).

The sentences are written for these tests, not taken from the labelled sets.
"""

from __future__ import annotations

import pytest

from glossary.cluster.base import norm_key
from glossary.extract.vi_places import strip_settlement
from glossary.extract.vietnamese import vietnamese_mentions
from glossary.model import Document, Kind


def _kinds(text: str) -> dict[str, Kind | None]:
    ms = vietnamese_mentions(Document("t.txt", text, "vi"))
    return {m.text: m.kind for m in ms if m.kind is not Kind.TERM}


def test_feature_keeps_its_head_word() -> None:
    got = _kinds("Du khách đi thuyền trên sông Đà rồi ghé thác Dải Yếm ở Mộc Châu.")
    assert got["sông Đà"] is Kind.PLACE
    assert got["thác Dải Yếm"] is Kind.PLACE
    assert "Đà" not in got


@pytest.mark.parametrize("backend", ["underthesea", "rules"])
def test_a_head_that_ends_a_communes_name_opens_no_feature(backend: str) -> None:
    # the gazetteer's communes of the north ending in "Phố", "Hồ", written in
    # lower case: the head is the name's, the feature after it no feature
    text = "Ở huyện Bắc Hà, mưa làm hỏng 4 nhà tại Hoàng Thu phố 3 và phố Cốc Lầu."
    ms = vietnamese_mentions(Document("t.txt", text, "vi"), backend=backend)
    got = {m.text: m.kind for m in ms}
    assert got.get("Hoàng Thu phố") is Kind.PLACE
    assert "phố 3" not in got
    assert got.get("phố Cốc Lầu") is Kind.PLACE


def test_airport_and_capitalised_feature() -> None:
    got = _kinds("Đoàn hạ cánh xuống sân bay Tân Sơn Nhất. Đèo Ô Quy Hồ rất đẹp.")
    assert got["sân bay Tân Sơn Nhất"] is Kind.PLACE
    assert got["Đèo Ô Quy Hồ"] is Kind.PLACE


def test_head_inside_a_word_or_a_surname_is_no_feature() -> None:
    got = _kinds("Ông Hồ Văn Mừng ký văn bản Luật Đất đai.")
    assert not any(
        k.startswith(("bản ", "Hồ Văn")) and v is Kind.PLACE for k, v in got.items()
    )


def test_settlement_is_also_named_bare() -> None:
    got = _kinds("Lũ cuốn trôi ba nhà ở thôn Khe Lim 3, xã Tân Sơn.")
    assert got["thôn Khe Lim 3"] is Kind.PLACE
    assert got["Khe Lim 3"] is Kind.PLACE


def test_typed_village_and_headman() -> None:
    got = _kinds("Trưởng bản Mường Phăng đón khách tới làng gốm Bát Tràng.")
    assert got["Mường Phăng"] is Kind.PLACE
    assert got["làng gốm Bát Tràng"] is Kind.PLACE
    assert got["Bát Tràng"] is Kind.PLACE


def test_settlement_bare_name_and_key() -> None:
    assert strip_settlement("làng gốm Bát Tràng") == "Bát Tràng"
    assert strip_settlement("Bản Giốc") == "Bản Giốc"  # a name of its own
    assert norm_key("xóm Đồng Tâm", Kind.PLACE) == norm_key("Đồng Tâm", Kind.PLACE)


def test_korean_names_cut_from_bodies_before_them() -> None:
    got = _kinds(
        "Chủ tịch Tập đoàn Hanwha Kim Seung-youn và Chủ tịch Naver Lee Hae-jin"
        " gặp Tổng thống Yoon Suk-yeol."
    )
    assert got["Kim Seung-youn"] is Kind.PERSON
    assert got["Lee Hae-jin"] is Kind.PERSON
    assert got["Yoon Suk-yeol"] is Kind.PERSON
    assert got["Tập đoàn Hanwha"] is Kind.ORG
    assert "Naver Lee Hae-jin" not in got


def test_vietnamese_hyphenated_place_is_no_korean_name() -> None:
    got = _kinds("Ông đến Bà Rịa-vũng Tàu hôm qua.")
    assert got.get("Bà Rịa-vũng") is not Kind.PERSON


def test_communes_of_a_named_district_are_places() -> None:
    got = _kinds("Mưa lớn ở huyện Mường Tè làm sập nhà tại Ka Lăng và Thu Lũm.")
    assert got["Ka Lăng"] is Kind.PLACE
    assert got["Thu Lũm"] is Kind.PLACE


def test_full_names_by_middle_name_and_minority_surnames() -> None:
    got = _kinds("Các nạn nhân gồm Giàng Thị Mỷ, Lò Văn Pọm và Thào A Chứ.")
    assert got["Giàng Thị Mỷ"] is Kind.PERSON
    assert got["Lò Văn Pọm"] is Kind.PERSON
    assert got["Thào A Chứ"] is Kind.PERSON


def test_bodies_named_by_further_heads() -> None:
    got = _kinds(
        "Hội Nông dân tỉnh Bắc Ninh thăm Hội An. Đại sứ quán Việt Nam tại Pháp"
        " và Nội các Hàn Quốc gửi điện. TAND Cấp cao tại Đà Nẵng xử phúc thẩm."
        " Ông là Ủy viên Trung ương Đảng và Ủy viên Bộ Chính trị khóa 13."
    )
    assert got["Hội Nông dân tỉnh Bắc Ninh"] is Kind.ORG
    assert got.get("Hội An") is not Kind.ORG
    # a mission is named with the country it is in
    assert got["Đại sứ quán Việt Nam tại Pháp"] is Kind.ORG
    assert got["Nội các Hàn Quốc"] is Kind.ORG
    assert got["TAND Cấp cao tại Đà Nẵng"] is Kind.ORG
    assert got["Trung ương Đảng"] is Kind.ORG
    assert got["Bộ Chính trị"] is Kind.ORG


def test_person_right_after_a_unit_word_is_not_its_place() -> None:
    got = _kinds(
        "Giám đốc Công an tỉnh Lê Văn Tuyến và Hội Cựu chiến binh"
        " và Bí thư Đinh Văn Hùng."
    )
    assert got["Công an tỉnh"] is Kind.ORG
    assert got["Lê Văn Tuyến"] is Kind.PERSON
    assert "Hội Cựu chiến binh và Bí thư Đinh Văn Hùng" not in got


def _vi_concepts(text: str) -> list[set[str]]:
    from glossary.cluster import cluster

    ms = vietnamese_mentions(Document("vi_t.txt", text, "vi"))
    return [{t.text for t in c.concept.terms} for c in cluster(ms)]


def test_unit_bearing_variants_of_bodies_join() -> None:
    got = _vi_concepts(
        "Chủ tịch Tập đoàn GS dự họp. GS đầu tư lớn. Ban Thường vụ Tỉnh ủy Nghệ An"
        " họp; Ban Thường vụ Tỉnh ủy thống nhất. CTCP Sữa Ba Vì và Công ty TNHH"
        " Sữa Ba Vì là một."
    )
    assert any({"Tập đoàn GS", "GS"} <= c for c in got)
    assert any(
        {"Ban Thường vụ Tỉnh ủy Nghệ An", "Ban Thường vụ Tỉnh ủy"} <= c for c in got
    )
    assert any({"CTCP Sữa Ba Vì", "Công ty TNHH Sữa Ba Vì"} <= c for c in got)


def test_stage_name_keeps_the_legal_name_as_a_variant() -> None:
    from glossary.cluster import cluster

    text = (
        "Khán giả quen với Hồ Ngọc Hà và Sơn Tùng. Ít ai biết tên thật của Sơn"
        " Tùng là Nguyễn Thanh Tùng, còn Hồ Ngọc Hà tên thật là Hồ Ngọc Hà."
    )
    ms = vietnamese_mentions(Document("vi_s.txt", text, "vi"))
    c = next(
        c.concept
        for c in cluster(ms)
        if "Nguyễn Thanh Tùng" in {t.text for t in c.concept.terms}
    )
    pref = {t.text for t in c.terms if t.is_preferred}
    assert pref == {"Sơn Tùng"}
    assert c.kind is Kind.PERSON


def test_provincial_capital_keeps_its_unit_word() -> None:
    got = _kinds("Đoàn rời thành phố Sơn La, rồi tới thành phố Hà Nội.")
    assert got["thành phố Sơn La"] is Kind.PLACE
    assert "thành phố Hà Nội" not in got  # a province-level city is the province


def test_a_marked_two_syllable_full_name_is_one_person_across_documents() -> None:
    """One article in two documents (a repeated wire story): "Trần Đơn" is
    one person, not one per copy."""
    import pytest
    from conftest import SHARED

    from glossary.cluster import cluster

    path = SHARED / "corpus" / "news-dev2" / "vi_06.txt"
    if not path.is_file():
        pytest.skip("news-dev2 missing")
    text = path.read_text(encoding="utf-8")
    ms = [
        *vietnamese_mentions(Document("vi_a.txt", text + "\nBản tin 1.", "vi")),
        *vietnamese_mentions(Document("vi_b.txt", text + "\nBản tin 2.", "vi")),
    ]
    owners = [
        c.concept
        for c in cluster(ms)
        if "Trần Đơn" in {t.text for t in c.concept.terms}
    ]
    assert len(owners) == 1
