"""Vietnamese-aware text core: NFC, search keys, tone styles, syllables, tokens.

Pure functions over strings; nothing here knows about files, SQLite or the UI.
Every function gives the same result for NFC and NFD input (macOS writes NFD).

Text keys, one family (docs/text.md, "The key family", says which to use):
`fold` (case, diacritics, đ→d, whitespace) is the search key; `name_key` is
`fold` without spaces, hyphens and dots (the name key); `annotate.fold_key`
and `annotate.fold_text` are `fold` one code unit per character, for the
term automaton; `to_new_style`/`to_old_style` with casefold compare
Vietnamese spellings keeping their marks. Keys elsewhere only wrap these
(a cache, per word) or say why they keep what `fold` forgets.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from glossary.text.segment import Backend
from glossary.text.sentences import split_sentences
from glossary.text.syllable import is_vietnamese_syllable, to_new_style, to_old_style
from glossary.text.tokens import (
    Lang,
    Token,
    TokenKind,
    detect_language,
    language_sample,
    tokenize,
)

__all__ = [
    "Backend",
    "Lang",
    "Token",
    "TokenKind",
    "detect_language",
    "fold",
    "is_vietnamese_syllable",
    "is_vietnamese_text",
    "language_sample",
    "name_key",
    "nfc",
    "split_sentences",
    "to_new_style",
    "to_old_style",
    "tokenize",
    "without_invisible",
]

# What `name_key` drops between the parts of a name (a regex character-class
# body): white space, hyphens and dashes, dots.
NAME_JOINER_CHARS = r"\s\-‐‑‒–—."
_NAME_JOINERS = re.compile(f"[{NAME_JOINER_CHARS}]+")


def nfc(s: str) -> str:
    """Return `s` in Unicode NFC, the form all text is stored and compared in."""
    return s if unicodedata.is_normalized("NFC", s) else unicodedata.normalize("NFC", s)


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


@cache
def _other_runs() -> re.Pattern[str]:
    """Runs of characters the fast path cannot fold (outside ASCII and Latin).

    The fast path lowercases, decomposes (NFD) and drops every non-ASCII
    code point, which is exact for ASCII, for Latin letters whose
    decomposition is ASCII plus combining marks (all of Vietnamese), for đ/Đ
    and for the combining marks themselves. Everything else goes through
    `_fold_slow`; no canonical composition joins an ASCII letter to a
    following non-combining character, so folding the runs apart is exact.
    """
    fast = [
        chr(code)
        for code in range(0x80, 0x2000)
        if chr(code) in "đĐ" or _is_fast_exact(chr(code))
    ]
    body = "".join(re.escape(c) for c in fast)
    return re.compile(f"([^\\x00-\\x7f{body}]+)")


# The combining marks of Latin letters: Vietnamese uses 0300 0301 0302 0303
# 0306 0309 031B 0323; French, German, Polish, Czech... the rest.
_LATIN_MARKS = tuple(
    "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u0309\u030a"
    "\u030b\u030c\u031b\u0323\u0324\u0326\u0327\u0328\u0331"
)


@cache
def _unsafe() -> re.Pattern[str]:
    """Non-ASCII characters other than punctuation and symbols that fold to
    themselves and never compose (Latin-1 and general punctuation, currency)."""
    blocks = [(0xA0, 0xC0), (0x2000, 0x2070), (0x20A0, 0x20D0), (0x2100, 0x2200)]
    safe = [
        chr(c)
        for lo, hi in blocks
        for c in range(lo, hi)
        if unicodedata.category(chr(c))[0] in "PSZ"
        and _fold_slow(chr(c)) == chr(c)
        and unicodedata.normalize("NFD", chr(c)) == chr(c)
    ]
    body = "".join(re.escape(c) for c in safe)
    return re.compile(f"[^\\x00-\\x7f{body}]")


def _is_fast_exact(ch: str) -> bool:
    # Every non-ASCII code point of the decomposition must be a combining
    # mark (the slow path drops those too); anything else would be lost.
    decomposed = unicodedata.normalize("NFD", ch.lower())
    if not all(c.isascii() or unicodedata.combining(c) for c in decomposed):
        return False
    return _fast_fold(ch) == _fold_slow(ch)


def _fast_fold(s: str) -> str:
    d = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    return d.encode("ascii", "ignore").decode("ascii")


def fold(s: str) -> str:
    """Search key: casefold, strip every diacritic (đ→d), collapse whitespace.

    ASCII and Latin text with diacritics (all of Vietnamese) take a fast path
    of C-level calls (lower, NFD, ASCII encode); only runs of other
    characters (curly quotes, other scripts) go through casefold-NFD-strip.

    Args:
        s: Any text, NFC or NFD.

    Returns:
        The folded key.

    >>> fold("Phạm  Minh Chính")
    'pham minh chinh'
    """
    if s.isascii():
        return " ".join(s.lower().split())
    low = s.lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", low)
    key = decomposed.encode("ascii", "ignore")
    if len(key) == len(low):
        # Each character lost only combining marks: checked over all of
        # Unicode, this is exactly the slow path's result.
        return " ".join(key.decode("ascii").split())
    # Latin text with punctuation such as – ’ “ (most real lines): drop the
    # marks and check that only self-folding punctuation is left.
    stripped = decomposed
    for mark in _LATIN_MARKS:  # str.replace beats a regex sub fourfold here
        if mark in stripped:
            stripped = stripped.replace(mark, "")
    if stripped.isascii() or _unsafe().search(stripped) is None:
        return " ".join(stripped.split())
    parts = _other_runs().split(s)
    folded = [
        _fold_slow(part) if i % 2 else _fast_fold(part) for i, part in enumerate(parts)
    ]
    joined = "".join(folded)
    if not unicodedata.is_normalized("NFC", joined):
        # a dropped mark between two slow runs (Hangul jamo) let them compose
        joined = _fold_slow(joined)
    return " ".join(joined.split())


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
