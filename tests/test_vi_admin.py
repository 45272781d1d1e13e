"""Vietnamese administrative structure: unit words, provincial bodies, clubs.

Sentences are from the news-dev texts (vi_02, vi_05, vi_07) and English
provincial news; each rule is checked both ways (it links or names what it
should, and leaves alone what it should not).
"""

from __future__ import annotations

import re

import pytest
from conftest import owner_of
from hypothesis import given
from hypothesis import strategies as st

from glossary.cluster import cluster
from glossary.cluster.base import norm_key, strip_vi_unit
from glossary.extract.english import english_mentions
from glossary.model import Concept, Document, Kind, Mention
from glossary.names import places as restore
from glossary.names.vi_admin import (
    club_name,
    document_province,
    expand_abbreviation,
    province_in,
    province_unit,
    strip_legal_form,
    with_province,
)

needs_gazetteer = pytest.mark.skipif(
    not restore.is_province("Thanh Hóa"), reason="underthesea gazetteer missing"
)


def _vi(*docs: tuple[str, str]) -> list[Concept]:
    from glossary.extract.vietnamese import vietnamese_mentions

    ms: list[Mention] = []
    for path, text in docs:
        ms.extend(vietnamese_mentions(Document(path, text)))
    return [c.concept for c in cluster(ms)]


def _vi_preferred(c: Concept) -> str:
    return next(t.text for t in c.terms if t.lang == "vi" and t.is_preferred)


def test_unit_word_is_not_part_of_the_place_key() -> None:
    assert strip_vi_unit("xã Cẩm Thủy") == "Cẩm Thủy"
    assert strip_vi_unit("thành phố Hà Nội") == "Hà Nội"
    assert strip_vi_unit("Thị trấn Cẩm Thủy") == "Cẩm Thủy"
    # plain syllables and numbered units stay
    assert strip_vi_unit("Thanh Hóa") == "Thanh Hóa"
    assert strip_vi_unit("Xa La") == "Xa La"
    assert strip_vi_unit("Quận 1") == "Quận 1"
    assert norm_key("xã Cẩm Thủy", Kind.PLACE) == norm_key("Cẩm Thủy", Kind.PLACE)
    assert norm_key("Quận 1", Kind.PLACE) != norm_key("Phường 1", Kind.PLACE)


_UNITS = ["", "xã ", "Tỉnh ", "thành phố ", "Quận ", "thị trấn ", "Xa "]


@given(st.tuples(st.sampled_from(_UNITS), st.text(max_size=30)).map("".join))
def test_strip_vi_unit_only_removes_a_prefix(text: str) -> None:
    out = strip_vi_unit(text)
    assert text.endswith(out)
    if out != text:
        removed = text[: len(text) - len(out)]
        assert removed[-1].isspace()
        assert removed.split()[0].lower() in {
            "thành",
            "thị",
            "đặc",
            "tỉnh",
            "quận",
            "huyện",
            "phường",
            "xã",
        }
        assert re.match(r"[^\W\d]", out)  # a name, not "Quận 1"


def test_abbreviated_bodies_are_written_in_full() -> None:
    assert expand_abbreviation("UBND tỉnh Sơn La") == "Ủy ban nhân dân tỉnh Sơn La"
    assert expand_abbreviation("HĐND xã Cẩm Thủy") == "Hội đồng nhân dân xã Cẩm Thủy"
    assert expand_abbreviation("UBND") == "UBND"  # alone it names no body
    assert expand_abbreviation("UBNDX tỉnh") == "UBNDX tỉnh"
    assert norm_key("UBND tỉnh Sơn La", Kind.ORG) == norm_key(
        "Ủy ban nhân dân tỉnh Sơn La", Kind.ORG
    )


@needs_gazetteer
def test_province_unit_from_the_gazetteer() -> None:
    assert province_unit("Vinh Long") == "tỉnh Vĩnh Long"
    assert province_unit("Long An") == "tỉnh Long An"  # written without marks
    assert province_unit("Hanoi") == "thành phố Hà Nội"
    assert province_unit("Cẩm Thủy") is None  # a district, not a province
    assert province_unit("Mekong Delta") is None


