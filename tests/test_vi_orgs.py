"""Vietnamese organisation and named-place spans, on the news-dev Vietnamese texts."""

from __future__ import annotations

import re

import pytest
from conftest import SHARED
from hypothesis import example, given, settings
from hypothesis import strategies as st

from glossary.extract.vi_orgs import org_spans
from glossary.extract.vi_syllables import syllables
from glossary.extract.vi_tokens import tag
from glossary.extract.vietnamese import vietnamese_mentions
from glossary.model import Document, Kind, Mention
from glossary.text import name_key, nfc, to_new_style, word_key

NEWS = SHARED / "corpus" / "news-dev"
_WORDS = re.compile(r"\w+|[^\w\s]")
BACKENDS = ("underthesea", pytest.param("pyvi", marks=pytest.mark.slow))


def _text(name: str) -> str:
    path = NEWS / name
    if not path.is_file():
        pytest.skip(f"{path} missing")
    return nfc(path.read_text(encoding="utf-8"))


def _mentions(name: str, backend: str = "underthesea") -> list[Mention]:
    return vietnamese_mentions(Document(name, _text(name), "vi"), backend=backend)


def _of(ms: list[Mention], kind: Kind) -> set[str]:
    return {m.text for m in ms if m.kind is kind}


@pytest.mark.parametrize("backend", BACKENDS)
def test_bodies_with_linked_names_and_province(backend: str) -> None:
    orgs = _of(_mentions("vi_07.txt", backend), Kind.ORG)
    assert {
        "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh",  # adjacent components, then the place
        "Sở Kế hoạch và Đầu tư tỉnh Hà Tĩnh",  # "và" links two components
        "Sở Nội vụ tỉnh Hà Tĩnh",
        "UBND tỉnh Hà Tĩnh",
        "Sở Tài chính",
        "Chinhphu.vn",  # a web outlet
        "Chính phủ",
    } <= orgs
    orgs_01 = _of(_mentions("vi_01.txt", backend), Kind.ORG)
    assert {
        "Bộ Giao thông vận tải",  # lowercase tail of a component
        "Bộ Tài nguyên và Môi trường",
        "Văn phòng Chính phủ",
        # a preposition phrase between the body and the person it introduces
        "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp",
        "Bộ Công an",  # not "Bộ Công an Nguyễn Duy Ngọc"
    } <= orgs_01
    assert not [o for o in orgs_01 | orgs if "Nguyễn" in o or "Trần" in o]


def test_comma_list_closed_by_va_and_khu_names() -> None:
    ms = _mentions("vi_02.txt")
    assert {
        "Sở Văn hóa, Thể thao và Du lịch",
        "Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp",
        "UBND tỉnh Thanh Hóa",
        "UBND tỉnh",
    } <= _of(ms, Kind.ORG)
    # the commune inside "HĐND xã Cẩm Thủy" is named, with and without its unit
    assert {"Cẩm Thủy", "xã Cẩm Thủy", "Sao Vàng"} <= _of(ms, Kind.PLACE)


def test_an_organisation_stops_before_the_person_it_introduces() -> None:
    ms = _mentions("vi_08.txt")
    orgs = _of(ms, Kind.ORG)
    assert {"Quốc hội", "Ủy ban Thường vụ Quốc hội", "Chính phủ"} <= orgs
    assert not [o for o in orgs if "Trần" in o or "Nguyễn" in o or "Hoàng" in o]
    people = {(m.text, m.title) for m in ms if m.kind is Kind.PERSON}
    assert ("Trần Thanh Mẫn", "Chủ tịch") in people
    assert ("Nguyễn Khắc Định", "Phó Chủ tịch") in people
    assert "Nhà Quốc hội" in _of(ms, Kind.PLACE)  # a building, not the body
    # a law's name is a term, not the body "Tổ chức Chính phủ"
    assert "Tổ chức Chính phủ" not in orgs
    assert "Luật Tổ chức Chính phủ" in _of(ms, Kind.TERM)


