"""Tokens, sentences and language guesses for running English/Vietnamese text.

Private helper of `glossary.text` (import the public names from there).
Offsets always index the string the caller gave, NFC or NFD.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from operator import mul

from glossary.lang import vi
from glossary.text.segment import Backend, group_syllables
from glossary.text.sentences import split_sentences
from glossary.text.syllable import is_vietnamese_syllable

__all__ = [
    "Lang",
    "Token",
    "TokenKind",
    "detect_language",
    "detects_vietnamese",
    "language_sample",
    "tokenize",
]


def _nfc(s: str) -> str:
    return s if unicodedata.is_normalized("NFC", s) else unicodedata.normalize("NFC", s)


# --- tokens ------------------------------------------------------------------


class TokenKind(StrEnum):
    """What a token is."""

    WORD = "word"
    NUMBER = "number"
    PUNCT = "punct"
    SPACE = "space"


class Lang(StrEnum):
    """Language guess of a token."""

    VI = "vi"
    EN = "en"


@dataclass(frozen=True, slots=True)
class Token:
    """One token; ``source[start:end] == text`` in the string given to `tokenize`.

    Attributes:
        text: The token exactly as written (NFD stays NFD; use `nfc`).
        start: Offset of the first character in the original string.
        end: Offset just past the last character.
        kind: word, number, punct or space.
        lang: vi or en; non-words take the language of their sentence.
    """

    text: str
    start: int
    end: int
    kind: TokenKind
    lang: Lang


@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    kind: TokenKind


_PIECE = re.compile(r"\s+|[^\W_]+|(.)\1*", re.DOTALL)
_NUMBER_JOINERS = frozenset(".,:/-")
_APOSTROPHES = frozenset("'’")


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def _scan(text: str) -> list[_Piece]:
    """Split `text` into contiguous pieces (no word segmentation yet)."""
    out: list[_Piece] = []
    for m in _PIECE.finditer(text):
        start, end = m.span()
        first = text[start]
        if (
            not first.isascii()
            and _is_mark(first)
            and out
            and out[-1].kind is not TokenKind.SPACE
        ):
            out[-1].end = end  # a combining mark belongs to what precedes it
            continue
        if first.isspace():
            kind = TokenKind.SPACE
        elif m.group(1) is None:
            # [^\W_] is letters and digits: a run with a letter is a word.
            numeric = m.group().isnumeric()
            kind = TokenKind.NUMBER if numeric else TokenKind.WORD
        else:
            kind = TokenKind.PUNCT
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == start
            and kind in (TokenKind.WORD, TokenKind.NUMBER)
            and prev.kind in (TokenKind.WORD, TokenKind.NUMBER)
        ):
            # Letters split only by combining marks (NFD input) are one piece.
            prev.end = end
            if kind is TokenKind.WORD:
                prev.kind = TokenKind.WORD
            continue
        out.append(_Piece(start, end, kind))
    return _join_inner(text, out)


def _join_inner(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Join 2025-04-01, 1,000 and Belarus's into one piece each."""
    out: list[_Piece] = []
    i = 0
    while i < len(pieces):
        cur = pieces[i]
        if (
            out
            and i + 1 < len(pieces)
            and cur.kind is TokenKind.PUNCT
            and cur.end - cur.start == 1
            and out[-1].kind is pieces[i + 1].kind
        ):
            ch = text[cur.start]
            kind = out[-1].kind
            if (kind is TokenKind.NUMBER and ch in _NUMBER_JOINERS) or (
                kind is TokenKind.WORD and ch in _APOSTROPHES
            ):
                out[-1].end = pieces[i + 1].end
                i += 2
                continue
        out.append(cur)
        i += 1
    return out


# --- language ----------------------------------------------------------------


@lru_cache(maxsize=1 << 16)  # running text repeats its words
def _word_lang(word: str) -> Lang | None:
    """vi, en, or None for ASCII that could be either ("Minh", "to")."""
    if word.isascii():
        return None if is_vietnamese_syllable(word, ascii_ok=True) else Lang.EN
    return Lang.VI if is_vietnamese_syllable(word) else Lang.EN