@needs_gazetteer
def test_department_takes_the_province_of_its_sentence_or_document() -> None:
    s = "Ở tỉnh Đồng Nai, người được phê chuẩn là ông Nguyễn Quốc Hùng, Giám đốc "
    s += "Sở Tài chính."
    assert with_province("Sở Tài chính", s, lambda: None) == " tỉnh Đồng Nai"
    doc = ["Chủ tịch UBND tỉnh Thanh Hóa Nguyễn Hoài Anh đã ký các quyết định."]
    assert document_province(doc, ["Thanh Hóa", "Cẩm Thủy"]) == "Thanh Hóa"
    s2 = "Tại Sở Xây dựng, ông Hoàng Văn Đồng được bổ nhiệm làm Giám đốc."
    assert province_in(s2, lambda: document_province(doc)) == "Thanh Hóa"
    assert with_province("Sở Xây dựng", s2, lambda: "Thanh Hóa") == (" tỉnh Thanh Hóa")
    # two provinces in the document and none in the sentence: no guess
    two = [*doc, "Ủy viên UBND của hai tỉnh Đồng Nai và Hà Tĩnh."]
    assert document_province(two) is None
    assert with_province("Sở Xây dựng", s2, lambda: document_province(two)) is None
    # a sentence naming two provinces does not fall back on the document
    s4 = "Sở Y tế và các tỉnh Đồng Nai, Hà Tĩnh họp."
    assert province_in(s4, lambda: "Thanh Hóa") is None
    # a ministry is not provincial; a name with its place already is complete
    assert with_province("Bộ Tài chính", s2, lambda: "Thanh Hóa") is None
    assert with_province("Sở Nội vụ tỉnh Hà Tĩnh", s2, lambda: "Thanh Hóa") is None
    # "của tỉnh X" names the province of any body
    s3 = "cùng Ban Quản lý Khu kinh tế Nghi Sơn của tỉnh Thanh Hóa."
    board = "Ban Quản lý Khu kinh tế Nghi Sơn"
    assert with_province(board, s3, lambda: None) == " tỉnh Thanh Hóa"
    assert with_province(board, s2, lambda: "Thanh Hóa") is None


VI_02 = (
    "Ngày 6-10-2025, Chủ tịch UBND tỉnh Thanh Hóa Nguyễn Hoài Anh đã ký các "
    "quyết định điều động, bổ nhiệm bốn cán bộ lãnh đạo sở, ngành và đơn vị "
    "trực thuộc UBND tỉnh.\n\nTheo đó, ông Lê Văn Trung, Bí thư Đảng ủy, Chủ "
    "tịch HĐND xã Cẩm Thủy, được tiếp nhận và giao giữ chức Giám đốc Sở Văn "
    "hóa, Thể thao và Du lịch.\n\nTại Sở Xây dựng, ông Hoàng Văn Đồng được bổ "
    "nhiệm làm Giám đốc."
)


@needs_gazetteer
def test_provincial_bodies_in_a_vietnamese_document() -> None:
    cs = _vi(("vi_02.txt", VI_02))
    ubnd = owner_of(cs, "UBND tỉnh Thanh Hóa")
    assert "UBND tỉnh" in {t.text for t in ubnd.terms}  # the short form joins
    assert _vi_preferred(ubnd) == "Ủy ban nhân dân tỉnh Thanh Hóa"
    assert _vi_preferred(owner_of(cs, "Sở Xây dựng")) == "Sở Xây dựng tỉnh Thanh Hóa"
    commune = owner_of(cs, "Cẩm Thủy")
    assert commune.kind is Kind.PLACE
    assert _vi_preferred(commune) == "xã Cẩm Thủy"


@needs_gazetteer
def test_bare_unit_short_form_is_not_linked_across_documents() -> None:
    other = "Ông Quách Tất Liêm được bầu làm Phó Chủ tịch UBND tỉnh.\n"
    cs = _vi(("vi_02.txt", VI_02), ("x.txt", other))
    short = [c for c in cs if any(t.text == "UBND tỉnh" for t in c.terms)]
    assert len(short) == 2
    assert all(c.key != short[0].key for c in short[1:])


VI_05 = (
    "Ở hàng phòng ngự có trung vệ Đỗ Duy Mạnh và Thành Chung (CLB Hà Nội), "
    "cùng Văn Vĩ (Nam Định). Nhà cầm quân cũng gọi Quan Văn Chuẩn (Hà Nội) "
    "và tiền vệ Lý Công Hoàng Anh (Thép Xanh Nam Định).\n\nTheo kế hoạch, đội "
    "tuyển Việt Nam hội quân tại Hà Nội ngày 29/8."
)


@needs_gazetteer
def test_club_named_by_its_place_joins_the_club_not_the_city() -> None:
    cs = _vi(("vi_05.txt", VI_05))
    club = owner_of(cs, "CLB Hà Nội")
    assert club.kind is Kind.ORG
    assert "Hà Nội" in {t.text for t in club.terms}
    city = [c for c in cs if c.kind is Kind.PLACE and c.label == "Hà Nội"]
    assert len(city) == 1
    assert city[0] is not club
    nd = owner_of(cs, "Thép Xanh Nam Định")
    assert "Nam Định" in {t.text for t in nd.terms}


