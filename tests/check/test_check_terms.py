"""term-missing and term-forbidden, each on its own."""

from __future__ import annotations

from collections.abc import Callable

from glossary.api import Glossary
from glossary.check.model import Document, Run
from glossary.check.terms import term_forbidden, term_missing


def test_missing_target_term_is_reported_with_the_preferred_one(
    glossary: Glossary, pairs: Callable[..., Document]
) -> None:
    doc = pairs([("The Prime Minister spoke.", "Ông ấy phát biểu.")])
    (f,) = term_missing(doc, Run(glossary))
    assert (f.check, f.side, f.text, f.suggestion) == (
        "term-missing",
        "source",
        "Prime Minister",
        "Thủ tướng",
    )


def test_present_target_term_in_any_case_is_not_missing(
    glossary: Glossary, pairs: Callable[..., Document]
) -> None:
    doc = pairs([("The Prime Minister spoke.", "THỦ TƯỚNG phát biểu.")])
    assert list(term_missing(doc, Run(glossary))) == []


def test_unsettled_concepts_and_untranslated_units_are_not_checked(
    glossary: Glossary, pairs: Callable[..., Document]
) -> None:
    # "bilateral cooperation" is a candidate with no preferred Vietnamese term
    doc = pairs([("bilateral cooperation", "hợp tác hai bên"), ("Prime Minister", "")])
    assert list(term_missing(doc, Run(glossary))) == []


def test_without_a_term_base_nothing_is_missing(pairs: Callable[..., Document]) -> None:
    doc = pairs([("The Prime Minister spoke.", "Ông ấy phát biểu.")])
    assert list(term_missing(doc, Run(None))) == []


def test_forbidden_target_term_names_the_replacement(
    glossary: Glossary, pairs: Callable[..., Document]
) -> None:
    doc = pairs([("clean energy", "phát triển năng lượng xanh")])
    (f,) = term_forbidden(doc, Run(glossary))
    assert (f.side, f.text, f.suggestion) == (
        "target",
        "năng lượng xanh",
        "năng lượng sạch",
    )
    assert "forbidden" in f.message


def test_folded_match_of_an_allowed_spelling_is_not_forbidden(
    glossary: Glossary, article: Callable[..., Document]
) -> None:
    # "nang luong xanh" folds like the banned term but is not written as it
    doc = article(["năng lượng sạch", "Năng Lượng Xanh"])
    found = list(term_forbidden(doc, Run(glossary)))
    assert [f.text for f in found] == ["Năng Lượng Xanh"]  # case aside, the same term
