"""Which of many short strings contain a word: numpy over their joined bytes.

The concept filter asks this at each keystroke, over every concept's folded
keys (500,000 concepts: 30 MB). A Python `in` per string costs 50-150 ms
there; this index answers from arrays:

- one ASCII letter, digit or space: each string's character set is a 64-bit
  mask, one AND over the strings;
- a longer word: the byte offsets where it occurs, found from the offsets of
  a shorter word it contains (typing narrows: "ngu" checks one byte after
  each "ng") or, for a new word, from the offsets of its rarest byte (kept
  for every byte: 4 bytes a byte of text); each check is one numpy gather
  over the offsets still in play;
- offsets become string numbers through a table of the string starting at
  each 32-byte block (a step or two forward from there), not a binary search.

Answers are sorted arrays of string numbers (the strings' order).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

Picked = npt.NDArray[np.int64]

_BLOCK = 32  # bytes per entry of the offset -> string table
_CHUNK = 65_536  # strings per step when building the character sets
_EXACT = {  # bytes with a bit of their own in the character set
    **{c: i for i, c in enumerate(range(ord("a"), ord("z") + 1))},
    **{c: 26 + i for i, c in enumerate(range(ord("0"), ord("9") + 1))},
    ord(" "): 36,
}


def _bit_table() -> npt.NDArray[np.uint64]:
    """Byte -> its character-set bit; other bytes share the upper 27 bits."""
    table = np.zeros(256, np.uint64)
    for byte in range(1, 256):
        bit = _EXACT.get(byte, 37 + byte % 27)
        table[byte] = np.uint64(1) << np.uint64(bit)
    return table


_BITS = _bit_table()


class SubstringIndex:
    """The strings, joined, with what makes `containing` fast.

    The last `CACHED` answers are kept, and the offsets of words typed
    before (at most `OFFSETS` of them in all, 8 bytes each) to narrow from.
    """

    CACHED = 64
    OFFSETS = 6_000_000

    def __init__(self, strings: Sequence[str]) -> None:
        self.strings = strings
        joined = ("\0".join(strings) + "\0").encode()
        self._bytes = np.frombuffer(joined, np.uint8)
        ends = np.flatnonzero(self._bytes == 0)
        # a NUL inside a string would shift every string number after it
        self._plain = len(ends) == len(strings)
        self._starts = np.concatenate(([0], ends + 1)).astype(np.int64)
        self._counts = np.bincount(self._bytes, minlength=256)
        self._by_byte, self._byte_start = self._offsets_by_byte()
        self._block_first = (
            np.searchsorted(
                self._starts[:-1], np.arange(0, len(joined), _BLOCK), "right"
            )
            - 1
        )
        self._charsets = self._character_sets()
        self._answers: OrderedDict[str, Picked] = OrderedDict()
        self._offsets: OrderedDict[str, Picked] = OrderedDict()

    def _offsets_by_byte(self) -> tuple[npt.NDArray[np.uint32], list[int]]:
        """Every byte offset, grouped by the byte there (4 bytes a byte of text).

        A new word starts from the offsets of its rarest byte without
        comparing every byte of the text (30 MB: most of a keystroke).
        """
        start = [0, *np.cumsum(self._counts).tolist()]
        out = np.empty(len(self._bytes), np.uint32)
        for byte in np.flatnonzero(self._counts):
            out[start[byte] : start[byte + 1]] = np.flatnonzero(self._bytes == byte)
        return out, start

    def _character_sets(self) -> npt.NDArray[np.uint64]:
        """Per string, the OR of its bytes' bits (in chunks: 8 bytes a byte)."""
        n = len(self.strings)
        out = np.zeros(n, np.uint64)
        for lo in range(0, n, _CHUNK):
            hi = min(n, lo + _CHUNK)
            a, b = self._starts[lo], self._starts[hi]
            bits = _BITS[self._bytes[a:b]]
            out[lo:hi] = np.bitwise_or.reduceat(bits, self._starts[lo:hi] - a)
        return out

    def containing(self, word: str) -> Picked:
        """The numbers of the strings containing `word`, in order."""
        hit = self._answers.get(word)
        if hit is not None:
            self._answers.move_to_end(word)
            return hit
        needle = word.encode()
        if not needle:
            out = np.arange(len(self.strings), dtype=np.int64)
        elif not self._plain or 0 in needle:
            out = self._scan(word, range(len(self.strings)))
        elif len(needle) == 1 and needle[0] in _EXACT:
            out = np.flatnonzero(self._charsets & _BITS[needle[0]]).astype(np.int64)
        else:
            out = self._searched(word, needle)
        _remember(self._answers, word, out, self.CACHED)
        return out

    def cheap(self, word: str, offsets: int = 3_000_000) -> bool:
        """Whether `containing(word)` is answered without a scan of every byte.

        True when answered before, for one letter or digit, or when a word it
        contains was typed before (with at most `offsets` occurrences).
        """
        needle = word.encode()
        if word in self._answers or (len(needle) == 1 and needle[0] in _EXACT):
            return True
        return any(w in word and len(o) <= offsets for w, o in self._offsets.items())

    def _searched(self, word: str, needle: bytes) -> Picked:
        small = self._small_base(word)
        if small is not None:  # a few strings: Python's `in` over them is quicker
            return self._scan(word, small.tolist())
        at = self._occurrences(word, needle)
        _remember(self._offsets, word, at, self.CACHED)
        while sum(len(o) for o in self._offsets.values()) > self.OFFSETS:
            self._offsets.popitem(last=False)
        return _distinct(self._string_of(at))

    def _small_base(self, word: str, strings: int = 2_000) -> Picked | None:
        """The answer of a word `word` contains, when it holds few strings."""
        bases = [a for w, a in self._answers.items() if w in word and len(a) <= strings]
        return min(bases, key=len) if bases else None

    def _occurrences(self, word: str, needle: bytes) -> Picked:
        """Byte offsets of every occurrence of `needle`."""
        data, m = self._bytes, len(needle)
        bases = [(len(o), w) for w, o in self._offsets.items() if w in word]
        if bases:
            base = min(bases)[1]
            known = base.encode()
            shift = needle.find(known)
            at = self._offsets[base] - shift
            todo = [k for k in range(m) if not shift <= k < shift + len(known)]
        else:
            rarest = min(range(m), key=lambda k: self._counts[needle[k]])
            byte = needle[rarest]
            found = self._by_byte[self._byte_start[byte] : self._byte_start[byte + 1]]
            at = found.astype(np.int64) - rarest
            todo = [k for k in range(m) if k != rarest]
        at = at[(at >= 0) & (at <= len(data) - m)]
        for k in sorted(todo, key=lambda k: self._counts[needle[k]]):
            at = at[data[at + k] == needle[k]]
        return at

    def _string_of(self, at: Picked) -> Picked:
        """The string holding each byte offset (sorted offsets)."""
        number = self._block_first[at // _BLOCK]
        starts = self._starts
        while True:  # a few steps: one per string starting inside the block
            ahead = starts[number + 1] <= at
            if not ahead.any():
                return number
            number = number + ahead

    def _scan(self, word: str, numbers: Sequence[int]) -> Picked:
        strings = self.strings
        return np.array([i for i in numbers if word in strings[i]], np.int64)


def _distinct(numbers: Picked) -> Picked:
    """Each number once (they come sorted)."""
    if len(numbers) < 2:
        return numbers
    keep = np.empty(len(numbers), bool)
    keep[0] = True
    np.not_equal(numbers[1:], numbers[:-1], out=keep[1:])
    return numbers[keep]


def _remember(
    cache: OrderedDict[str, Picked], key: str, value: Picked, size: int
) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > size:
        cache.popitem(last=False)
