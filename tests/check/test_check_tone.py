"""tone-style on its own."""

from __future__ import annotations

from collections.abc import Callable

from glossary.check.model import Document, Run
from glossary.check.tone import tone_style


def test_minority_style_is_reported_with_its_respelling(
    article: Callable[..., Document],
) -> None:
    doc = article(["Ủy ban về văn hóa và hòa bình.", "Uỷ ban mới."])
    (f,) = tone_style(doc, Run())
    assert (f.text, f.suggestion, f.line, f.fixable) == ("Uỷ", "Ủy", 3, True)
    assert "old style" in f.message


def test_one_style_throughout_is_clean(article: Callable[..., Document]) -> None:
    assert (
        list(tone_style(article(["Uỷ ban văn hoá, thuỷ sản, hoà bình."]), Run())) == []
    )


def test_english_text_and_closed_syllables_have_no_style(
    article: Callable[..., Document],
) -> None:
    assert list(tone_style(article(["hòa hoà"], lang="en"), Run())) == []
    # hoàng, thuyền, quý: closed syllables and qu- onsets have one spelling
    assert list(tone_style(article(["hòa hoàng thuyền quý"]), Run())) == []
