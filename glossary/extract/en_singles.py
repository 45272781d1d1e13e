"""What a run of one capitalised word makes: nothing, a title or a name.

Most runs of the English finder are one word long; the answer depends only
on the word and on whether it starts a sentence, so it is memoised per word.
"""

from __future__ import annotations

from enum import Enum

from glossary.extract.name_runs import is_demonym
from glossary.lang.en import ADVERB_SUFFIXES, ARTICLES, MONTHS, STOP, WEEKDAYS
from glossary.names.titles import is_honorific, is_title_word, split_title

__all__ = ["MAKES_NAME", "MAKES_TITLE", "NOT_LAST", "SINGLES", "Made"]

NOT_LAST = WEEKDAYS | MONTHS | {"of", "on", "for", "and", "the"}


class Made(Enum):
    """What a run of one word makes."""

    NOTHING = "nothing"
    TITLE = "title"
    NAME = "name"


def _single(word: str) -> tuple[Made, Made]:
    """What a run of `word` alone makes at a sentence start, and elsewhere.

    The passes of `english._run_mentions` on one word, which read nothing but the
    word and whether it starts a sentence: `_trimmed` (a run of one word has
    no connector and no title complement), `_leading_places` (only the
    demonym rule applies to one word) and `_leading_title`.
    """
    return _single_at(word, initial=True), _single_at(word, initial=False)


class _Singles(dict[str, tuple[Made, Made]]):
    """`_single` of each word seen, memoised in a dict: a hit is a C-level
    subscript, several times cheaper than an `lru_cache` hit, and one is
    taken for most runs. Forgotten all at once past `_SINGLES_MAX` words."""

    def __missing__(self, word: str) -> tuple[Made, Made]:
        if len(self) > _SINGLES_MAX:
            self.clear()
        made = self[word] = _single(word)
        return made


SINGLES = _Singles()
_SINGLES_MAX = 1 << 16
# Bound once for the loop over runs: an enum's member is looked up through
# EnumType's `__getattr__` hook (≈90 ns a time in Python 3.11).
MAKES_NAME, MAKES_TITLE = Made.NAME, Made.TITLE


def _single_at(word: str, *, initial: bool) -> Made:
    low = word.casefold()
    if (
        (low in STOP and (low in ARTICLES or initial))
        or low in WEEKDAYS
        or low in MONTHS
        or (
            low.endswith(ADVERB_SUFFIXES)
            and len(low) > 5
            and not word.isupper()
            and initial
        )
        or low in NOT_LAST
        or is_demonym(word)
    ):
        return Made.NOTHING
    if split_title([word]) or (is_title_word(word) and split_title([word, "X"])):
        return Made.NOTHING if is_honorific(word) else Made.TITLE
    return Made.NAME