def _weight(word: str) -> float:
    # Names cross languages ("PM Chính", "ông Sivak"): capitals count less.
    return 0.5 if word[:1].isupper() else 1.0


@lru_cache(maxsize=1 << 16)
def _vi_weight(word: str) -> float:
    return _weight(word) if _word_lang(word) is Lang.VI else 0.0


@lru_cache(maxsize=1 << 16)
def _en_weight(word: str) -> float:
    return _weight(word) if _word_lang(word) is Lang.EN else 0.0


def _vi_share(counts: Counter[str]) -> float | None:
    # Weights are halves and ones, so the sums are exact in any order; with
    # the cached weights (hits stay in C) `map` keeps the loop out of Python.
    vi = sum(map(mul, counts.values(), map(_vi_weight, counts)), 0.0)
    en = sum(map(mul, counts.values(), map(_en_weight, counts)), 0.0)
    return None if vi + en == 0 else vi / (vi + en)


# The word pieces of `_scan` in one C-level pass: letter/digit runs, joined
# across single apostrophes ("Belarus's"). Exact only when no combining mark
# is left after NFC (the scan glues marks to what precedes them).
_WORD_RUN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_APOSTROPHE_SPLIT = re.compile(r"(['’])")


_ASCII_BYTES = bytes(range(128))


def _non_ascii(text: str) -> str:
    """The non-ASCII characters of `text`, in order.

    Deleting the ASCII bytes from the UTF-8 leaves exactly the others'
    bytes (a multi-byte sequence has no ASCII byte), at C speed, several
    times faster than `re` finds the characters of a set.
    """
    if text.isascii():
        return ""
    data = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return data.decode("utf-8", "surrogatepass")


# No combining mark lies below U+0300, in Latin Extended Additional or in
# general punctuation and currency signs, where Vietnamese and English
# news's non-ASCII letters and punctuation are (a test checks the ranges).
_MARK_FREE = re.compile(r"[\x80-\u02ff\u1e00-\u1eff\u2000-\u20cf]*")


def _has_marks(text: str, non_ascii: str | None = None) -> bool:
    """True if `text` holds a combining mark (`non_ascii`: `_non_ascii(text)`)."""
    if non_ascii is None:
        non_ascii = _non_ascii(text)
    if _MARK_FREE.fullmatch(non_ascii):
        return False
    return any(_is_mark(ch) for ch in set(non_ascii))


def _rejoin(run: str) -> Iterator[str]:
    """The words of a run with apostrophes, joined as `_join_inner` does."""
    parts = _APOSTROPHE_SPLIT.split(run)
    cur = parts[0]
    for k in range(1, len(parts), 2):
        nxt = parts[k + 1]
        if not cur.isnumeric() and not nxt.isnumeric():
            cur += parts[k] + nxt
            continue
        if not cur.isnumeric():
            yield cur
        cur = nxt
    if not cur.isnumeric():
        yield cur


# A Vietnamese word has a non-ASCII letter (ASCII words never count as
# Vietnamese); "’" is counted too so that the bound needs no word list.
_PREFIXES = (512, 1024, 2048)  # text weighed, in steps, before giving up on "en"


def _surely_english(text: str, non_ascii: str | None = None) -> bool:
    """True if a prefix of `text` alone settles `detect_language` as "en".

    Exact, not a heuristic: every Vietnamese word holds a non-ASCII letter or
    a "’" and weighs at most 1, so the whole text's Vietnamese weight is at
    most their number (`_vi_bound`). Once the English weight of a prefix is
    three times that, the share is at most 25% whatever the rest holds.
    Text without combining marks only.
    """
    if non_ascii is None:
        non_ascii = _non_ascii(text)
    return _english_weight_reaches(text, 3 * _vi_bound(text, non_ascii))


def _vi_bound(text: str, non_ascii: str) -> int:
    r"""Non-ASCII letters and digits (`[^\W_]`: `str.isalnum`), and "’"."""
    return sum(map(str.isalnum, non_ascii)) + text.count("’")


