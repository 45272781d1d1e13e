"""Vietnamese words and tags without a statistical tagger (`--backend rules`).

underthesea's segmenter and POS tagger cost ≈5 ms of CPU per KB of news,
more than the rules that read their output. This reads tokens of the same
kind from the shape of the text and two word lists: the segmenter's own
dictionary (`names.vi_words.dictionary_words`) and each word's tag on its
own (`names.vi_words.word_tags`, from underthesea's POS model).

- Lower-case syllables are joined into dictionary words, choosing at each
  step the word that leaves the best next word ("bầu | chủ tịch").
- A capitalised common word has one capital ("Thủ tướng", "Chính phủ"): a
  dictionary word of that shape, with the word's own tag.
- A run of capitalised syllables ("Phạm Minh Chính", "Hà Nội") is one
  proper name (Np), less the function words and heads it starts with
  ("Theo", "Tại", "Ông", "Bộ", "Tỉnh"), and cut before a surname that
  follows a known name ("Nhật Bản | Phạm Quang Hiệu").
- Numbers are M, punctuation CH, other tokens (G7, COVID-19) by their case.

There is little context: a word has its commonest tag, but for an adverb
after a verb that the model also reads as a noun ("quản lý vốn": capital,
not "originally"), since Vietnamese adverbs come before their verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from glossary.extract.vi_tokens import TaggedWord
from glossary.lang import vi
from glossary.names.places import (
    english_country_name,
    is_country,
    is_syllable,
    place_forms,
)
from glossary.names.tables import kept
from glossary.names.vi_words import (
    dictionary_words,
    noun_words,
    syllable_form,
    word_tags,
)
from glossary.text import word_key

__all__ = ["lexicon_tag"]

_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,/:-]\d+)*(?!\w))"
    r"|(?P<word>\w+(?:[-.'&]\w+)*)"
    r"|(?P<punct>\.\.\.|[^\w\s])"
)
# The longest dictionary word tried, in syllables: longer entries are idioms.
_LONGEST = 4
_SENTENCE_END = frozenset({".", "!", "?", ":", "–", "—", ";", '"', "“", "”", "("})
# Tags of words that never start a proper name: prepositions, conjunctions,
# adverbs, pronouns, determiners, particles and classifiers ("Theo", "Và",
# "Ông Lê Văn Trung").
_NEVER_NAME = frozenset({"E", "C", "Cc", "R", "P", "L", "T", "Nc", "I"})
# Of those, the ones no name is written as: prepositions and conjunctions
# ("Anh" is England, "Chính" a given name).
_FUNCTION = frozenset({"E", "C", "Cc"})
# The tag of a bound prefix, no word of its own ("liên", "phi", "siêu").
_BOUND = "Z"


def lexicon_tag(text: str) -> list[TaggedWord]:
    """Segment and tag `text` by shape and the word lists.

    Args:
        text: NFC text, any number of paragraphs.

    Returns:
        Tokens in text order with their offsets, as `vi_tokens.tag` gives.
    """
    out: list[TaggedWord] = []
    for para in re.finditer(r"[^\n]+", text):
        _paragraph(_Para.read(text, para.start(), para.end()), out)
    return out


@dataclass(slots=True)
class _Para:
    """One paragraph's pieces (syllables, other words, numbers, marks).

    Attributes:
        text: the whole text.
        words: each piece's text.
        starts: each piece's start offset.
        forms: a syllable's `syllable_form`, "" for any other piece.
        linked: True where the next piece is a syllable one space after
            this syllable.
        memo: `_word_ends` by piece.
    """

    text: str
    words: list[str]
    starts: list[int]
    forms: list[str]
    linked: list[bool]
    kinds: list[str | None]
    memo: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def read(cls, text: str, start: int, end: int) -> _Para:
        pieces = list(_TOKEN.finditer(text, start, end))
        words = [m.group() for m in pieces]
        starts = [m.start() for m in pieces]
        kinds = [m.lastgroup for m in pieces]
        # only a word's pieces can be alphabetic: numbers and marks are ""
        forms = [_FORM_OF.get(w) or _form_of(w) for w in words]
        linked = [
            bool(forms[i] and forms[i + 1])
            and starts[i + 1] == starts[i] + len(words[i]) + 1
            and text[starts[i + 1] - 1] == " "
            for i in range(len(words) - 1)
        ]
        linked.append(False)
        return cls(text, words, starts, forms, linked, kinds)

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.starts[i], self.starts[j - 1] + len(self.words[j - 1])

    def form(self, i: int, j: int) -> str:
        return " ".join(self.forms[i:j])

    def run(self, i: int, limit: int) -> int:
        """End of the run of linked syllables from i, at most `limit` long."""
        j = i + 1
        while j - i < limit and self.linked[j - 1]:
            j += 1
        return j


def _form_of(word: str) -> str:
    """`syllable_form` of an alphabetic piece, "" for any other (memoised)."""
    if len(_FORM_OF) > _MOST_FORMS:  # foreign words are without number
        _FORM_OF.clear()
    form = _FORM_OF[word] = syllable_form(word.lower()) if word.isalpha() else ""
    return form


_FORM_OF: dict[str, str] = {}
_MOST_FORMS = 200_000


def _paragraph(p: _Para, out: list[TaggedWord]) -> None:
    i, n = 0, len(p.words)
    nouns = noun_words()
    words, forms, starts, text = p.words, p.forms, p.starts, p.text
    new = tuple.__new__  # TaggedWord's own __new__ is Python
    while i < n:
        if not forms[i]:  # a number, a mark or another token
            kind = p.kinds[i]
            j = i + 1
            tag = "M" if kind == "num" else "CH" if kind == "punct" else ""
            tag = tag or _other_tag(words[i])
        else:
            if words[i].islower() and (j := _lower_words(p, i, out)):
                i = j
                continue
            j, tag = _syllable_word(p, i)
            if tag == "R" and out and out[-1].tag == "V" and p.form(i, j) in nouns:
                tag = "N"  # an adverb comes before its verb: "quản lý vốn"
        b = starts[j - 1] + len(words[j - 1])
        out.append(new(TaggedWord, (text[starts[i] : b], tag, starts[i], b)))
        i = j


def _syllable_word(p: _Para, i: int) -> tuple[int, str]:
    """End index and tag (before the adverb rule) of the word at syllable i."""
    words = p.words
    if words[i].islower() and not (p.linked[i] and words[i + 1].islower()):
        # a lower-case syllable no dictionary word goes on from
        if _bound_to_name(p, i):
            return i + 2, "N"
        return i + 1, word_tags().get(p.forms[i], "N")
    return _word_at(p, i)


def _lower_words(p: _Para, i: int, out: list[TaggedWord]) -> int:
    """Tag the words of the run of two or more linked lower-case syllables at
    i; return the run's end, or 0 for one syllable, or where the word after
    the run has a say in how it ends (a bound prefix before a capital:
    "liên Triều").

    Within such a run nothing else is read, so each distinct run is
    segmented once (`_RUN_WORDS`): running text repeats its phrases
    ("cho biết", "theo đó", "trong thời gian tới").
    """
    words, linked = p.words, p.linked
    if not (linked[i] and words[i + 1].islower()):
        return 0
    k = i + 2
    while linked[k - 1] and words[k].islower():
        k += 1
    if linked[k - 1] and word_tags().get(p.forms[k - 1]) == _BOUND:
        return 0
    starts, text = p.starts, p.text
    run = text[starts[i] : starts[k - 1] + len(words[k - 1])]
    if (segmented := _RUN_WORDS.get(run)) is None:
        if len(_RUN_WORDS) > _MOST_RUNS:  # phrases are without number
            _RUN_WORDS.clear()
        _RUN_WORDS[run] = _read_words(p, i, k, out)
        return k
    new = tuple.__new__  # TaggedWord's own __new__ is Python
    before = out[-1].tag if out else ""
    for n, tag, noun in segmented:
        j = i + n
        if noun and before == "V":
            tag = "N"  # an adverb comes before its verb: "quản lý vốn"
        b = starts[j - 1] + len(words[j - 1])
        out.append(new(TaggedWord, (text[starts[i] : b], tag, starts[i], b)))
        before, i = tag, j
    return k


def _read_words(
    p: _Para, i: int, k: int, out: list[TaggedWord]
) -> tuple[tuple[int, str, bool], ...]:
    """Tag the words of lower-case syllables [i, k) one by one; return each
    one's syllables, tag, and whether an adverb it is reads as a noun after a
    verb."""
    read: list[tuple[int, str, bool]] = []
    nouns = noun_words()
    words, starts, text = p.words, p.starts, p.text
    new = tuple.__new__
    while i < k:
        # a word may go on from any syllable but the last (`_syllable_word`)
        j, tag = _word_at(p, i) if i < k - 1 else _syllable_word(p, i)
        noun = tag == "R" and p.form(i, j) in nouns
        read.append((j - i, tag, noun))
        if noun and out and out[-1].tag == "V":
            tag = "N"
        b = starts[j - 1] + len(words[j - 1])
        out.append(new(TaggedWord, (text[starts[i] : b], tag, starts[i], b)))
        i = j
    return tuple(read)


_RUN_WORDS: dict[str, tuple[tuple[int, str, bool], ...]] = {}
_MOST_RUNS = 100_000


def _other_tag(word: str) -> str:
    if any(c.isupper() for c in word):
        return "Np"
    return word_tags().get(syllable_form(word.lower()), "N")


def _word_at(p: _Para, i: int) -> tuple[int, str]:
    """End index and tag of the word starting at syllable i."""
    first = p.words[i]
    tags = word_tags()
    if first.isupper() and len(first) > 1:
        j = _caps_run_end(p, i)
        if j > i + 1:
            return j, "Np"  # "ĐẶNG TRUNG", a name in capitals
        return i + 1, tags.get(p.forms[i], "Np")
    if first.islower():
        j = _best_end(p, i)
        if j == i + 1 and _bound_to_name(p, i):
            return i + 2, "N"  # "biên giới liên Triều": inter-Korean
        return j, tags.get(p.form(i, j), "N")
    j = _best_end(p, i)
    if j > i + 1:  # a capitalised common word: "Thủ tướng"
        return j, tags.get(p.form(i, j), "N")
    k = _title_run_end(p, i)
    if k > i + 1 and _leads_name(p, i) and not _word_before_name(p, i, k):
        return k, "Np"
    tag = tags.get(p.forms[i], "Np")
    if tag in _FUNCTION and not _initial(p, i):
        # a function word is not capitalised mid-sentence: it opens a common
        # word the dictionary lacks ("Nhân đại")
        j = p.run(i, 2)
        if j > i + 1 and p.words[j - 1].islower():
            return j, "N"
    return i + 1, tag


def _bound_to_name(p: _Para, i: int) -> bool:
    """True if syllable i is a bound prefix ("liên", "phi", "siêu": tag Z)
    before one capitalised syllable that is no word, head or surname of its
    own and opens no name: a compound on a short name ("liên Triều"), not
    "nguyên Phó bí thư" or "cựu Thủ tướng"."""
    if not (p.linked[i] and p.words[i + 1][:1].isupper()):
        return False  # most syllables
    j = i + 1
    word = p.words[j]
    return (
        word_tags().get(p.forms[i]) == _BOUND
        and word[1:].islower()
        and not (p.linked[j] and p.words[j + 1][:1].isupper())
        and p.forms[j] not in vi.TITLE_PREFIXES
        and p.forms[j] not in _surnames()
        and word_key(word) not in _heads()
        and _dictionary_end(p, j) == j + 1
    )


def _initial(p: _Para, i: int) -> bool:
    """True if piece i starts a sentence, a line or a quotation."""
    return i == 0 or p.words[i - 1] in _SENTENCE_END


def _caps_run_end(p: _Para, i: int) -> int:
    """End of the run of upper-case Vietnamese syllables (two letters or
    more) at i: a name in capitals ("ĐẶNG TRUNG"), where acronyms ("SOM
    ASEAN", "HĐQT CTCP") are words of their own."""
    j = i + 1
    if not is_syllable(p.words[i]):
        return j
    while (
        p.linked[j - 1]
        and p.words[j].isupper()
        and len(p.words[j]) > 1
        and is_syllable(p.words[j])
    ):
        j += 1
    return j


def _dictionary_end(p: _Para, i: int) -> int:
    """End of the longest dictionary word at i whose syllables after the
    first are lower-case; i + 1 if none."""
    return _word_ends(p, i)[0]


def _best_end(p: _Para, i: int) -> int:
    """End of the dictionary word at i that leaves the best next word.

    Longest match alone reads "bầu chủ | tịch"; the one or two words from
    i that cover most syllables, in the fewest words, then with the most
    words of the tag list (words seen in running text), then the longer
    first word, read "bầu | chủ tịch".
    """
    ends = _word_ends(p, i)
    if len(ends) == 1:
        return ends[0]
    tags = word_tags()
    best, top = ends[0], (0, 0, 0, 0)
    for j in ends:  # the first of the best, as max() would
        nxt = j
        if p.linked[j - 1] and p.words[j].islower():
            nxt = _word_ends(p, j)[0]
        two = nxt > j  # a second word
        known = (p.form(i, j) in tags) + (two and p.form(j, nxt) in tags)
        score = (nxt - i, -1 - two, known, j - i)
        if score > top:
            best, top = j, score
    return best


def _word_ends(p: _Para, i: int) -> list[int]:
    """Ends of the dictionary words at i (syllables after the first
    lower-case), longest first, then i + 1."""
    if (known := p.memo.get(i)) is not None:
        return known
    out = [i + 1]
    if not (p.forms[i] in vi.TITLE_PREFIXES and _title_after(p, i + 1)):
        words, beginnings = _words()
        form, j = p.forms[i], i + 1
        # syllables only ("" is another piece): what they make is a word or a
        # beginning of one if it is a beginning of a word (see `_words`)
        while (
            form
            and j - i < _LONGEST
            and p.linked[j - 1]
            and p.words[j].islower()
            and p.forms[j]
        ):
            form = f"{form} {p.forms[j]}"
            if form not in words and form not in beginnings:
                break
            j += 1
            if form in words:
                out.append(j)
    # else "Phó | thủ tướng", "nguyên | chủ tịch"
    out.reverse()
    p.memo[i] = out
    return out


def _title_after(p: _Para, i: int) -> bool:
    """True if a title or a word of two syllables or more starts at i (what
    a title prefix stands before), not the rest of a word ("Nguyên đán")."""
    if not p.linked[i - 1]:
        return False
    if word_key(p.words[i]) in _title_heads():
        return True
    return _dictionary_end(p, i) > i + 1


def _title_run_end(p: _Para, i: int) -> int:
    """End of the run of capitalised syllables at i, stopped before a
    capitalised common word ("Tại Sở | Xây dựng")."""
    j = i + 1
    end = p.run(i, len(p.words))
    while j < end:
        word = p.words[j]
        if not word[:1].isupper() or (word.isupper() and len(word) > 1):
            break
        if _dictionary_end(p, j) > j + 1:
            break
        if p.forms[j] in vi.TITLE_PREFIXES and p.linked[j] and p.words[j + 1].islower():
            break  # "Năm | Phó chủ tịch"
        if j > i + 1 and p.forms[j] in _surnames() and _known_name(p, i, j):
            break  # "Nhật Bản | Phạm Quang Hiệu", "Công Thương | Trần Tuấn Anh"
        j += 1
    return j


def _known_name(p: _Para, i: int, j: int) -> bool:
    """True if syllables [i, j) are a dictionary word, a country or a known place."""
    a, b = p.span(i, j)
    text = p.text[a:b]
    return (
        p.form(i, j) in _words()[0]
        or is_country(text)
        or english_country_name(text) is not None
        or bool(place_forms(text))
    )


def _word_before_name(p: _Para, i: int, k: int) -> bool:
    """True if run [i, k) is a common word before a known name ("Phía | Việt
    Nam", "Phía | Mỹ"): the first syllable no surname and a word of its own,
    the rest a country or a place of two syllables or more, the whole no
    known name ("Hà Nội", "Bắc Giang")."""
    tag = word_tags().get(p.forms[i])
    if tag in (None, "Np") or p.forms[i] in _surnames() or _known_name(p, i, k):
        return False
    a, b = p.span(i + 1, k)
    rest = p.text[a:b]
    if k - i > 2:
        return _known_name(p, i + 1, k)
    return is_country(rest) or english_country_name(rest) is not None


def _leads_name(p: _Para, i: int) -> bool:
    """True unless the capitalised syllable at i is a function word or a
    head ("Theo", "Ông", "Bộ") and no surname."""
    if p.forms[i] in _surnames():
        return True
    if word_key(p.words[i]) in _heads():
        return False
    return word_tags().get(p.forms[i]) not in _NEVER_NAME


@cache
def _surnames() -> frozenset[str]:
    return frozenset(syllable_form(s.lower()) for s in vi.SURNAMES)


@cache
def _heads() -> frozenset[str]:
    """Single-syllable heads of titles, bodies and places ("Bộ", "Sở", "Tỉnh")."""
    words = (*vi.TITLE_HEADS, *vi.ORG_HEADS, *vi.UNIT_WORDS)
    return frozenset(word_key(w) for w in words if " " not in w.strip())


@cache
def _title_heads() -> frozenset[str]:
    return frozenset(word_key(t) for t in vi.TITLE_HEADS)


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """The dictionary and the heads of titles and bodies ("Nhân đại"), and
    the first two to four syllables of each that are no word themselves
    (where a longer word may go on)."""
    return dictionary_words() | _head_forms(), _beginnings()


def _head_forms() -> frozenset[str]:
    heads = (*vi.TITLE_HEADS, *vi.ORG_HEADS, *vi.UNIT_WORDS)
    return frozenset(" ".join(map(syllable_form, h.lower().split())) for h in heads)


@kept("vi-word-beginnings")
def _beginnings() -> frozenset[str]:
    # A fourth of the beginnings: the others are words (kept: 0.33 MB, not 2.4)
    words = dictionary_words() | _head_forms()
    prefixes = {
        " ".join(parts[:n])
        for parts in map(str.split, words)
        for n in range(2, min(len(parts), _LONGEST) + 1)
    }
    return frozenset(prefixes - words)
