"""Foreign countries named in Vietnamese: one concept with their English name."""

from __future__ import annotations

from conftest import owner_of

from glossary.cluster import cluster
from glossary.model import Concept, Document, TermStatus
from glossary.pipeline import extract

# Sentences of news-dev's vi_01 and vi_04, and of an English article.
VI_01 = (
    "Sáng 19-5, Thủ tướng Chính phủ Phạm Minh Chính rời Thủ đô Hà Nội, lên đường "
    "làm việc tại Nhật Bản từ ngày 19 đến 21-5. Chuyến công tác được thực hiện "
    "theo lời mời của Thủ tướng Nhật Bản Kishida Fumio."
)
VI_04 = (
    "Phó thủ tướng Phạm Bình Minh đã chủ trì lễ đón và hội đàm với Ngoại trưởng "
    "Hoa Kỳ Michael Richard Pompeo."
)
EN = "Prime Minister Pham Minh Chinh will visit Japan next week, the ministry said."


def _concepts(*docs: tuple[str, str]) -> list[Concept]:
    ms = [m for path, text in docs for m in extract(Document(path, text))[1]]
    return [c.concept for c in cluster(ms)]


def _preferred(c: Concept) -> dict[str, str]:
    return {t.lang: t.text for t in c.terms if t.status is TermStatus.PREFERRED}


def test_a_country_in_vietnamese_text_joins_its_english_name() -> None:
    japan = owner_of(_concepts(("vi_01.txt", VI_01), ("en.txt", EN)), "Nhật Bản")
    assert japan.kind == "place"
    assert _preferred(japan) == {"en": "Japan", "vi": "Nhật Bản"}


def test_a_country_only_in_vietnamese_gets_its_english_name_with_evidence() -> None:
    us = owner_of(_concepts(("vi_04.txt", VI_04)), "Hoa Kỳ")
    assert _preferred(us) == {"en": "United States", "vi": "Hoa Kỳ"}
    english = next(t for t in us.terms if t.text == "United States")
    assert [(e.rule, e.detail) for e in english.evidence] == [
        ("cldr", "Hoa Kỳ → United States")
    ]
