"""Find every glossary term in a text: whole words, leftmost-longest, over folded keys.

The text is folded character by character (case, tone marks and đ removed,
every non-alphanumeric character turned into a space), so a key such as
``"pham minh chinh"`` matches "Phạm Minh Chính", "PHAM MINH CHINH" and the NFD
spelling alike. A key is a sequence of folded words; it matches a run of whole
words of the folded text separated by exactly one space each.

Matching is word-level and vectorised with numpy (see `Automaton`): the folded
text is held as UTF-16 code units, cut into words, each word reduced to a
64-bit fingerprint, and runs of words are looked up by their combined
fingerprints in tables of the keys' prefixes. Only the few runs that pass are
checked exactly, in Python, against the keys themselves; a fingerprint never
decides a match, it only rules runs out.

For NFC text that folds one character to one character (nearly all text) the
folded offsets are the original ones; otherwise an array maps each folded code
unit back to the original character it came from.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # numpy is imported on first use: `import glossary` stays cheap
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["Automaton", "Hit", "fold_key", "fold_keys", "fold_text"]

_SPACE = 0x20
_DROP = 0xFFFE  # lookup value: the character folds to nothing (combining marks)
_SLOW = 0xFFFF  # lookup value: folds to several code units, or is a surrogate
_PAD = 4  # zero code units on each side of a folded text (see `_fingerprints`)
# Odd 64-bit constants (from splitmix64 / xxhash): an odd multiplier is a
# bijection modulo 2**64, so it never merges two different values.
_K_LEN, _K_HEAD, _K_TAIL = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9
_K_NEXT, _K_MIX = 0x100000001B3, 0xD6E8FEB86659FD93
_ALL = (1 << 64) - 1


@cache
def _masks() -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    """Masks keeping the first / last min(n, 4) code units of a word of n units."""
    import numpy as np

    head = [0] + [(1 << (16 * k)) - 1 for k in (1, 2, 3)] + [_ALL] * 60
    tail = [0] + [_ALL ^ ((1 << (16 * (4 - k))) - 1) for k in (1, 2, 3)]
    return np.array(head, np.uint64), np.array(tail + [_ALL] * 60, np.uint64)


def _fold_char(c: str) -> str:
    """The fold of one character: lower case without marks, or a space."""
    if c.isalnum():
        f = c.casefold().replace("đ", "d")
        return "".join(
            x for x in unicodedata.normalize("NFD", f) if not unicodedata.combining(x)
        )
    return "" if unicodedata.combining(c) else " "


@cache
def _table() -> dict[int, str]:
    """`str.translate` table of every BMP character that does not fold to itself."""
    table: dict[int, str] = {}
    for code in range(0x10000):
        c = chr(code)
        f = _fold_char(c)
        if f != c:
            table[code] = f
    return table


@cache
def _lookup_table() -> NDArray[np.uint16]:
    """Code unit → folded code unit, or `_DROP` / `_SLOW` (see above)."""
    import numpy as np

    lut = np.arange(0x10000, dtype=np.uint16)
    for code, f in _table().items():
        if not f:
            lut[code] = _DROP
        elif len(f) == 1 and (ord(f) < 0xD800 or 0xE000 <= ord(f) < _DROP):
            lut[code] = ord(f)
        else:
            lut[code] = _SLOW
    lut[0xD800:0xE000] = _SLOW  # astral characters and lone surrogates
    return lut


@lru_cache(maxsize=4096)
def _fold_units_of(c: str) -> str:
    return _fold_char(c)


class _Folded(NamedTuple):
    units: NDArray[np.uint16]  # folded UTF-16 code units, `_PAD` zeros each side
    starts: NDArray[np.intp] | None  # unit i came from text[starts[i]]; +len(text)


def _lookup(text: str) -> NDArray[np.uint16]:
    """`_lookup_table` of each UTF-16 code unit of `text`, `_PAD` zeros each side."""
    import numpy as np

    raw = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    units = np.zeros(len(raw) + 2 * _PAD, dtype=np.uint16)
    units[_PAD : _PAD + len(raw)] = _lookup_table()[raw]
    return units


def _is_one_to_one(body: NDArray[np.uint16]) -> bool:
    """Whether no unit of a `_lookup` body is `_DROP` or `_SLOW`."""
    return not len(body) or int(body.max()) < _DROP


def _fold_units(text: str) -> _Folded:
    """Fold `text` into UTF-16 code units; map back to `text` offsets if needed."""
    import numpy as np

    units = _lookup(text)
    body = units[_PAD:-_PAD]
    if _is_one_to_one(body):
        return _Folded(units, None)
    if (body == _SLOW).any():
        return _fold_mapped(text)
    # Only combining marks to drop (NFD text): still one code unit per char.
    keep = body != _DROP
    starts = np.flatnonzero(keep)
    kept = body[keep]
    units = np.zeros(len(kept) + 2 * _PAD, dtype=np.uint16)
    units[_PAD : _PAD + len(kept)] = kept
    return _Folded(units, np.append(starts, len(text)))


def _fold_mapped(text: str) -> _Folded:
    """The general path, one character at a time (astral characters, "ß", Hangul)."""
    import numpy as np

    table = _table()
    parts: list[str] = []
    starts: list[int] = []
    for i, c in enumerate(text):
        f = table.get(ord(c), c) if c <= "\uffff" else _fold_units_of(c)
        parts.append(f)
        width = len(f) + sum(1 for x in f if x > "\uffff")
        starts.extend([i] * width)
    starts.append(len(text))
    folded = "".join(parts).encode("utf-16-le", "surrogatepass")
    units = np.zeros(len(folded) // 2 + 2 * _PAD, dtype=np.uint16)
    units[_PAD:-_PAD] = np.frombuffer(folded, dtype=np.uint16)
    return _Folded(units, np.array(starts, dtype=np.intp))


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
    import numpy as np

    units, starts = _fold_units(text)
    body = units[_PAD:-_PAD]
    folded = body.tobytes().decode("utf-16-le", "surrogatepass")
    if starts is None:
        return folded, None
    # One entry per character: drop the second unit of each surrogate pair.
    second = (body >= 0xDC00) & (body < 0xE000)
    return folded, starts[np.append(~second, True)].tolist()


def fold_key(term: str) -> str:
    """The automaton key of a term: folded, spaces collapsed, no outer spaces."""
    if term.isascii() or all(c <= "\uffff" for c in term):
        folded = term.translate(_table())
    else:
        folded = "".join(map(_fold_units_of, term))
    return " ".join(folded.split())


def fold_keys(terms: Sequence[str]) -> list[str]:
    """`fold_key` of many terms at once: one vectorised fold of them all."""
    body = _lookup("\n".join(terms))[_PAD:-_PAD]
    if not _is_one_to_one(body):
        # Some term does not fold one to one. Not `_fold_units`: its mapped
        # path over the whole batch costs several times this loop.
        return [fold_key(t) for t in terms]
    # One code unit per character: each term keeps its offsets in the batch.
    folded = body.tobytes().decode("utf-16-le")
    out: list[str] = []
    pos = 0
    for term in terms:
        end = pos + len(term)
        out.append(" ".join(folded[pos:end].split()))
        pos = end + 1
    return out


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: offsets in the original text and the index of the key's entry."""

    start: int
    end: int
    entry: int


