"""target-inconsistent on its own."""

from __future__ import annotations

from collections.abc import Callable

from glossary.check.consistency import target_inconsistent
from glossary.check.model import Document, Run


def test_minority_translation_is_reported_with_the_majority_one(
    pairs: Callable[..., Document],
) -> None:
    doc = pairs([("Open", "Mở"), ("Save", "Lưu"), ("Open", "Mở"), ("Open ", "Bật")])
    (f,) = target_inconsistent(doc, Run())
    assert (f.line, f.text, f.suggestion) == (4, "Bật", "Mở")


def test_contexts_tone_style_and_spacing_do_not_count(
    pairs: Callable[..., Document],
) -> None:
    doc = pairs([("Open", "Mở"), ("Open", "Bật")], contexts=["menu", "switch"])
    assert list(target_inconsistent(doc, Run())) == []
    doc = pairs([("peace", "hòa  bình"), ("peace", "hoà bình")])
    assert list(target_inconsistent(doc, Run())) == []
