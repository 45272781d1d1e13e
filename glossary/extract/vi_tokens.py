"""Vietnamese tokens: tagging with offsets, tagger repairs, capitalisation shape.

underthesea (default) and pyvi are imported lazily, so importing this module
costs nothing. Tokens always refer to the text as written: the taggers may
rewrite tone marks (Uỷ → Ủy), and tokens are located by their folded syllables.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from glossary.extract.vi_syllables import Span, is_vi_syllable
from glossary.extract.vi_tagger import raw_tags
from glossary.model import Document
from glossary.names.places import is_unit_name, place_forms
from glossary.names.vi_words import is_vietnamese_word
from glossary.text import fold, fold_same_length, name_key, word_key

__all__ = [
    "WORD",
    "Context",
    "TaggedWord",
    "cached_name_key",
    "context",
    "cut",
    "repair",
    "sentence",
    "shape",
    "tag",
]

WORD = re.compile(r"\w+")


_HYPHENATED = re.compile(r"\w+(?:-\w+)*")


_SENTENCE_END = frozenset({".", "!", "?", ":", "–", "—", ";", '"', "“", "”", "("})


_NAME_KEYS: dict[str, str] = {}
_MOST_NAME_KEYS = 100_000


def cached_name_key(name: str) -> str:
    """`name_key`, memoised: the rules key each name of a document several
    times (its runs, kinds, places), a tenth of their CPU uncached."""
    key = _NAME_KEYS.get(name)
    if key is None:
        if len(_NAME_KEYS) > _MOST_NAME_KEYS:  # names are without number
            _NAME_KEYS.clear()
        key = _NAME_KEYS[name] = name_key(name)
    return key


class TaggedWord(NamedTuple):
    """One word (possibly several syllables) with its POS tag and offsets.

    A tuple, not a frozen dataclass: a document has one per word, and
    building frozen dataclasses was a tenth of the rules' cost.
    """

    text: str
    tag: str
    start: int
    end: int


def tag(text: str, *, backend: str = "underthesea") -> list[TaggedWord]:
    """Segment and POS-tag `text`, with each token's offsets into `text`.

    The taggers may rewrite tone marks (Uỷ → Ủy); tokens are located by their
    folded syllables so offsets and `TaggedWord.text` always refer to `text` as written.

    Args:
        text: NFC text, any number of paragraphs.
        backend: "underthesea", "pyvi" or "rules" (`vi_lexicon`: no tagger).

    Returns:
        Tokens in text order; a token the tagger invented is skipped.
    """
    if backend == "rules":  # imported here: vi_lexicon builds on TaggedWord
        from glossary.extract.vi_lexicon import lexicon_tag

        return lexicon_tag(text)
    key = fold_same_length(text)
    tokens: list[TaggedWord] = []
    for para in re.finditer(r"[^\n]+", text):
        cursor = para.start()
        for word, pos in raw_tags(para.group(), backend):
            span = _locate(key, word, cursor, para.end())
            if span is None:
                continue
            start, end = span
            tokens.append(TaggedWord(text[start:end], pos, start, end))
            cursor = end
    return tokens


def _locate(key: str, word: str, cursor: int, limit: int) -> tuple[int, int] | None:
    parts = word.split()
    if not parts:
        return None
    start = end = -1
    pos = cursor
    for part in parts:
        pkey = fold_same_length(part)
        found = _find(key, pkey, part, pos, limit)
        if found < 0 or (start >= 0 and key[end:found].strip()):
            return None
        if start < 0:
            start = found
        end = pos = found + len(pkey)
    return start, end


def _find(key: str, pkey: str, part: str, pos: int, limit: int) -> int:
    """First offset of `pkey` in key[pos:limit] not inside a longer word (at
    the edges where `part` is alphanumeric); -1 if none."""
    left, right = part[0].isalnum(), part[-1].isalnum()
    at = key.find(pkey, pos, limit)
    while at >= 0:
        after = at + len(pkey)
        if not (left and at and _is_word(key[at - 1])) and not (
            right and after < limit and _is_word(key[after])
        ):
            return at
        at = key.find(pkey, at + 1, limit)
    return -1


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"  # what \w matches


def _starts(keys: Iterable[str]) -> set[str]:
    """The first one to n - 1 words of each n-word key."""
    return {k.rsplit(" ", n)[0] for k in keys for n in range(1, k.count(" ") + 1)}


@lru_cache(maxsize=4)  # the same heads for every document
def _starts_of_heads(heads: frozenset[str]) -> frozenset[str]:
    return frozenset(_starts(heads))


def repair(
    text: str, tokens: list[TaggedWord], heads: frozenset[str]
) -> list[TaggedWord]:
    """Undo two tagger slips using the document itself.

    A word the tagger split once ("Ủy" "ban") but kept whole elsewhere, or that
    is one of `heads` (title and organisation heads as `word_key`s), is joined;
    a token glueing a foreign name to its neighbour ("Belarus_tạo",
    "Belarus_Anatoly") is cut into syllables, and a hyphen the tagger dropped
    inside a name ("Sang-sik") is put back.
    """
    joined = {word_key(t.text) for t in tokens if " " in t.text}
    whole = joined | heads
    # what a joined word starts with: most tokens are checked by one lookup
    starts = _starts(joined) | _starts_of_heads(heads)
    out: list[TaggedWord] = []
    prev: TaggedWord | None = None
    for tok in tokens:
        word = tok.text
        if prev is not None and tok.start == prev.end + 1:
            key = word_key(prev.text)
            if (key in starts and f"{key} {word_key(word)}" in whole) or (
                text[prev.end] == "-"
                and prev.text[-1:].isalpha()
                and word.isalpha()
                and word.islower()
            ):  # a word split once, or "Sang-sik": a name's dropped hyphen
                prev = out[-1] = TaggedWord(
                    text[prev.start : tok.end], prev.tag, prev.start, tok.end
                )
                continue
        if (
            (word[:1].isupper() or not word[:1].isalnum())
            and not word.isalpha()
            and (glued := _name_glued_to_word(text, tok, prev)) is not None
        ):  # checked here first: most tokens are one syllable or lower case
            out.extend(glued)
            prev = out[-1]
            continue
        if " " in word and not _vietnamese_syllables(word):
            for m in _HYPHENATED.finditer(word):
                a, b = tok.start + m.start(), tok.start + m.end()
                low = m.group()[0].islower()
                out.append(TaggedWord(text[a:b], "X" if low else tok.tag, a, b))
            prev = out[-1]
            continue
        out.append(tok)
        prev = tok
    return out


@lru_cache(maxsize=1 << 16)
def _vietnamese_syllables(word: str) -> bool:
    """True if every syllable of `word` (hyphenated parts as one) has a
    Vietnamese shape, or it has one syllable."""
    sylls = _HYPHENATED.findall(word)
    return len(sylls) < 2 or all(map(is_vi_syllable, sylls))


def _name_glued_to_word(
    text: str, tok: TaggedWord, prev: TaggedWord | None
) -> list[TaggedWord] | None:
    """ "Lý Đức bật", "Việt | Cường sút": a name's capitalised syllables and
    the lower-case word after them, which no dictionary word is, cut in two.

    None for any other token: a capitalised common word ("Thủ tướng",
    "Nhân đại") has one capital and follows no proper name, and a commune's
    name may end in lower case ("Nậm lúc", "Thải | Giàng phố").
    """
    glued = _glued_shape(tok.text)
    if glued is None:
        return None
    n, cut, rest = glued
    after_name = prev is not None and prev.tag == "Np" and tok.start == prev.end + 1
    if n == 1 and not after_name:
        return None
    joined = f"{prev.text} {tok.text}" if after_name and prev else tok.text
    if any(place_forms(t) or is_unit_name(t) for t in {joined, tok.text}):
        return None
    cut += tok.start
    rest += tok.start
    return [
        TaggedWord(text[tok.start : cut], tok.tag, tok.start, cut),
        TaggedWord(text[rest : tok.end], tok.tag, rest, tok.end),
    ]


# Most of a document's capitalised words recur: each is read once.
@lru_cache(maxsize=1 << 16)
def _glued_shape(word: str) -> tuple[int, int, int] | None:
    """(capitalised syllables, end of the last, start of the next) of a word
    whose capitalised syllables end in lower-case ones, and which no
    dictionary word is; None for any other."""
    first = word[:1]
    if (first.isalnum() and not first.isupper()) or word.isalpha():
        return None  # no capital first, or one syllable: nothing glued
    sylls = list(_HYPHENATED.finditer(word))
    caps = [m.group()[0].isupper() for m in sylls]
    n = caps.index(False) if False in caps else len(caps)
    if not 0 < n < len(caps) or any(caps[n:]) or is_vietnamese_word(word):
        return None
    return n, sylls[n - 1].end(), sylls[n].start()


def shape(tok: TaggedWord) -> str:
    """'cap' (every syllable capitalised), 'cw' (first only) or 'low'.

    A hyphenated part counts as one syllable: "Sang-sik" is capitalised.
    """
    return _shape(tok.text)


@lru_cache(maxsize=1 << 16)
def _shape(text: str) -> str:
    sylls = _HYPHENATED.findall(text)
    if not sylls or not sylls[0][0].isalpha():
        return "low"
    caps = [s[0].isupper() for s in sylls]
    if all(caps):
        return "cap"
    return "cw" if caps[0] else "low"


@dataclass(frozen=True, slots=True)
class Context:
    text: str
    tokens: Sequence[TaggedWord]
    shapes: Sequence[str]
    initial: Sequence[bool]
    lower_words: frozenset[str]


def sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) around [start, end): from after the last of
    ". ! ? newline" before `start` to the first at or after `end`."""
    marks = _sentence_marks(text)
    k = bisect.bisect_left(marks, start)
    left = marks[k - 1] + 1 if k else 0
    k = bisect.bisect_left(marks, end)
    right = marks[k] + 1 if k < len(marks) else len(text)
    return text[left:right].strip()