def test_companies_teams_and_districts() -> None:
    ms = _mentions("vi_06.txt")
    orgs = _of(ms, Kind.ORG)
    assert {
        # the whole name; clustering keys and prefers it without the legal form
        "Công ty cổ phần Tập đoàn Hòa Phát",
        "Công ty Trách nhiệm hữu hạn Thiết bị Phụ tùng Hòa Phát",
        "tập đoàn Hòa Phát",
        "Đại học Kinh tế Quốc dân",
        "Forbes",  # "tạp chí Forbes"
    } <= orgs
    assert {"quận Hai Bà Trưng", "Hai Bà Trưng"} <= _of(ms, Kind.PLACE)
    ms5 = _mentions("vi_05.txt")
    assert {"đội tuyển Việt Nam", "U23 Việt Nam", "CLB Hà Nội", "Nam Định"} <= _of(
        ms5, Kind.ORG
    )  # "Văn Vĩ (Nam Định)": a player's club
    assert "Hà Nội" in _of(ms5, Kind.PLACE)  # "tại Hà Nội": the city
    # "Quan Văn Chuẩn (Hà Nội)" in a text naming "CLB Hà Nội": the club
    assert "Hà Nội" in _of(ms5, Kind.ORG)
    assert "Kim Sang-sik" in {m.text for m in ms5}


def test_countries_and_state_names_before_foreign_ministers() -> None:
    ms = _mentions("vi_04.txt")
    assert {"Vương quốc Anh", "Hungary", "Hoa Kỳ"} <= _of(ms, Kind.PLACE)
    assert "Szijjártó Péter" in {m.text for m in ms}


def test_both_tone_styles_give_the_same_bodies() -> None:
    old = _text("vi_08.txt")
    new = to_new_style(old)
    assert new != old
    spans_old = _org_texts(old)
    spans_new = _org_texts(new)
    assert "Ủy ban Thường vụ Quốc hội" in spans_old
    assert {name_key(s) for s in spans_old} == {name_key(s) for s in spans_new}
    assert word_key("Uỷ ban") == word_key("Ủy ban") != word_key("Uy ban")


def _org_texts(text: str) -> set[str]:
    toks = tag(text)
    syls = syllables(text, toks)
    return {text[s.start : s.end] for s in org_spans(text, syls)}


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Bộ",
                "Sở",
                "Kế hoạch",
                "và",
                "Đầu tư",
                "tỉnh",
                "Hà Tĩnh",
                "UBND",
                "Nguyễn Văn An",
                ",",
                "-",
                "các",
                "Quốc hội",
                "Chính phủ",
                "liên",
                "tập đoàn",
                "quận",
                "châu",
                "Á",
                "U23",
                "chinhphu.vn",
                "\n",
            ]
        ),
        max_size=14,
    ).map(" ".join)
)
@example("Bộ Kế hoạch chinhphu.vn")  # an org name must stop at a web outlet
def test_spans_are_ordered_disjoint_and_in_the_text(text: str) -> None:
    text = nfc(text)
    toks = [(m.group(), "N", m.start(), m.end()) for m in _WORDS.finditer(text)]
    spans = org_spans(text, syllables(text, toks))
    last = 0
    for sp in spans:
        assert last <= sp.start < sp.end <= len(text)
        assert text[sp.start].isalnum()
        assert text[sp.end - 1].isalnum()
        last = sp.end


