"""Foreign places and Chinese names across the two languages (names.world and
the cluster passes that use it). Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import owner_of
from hypothesis import given
from hypothesis import strategies as st

from glossary.cluster import cluster
from glossary.errors import GlossaryError
from glossary.extract.english import english_mentions
from glossary.extract.vietnamese import vietnamese_mentions
from glossary.model import Concept, Document, Kind, Mention
from glossary.names import world
from glossary.names.places import english_country_name


def _concepts(*docs: tuple[str, str]) -> list[Concept]:
    ms: list[Mention] = []
    for path, text in docs:
        doc = Document(path, text)
        ms.extend(
            vietnamese_mentions(doc) if path.startswith("vi") else english_mentions(doc)
        )
    return [c.concept for c in cluster(ms)]


def _preferred(c: Concept) -> dict[str, str]:
    return {t.lang: t.text for t in c.terms if t.is_preferred}


@pytest.mark.parametrize(
    ("vietnamese", "english"),
    [("Côn Minh", "Kunming"), ("Bình Nhưỡng", "Pyongyang"), ("Moskva", "Moscow")],
)
def test_foreign_cities_from_geonames(vietnamese: str, english: str) -> None:
    assert world.english_place(vietnamese) == english


def test_vietnamese_places_are_not_foreign() -> None:
    assert world.english_place("Hà Nội") is None
    assert world.english_place("Hải Phòng") is None
    assert world.english_place("Paris") is None  # the English name itself


def test_capitals_are_known_places_in_their_own_name() -> None:
    # capitals of 100,000 people or more, with or without Vietnamese forms
    assert world.is_foreign_city("Abu Dhabi")
    assert world.is_foreign_city("Tegucigalpa")
    # a capital's name is never another city's old name ("Islamabad" was
    # Chittagong's under the Mughals; the capital of Pakistan comes first)
    assert world.english_place("Islamabad") is None
    doc = "The minister flew from Islamabad to Abu Dhabi on Monday."
    kinds = {m.text: m.kind for m in english_mentions(Document("d", doc))}
    assert kinds["Islamabad"] == kinds["Abu Dhabi"] == Kind.PLACE


@pytest.mark.parametrize(
    ("formal", "english"),
    [
        ("Vương quốc Thái Lan", "Thailand"),
        ("Liên bang Nga", "Russia"),
        ("CHDCND Lào", "Laos"),
    ],
)
def test_formal_state_names(formal: str, english: str) -> None:
    assert english_country_name(formal) == english


def test_sino_vietnamese_readings() -> None:
    assert world.sino_vietnamese_match("Tập Cận Bình", "Xi Jinping")
    assert world.sino_vietnamese_match("Vương Nghị", "Wang Yi")
    assert not world.sino_vietnamese_match("Nguyễn Văn Quang", "Nguyen Van Quang")
    assert world.pinyin_reading("Vương Nghị") == "Wang Yi"


@given(st.text(max_size=12))
def test_readings_never_fail(text: str) -> None:
    world.pinyin_reading(text)
    world.sino_vietnamese_match(text, text)
    world.english_place(text)


def test_pinyin_name_joins_its_sino_vietnamese_form() -> None:
    cs = _concepts(
        ("vi_1.txt", "Ngoại trưởng Trung Quốc Vương Nghị hội đàm tại Hà Nội hôm qua."),
        ("en_1.txt", "Chinese Foreign Minister Wang Yi arrived in Hanoi on Monday."),
    )
    c = owner_of(cs, "Vương Nghị")
    assert _preferred(c) == {"vi": "Vương Nghị", "en": "Wang Yi"}


def test_unlinked_chinese_name_gets_a_reading_to_check() -> None:
    cs = _concepts(("vi_1.txt", "Ngoại trưởng Trung Quốc Vương Nghị đến Hà Nội."))
    c = owner_of(cs, "Vương Nghị")
    assert "pinyin reading to check: Wang Yi" in c.note
    assert {t.text for t in c.terms} == {"Vương Nghị"}  # a note, not a term


def test_country_in_both_languages_has_two_preferred_terms() -> None:
    cs = _concepts(
        ("vi_1.txt", "Đoàn đại biểu Vương quốc Thái Lan đến Hà Nội. Thái Lan là bạn."),
        ("en_1.txt", "Thailand sent a delegation to Hanoi."),
    )
    c = owner_of(cs, "Thái Lan")
    assert c.kind is Kind.PLACE
    assert _preferred(c)["en"] == "Thailand"
    assert "Vương quốc Thái Lan" in {t.text for t in c.terms}


def test_foreign_city_in_vietnamese_gets_its_english_name() -> None:
    cs = _concepts(("vi_1.txt", "Đoàn bay tới Bình Nhưỡng sáng nay."))
    c = owner_of(cs, "Bình Nhưỡng")
    assert c.kind is Kind.PLACE
    assert _preferred(c)["en"] == "Pyongyang"


def test_user_gazetteer(tmp_path: Path) -> None:
    path = tmp_path / "gaz.csv"
    path.write_text(
        "name,kind,vietnamese,english\nHủa Phăn,place,Hủa Phăn,Houaphanh\n",
        encoding="utf-8",
    )
    entries = world.load_gazetteer(path)
    assert entries == [
        world.GazetteerEntry("Hủa Phăn", "place", "Hủa Phăn", "Houaphanh")
    ]
    try:
        world.use_gazetteer(entries)
        assert world.english_place("Hủa Phăn") == "Houaphanh"
        assert world.gazetteer_kind("Hủa Phăn") == "place"
    finally:
        world.use_gazetteer([], replace=True)
    assert world.english_place("Hủa Phăn") is None


def test_bad_gazetteer_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "gaz.csv"
    path.write_text("name,kind\nX,place\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"gaz.csv:1: gazetteer needs columns"):
        world.load_gazetteer(path)
    path.write_text("name,kind,vietnamese,english\n,place,,\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"gaz.csv:2: "):
        world.load_gazetteer(path)


def test_build_with_a_gazetteer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from glossary.cli import main

    text = tmp_path / "vi_bao.txt"
    text.write_text("Tỉnh Xiêng Khoảng của Lào ký thỏa thuận với Nghệ An.\n", "utf-8")
    gaz = tmp_path / "gaz.csv"
    gaz.write_text(
        "name,kind,vietnamese,english\nXiêng Khoảng,place,Xiêng Khoảng,Xiangkhouang\n",
        encoding="utf-8",
    )
    db, out = str(tmp_path / "t.db"), tmp_path / "t.json"
    try:
        assert main(["build", str(text), "--db", db, "--gazetteer", str(gaz)]) == 0
    finally:
        world.use_gazetteer([], replace=True)
    assert main(["export", "--db", db, "--format", "json", "-o", str(out)]) == 0
    import json

    concepts = json.loads(out.read_text("utf-8"))["concepts"]
    terms = [{t["text"] for t in c["terms"]} for c in concepts]
    assert {"Xiêng Khoảng", "Xiangkhouang"} in terms
    bad = tmp_path / "bad.csv"
    bad.write_text("name\n", encoding="utf-8")
    assert main(["build", str(text), "--db", db, "--gazetteer", str(bad)]) == 2
    assert "bad.csv:1: gazetteer needs columns" in capsys.readouterr().err
