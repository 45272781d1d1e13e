"""Find every glossary term in a text: whole words, leftmost-longest, over folded keys.

The text is folded character by character (case, tone marks and đ removed,
every non-alphanumeric character turned into a space), so a key such as
``"pham minh chinh"`` matches "Phạm Minh Chính", "PHAM MINH CHINH" and the NFD
spelling alike. A key is a sequence of folded words; it matches a run of whole
words of the folded text separated by exactly one space each.

Matching is word-level and vectorised with numpy (see `Automaton`): the folded
text is held as UTF-16 code units, cut into words, each word reduced to a
64-bit fingerprint, and runs of words are looked up by their combined
fingerprints in tables of the keys' prefixes. The runs that pass are
compared exactly with the keys, four code units at a time, still in numpy
(only a fingerprint clash goes to Python), and come out as arrays: a
fingerprint never decides a match, and no Python object is made per match.

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

from glossary.text.word_runs import (
    PAD,
    extend,
    fingerprints,
    leftmost,
    quads,
    unit_masks,
    word_bounds,
)

__all__ = ["Automaton", "Hit", "fold_key", "fold_keys", "fold_text"]

_K_MIX = 0xD6E8FEB86659FD93  # odd: spreads a run hash over the table slots
_DROP = 0xFFFE  # lookup value: the character folds to nothing (combining marks)
_SLOW = 0xFFFF  # lookup value: folds to several code units, or is a surrogate


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
    units: NDArray[np.uint16]  # folded UTF-16 code units, `PAD` zeros each side
    starts: NDArray[np.intp] | None  # unit i came from text[starts[i]]; +len(text)


def _lookup(text: str) -> NDArray[np.uint16]:
    """`_lookup_table` of each UTF-16 code unit of `text`, `PAD` zeros each side."""
    import numpy as np

    raw = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    units = np.zeros(len(raw) + 2 * PAD, dtype=np.uint16)
    units[PAD : PAD + len(raw)] = _lookup_table()[raw]
    return units


def _is_one_to_one(body: NDArray[np.uint16]) -> bool:
    """Whether no unit of a `_lookup` body is `_DROP` or `_SLOW`."""
    return not len(body) or int(body.max()) < _DROP


def _fold_units(text: str) -> _Folded:
    """Fold `text` into UTF-16 code units; map back to `text` offsets if needed."""
    import numpy as np

    units = _lookup(text)
    body = units[PAD:-PAD]
    if _is_one_to_one(body):
        return _Folded(units, None)
    if (body == _SLOW).any():
        return _fold_mapped(text)
    # Only combining marks to drop (NFD text): still one code unit per char.
    keep = body != _DROP
    starts = np.flatnonzero(keep)
    kept = body[keep]
    units = np.zeros(len(kept) + 2 * PAD, dtype=np.uint16)
    units[PAD : PAD + len(kept)] = kept
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
    units = np.zeros(len(folded) // 2 + 2 * PAD, dtype=np.uint16)
    units[PAD:-PAD] = np.frombuffer(folded, dtype=np.uint16)
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
    body = units[PAD:-PAD]
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
    body = _lookup("\n".join(terms))[PAD:-PAD]
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

        units = np.zeros(sum(map(len, keys)) // 2 + len(keys) + 2 * PAD, np.uint16)
        units[PAD:-PAD] = np.frombuffer(b" \x00".join(keys) + b" \x00", np.uint16)
        fp = fingerprints(units, *word_bounds(units))
        word = np.concatenate(([0], np.cumsum(n_words)[:-1]))
        key_hash = np.zeros(len(keys), dtype=np.uint64)
        hashes, left, kid = fp[word], n_words, np.arange(len(keys))
        self._one[self._slot(hashes[left == 1])] = True
        key_hash[kid[left == 1]] = hashes[left == 1]
        length = 1
        while len(word := word[left > length]):
            more = left > length
            hashes, left, kid = hashes[more], left[more], kid[more]
            hashes = extend(hashes, fp[word + length])
            length += 1
            self._prefix[self._slot(hashes)] = True
            self._full[self._slot(hashes[left == length])] = True
            key_hash[kid[left == length]] = hashes[left == length]
        self._keyed(keys, key_hash, units)

    def _keyed(
        self, keys: list[bytes], key_hash: NDArray[np.uint64], units: NDArray[np.uint16]
    ) -> None:
        """The sorted key hashes, the key of each (-1: shared) and the keys' units."""
        import numpy as np

        order = np.argsort(key_hash, kind="stable")
        ordered = key_hash[order]
        first = np.flatnonzero(np.append(True, ordered[1:] != ordered[:-1]))
        self._hashes = ordered[first]
        self._hash_key = order[first]
        shared = np.diff(np.append(first, len(ordered))) > 1
        self._hash_key[shared] = -1  # two keys, one hash: checked in Python
        self._key_units = units
        lengths = np.array([len(k) // 2 for k in keys], dtype=np.intp)
        self._key_len = lengths
        self._key_at = PAD + np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
        self._key_entry = np.array([self._exact[k] for k in keys], dtype=np.intp)

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """Whole-word, leftmost-longest, non-overlapping ``(start, end, entry)``."""
        start, end, entry = self.match_arrays(text)
        return list(zip(start.tolist(), end.tolist(), entry.tolist(), strict=True))

    def match_arrays(
        self, text: str
    ) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.intp]]:
        """`matches` as three arrays (start, end, entry): no object per match."""
        import numpy as np

        if self._empty or not text:
            none = np.zeros(0, dtype=np.intp)
            return none, none, none
        units, starts = _fold_units(text)
        ws, we = word_bounds(units)
        best, slot = self._candidates(units, ws, we)
        begin, end, entry = self._verify(units, ws, we, best, slot)
        if starts is None:
            return begin, end, entry
        # Map only the hits' offsets: a list of all of `starts` costs a quarter
        # of the whole scan of an NFD text.
        return starts[begin], starts[end], entry

    def find(self, text: str) -> Iterator[Hit]:
        """Whole-word, leftmost-longest, non-overlapping matches in `text`."""
        for start, end, entry in self.matches(text):
            yield Hit(start, end, entry)

    def _candidates(
        self, units: NDArray[np.uint16], ws: NDArray[np.intp], we: NDArray[np.intp]
    ) -> tuple[NDArray[np.int32], NDArray[np.intp]]:
        """For each word, the number of words of the longest key that may start there.

        Never too short: a key that matches always passes every table. It may
        be too long (or non-zero where nothing matches); `_verify` checks.
        Also returned: where that run's hash is in `_hashes`.
        """
        import numpy as np

        n = len(ws)
        fp = fingerprints(units, ws, we)
        at: list[NDArray[np.intp]] = [np.flatnonzero(self._one[self._slot(fp)])]
        hashes_at = [fp[at[0]]]
        lengths = [1]
        word = np.arange(n - 1)
        hashes = extend(fp[:-1], fp[1:])
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
            hashes = extend(hashes, fp[nxt])
            length += 1
        best = np.zeros(n, dtype=np.int32)
        slot = np.zeros(n, dtype=np.intp)
        for words, hashes, length in zip(at, hashes_at, lengths, strict=True):
            pos = np.searchsorted(self._hashes, hashes)
            pos[pos == len(self._hashes)] = 0
            hit = self._hashes[pos] == hashes
            best[words[hit]] = length
            slot[words[hit]] = pos[hit]
        return best, slot

    def _verify(
        self,
        units: NDArray[np.uint16],
        ws: NDArray[np.intp],
        we: NDArray[np.intp],
        best: NDArray[np.int32],
        slot: NDArray[np.intp],
    ) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.intp]]:
        """Check the candidates exactly, longest first; keep leftmost-longest.

        Returns:
            Start and end unit offsets (unpadded) and entry of each match.
        """
        import numpy as np

        at = np.flatnonzero(best)
        lengths = best[at].astype(np.intp)
        key = self._hash_key[slot[at]]
        begin, end = ws[at], we[at + lengths - 1]
        size = end - begin
        ok = (key >= 0) & (self._key_len[key] == size)
        sure = np.flatnonzero(ok)
        ok[sure] = self._same(units, begin[sure], self._key_at[key[sure]], size[sure])
        entry = self._key_entry[key]
        if not ok.all():  # a fingerprint clash or two keys with one hash
            lengths, end, entry = self._recheck(units, (ws, we), at, lengths, entry, ok)
            found = lengths > 0
            at, lengths, begin = at[found], lengths[found], begin[found]
            end, entry = end[found], entry[found]
        kept = leftmost(at, at + lengths)
        return begin[kept], end[kept], entry[kept]

    def _same(
        self,
        units: NDArray[np.uint16],
        begin: NDArray[np.intp],
        key: NDArray[np.intp],
        size: NDArray[np.intp],
    ) -> NDArray[np.bool_]:
        """Whether each run of `size` text units from `begin` equals the key
        units from `key`, compared four units (one 64-bit read) at a time."""
        import numpy as np

        chunks = (size + 3) // 4
        which = np.repeat(np.arange(len(size)), chunks)
        first = np.cumsum(chunks) - chunks
        offset = 4 * (np.arange(len(which)) - first[which])
        head, _ = unit_masks()
        mask = head[np.minimum(size[which] - offset, 4)]
        text = quads(units)[begin[which] + PAD + offset] & mask
        keys = quads(self._key_units)[key[which] + offset] & mask
        same = np.ones(len(size), dtype=bool)
        same[which[text != keys]] = False
        return same

    def _recheck(
        self,
        units: NDArray[np.uint16],
        words: tuple[NDArray[np.intp], NDArray[np.intp]],
        at: NDArray[np.intp],
        lengths: NDArray[np.intp],
        entry: NDArray[np.intp],
        ok: NDArray[np.bool_],
    ) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.intp]]:
        """Lengths (0: none), ends and entries, the failed candidates looked up
        in Python: the full run, else the longest shorter key (`_shorter`)."""
        import numpy as np

        ws, we = words
        lengths, end, entry = lengths.copy(), we[at + lengths - 1], entry.copy()
        data = units.tobytes()
        for k in np.flatnonzero(~ok).tolist():
            i, n = int(at[k]), int(lengths[k])
            s, e = int(ws[i]), int(end[k])
            found = self._exact.get(data[2 * (s + PAD) : 2 * (e + PAD)])
            if found is None:
                n, e, found = self._shorter(data, ws, we, i, n)
            lengths[k], end[k], entry[k] = n, e, -1 if found is None else found
        return lengths, end, entry

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
            entry = self._exact.get(data[2 * (s + PAD) : 2 * (e + PAD)])
            if entry is not None:
                return length, e, entry
        return 0, 0, None
