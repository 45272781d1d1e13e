"""Find every glossary term in a text: one Aho-Corasick pass over folded keys.

The text is folded character by character (case, tone marks and đ removed,
every non-alphanumeric character turned into a space), so a key such as
``" pham minh chinh"`` matches "Phạm Minh Chính", "PHAM MINH CHINH" and the
NFD spelling alike. Keys start with a space and the text is padded with one,
so a match always begins at a word boundary; the end is checked after the
match. For NFC text that folds one character to one character (nearly all
text) the folded offsets are the original ones; otherwise a table maps each
folded character back to the original character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import ahocorasick

__all__ = ["Automaton", "Hit", "fold_key", "fold_text"]


@cache
def _table() -> tuple[dict[int, str], re.Pattern[str]]:
    """The per-character fold table for the BMP, and a pattern of irregular chars.

    Irregular characters fold to zero or several characters (combining marks,
    "ß", ligatures); a text containing one needs the slow, mapped path.
    """
    table: dict[int, str] = {}
    irregular: list[str] = []
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        c = chr(code)
        if c.isalnum():
            f = c.casefold().replace("đ", "d")
            f = "".join(
                x
                for x in unicodedata.normalize("NFD", f)
                if not unicodedata.combining(x)
            )
        elif unicodedata.combining(c):
            f = ""
        else:
            f = " "
        if f != c:
            table[code] = f
        if len(f) != 1:
            irregular.append(re.escape(c))
    return table, re.compile("[" + "".join(irregular) + "]")


def fold_text(text: str) -> tuple[str, list[int] | None]:
    """Fold `text` for matching; return it with a map back to `text` offsets.

    Args:
        text: any text (NFC or not).

    Returns:
        The folded text and, when its offsets differ from the original's, a list
        `starts` of length ``len(folded) + 1`` where ``starts[i]`` is the offset in
        `text` of the character folded character ``i`` came from (the last entry
        is ``len(text)``); None when offsets are the same.
    """
    table, irregular = _table()
    if not irregular.search(text):
        return _translate(text, table), None
    out: list[str] = []
    starts: list[int] = []
    for i, c in enumerate(text):
        f = table.get(ord(c), c)
        out.append(f)
        starts.extend([i] * len(f))
    starts.append(len(text))
    return "".join(out), starts


def _translate(text: str, table: dict[int, str]) -> str:
    """`text.translate(table)` for one-to-one tables, with numpy when present.

    numpy (optional) does one table lookup per code point over a UTF-32 view,
    about three times faster than `str.translate` on mixed text.
    """
    lut = _numpy_table() if len(text) > 4096 else None
    if lut is None:
        return text.translate(table)
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    folded = np.where(codes < 0x10000, lut[np.minimum(codes, 0xFFFF)], codes)
    return folded.astype("<u4").tobytes().decode("utf-32-le")


@cache
def _numpy_table() -> Any:
    try:
        import numpy as np
    except ImportError:
        return None
    lut = np.arange(0x10000, dtype=np.uint32)
    for code, f in _table()[0].items():
        if len(f) == 1:
            lut[code] = ord(f)
    return lut


def fold_key(term: str) -> str:
    """The automaton key of a term: folded, spaces collapsed, no outer spaces."""
    return " ".join(fold_text(term)[0].split())


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: offsets in the original text and the index of the key's entry."""

    start: int
    end: int
    entry: int


class Automaton:
    """An immutable multi-pattern matcher over folded keys.

    Args:
        keys: folded keys (see `fold_key`); key ``i`` reports entry ``i``.
            Empty keys are ignored.
    """

    def __init__(self, keys: Sequence[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for i, key in enumerate(keys):
            if key:
                self._automaton.add_word(" " + key, (i, len(key)))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> Iterator[Hit]:
        """Whole-word, leftmost-longest, non-overlapping matches in `text`."""
        if self._empty or not text:
            return
        folded, starts = fold_text(text)
        padded = " " + folded
        n = len(padded)
        for last, (entry, length) in self._automaton.iter_long(padded):
            after = last + 1
            if after < n and padded[after].isalnum():
                continue
            # padded offset p is folded offset p - 1
            fstart, fend = after - length - 1, after - 1
            if starts is None:
                yield Hit(fstart, fend, entry)
            else:
                yield Hit(starts[fstart], _end(starts, fend, text), entry)


def _end(starts: list[int], fend: int, text: str) -> int:
    """Original end offset: after the last character and its combining marks."""
    end = starts[fend - 1] + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end
