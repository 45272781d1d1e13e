"""Vietnamese-aware text core: NFC, search keys, tone styles, syllables, tokens.

Pure functions over strings; nothing here knows about files, SQLite or the UI.
Every function gives the same result for NFC and NFD input (macOS writes NFD).

Text keys, one family (docs/text.md, "The key family", says which to use):
`fold` (case, diacritics, đ→d, whitespace) is the search key; `name_key` is
`fold` without spaces, hyphens and dots (the name key); `fold_same_length`
is `fold` one character at a time (offsets kept); `marked_key` forgets case,
tone style and extra whitespace only (hòa = hoà ≠ hoa), a readable key in the
new style; `word_key` forgets the same per syllable, wherever the tone mark
sits (a segmenter's rewrites); `annotate.fold_key` and `annotate.fold_text`
are `fold` one code unit per character, for the term automaton. Keys
elsewhere only wrap these (a cache, per word) or say why they keep what `fold` forgets.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from glossary.text.segment import Backend
from glossary.text.sentences import split_sentences
from glossary.text.syllable import is_vietnamese_syllable, to_new_style, to_old_style
from glossary.text.tokens import (
    Lang,
    Token,
    TokenKind,
    detect_language,
    detects_vietnamese,
    language_sample,
    tokenize,
)

if TYPE_CHECKING:
    from _codecs import _EncodingMap

__all__ = [
    "Backend",
    "Lang",
    "Token",
    "TokenKind",
    "detect_language",
    "detects_vietnamese",
    "fold",
    "fold_same_length",
    "is_vietnamese_syllable",
    "is_vietnamese_text",
    "language_sample",
    "marked_key",
    "name_key",
    "nfc",
    "split_sentences",
    "to_new_style",
    "to_old_style",
    "tokenize",
    "without_invisible",
    "word_key",
]

# What `name_key` drops between the parts of a name (a regex character-class
# body): white space, hyphens and dashes, dots.
NAME_JOINER_CHARS = r"\s\-‐‑‒–—."
_NAME_JOINERS = re.compile(f"[{NAME_JOINER_CHARS}]+")


def nfc(s: str) -> str:
    """Return `s` in Unicode NFC, the form all text is stored and compared in."""
    if s.isascii() or unicodedata.is_normalized("NFC", s):  # isascii is O(1)
        return s
    return unicodedata.normalize("NFC", s)


# Zero-width space, word joiner, BOM; LRM/RLM; bidi embeddings, overrides and
# isolates: invisible, yet they split one name into two. Not ZWJ/ZWNJ, which
# some scripts spell words with.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def without_invisible(s: str) -> str:
    """`s` without zero-width and bidi control characters."""
    return _INVISIBLE.sub("", s) if not s.isascii() else s


# --- fold -----------------------------------------------------------------


def _fold_slow(s: str) -> str:
    """Reference fold: casefold, NFD, drop combining marks, recompose."""
    s = unicodedata.normalize("NFD", s.casefold().replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = unicodedata.normalize("NFC", s)
    return s.casefold() if not s.isascii() else s


# The combining marks of Latin letters: Vietnamese uses 0300 0301 0302 0303
# 0306 0309 031B 0323; French, German, Polish, Czech... the rest.
_LATIN_MARKS = tuple(
    "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u0309\u030a"
    "\u030b\u030c\u031b\u0323\u0324\u0326\u0327\u0328\u0331"
)


@cache
def _self_folding() -> tuple[str, ...]:
    """Non-ASCII punctuation, symbols and spaces that fold to themselves and
    never compose: Latin-1 and general punctuation, currency, letterlike
    symbols and arrows."""
    blocks = [(0xA0, 0xC0), (0x2000, 0x2070), (0x20A0, 0x20D0), (0x2100, 0x2200)]
    return tuple(
        chr(c)
        for lo, hi in blocks
        for c in range(lo, hi)
        if unicodedata.category(chr(c))[0] in "PSZ"
        and _fold_slow(chr(c)) == chr(c)
        and unicodedata.normalize("NFD", chr(c)) == chr(c)
    )


@cache
def _unsafe() -> re.Pattern[str]:
    """Runs of non-ASCII characters other than the self-folding ones: what is
    left for the slow path once Latin marks are dropped."""
    body = "".join(re.escape(c) for c in _self_folding())
    return re.compile(f"[^\\x00-\\x7f{body}]+")


@cache
def _charmaps() -> tuple[dict[int, int] | _EncodingMap, str]:
    """The `codecs.charmap` tables of fold's fast path. Encoding keeps ASCII
    and the first 128 self-folding characters (as bytes 0x80-0xFF: Latin-1,
    then general punctuation, then currency) and drops everything else (the
    marks of an NFD text); decoding gives them back, every space as " "."""
    kept = "".join(map(chr, range(128))) + "".join(_self_folding()[:128])
    decoded = "".join(" " if c.isspace() else c for c in kept)
    return codecs.charmap_build(kept), decoded


# White space other than space, tab, CR and LF (what `str.split` splits on).
_RARE_SPACE = re.compile(
    "[\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)


def _collapse(s: str) -> str:
    """`" ".join(s.split())`; for long texts without rare spaces, with str.replace
    (splitting a whole text makes an object per word: the slowest step)."""
    if len(s) < 512:
        return " ".join(s.split())
    s = s.replace("\n", " ").replace("\t", " ").replace("\r", " ")
    if _RARE_SPACE.search(s):
        return " ".join(s.split())
    while "  " in s:
        s = s.replace("  ", " ")
    return s.strip(" ")


def _squeeze(s: str) -> str:
    """`_collapse` of a text whose only white space is " "."""
    if len(s) < 512:
        return " ".join(s.split())
    while "  " in s:
        s = s.replace("  ", " ")
    return s.strip(" ")


def _fold_run(m: re.Match[str]) -> str:
    return _fold_slow(m.group())


def fold(s: str) -> str:
    """Search key: casefold, strip every diacritic (đ→d), collapse whitespace.

    ASCII and Latin text with diacritics (all of Vietnamese), with common
    punctuation and symbols (– ’ “ € ₫), take a fast path of C-level calls
    (lower, NFD, an encode that drops the marks); only runs of other
    characters (ə, ı, ™, other scripts) go through casefold-NFD-strip.

    Args:
        s: Any text, NFC or NFD.

    Returns:
        The folded key.

    >>> fold("Phạm  Minh Chính")
    'pham minh chinh'
    """
    if s.isascii():
        return _collapse(s.lower())
    if len(s) > _PIECE:
        pieces = _pieces(s)
        if len(pieces) > 1:
            return " ".join(filter(None, map(fold, pieces)))
    low = s.lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", low)
    # Each character kept one ASCII or self-folding character and lost only
    # combining marks: tests/test_text.py checks over all of Unicode that no
    # character keeps two, and that this is the slow path's result. ASCII
    # alone first: for a word, the cheaper calls.
    key = decomposed.encode("ascii", "ignore")
    if len(key) == len(low):
        return _collapse(key.decode("ascii"))
    encoding, decoding = _charmaps()
    kept, _ = codecs.charmap_encode(decomposed, "ignore", encoding)
    if len(kept) == len(low):
        return _squeeze(codecs.charmap_decode(kept, "strict", decoding)[0])
    # Latin letters beside other characters (ə, ı, ™, other scripts): drop
    # the marks and fold only the runs left over the slow way.
    stripped = decomposed
    for mark in _LATIN_MARKS:  # str.replace beats a regex sub fourfold here
        if mark in stripped:
            stripped = stripped.replace(mark, "")
    # lower-then-casefold is casefold, and NFD of a run is itself.
    joined, slow = _unsafe().subn(_fold_run, stripped)
    if slow and not unicodedata.is_normalized("NFC", joined):
        # a dropped mark between two slow runs (Hangul jamo) let them compose
        joined = _fold_slow(joined)
    return _collapse(joined)


# A long text that is not ASCII is folded in pieces of about this many
# characters, each cut before a space: each of fold's passes then stays in
# the CPU's cache, and a character only the slow path folds (ə, ™) sends only
# its piece down it. No step of fold looks across a space, so the pieces'
# keys joined by one space are the whole text's (tests/test_text.py).
_PIECE = 1 << 20


def _pieces(s: str) -> list[str]:
    """`s` cut before a space every `_PIECE` characters or so."""
    pieces, start = [], 0
    while (cut := s.find(" ", start + _PIECE)) > 0:
        pieces.append(s[start:cut])
        start = cut
    pieces.append(s[start:])
    return pieces


def name_key(s: str) -> str:
    """Key for names: `fold` without spaces, hyphens and dots.

    "Hà Nội", "Ha Noi", "Hanoi" and "HÀ NỘI" share one key; so do
    "Việt Nam" and "Vietnam".

    Args:
        s: A name, NFC or NFD.

    Returns:
        The key.

    >>> name_key("HÀ NỘI") == name_key("Hanoi")
    True
    """
    return _NAME_JOINERS.sub("", fold(s))


def fold_same_length(text: str) -> str:
    """`fold` one character at a time, so that offsets into the key are offsets
    into `text`; a character whose fold is not one character is lower-cased.

    Args:
        text: Any text.

    Returns:
        A key of the same length as `text` (white space becomes a space).

    >>> fold_same_length("Ủy  ban")
    'uy  ban'
    """
    return text.translate(_SAME_LENGTH)


class _SameLengthTable(dict[int, str]):
    """`str.translate` table of `fold_same_length`, filled as characters come."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        k = fold(c) if not c.isspace() else " "
        self[code] = out = k if len(k) == 1 else c.lower()
        return out


