"""glossary.names.vi_words: the segmenter's dictionary in one tone style."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from glossary.names.vi_words import _words, dictionary_words, syllable_form
from glossary.text import to_old_style

# Letters whose marks move (o/u then a/e/y, any tone, any case), others,
# combining marks NFC may or may not compose, digits and separators.
_ALPHABET = (
    "oòóỏõọuùúủũụaàáảãạeèéẻẽẹyỳýỷỹỵOÒUÙAÀEÈYÝ" + "hkqgitnđĐôơư\u0300\u0301\u0323²2_- "
)


@given(st.text(alphabet=_ALPHABET, max_size=12))
def test_syllable_form_is_old_style(text: str) -> None:
    assert syllable_form(text) == to_old_style(text)


def test_syllable_form_examples() -> None:
    assert syllable_form("hoà") == "hòa"
    assert syllable_form("thuỷ") == "thủy"
    assert syllable_form("quý") == "quý"
    assert syllable_form("ngoài") == "ngoài"
    assert syllable_form("ho\u0300a") == "hòa"  # NFD in, NFC out


def test_dictionary_words_restyles_every_word_that_needs_it() -> None:
    # the definition, word by word over all 72,000 (what the scan shortens)
    words = _words()
    styled = {s for w in words for s in w.split() if to_old_style(s) != s}
    restyle = {w for w in words if not styled.isdisjoint(w.split())}
    expected = (words - restyle) | {
        " ".join(map(to_old_style, w.split())) for w in restyle
    }
    assert dictionary_words() == expected
    assert "hòa bình" in expected
    assert "hoà bình" not in expected
