"""Titles before names, in English and Vietnamese, as general rules.

A title is a run of title words: optional modifiers ("Deputy", "Vice", "Phó")
followed by a head ("Minister", "Chairman", "Thủ tướng"), optionally with an
"of the State"-style complement. The rules know the words that make up titles,
never the names of the people who hold them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from glossary.lang import en, vi
from glossary.text import fold

__all__ = [
    "HONORIFICS",
    "OPENS_TITLE",
    "PORTFOLIO_HEADS",
    "TITLE_HEADS",
    "TITLE_MODIFIERS",
    "canonical_title",
    "complement_end",
    "is_plural_title",
    "is_title_word",
    "split_title",
    "vi_title_prefix",
]

# Words that start or qualify a title ("Deputy Prime Minister", "Vice Chairman").
TITLE_MODIFIERS = frozenset(en.TITLE_MODIFIERS)

# Words that end a title.
TITLE_HEADS = frozenset(en.TITLE_HEADS)

# Heads whose "of" complement is a portfolio or a chamber, not an
# organisation: "Minister of Home Affairs", "Speaker of the House".
PORTFOLIO_HEADS = frozenset({"minister", "secretary", "speaker"})

# Courtesy titles: split off but not turned into title concepts.
HONORIFICS = frozenset(en.HONORIFICS + vi.HONORIFICS)
_BARE_HONORIFICS = frozenset(h.rstrip(".") for h in HONORIFICS)
_HONORIFIC_PAIRS = frozenset(en.HONORIFIC_PAIRS)

_ABBREVIATIONS = {"pm": "Prime Minister", "deputy pm": "Deputy Prime Minister"}

# Vietnamese titles: heads with optional "Phó" ("Phó Thủ tướng").
_VI_TITLE_HEADS = vi.TITLE_FORMS
_VI_TITLE = re.compile(
    r"^(?:(?:Phó|Nguyên|Quyền)\s+)?(?:"
    + "|".join(re.escape(h) for h in sorted(_VI_TITLE_HEADS, key=len, reverse=True))
    + r")\b\s*",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)  # asked of every capitalised word in English news
def is_title_word(word: str) -> bool:
    """True if `word` can be part of an English title ("Deputy", "Minister")."""
    w = word.casefold()
    if w.endswith("s") and w[:-1] in TITLE_HEADS:
        return True  # "Deputy Prime Ministers"
    return w in TITLE_HEADS or w in TITLE_MODIFIERS or w in HONORIFICS


@lru_cache(maxsize=1 << 12)
def canonical_title(title: str) -> str:
    """The full English form of a title: "PM" → "Prime Minister".

    Plurals become singular ("Foreign Ministers" → "Foreign Minister").

    >>> canonical_title("Deputy PM")
    'Deputy Prime Minister'
    """
    t = " ".join(title.split())
    if is_plural_title(t):
        t = _singular(t)
    low = t.casefold()
    if low in _ABBREVIATIONS:
        return _ABBREVIATIONS[low]
    for abbr, full in _ABBREVIATIONS.items():
        if low.endswith(" " + abbr):
            return t[: -len(abbr)] + full
    return t


def split_title(words: list[str]) -> int:
    """How many leading `words` form a title (0 if none).

    A title is modifiers and heads; it must contain a head, and at least one
    word must be left for the name.

    >>> split_title(["Deputy", "PM", "Sivak"])
    2
    >>> split_title(["General", "Motors"])
    0
    """
    if len(words) < 2:  # a name alone: no word to spare for a title
        return 0
    n = 0
    last_head = 0
    for i, w in enumerate(words[:-1]):
        low = w.casefold().rstrip(".")
        if (
            low in HONORIFICS
            or low + "." in HONORIFICS
            or (low, words[i + 1].casefold()) in _HONORIFIC_PAIRS
            or (i and (words[i - 1].casefold(), low) in _HONORIFIC_PAIRS)
        ):
            n = i + 1
            last_head = n
            continue
        plural = low.endswith("s") and low[:-1] in TITLE_HEADS
        if low in TITLE_HEADS or plural or (low == "general" and last_head):
            n = i + 1
            last_head = n
        elif low in TITLE_MODIFIERS:
            n = i + 1
        else:
            break
    return last_head


_PAIR_FIRSTS = frozenset(first for first, _ in _HONORIFIC_PAIRS)


class _OpensTitle(dict[str, bool]):
    """For each word: False if `split_title` is 0 for any words it opens (it
    is no title's first word: most capitalised words), so that none need
    splitting. Memoised in a dict (a hit is a C-level subscript); forgotten
    all at once past `_OPENS_MAX` words."""

    def __missing__(self, word: str) -> bool:
        if len(self) > _OPENS_MAX:
            self.clear()
        low = word.casefold().rstrip(".")  # `split_title`'s tests of a first word
        opens = self[word] = (
            low in HONORIFICS
            or low + "." in HONORIFICS
            or low in _PAIR_FIRSTS
            or low in TITLE_HEADS
            or (low.endswith("s") and low[:-1] in TITLE_HEADS)
            or low in TITLE_MODIFIERS
        )
        return opens


OPENS_TITLE = _OpensTitle()
_OPENS_MAX = 1 << 16


@lru_cache(maxsize=1 << 12)
def is_honorific(title: str) -> bool:
    """True if `title` is only courtesy titles ("Mr.", "Ông", "Tan Sri",
    "Samdech Techo")."""
    words = fold(title).replace("’", "'").split()
    if len(words) == 2 and tuple(words) in _HONORIFIC_PAIRS:
        return True
    return bool(words) and all(w.rstrip(".") in _BARE_HONORIFICS for w in words)


def vi_title_prefix(text: str) -> str:
    """The Vietnamese title at the start of `text`, or "" ("Phó Thủ tướng").

    >>> vi_title_prefix("Phó Thủ tướng Trần Hồng Hà")
    'Phó Thủ tướng'
    """
    m = _VI_TITLE.match(text)
    if not m:
        return ""
    rest = text[m.end() :]
    if not rest or not rest[:1].isupper():
        return ""
    return m.group(0).strip()


def _singular(title: str) -> str:
    words = title.split(" ")
    i = words.index("of") - 1 if "of" in words else len(words) - 1
    words[i] = words[i][:-1]
    return " ".join(words)


def is_plural_title(title: str) -> bool:
    """True if the head of `title` is plural ("Deputy Prime Ministers").

    >>> is_plural_title("Foreign Ministers"), is_plural_title("Minister")
    (True, False)
    """
    words = title.split(" ")
    if "of" in words:
        words = words[: words.index("of")]
    if not words:
        return False
    low = words[-1].casefold()
    return low.endswith("s") and low[:-1] in TITLE_HEADS and low not in TITLE_HEADS


# Endings of the abstract nouns that make up a title's complement
# ("Public Security", "Home Affairs", "Planning").
_COMPLEMENT_ENDINGS = en.TITLE_COMPLEMENT_ENDINGS


def complement_end(words: list[str]) -> int:
    """Length of the "Title of Complement" that starts `words`, or 0.

    The title words are followed by "of" (or "of the"); the complement is the
    first word after each connector ("of", "and"), every word before a
    connector, and nouns with abstract endings. What follows is the name.

    >>> complement_end("Minister of Home Affairs Kubrakov".split())
    4
    >>> complement_end("Minister of Industry and Trade Nguyễn Hồng Diên".split())
    5
    >>> complement_end("Speaker of the House of Representatives".split())
    6
    >>> complement_end("General Motors of Detroit".split())
    0
    """
    if "of" not in words:
        return 0
    i = words.index("of")
    if (
        i == 0
        or words[i - 1].casefold().removesuffix("s") not in PORTFOLIO_HEADS
        or not all(is_title_word(w) for w in words[:i])
        or split_title([*words[:i], "X"]) != i
    ):
        return 0
    end = 0
    expect = True
    for k in range(i + 1, len(words)):
        low = words[k].casefold()
        if low in ("of", "and", "the"):
            if low != "the" and end < k - 1:
                end = k - 1
            expect = True
            continue
        if not words[k][:1].isupper():
            break
        if expect or low.endswith(_COMPLEMENT_ENDINGS):
            end = k
        expect = False
    return end + 1 if end else 0