_SAME_LENGTH = _SameLengthTable()


# A Vietnamese build asks for the same places' names in every document.
@lru_cache(maxsize=65536)
def marked_key(s: str) -> str:
    """Key for Vietnamese spellings: case, tone style and whitespace forgotten,
    the marks kept.

    "Ủy ban nhân dân", "uỷ  ban nhân dân" and "ỦY BAN NHÂN DÂN" share one key;
    "Đức" (Germany) and "Duc" (a given name) do not, as they would under
    `fold`. Unlike `word_key` the key reads as text (NFC, the new style), so
    it can name a term ("term:vi:uỷ ban").

    Args:
        s: A Vietnamese spelling, NFC or NFD, in either tone-mark style.

    Returns:
        The key, NFC, in the new tone style.

    >>> marked_key("Ủy ban") == marked_key("uỷ ban")
    True
    """
    return " ".join(to_new_style(s).casefold().split())


# Vietnamese tone marks (grave, acute, tilde, hook above, dot below) in NFD.
_TONES = "\u0300\u0301\u0303\u0309\u0323"


@lru_cache(maxsize=65536)
def word_key(s: str) -> str:
    """Key of a Vietnamese word keeping its letters: lower case, each syllable's
    tone marks moved to its end, so both tone styles share one key.

    Unlike `fold`, the marks stay: "Mai" (a surname) and "Mãi" differ, but
    "Ủy" and "Uỷ" (the two styles a segmenter may rewrite) do not.

    Args:
        s: A word or phrase, NFC or NFD.

    Returns:
        The key (NFD, syllables joined by one space).

    >>> word_key("Uỷ ban") == word_key("Ủy Ban")
    True
    """
    out = []
    for syl in s.lower().split():
        d = unicodedata.normalize("NFD", syl)
        out.append(
            "".join(c for c in d if c not in _TONES)
            + "".join(sorted(c for c in d if c in _TONES))
        )
    return " ".join(out)


# --- syllables in running text ---------------------------------------------


def is_vietnamese_text(s: str, *, ascii_ok: bool = False) -> bool:
    """Whether every space- or hyphen-separated part of `s` is a syllable.

    The multi-syllable companion of `is_vietnamese_syllable`:
    ``is_vietnamese_text("Hung Yen", ascii_ok=True)`` is True,
    ``is_vietnamese_text("Anatoly Sivak", ascii_ok=True)`` is False.

    Args:
        s: A name or phrase.
        ascii_ok: Accept parts written without diacritics when some
            diacritized spelling of them is a syllable.

    Returns:
        True when there is at least one part and every part is a syllable.
    """
    parts = [p for p in re.split(r"[\s\-‐‑]+", nfc(s)) if p]
    return bool(parts) and all(
        is_vietnamese_syllable(p, ascii_ok=ascii_ok) for p in parts
    )