@needs_gazetteer
def test_place_alone_is_not_a_club_without_a_club_of_that_name() -> None:
    text = (
        "Ở hàng phòng ngự có trung vệ Đỗ Duy Mạnh và Văn Vĩ (Nam Định). Ông "
        "nhận bằng khen của UBND tỉnh Nam Định."
    )
    cs = _vi(("x.txt", text))
    # "UBND tỉnh Nam Định" is a body of the province, never a club of it
    body = owner_of(cs, "UBND tỉnh Nam Định")
    assert "Nam Định" not in {t.text for t in body.terms}
    assert any(c.kind is Kind.ORG and c.label == "Nam Định" for c in cs)


VI_06 = (
    "Doanh nhân, tỷ phú Trần Đình Long hiện là Chủ tịch Hội đồng quản trị Công "
    "ty cổ phần Tập đoàn Hòa Phát và được xem là người thành công.\n\nGiai đoạn "
    "1992 - 1996, ông là Giám đốc Công ty Trách nhiệm hữu hạn Thiết bị Phụ tùng "
    "Hòa Phát.\n\nHiện nay, vị Chủ tịch HĐQT tập đoàn Hòa Phát vẫn là một trong "
    "những gương mặt doanh nhân được nhắc đến nhiều nhất."
)


def test_company_is_known_without_its_legal_form() -> None:
    assert strip_legal_form("Công ty cổ phần Tập đoàn Hòa Phát") == (
        "Tập đoàn Hòa Phát"
    )
    assert strip_legal_form("Tổng công ty TNHH MTV Ngân hàng X") == "Ngân hàng X"
    # no second category head: the legal form is part of the name
    name = "Công ty TNHH Thiết bị Phụ tùng Hòa Phát"
    assert strip_legal_form(name) == name
    cs = _vi(("vi_06.txt", VI_06))
    group = owner_of(cs, "Công ty cổ phần Tập đoàn Hòa Phát")
    assert "tập đoàn Hòa Phát" in {t.text for t in group.terms}
    assert _vi_preferred(group) == "Tập đoàn Hòa Phát"
    assert not group.flags  # one name in two cases is no spelling conflict
    other = owner_of(cs, "Công ty Trách nhiệm hữu hạn Thiết bị Phụ tùng Hòa Phát")
    assert other is not group


@needs_gazetteer
def test_body_named_with_its_province_once_gets_it_everywhere() -> None:
    text = (
        "Ông Trịnh Huy Triều chuyển sang giữ chức Trưởng Ban Quản lý Khu kinh "
        "tế Nghi Sơn và các Khu công nghiệp (ảnh: ĐẶNG TRUNG).\n\nNhư vậy, đợt "
        "điều động lần này liên quan tới ba sở, cùng Ban Quản lý Khu kinh tế "
        "Nghi Sơn và các Khu công nghiệp của tỉnh Thanh Hóa."
    )
    cs = _vi(("vi_02.txt", text))
    board = owner_of(cs, "Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp")
    assert _vi_preferred(board) == (
        "Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp tỉnh Thanh Hóa"
    )
    # a photo credit in capitals is the name "Đặng Trung"
    assert owner_of(cs, "ĐẶNG TRUNG").label == "Đặng Trung"


def test_club_written_clb_is_the_club_written_fc() -> None:
    assert club_name("CLB Hà Nội") == "Hà Nội FC"
    assert club_name("Câu lạc bộ Hà Nội") == "Hà Nội FC"
    assert club_name("Thép Xanh Nam Định") == "Thép Xanh Nam Định"
    assert norm_key("CLB Hà Nội", Kind.ORG) == norm_key("Hà Nội FC", Kind.ORG)
    assert norm_key("CLB Hà Nội", Kind.ORG) != norm_key("Hà Nội", Kind.ORG)


@needs_gazetteer
def test_club_across_languages_prefers_the_fc_name() -> None:
    from glossary.extract.vietnamese import vietnamese_mentions

    en = "The new names are midfielder Nguyễn Hai Long of Hà Nội FC and others."
    ms = english_mentions(Document("en_01.txt", en))
    ms += vietnamese_mentions(Document("vi_05.txt", VI_05))
    cs = [c.concept for c in cluster(ms)]
    club = owner_of(cs, "CLB Hà Nội")
    assert "Hà Nội FC" in {t.text for t in club.terms}
    assert club.label == "Hà Nội FC"
    assert not club.flags  # one club in two spellings is no conflict


def test_department_short_form_joins_its_full_name_in_a_city() -> None:
    text = (
        "Ông Nguyễn Văn A, Giám đốc Sở Xây dựng thành phố Hà Nội, phát biểu. "
        "Đoàn của tỉnh Bắc Ninh cũng dự. Theo Sở Xây dựng, công trình sẽ hoàn "
        "thành trong năm nay."
    )
    cs = _vi(("x.txt", text))
    full = owner_of(cs, "Sở Xây dựng thành phố Hà Nội")
    assert "Sở Xây dựng" in {t.text for t in full.terms}
