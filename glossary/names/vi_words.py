"""The Vietnamese words of underthesea's word-segmentation dictionary.

72,000 lower-case words and phrases ("thủ tướng", "ngoại giao", "tung
lưới") that the CRF segmenter of underthesea (VLSP 2013 model, GPL-3.0,
installed with it) was trained with. A capitalised run that is no word of it
("Cường sút", "Lý Đức bật") is not one word, whatever the segmenter joined.
Read where the package keeps it, without importing underthesea (its import
alone costs a second); loaded on first use (about 50 ms, 1.1 MB).
"""

from __future__ import annotations

import pickle
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from glossary.names.tables import DICTIONARY, kept, underthesea_file
from glossary.text import to_new_style, to_old_style

__all__ = [
    "dictionary_words",
    "is_vietnamese_word",
    "noun_words",
    "syllable_form",
    "word_tags",
]

DATA = Path(__file__).resolve().parent.parent / "data"


@kept("vi-segmenter-words")
def _words() -> frozenset[str]:
    path = underthesea_file(DICTIONARY)
    if path is None:  # pragma: no cover
        return frozenset()
    try:
        with path.open("rb") as f:
            # a pickled set of str written by joblib, from the installed package
            words = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError):  # pragma: no cover
        return frozenset()
    return frozenset(w for w in words if isinstance(w, str))


_FORMS: dict[str, str] = {}


def syllable_form(syllable: str) -> str:
    """A lower-case syllable in one tone style ("hoà" and "hòa" agree): with
    spaces between them, the key of `dictionary_words` and `word_tags`."""
    form = _FORMS.get(syllable)
    if form is None:
        if len(_FORMS) > _MOST_FORMS:  # foreign words are without number
            _FORMS.clear()
        form = _FORMS[syllable] = to_old_style(syllable)
    return form


_MOST_FORMS = 200_000
# to_old_style moves a mark only in a run of letters that ends in o or u and
# a, e or y (hoà, khoẻ, thuỷ): a word without such a pair is kept.
_LINE_WITH_PAIR = re.compile(
    "^.*[oòóỏõọuùúủũụ][aàáảãạeèéẻẽẹyỳýỷỹỵ].*$", re.IGNORECASE | re.MULTILINE
)


@kept("vi-dictionary")
def dictionary_words() -> frozenset[str]:
    """The segmenter's dictionary, each syllable a `syllable_form`."""
    words = _words()
    styled: dict[str, str] = {}  # each syllable not in its old style: its form
    restyle: dict[str, str] = {}  # each word with such a syllable: its form
    for word in _may_restyle(words):
        parts = word.split()
        for s in parts:
            if s not in styled and (form := syllable_form(s)) != s:
                styled[s] = form
        if not styled.keys().isdisjoint(parts):
            restyle[word] = " ".join([styled.get(s, s) for s in parts])
    return words.difference(restyle.keys()) | frozenset(restyle.values())


def _may_restyle(words: frozenset[str]) -> Iterable[str]:
    """The words `syllable_form` may change (a tenth of them): those with a
    pair of letters it may move a mark in, found by one scan of them all."""
    text = "\n".join(words)
    if text.count("\n") != len(words) - 1 or not unicodedata.is_normalized("NFC", text):
        return words  # a line break in a word, or text not NFC: try them all
    return _LINE_WITH_PAIR.findall(text)


def word_tags() -> dict[str, str]:
    """Each known word's POS tag on its own, its syllables `syllable_form`s.

    From glossary/data/vi_pos.tsv (written by tools/make_vi_pos.py from
    underthesea's POS model): the tag a word takes most without context.
    """
    return _pos()[0]


def noun_words() -> frozenset[str]:
    """Words of another tag that underthesea's model also reads as nouns
    ("vốn": an adverb, or capital), as `word_tags` keys them."""
    return _pos()[1]


@kept("vi-pos")
def _pos() -> tuple[dict[str, str], frozenset[str]]:
    tags: dict[str, str] = {}
    nouns: set[str] = set()
    with (DATA / "vi_pos.tsv").open(encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                word, tag, *noun = line.rstrip("\n").split("\t")
                form = " ".join(map(syllable_form, word.split()))
                tags[form] = tag
                if noun:
                    nouns.add(form)
    return tags, frozenset(nouns)


def is_vietnamese_word(text: str) -> bool:
    """True if `text`, lower-cased, is a word of the segmenter's dictionary.

    >>> is_vietnamese_word("Ngoại giao"), is_vietnamese_word("Cường sút")
    (True, False)
    """
    word = " ".join(text.lower().split())
    words = _words()
    # the dictionary writes either tone style ("văn hóa", "uỷ viên")
    return word in words or to_new_style(word) in words or to_old_style(word) in words