def test_peoples_bodies_party_committees_police_and_city_abbreviations() -> None:
    from conftest import DATA

    text = nfc((DATA / "text" / "vi_bodies.txt").read_text(encoding="utf-8"))
    ms = vietnamese_mentions(Document("vi_bodies.txt", text, "vi"))
    assert {
        "UBND TP.HCM",
        "Sở Giáo dục và Đào tạo TP.HCM",
        "Tòa án nhân dân tối cao",
        "Viện Kiểm sát nhân dân tối cao",
        "Tỉnh ủy Thanh Hóa",
        "Công an tỉnh Nghệ An",
        "Trường Đại học Bách khoa Hà Nội",  # a head before another head
        "Chính phủ",
    } <= _of(ms, Kind.ORG)
    people = _of(ms, Kind.PERSON)
    assert {"Phan Văn Mãi", "Đỗ Trọng Hưng", "Lương Cường"} <= people  # Mãi ≠ Mai
    # a Vietnamese place kept as one word by the tagger, then a foreign name
    assert {"Marc Knapper", "Yoon Suk Yeol"} <= people
    assert {"Hoa Kỳ", "Hàn Quốc", "huyện Quỳnh Lưu"} <= _of(ms, Kind.PLACE)


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        # a time noun never continues a name
        ("Ông tốt nghiệp Đại học Oxford năm 1990.", "Đại học Oxford"),
        # "của" and an institution end a body's name
        (
            "Ông là Phó Chủ nhiệm Ủy ban Pháp luật của Quốc hội khóa XV.",
            "Ủy ban Pháp luật của Quốc hội",
        ),
        # a mission is named with where it is
        (
            "Hôm qua, Đại sứ quán Nhật Bản tại Việt Nam tổ chức lễ kỷ niệm.",
            "Đại sứ quán Nhật Bản tại Việt Nam",
        ),
        # a foreign name no capitalised word follows ends the body's name
        (
            "Ông từng học tại Học viện Quân sự Sandhurst, sau đó về nước.",
            "Học viện Quân sự Sandhurst",
        ),
        # lowercase words, then the capitalised part of the name
        (
            "Ông là thành viên Ban chỉ đạo Trung ương về phòng chống tham nhũng.",
            "Ban chỉ đạo Trung ương",
        ),
        # "T.Ư" abbreviates "Trung ương"
        ("Hôm qua, Ban Tuyên giáo T.Ư vừa tổ chức hội nghị.", "Ban Tuyên giáo T.Ư"),
    ],
)
def test_how_far_a_bodys_name_goes(sentence: str, body: str) -> None:
    found = vietnamese_mentions(Document("d", nfc(sentence), "vi"))
    assert body in {m.text for m in found if m.kind is Kind.ORG}


def test_a_title_before_a_body_is_not_its_name() -> None:
    text = nfc("Bộ trưởng Bộ Y tế cho biết kế hoạch đã được Ban hành.")
    found = vietnamese_mentions(Document("d", text, "vi"))
    orgs = {m.text for m in found if m.kind is Kind.ORG}
    assert "Bộ Y tế" in orgs
    assert not [o for o in orgs if o.startswith("Bộ trưởng")]


def test_the_foreign_place_a_body_is_named_after_is_a_name_of_its_own() -> None:
    text = nfc("Bà nhận bằng tiến sĩ của Đại học Bristol vào năm ngoái.")
    found = {m.text: m.kind for m in vietnamese_mentions(Document("d", text, "vi"))}
    assert found["Đại học Bristol"] is Kind.ORG
    assert found["Bristol"] is Kind.PLACE


def test_between_a_titled_body_and_its_holder_the_words_are_the_bodys() -> None:
    text = nfc("Đoàn có Cục trưởng Cục Quản lý thị trường hàng hóa Trần Văn Bình.")
    found = vietnamese_mentions(Document("d", text, "vi"))
    assert "Cục Quản lý thị trường hàng hóa" in {
        m.text for m in found if m.kind is Kind.ORG
    }
    assert ("Trần Văn Bình", "Cục trưởng") in {(m.text, m.title) for m in found}
    # with no title before the body the verb after it is not its name
    text = nfc("Theo đó, Bộ Y tế cho biết Nguyễn Văn An đã được bổ nhiệm.")
    orgs = {m.text for m in vietnamese_mentions(Document("d", text, "vi"))}
    assert "Bộ Y tế" in orgs


def test_the_rules_left_out_at_a_syllable_find_nothing_there() -> None:
    # `_org_at` tries only the rules its first syllable can open: every rule
    # it leaves out finds nothing at any syllable of the Vietnamese news texts
    from glossary.extract import vi_orgs

    tried = 0
    for path in sorted(SHARED.glob("corpus/news-dev*/vi_*.txt")):
        text = nfc(path.read_text(encoding="utf-8"))
        syls = syllables(text, tag(text, backend="rules"))
        for i, s in enumerate(syls):
            if not s.word:
                continue
            initial = s.text[0] if s.text[0] in vi_orgs._RULE_INITIALS else ""
            kept = vi_orgs._rules_from(s.key, initial)
            for rule in vi_orgs._ORG_RULES:
                if rule not in kept:
                    assert rule(syls, i) is None, (path.name, s.text, rule.__name__)
                    tried += 1
    assert tried > 10_000
