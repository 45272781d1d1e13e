from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from glossary.cluster.base import (
    _strip_admin,
    _words,
    norm_key,
)
from glossary.model import Kind


def test_administrative_words_stripped_from_place_names() -> None:
    assert _strip_admin("Tam Kỳ city") == "Tam Kỳ"
    assert _strip_admin("Vinh Long Province") == "Vinh Long"
    assert _strip_admin("City") == "City"  # never down to nothing
    assert norm_key("Vinh Long Province", Kind.PLACE) == norm_key(
        "Vĩnh Long", Kind.PLACE
    )


@given(st.text())
def test_words_cover_the_text_between_separators(text: str) -> None:
    words = _words(text)
    assert all(words)
    assert "".join(words) == re.sub(r"[\s,]+", "", text)