_SENTENCE_MARK = re.compile(r"[.!?\n]")


# A document asks for the sentence of each of its mentions: its marks are
# found once (four str.rfind and str.find calls a mention before).
@lru_cache(maxsize=4)
def _sentence_marks(text: str) -> list[int]:
    return [m.start() for m in _SENTENCE_MARK.finditer(text)]


def context(doc: Document, tokens: Sequence[TaggedWord]) -> Context:
    shapes = [_shape(t.text) for t in tokens]
    initial = [
        i == 0
        or tokens[i - 1].text in _SENTENCE_END
        or "\n" in doc.text[tokens[i - 1].end : tokens[i].start]
        for i in range(len(tokens))
    ]
    # a document repeats its words: each distinct one is folded once
    words = {t.text for t, s in zip(tokens, shapes, strict=True) if s == "low"}
    pairs = {
        f"{a.text} {b.text}"
        for a, b in itertools.pairwise(tokens)
        if a.text.islower() and b.text.islower()
    }
    lower = frozenset(map(_fold_word, words | pairs))
    return Context(doc.text, tokens, shapes, initial, lower)


# Documents share most of their words and word pairs: each is folded once.
_fold_word = lru_cache(maxsize=1 << 17)(fold)


def cut(text: str, tokens: list[TaggedWord], spans: list[Span]) -> list[TaggedWord]:
    """Tokens cut at every span edge, so each span is a run of whole tokens."""
    edges = sorted({sp.start for sp in spans} | {sp.end for sp in spans})
    # the few tokens an edge falls inside, found from the edges (tokens are
    # in text order and disjoint), not each token looked up among the edges
    inner: dict[int, list[int]] = {}
    for edge in edges:
        k = bisect.bisect_right(tokens, edge, key=_start) - 1
        if k >= 0 and tokens[k].start < edge < tokens[k].end:
            inner.setdefault(k, []).append(edge)
    out: list[TaggedWord] = []
    done = 0
    for k, cuts in inner.items():  # in text order, as the edges
        out += tokens[done:k]
        done = k + 1
        tok = tokens[k]
        for a, b in itertools.pairwise([tok.start, *cuts, tok.end]):
            piece = text[a:b]
            a += len(piece) - len(piece.lstrip())
            b -= len(piece) - len(piece.rstrip())
            if a < b:
                out.append(TaggedWord(text[a:b], tok.tag, a, b))
    out += tokens[done:]
    return out


_start = operator.attrgetter("start")