def _words(units: NDArray[np.uint16]) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Start and end (exclusive) unit offsets, unpadded, of every word."""
    import numpy as np

    n = len(units) - 2 * _PAD
    sep = np.empty(n + 2, dtype=bool)
    sep[0] = sep[-1] = True
    np.equal(units[_PAD : _PAD + n], _SPACE, out=sep[1:-1])
    edges = np.flatnonzero(sep[1:] != sep[:-1])
    return edges[0::2], edges[1::2]


def _fingerprints(
    units: NDArray[np.uint16], starts: NDArray[np.intp], ends: NDArray[np.intp]
) -> NDArray[np.uint64]:
    """A 64-bit fingerprint of each word: its length, first and last four units.

    Four consecutive code units are read as one unsigned 64-bit integer through
    an overlapping view; the `_PAD` zeros keep every read inside the buffer.
    """
    import numpy as np

    quads: NDArray[np.uint64] = np.ndarray(
        shape=(len(units) - 3,), dtype="<u8", buffer=units, strides=(2,)
    )
    head, tail = _masks()
    length = ends - starts
    fp: NDArray[np.uint64] = quads[starts + _PAD]
    fp &= head.take(length, mode="clip")
    fp *= np.uint64(_K_HEAD)
    tails = quads[ends + _PAD - 4]
    tails &= tail.take(length, mode="clip")
    tails *= np.uint64(_K_TAIL)
    fp ^= tails
    fp += length.astype(np.uint64) * np.uint64(_K_LEN)
    return fp


def _extend(hashes: NDArray[np.uint64], fp: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """The hash of a run of words, one word longer."""
    import numpy as np

    result: NDArray[np.uint64] = hashes * np.uint64(_K_NEXT) + fp
    return result


class Automaton:
    """An immutable multi-pattern matcher over folded keys.

    Args:
        keys: folded keys (see `fold_key`); key ``i`` reports entry ``i`` (the
            last one when a key repeats). Empty keys are ignored.
    """

    def __init__(self, keys: Sequence[str]) -> None:
        import numpy as np

        entries = {" ".join(k.split()): i for i, k in enumerate(keys)}
        entries.pop("", None)
        self._exact: dict[bytes, int] = {
            k.encode("utf-16-le", "surrogatepass"): i for k, i in entries.items()
        }
        distinct = list(self._exact)
        self._empty = not distinct
        n_words = np.array([len(k.split()) for k in entries], dtype=np.intp)
        self._longest = int(n_words.max()) if distinct else 0
        bits = max(16, int(4 * len(distinct) * 8).bit_length())
        self._shift = np.uint64(64 - bits)
        self._one = np.zeros(1 << bits, dtype=bool)  # one-word keys
        self._prefix = np.zeros(1 << bits, dtype=bool)  # 2+ word prefixes of keys
        self._full = np.zeros(1 << bits, dtype=bool)  # keys of 2+ words
        self._hashes = np.zeros(0, dtype=np.uint64)  # every key's hash, sorted
        if not self._empty:
            self._index(distinct, n_words)

    def _slot(self, hashes: NDArray[np.uint64]) -> NDArray[np.uint64]:
        import numpy as np

        slots: NDArray[np.uint64] = (hashes * np.uint64(_K_MIX)) >> self._shift
        return slots

    def _index(self, keys: list[bytes], n_words: NDArray[np.intp]) -> None:
        import numpy as np

        units = np.zeros(sum(map(len, keys)) // 2 + len(keys) + 2 * _PAD, np.uint16)
        units[_PAD:-_PAD] = np.frombuffer(b" \x00".join(keys) + b" \x00", np.uint16)
        fp = _fingerprints(units, *_words(units))
        word = np.concatenate(([0], np.cumsum(n_words)[:-1]))
        hashes, left = fp[word], n_words
        self._one[self._slot(hashes[left == 1])] = True
        done = [hashes[left == 1]]
        length = 1
        while len(word := word[left > length]):
            hashes, left = hashes[left > length], left[left > length]
            hashes = _extend(hashes, fp[word + length])
            length += 1
            self._prefix[self._slot(hashes)] = True
            self._full[self._slot(hashes[left == length])] = True
            done.append(hashes[left == length])
        self._hashes = np.unique(np.concatenate(done))

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """Whole-word, leftmost-longest, non-overlapping ``(start, end, entry)``."""
        if self._empty or not text:
            return []
        units, starts = _fold_units(text)
        ws, we = _words(units)
        found = self._candidates(units, ws, we)
        out = self._verify(units, ws, we, found)
        if starts is None:
            return out
        # Map only the hits' offsets: a list of all of `starts` costs a quarter
        # of the whole scan of an NFD text.
        begin = starts[[s for s, _, _ in out]].tolist()
        end = starts[[e for _, e, _ in out]].tolist()
        return [(b, e, hit[2]) for b, e, hit in zip(begin, end, out, strict=True)]

    def find(self, text: str) -> Iterator[Hit]:
        """Whole-word, leftmost-longest, non-overlapping matches in `text`."""
        for start, end, entry in self.matches(text):
            yield Hit(start, end, entry)

    def _candidates(
        self, units: NDArray[np.uint16], ws: NDArray[np.intp], we: NDArray[np.intp]
    ) -> NDArray[np.int32]:
        """For each word, the number of words of the longest key that may start there.

        Never too short: a key that matches always passes every table. It may
        be too long (or non-zero where nothing matches); `_verify` checks.
        """
        import numpy as np

        n = len(ws)
        fp = _fingerprints(units, ws, we)
        at: list[NDArray[np.intp]] = [np.flatnonzero(self._one[self._slot(fp)])]
        hashes_at = [fp[at[0]]]
        lengths = [1]
        word = np.arange(n - 1)
        hashes = _extend(fp[:-1], fp[1:])
        ok = ws[1:] == we[:-1] + 1
        length = 2
        while length <= self._longest and len(word):
            ok &= self._prefix[self._slot(hashes)]
            word, hashes = word[ok], hashes[ok]
            full = self._full[self._slot(hashes)]
            at.append(word[full])
            hashes_at.append(hashes[full])
            lengths.append(length)
            nxt = word + length
            inside = nxt < n
            word, hashes, nxt = word[inside], hashes[inside], nxt[inside]
            ok = ws[nxt] == we[nxt - 1] + 1
            hashes = _extend(hashes, fp[nxt])
            length += 1
        best = np.zeros(n, dtype=np.int32)
        for words, hashes, length in zip(at, hashes_at, lengths, strict=True):
            pos = np.searchsorted(self._hashes, hashes)
            pos[pos == len(self._hashes)] = 0
            best[words[self._hashes[pos] == hashes]] = length
        return best

    def _verify(
        self,
        units: NDArray[np.uint16],
        ws: NDArray[np.intp],
        we: NDArray[np.intp],
        best: NDArray[np.int32],
    ) -> list[tuple[int, int, int]]:
        """Check the candidates exactly, longest first; keep leftmost-longest."""
        import numpy as np

        at = np.flatnonzero(best)
        lengths = best[at]
        data = units.tobytes()
        exact = self._exact
        starts, ends = ws[at].tolist(), we[at + lengths - 1].tolist()
        out: list[tuple[int, int, int]] = []
        free = 0
        for i, length, s, e in zip(
            at.tolist(), lengths.tolist(), starts, ends, strict=True
        ):
            if i < free:
                continue
            entry = exact.get(data[2 * (s + _PAD) : 2 * (e + _PAD)])
            if entry is None:
                length, e, entry = self._shorter(data, ws, we, i, length)
                if entry is None:
                    continue
            out.append((s, e, entry))
            free = i + length
        return out

    def _shorter(
        self, data: bytes, ws: NDArray[np.intp], we: NDArray[np.intp], i: int, n: int
    ) -> tuple[int, int, int | None]:
        """The longest key of fewer than `n` words at word `i` (fingerprint clash).

        `_candidates` passes only runs of words one space apart, so every
        shorter run at `i` is one too.
        """
        s = int(ws[i])
        for length in range(n - 1, 0, -1):
            e = int(we[i + length - 1])
            entry = self._exact.get(data[2 * (s + _PAD) : 2 * (e + _PAD)])
            if entry is not None:
                return length, e, entry
        return 0, 0, None