def _english_weight_reaches(
    text: str, bound: float, prefixes: tuple[int, ...] = _PREFIXES
) -> bool:
    """True if the English weight of a prefix of `text` (of one of the sizes
    `prefixes`, and a word) is `bound` or more. Prefixes end at a space,
    which no word crosses, so their weights add up exactly."""
    en = 0.0
    start = 0
    for size in prefixes:
        if en >= bound:
            return True
        if start >= len(text) or bound > size:
            return False
        cut = text.find(" ", size)
        end = len(text) if cut < 0 else cut
        # the weights are halves and ones: exact in any order, as in `_vi_share`
        en += sum(map(_PIECES.__getitem__, text[start:end].split(" ")), 0.0)
        start = end
    return en >= bound


def detects_vietnamese(text: str) -> bool:
    """``detect_language(text) == "vi"`` (any text), settled sooner for other
    text: "vi" needs three times as much Vietnamese weight as English, so a
    text whose first words weigh more than a third of `_vi_bound` is not."""
    text = _nfc(text)
    non_ascii = _non_ascii(text)
    if not non_ascii:
        return False  # ASCII words never count as Vietnamese
    if not _has_marks(text, non_ascii):
        least = (2 * _vi_bound(text, non_ascii) // 3 + 1) / 2  # halves and ones
        if _english_weight_reaches(text, least, (64, *_PREFIXES)):
            return False
    return detect_language(text) == "vi"


class _PieceWeights(dict[str, float]):
    """The English or Vietnamese weight of each space-separated piece's
    words, memoised: a split on spaces and a C-level dict hit per piece
    ("the", "Nội,") cost a fourth of finding each word with `_WORD_RUN` and
    weighing it. Exact: no word crosses a space (text without marks)."""

    def __init__(self, word_weight: Callable[[str], float]) -> None:
        super().__init__()
        self._word_weight = word_weight

    def __missing__(self, piece: str) -> float:
        if len(self) > 1 << 16:  # pieces remembered; then forgotten at once
            self.clear()
        runs = _WORD_RUN.findall(piece)
        words = [w for run in runs if not run.isnumeric() for w in _rejoin(run)]
        weight = self[piece] = sum(map(self._word_weight, words), 0.0)
        return weight


_PIECES = _PieceWeights(_en_weight)
_VI_PIECES = _PieceWeights(_vi_weight)


# Tokenizing megabytes only to count syllables dominated build time: a long
# text's language is decided on three windows of it.
_SAMPLE_WINDOW = 4000


def language_sample(text: str) -> str:
    """The start, middle and end of a long `text` (all of a short one), on
    which `detect_language` decides as well as on the whole."""
    if len(text) <= 3 * _SAMPLE_WINDOW:
        return text
    middle = len(text) // 2
    return "\n".join(
        (
            text[:_SAMPLE_WINDOW],
            text[middle : middle + _SAMPLE_WINDOW],
            text[-_SAMPLE_WINDOW:],
        )
    )


def detect_language(text: str) -> str:
    """Guess whether `text` is Vietnamese, English or a mix.

    Each word counts as Vietnamese when it is a Vietnamese syllable with
    diacritics, English when it is no Vietnamese syllable at all; ASCII words
    that could be either ("Minh", "to", "can") do not count, and capitalized
    words (names cross languages) count half.

    Args:
        text: Any text, NFC or NFD.

    Returns:
        "vi" when at least 75% of the counted weight is Vietnamese, "en" when
        at most 25% is (also for text with no deciding word), else "mixed".
    """
    text = _nfc(text)
    non_ascii = _non_ascii(text)
    if _has_marks(text, non_ascii):
        counts = Counter(
            text[p.start : p.end] for p in _scan(text) if p.kind is TokenKind.WORD
        )
        share = _vi_share(counts)
    elif _surely_english(text, non_ascii):
        return "en"
    else:
        # the weights are halves and ones: exact in any order, as in `_vi_share`
        pieces = text.split(" ")
        vi = sum(map(_VI_PIECES.__getitem__, pieces), 0.0)
        en = sum(map(_PIECES.__getitem__, pieces), 0.0)
        share = None if vi + en == 0 else vi / (vi + en)
    if share is None or share <= 0.25:
        return "en"
    return "vi" if share >= 0.75 else "mixed"


# --- tokenize ----------------------------------------------------------------


def tokenize(text: str, *, backend: str = "underthesea") -> list[Token]:
    """Split text into word, number, punctuation and space tokens.

    Tokens are contiguous and cover the whole input, so joining their texts
    rebuilds it exactly, and offsets always index the string given (NFD input
    keeps NFD offsets). Runs of Vietnamese syllables are grouped into words
    by the segmenter ("Thủ tướng", "Phạm Minh Chính", "Hà Nội" are one token
    each); everything else is split at spaces and punctuation.

    Args:
        text: Any text, in any normalization form.
        backend: "underthesea" (default), "pyvi" (faster) or "none" (one
            token per syllable).

    Returns:
        The tokens in order.

    Raises:
        ValueError: For an unknown backend.
    """
    chosen = Backend(backend)
    pieces = _scan(text)
    words = [_nfc(text[p.start : p.end]) for p in pieces]
    sentence_langs = _sentence_langs(text, pieces, words)
    langs = _word_langs(pieces, words, sentence_langs)
    names = _ascii_names(pieces, words, langs)
    tokens: list[Token] = []
    i = 0
    while i < len(pieces):
        if i in names:  # "Pham Minh Chinh" written without diacritics
            tokens.append(_vi_word(text, pieces[i], pieces[names[i]]))
            i = names[i] + 1
            continue
        if langs[i] is not Lang.VI:
            p = pieces[i]
            lang = langs[i] or sentence_langs[i]
            tokens.append(Token(text[p.start : p.end], p.start, p.end, p.kind, lang))
            i += 1
            continue
        stretch = _vi_stretch(text, pieces, langs, i)
        tokens.extend(_vi_words(text, pieces, words, stretch, chosen))
        i = stretch[-1] + 1
    return tokens


def _vi_word(text: str, first: _Piece, last: _Piece) -> Token:
    """One Vietnamese word token from `first` to `last` piece."""
    return Token(
        text[first.start : last.end], first.start, last.end, TokenKind.WORD, Lang.VI
    )


def _vi_words(
    text: str,
    pieces: list[_Piece],
    words: list[str],
    stretch: list[int],
    backend: Backend,
) -> list[Token]:
    """A stretch of Vietnamese syllables grouped into words by the segmenter,
    with the spaces between the words."""
    tokens: list[Token] = []
    sizes = group_syllables([words[j] for j in stretch], backend)
    k = 0
    for size in sizes:
        if k:  # the space before this word
            tokens.append(_space(text, pieces[stretch[k] - 1], Lang.VI))
        first, last = pieces[stretch[k]], pieces[stretch[k + size - 1]]
        tokens.append(_vi_word(text, first, last))
        k += size
    return tokens


# The Vietnamese surnames spelt in ASCII ("Nguyen", "Dang"): the first word
# of a full name; a short one (Le, Do) needs three words, so "Do Not" stays
# English.
_COMMON_SURNAMES = frozenset(
    unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    .encode("ascii", "ignore")
    .decode("ascii")
    for s in vi.SURNAMES
)
_SHORT_SURNAMES = frozenset(["le", "vu", "vo", "do", "ho", "ly", "ha", "cao"])
_SURNAMES = _COMMON_SURNAMES - _SHORT_SURNAMES


def _ascii_names(
    pieces: list[_Piece], words: list[str], langs: list[Lang | None]
) -> dict[int, int]:
    """ASCII Vietnamese full names: first piece index -> last piece index.

    A name is a run of capitalized words, joined by single spaces, that are
    all ASCII spellings of Vietnamese syllables and start with a common
    surname: "Pham Minh Chinh", "Le Thi Thu" (a short surname such as Le or
    Do needs three words, so "Do Not" stays English).
    """
    names: dict[int, int] = {}
    i = 0
    while i < len(pieces):
        first = words[i].lower()
        if langs[i] is not Lang.EN or not (
            first in _SURNAMES or first in _SHORT_SURNAMES
        ):
            i += 1
            continue
        run = [i]
        j = _neighbour(pieces, i, 1)
        while (
            j is not None
            and langs[j] is Lang.EN
            and words[j][:1].isupper()
            and words[j].isascii()
            and is_vietnamese_syllable(words[j], ascii_ok=True)
            and pieces[j - 1].end - pieces[j - 1].start == 1
        ):
            run.append(j)
            j = _neighbour(pieces, j, 1)
        if (
            len(run) >= (3 if first in _SHORT_SURNAMES else 2)
            and words[i][:1].isupper()
        ):
            names[i] = run[-1]
        i = run[-1] + 1
    return names


def _space(text: str, p: _Piece, lang: Lang) -> Token:
    return Token(text[p.start : p.end], p.start, p.end, p.kind, lang)


def _vi_stretch(
    text: str, pieces: list[_Piece], langs: list[Lang | None], i: int
) -> list[int]:
    """Indexes of the Vietnamese words from `i` joined by one-line spaces."""
    stretch = [i]
    j = i + 1
    while (
        j + 1 < len(pieces)
        and pieces[j].kind is TokenKind.SPACE
        and "\n" not in text[pieces[j].start : pieces[j].end]
        and langs[j + 1] is Lang.VI
        and pieces[j + 1].kind is TokenKind.WORD
    ):
        stretch.append(j + 1)
        j += 2
    return stretch


def _sentence_langs(text: str, pieces: list[_Piece], words: list[str]) -> list[Lang]:
    """The language of the sentence each piece belongs to."""
    spans = split_sentences(text) or [(0, len(text))]
    out: list[Lang] = []
    s = 0
    bounds: list[tuple[int, int]] = []
    for idx, p in enumerate(pieces):
        while s + 1 < len(spans) and p.start >= spans[s][1]:
            s += 1
        bounds.append((s, idx))
    by_sentence: dict[int, list[str]] = {}
    for s_idx, idx in bounds:
        if pieces[idx].kind is TokenKind.WORD:
            by_sentence.setdefault(s_idx, []).append(words[idx])
    lang_of = {}
    for s_idx, ws in by_sentence.items():
        share = _vi_share(Counter(ws))
        lang_of[s_idx] = Lang.VI if share is not None and share >= 0.5 else Lang.EN
    for s_idx, _ in bounds:
        out.append(lang_of.get(s_idx, Lang.EN))
    return out


def _word_langs(
    pieces: list[_Piece], words: list[str], sentence_langs: list[Lang]
) -> list[Lang | None]:
    """Language of each word piece (None for non-words)."""
    langs: list[Lang | None] = [
        _word_lang(w) if p.kind is TokenKind.WORD else None
        for p, w in zip(pieces, words, strict=True)
    ]
    ambiguous = [
        i for i, p in enumerate(pieces) if p.kind is TokenKind.WORD and langs[i] is None
    ]
    for i in ambiguous:
        if sentence_langs[i] is Lang.VI:
            langs[i] = Lang.VI
    changed = True
    while changed:
        changed = False
        for i in ambiguous:
            if langs[i] is None and _joins_vietnamese(pieces, words, langs, i):
                langs[i] = Lang.VI
                changed = True
    for i in ambiguous:
        if langs[i] is None:
            langs[i] = Lang.EN
    return langs


def _neighbour(pieces: list[_Piece], i: int, step: int) -> int | None:
    j = i + step
    if 0 <= j < len(pieces) and pieces[j].kind is TokenKind.SPACE:
        j += step
        if 0 <= j < len(pieces) and pieces[j].kind is TokenKind.WORD:
            return j
    return None


def _joins_vietnamese(
    pieces: list[_Piece], words: list[str], langs: list[Lang | None], i: int
) -> bool:
    """An ASCII syllable inside a Vietnamese name or phrase ("Phạm Minh Chính")."""
    left, right = _neighbour(pieces, i, -1), _neighbour(pieces, i, 1)
    vi = [j for j in (left, right) if j is not None and langs[j] is Lang.VI]
    if len(vi) == 2:
        return True
    return bool(vi) and words[i][:1].isupper() and words[vi[0]][:1].isupper()
