from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from glossary.cluster.base import (
    norm_key,
    split_words,
    strip_admin,
)
from glossary.model import Kind


def test_administrative_words_stripped_from_place_names() -> None:
    assert strip_admin("Tam Kỳ city") == "Tam Kỳ"
    assert strip_admin("Vinh Long Province") == "Vinh Long"
    assert strip_admin("City") == "City"  # never down to nothing
    assert norm_key("Vinh Long Province", Kind.PLACE) == norm_key(
        "Vĩnh Long", Kind.PLACE
    )


@given(st.text())
def test_words_cover_the_text_between_separators(text: str) -> None:
    words = split_words(text)
    assert all(words)
    assert "".join(words) == re.sub(r"[\s,]+", "", text)
