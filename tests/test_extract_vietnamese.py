"""Vietnamese mentions: names, titles, organisations, terms; P/R on hand labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, SHARED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.extract.vi_tokens import TaggedWord, cached_name_key, repair, sentence
from glossary.extract.vietnamese import tag, vietnamese_mentions
from glossary.model import Document, Kind, Mention
from glossary.text import fold, name_key, nfc

PARALLEL = SHARED / "corpus" / "parallel"
NAMES = ("000_ee629b6e4a47ac1f", "001_a7af507576baeb51")

# Figures achieved when the labels were written (docs/bilingual.md);
# the test fails if the extractor gets worse.
FLOOR = {"underthesea": (0.82, 0.83), "pyvi": (0.74, 0.80), "rules": (0.78, 0.83)}


def _doc(name: str) -> Document:
    path = PARALLEL / f"{name}.vi.txt"
    if not path.exists():
        pytest.skip(f"{path} missing")
    return Document(str(path), nfc(path.read_text(encoding="utf-8")), "vi")


def _gold(name: str) -> dict[str, str]:
    gold = {}
    for line in (DATA / "parallel" / f"{name}.entities.tsv").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            kind, surface = line.split("\t")
            gold[surface] = kind
    return gold


@pytest.fixture(scope="module")
def mentions() -> dict[str, list[Mention]]:
    """Mentions of both parallel files, computed once (underthesea is slow-ish)."""
    return {n: vietnamese_mentions(_doc(n)) for n in NAMES}


def _precision_recall(found: dict[str, list[Mention]]) -> tuple[float, float]:
    tp = fp = fn = 0
    for name, ms in found.items():
        gold = set(_gold(name))
        pred = {m.text for m in ms}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return tp / (tp + fp), tp / (tp + fn)


def test_precision_recall_on_hand_labels(mentions: dict[str, list[Mention]]) -> None:
    precision, recall = _precision_recall(mentions)
    floor_p, floor_r = FLOOR["underthesea"]
    assert precision >= floor_p, precision
    assert recall >= floor_r, recall


@pytest.mark.slow
def test_pyvi_backend_precision_recall() -> None:
    found = {n: vietnamese_mentions(_doc(n), backend="pyvi") for n in NAMES}
    precision, recall = _precision_recall(found)
    floor_p, floor_r = FLOOR["pyvi"]
    assert precision >= floor_p, precision
    assert recall >= floor_r, recall


def test_rules_backend_precision_recall() -> None:
    """No tagger: its terms differ most ("cho biết lãnh đạo"), its names little."""
    found = {n: vietnamese_mentions(_doc(n), backend="rules") for n in NAMES}
    precision, recall = _precision_recall(found)
    floor_p, floor_r = FLOOR["rules"]
    assert precision >= floor_p, precision
    assert recall >= floor_r, recall


def test_offsets_point_at_the_text(mentions: dict[str, list[Mention]]) -> None:
    for name, ms in mentions.items():
        text = _doc(name).text
        assert ms
        for m in ms:
            assert text[m.start : m.end] == m.text
            assert m.lang == "vi"


def test_titles_split_off_names(mentions: dict[str, list[Mention]]) -> None:
    ms = mentions[NAMES[0]]
    titled = {(m.text, m.title) for m in ms if m.kind is Kind.PERSON}
    assert ("Phạm Minh Chính", "Thủ tướng") in titled
    assert ("Anatoly Sivak", "Phó Thủ tướng") in titled
    assert ("Chính", "Thủ tướng") in titled  # "Thủ tướng Chính đề nghị"
    titles = {m.text for m in ms if m.kind is Kind.TITLE}
    assert titles == {"Thủ tướng", "Phó Thủ tướng"}
    people_001 = {(m.text, m.title) for m in mentions[NAMES[1]] if m.title}
    assert ("Nguyễn Hồng Diên", "Bộ trưởng") in people_001
    assert ("Roman Golovchenko", "Thủ tướng") in people_001


def test_chinh_phu_is_never_the_person_chinh(
    mentions: dict[str, list[Mention]],
) -> None:
    for name, ms in mentions.items():
        text = _doc(name).text
        for m in ms:
            if m.text == "Chính":
                assert not text[m.end :].startswith(" phủ"), (name, m.start)
    doc = Document("t.txt", "Chính phủ Việt Nam họp. Đoàn Chính phủ đến Hà Nội.", "vi")
    found = [m for m in vietnamese_mentions(doc) if m.text.startswith("Chính")]
    assert [(m.text, m.kind) for m in found] == [("Chính phủ", Kind.ORG)] * 2


def test_both_tone_styles_give_one_organisation(
    mentions: dict[str, list[Mention]],
) -> None:
    old = {m.text for m in mentions[NAMES[0]] if m.kind is Kind.ORG}
    new = {m.text for m in mentions[NAMES[1]] if m.kind is Kind.ORG}
    assert "Ủy ban liên Chính phủ" in old  # as written in 000 (old style)
    assert "Uỷ ban liên Chính phủ" in new  # as written in 001 (new style)
    assert name_key("Ủy ban liên Chính phủ") == name_key("Uỷ ban liên Chính phủ")
    assert {"Bộ Công Thương", "Liên minh Kinh tế Á - Âu"} <= new
    assert "Hiệp định Thương mại tự do" in new


def test_domain_terms_have_termhood(mentions: dict[str, list[Mention]]) -> None:
    terms = {
        m.text: m.score for ms in mentions.values() for m in ms if m.kind is Kind.TERM
    }
    for t in (
        "chuyển đổi số",
        "năng lượng sạch",
        "kinh tế tuần hoàn",
        "trí tuệ nhân tạo",
    ):
        assert terms.get(t, 0) > 0, t
    assert "lĩnh vực hợp tác mới" not in terms  # generic head and modifier


def test_tagger_rewriting_tone_marks_keeps_written_offsets() -> None:
    text = "Kỳ họp của Uỷ ban liên Chính phủ về hoá chất và thuỷ sản."
    toks = tag(text)
    assert [text[t.start : t.end] for t in toks] == [t.text for t in toks]
    assert "Uỷ ban" in {t.text for t in toks} or "Uỷ" in {t.text for t in toks}


def test_unknown_backend_is_an_error() -> None:
    with pytest.raises(ValueError, match="backend"):
        tag("Hà Nội", backend="nope")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.sampled_from(
            [
                "Thủ tướng",
                "Phạm",
                "Minh",
                "Chính",
                "phủ",
                "Uỷ",
                "ban",
                "hoà",
                "-",
                ",",
                ".",
                "Hà Nội",
                "kinh tế",
                "tuần hoàn",
                "\n\n",
                "ÁO",
                "x1",
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_offsets_hold_for_any_text(text: str) -> None:
    doc = Document("h.txt", nfc(text), "vi")
    for m in vietnamese_mentions(doc):
        assert doc.text[m.start : m.end] == m.text
        assert fold(m.text)


def test_data_file_names_match_corpus() -> None:
    for name in NAMES:
        assert (DATA / "parallel" / f"{name}.entities.tsv").exists()
    assert isinstance(PARALLEL, Path)


def test_place_kinds_from_document_cues(mentions: dict[str, list[Mention]]) -> None:
    kinds = {(m.text, m.kind) for ms in mentions.values() for m in ms}
    assert ("HÀ NỘI", Kind.PLACE) in kinds  # dateline "HÀ NỘI –"
    assert ("Belarus", Kind.PLACE) in kinds  # "Phó Thủ tướng Belarus Anatoly Sivak"
    assert ("Hà Nội", Kind.PLACE) in kinds  # "tại Hà Nội"
    assert ("Thái Bình Dương", Kind.PERSON) not in kinds  # "châu Á - Thái Bình Dương"


def test_weekdays_are_not_names() -> None:
    text = "Thứ Ba, ngày 18/2, ông Trần Văn Ba họp vào Chủ nhật tại Hà Nội."
    names = {m.text for m in vietnamese_mentions(Document("w.txt", text, "vi"))}
    assert "Trần Văn Ba" in names
    assert not names & {"Ba", "Thứ Ba", "Chủ nhật"}


def test_minister_field_then_country_then_person() -> None:
    text = (
        "Trước đó, Việt Nam đã lần lượt đón Bộ trưởng Ngoại giao Hàn Quốc Kang "
        "Kyung Wha, Bộ trưởng Ngoại giao Vương quốc Anh Dominic Raab và Bộ trưởng "
        "Ngoại giao và Kinh tế đối ngoại Hungary Szijjártó Péter."
    )
    ms = {m.text: m for m in vietnamese_mentions(Document("vi_04.txt", text))}
    for name in ("Kang Kyung Wha", "Dominic Raab", "Szijjártó Péter"):
        assert ms[name].kind is Kind.PERSON
        assert ms[name].title == "Bộ trưởng"
    assert ms["Hàn Quốc"].kind is Kind.PLACE  # between the title and the person


def test_minister_field_then_vietnamese_person() -> None:
    text = "Bộ trưởng Tài chính Hồ Đức Phớc đã ký quyết định."
    ms = {m.text: m for m in vietnamese_mentions(Document("x.txt", text))}
    assert ms["Hồ Đức Phớc"].kind is Kind.PERSON
    assert ms["Hồ Đức Phớc"].title == "Bộ trưởng"


def test_name_before_a_club_in_parentheses_is_a_player() -> None:
    text = (
        "Ở hàng phòng ngự có trung vệ Đỗ Duy Mạnh và Thành Chung (CLB Hà Nội), "
        "cùng Văn Vĩ (Nam Định)."
    )
    kinds = {m.text: m.kind for m in vietnamese_mentions(Document("x.txt", text))}
    assert kinds["Thành Chung"] is Kind.PERSON
    assert kinds["CLB Hà Nội"] is Kind.ORG


def test_a_name_glued_to_the_word_after_it_is_cut_off() -> None:
    text = "Sang hiệp hai, Văn Thanh sút xa và Thủ tướng Nhân đại Hoàng Đức bật cao."

    def tok(word: str, pos: str) -> TaggedWord:
        start = text.index(word)
        return TaggedWord(word, pos, start, start + len(word))

    tokens = [
        tok("Văn", "Np"),
        tok("Thanh sút", "V"),  # after a name, no dictionary word: cut
        tok("Thủ tướng", "N"),  # a dictionary word
        tok("Nhân đại", "N"),  # one capital after no name: a common word
        tok("Hoàng Đức bật", "N"),  # two capitals then lower case: cut
    ]
    got = [t.text for t in repair(text, tokens, frozenset())]
    assert got == ["Văn", "Thanh", "sút", "Thủ tướng", "Nhân đại", "Hoàng Đức", "bật"]


def _sentence_by_finds(text: str, start: int, end: int) -> str:
    # `sentence` as it was written before it indexed a text's marks
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    rights = [p for p in (text.find(c, end) for c in ".!?\n") if p >= 0]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip()


@given(st.text(alphabet="ab .!?\n\tờ", max_size=40), st.data())
def test_sentence_is_the_text_between_marks(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentence(text, start, end) == _sentence_by_finds(text, start, end)


@given(st.lists(st.text(max_size=12), max_size=8))
def test_cached_name_key_is_name_key(names: list[str]) -> None:
    for name in [*names, *names]:  # the second time from the memo
        assert cached_name_key(name) == name_key(name)
