"""name-variant and name-inconsistent, each on its own."""

from __future__ import annotations

from collections.abc import Callable

from glossary.api import Glossary
from glossary.check.model import Document, Run
from glossary.check.names import name_inconsistent, name_variant


def test_name_without_diacritics_in_vietnamese_text(
    glossary: Glossary, article: Callable[..., Document]
) -> None:
    doc = article(["Thủ tướng Pham Minh Chinh đã đến.", "PM Chinh nói."])
    found = list(name_variant(doc, Run(glossary)))
    assert [(f.text, f.suggestion, f.line) for f in found] == [
        ("Pham Minh Chinh", "Phạm Minh Chính", 1),
        ("PM Chinh", "PM Chính", 3),
    ]
    assert all(f.fixable and f.concept_id == 1 for f in found)  # for the TUI


def test_non_preferred_variant_is_reported(
    glossary: Glossary, article: Callable[..., Document]
) -> None:
    (f,) = name_variant(article(["Quan hệ với Bê-la-rút."]), Run(glossary))
    assert (f.text, f.suggestion) == ("Bê-la-rút", "Belarus")


def test_english_text_may_drop_diacritics_but_not_change_the_name(
    glossary: Glossary, article: Callable[..., Document]
) -> None:
    doc = article(["Pham Minh Chinh visited Bê-la-rút."], lang="en")
    assert [f.text for f in name_variant(doc, Run(glossary))] == ["Bê-la-rút"]


def test_lowercase_common_word_is_not_a_name(
    glossary: Glossary, article: Callable[..., Document]
) -> None:
    # "diễn" folds like the short form "Diên" but is a common word; one
    # capitalized syllable ("Trong", "Chủ") is too often a common word too
    doc = article(["buổi biểu diễn; Bộ trưởng Diễn; pham minh chinh"])
    assert list(name_variant(doc, Run(glossary))) == []


def test_one_name_two_ways_reports_the_minority_form(
    glossary: Glossary, article: Callable[..., Document]
) -> None:
    doc = article(
        ["Phạm Minh Chính đến.", "Phạm Minh Chính nói.", "Pham Minh Chinh về."]
    )
    (f,) = name_inconsistent(doc, Run(glossary))
    assert (f.text, f.suggestion, f.line) == ("Pham Minh Chinh", "Phạm Minh Chính", 5)


def test_tie_goes_to_the_preferred_form_and_short_forms_do_not_count(
    glossary: Glossary, article: Callable[..., Document]
) -> None:
    doc = article(["Bê-la-rút và Belarus.", "PM Chính nói, Phạm Minh Chính đến."])
    assert [f.text for f in name_inconsistent(doc, Run(glossary))] == ["Bê-la-rút"]


def test_case_and_tone_style_are_not_inconsistency(
    glossary: Glossary, article: Callable[..., Document]
) -> None:
    doc = article(["PHẠM MINH CHÍNH đến.", "Phạm Minh Chính nói."])
    assert list(name_inconsistent(doc, Run(glossary))) == []
