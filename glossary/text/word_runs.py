"""Word runs of folded text as numbers: word bounds, 64-bit fingerprints, run hashes.

The numeric half of `glossary.text.annotate`'s matcher, over folded UTF-16
code units held in numpy arrays with `PAD` zero units on each side.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported on first use: `import glossary` stays cheap
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "PAD",
    "extend",
    "fingerprints",
    "leftmost",
    "quads",
    "unit_masks",
    "word_bounds",
]

PAD = 4  # zero code units on each side of a folded text (see `fingerprints`)
_SPACE = 0x20
# Odd 64-bit constants (from splitmix64 / xxhash): an odd multiplier is a
# bijection modulo 2**64, so it never merges two different values.
_K_LEN, _K_HEAD, _K_TAIL = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9
_K_NEXT = 0x100000001B3
_ALL = (1 << 64) - 1


@cache
def unit_masks() -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    """Masks keeping the first / last min(n, 4) code units of a word of n units."""
    import numpy as np

    head = [0] + [(1 << (16 * k)) - 1 for k in (1, 2, 3)] + [_ALL] * 60
    tail = [0] + [_ALL ^ ((1 << (16 * (4 - k))) - 1) for k in (1, 2, 3)]
    return np.array(head, np.uint64), np.array(tail + [_ALL] * 60, np.uint64)


def word_bounds(units: NDArray[np.uint16]) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Start and end (exclusive) unit offsets, unpadded, of every word."""
    import numpy as np

    n = len(units) - 2 * PAD
    sep = np.empty(n + 2, dtype=bool)
    sep[0] = sep[-1] = True
    np.equal(units[PAD : PAD + n], _SPACE, out=sep[1:-1])
    edges = np.flatnonzero(sep[1:] != sep[:-1])
    return edges[0::2], edges[1::2]


def fingerprints(
    units: NDArray[np.uint16], starts: NDArray[np.intp], ends: NDArray[np.intp]
) -> NDArray[np.uint64]:
    """A 64-bit fingerprint of each word: its length, first and last four units.

    Four consecutive code units are read as one unsigned 64-bit integer through
    an overlapping view; the `PAD` zeros keep every read inside the buffer.
    """
    import numpy as np

    view = quads(units)
    head, tail = unit_masks()
    length = ends - starts
    fp: NDArray[np.uint64] = view[starts + PAD]
    fp &= head.take(length, mode="clip")
    fp *= np.uint64(_K_HEAD)
    tails = view[ends + PAD - 4]
    tails &= tail.take(length, mode="clip")
    tails *= np.uint64(_K_TAIL)
    fp ^= tails
    fp += length.astype(np.uint64) * np.uint64(_K_LEN)
    return fp


def quads(units: NDArray[np.uint16]) -> NDArray[np.uint64]:
    """Every four consecutive code units as one 64-bit integer (overlapping view)."""
    import numpy as np

    quads: NDArray[np.uint64] = np.ndarray(
        shape=(len(units) - 3,), dtype="<u8", buffer=units, strides=(2,)
    )
    return quads


def leftmost(at: NDArray[np.intp], after: NDArray[np.intp]) -> NDArray[np.bool_]:
    """Which runs of words [at, after) to keep, scanning left to right and
    skipping a run that starts inside a kept one (`at` ascending).

    A run that no earlier run reaches into is kept: numpy finds those. Only
    the others (a key inside or across another) are decided one by one.
    """
    import numpy as np

    reach = np.maximum.accumulate(after)
    before = np.concatenate(([0], reach[:-1]))
    kept = at >= before
    if kept.all():
        return kept
    # The last kept run ends at the furthest end of the kept runs before.
    sure = np.maximum.accumulate(np.where(kept, after, 0))
    sure_before = np.concatenate(([0], sure[:-1])).tolist()
    starts, ends = at.tolist(), after.tolist()
    free = 0
    for k in np.flatnonzero(~kept).tolist():
        if starts[k] >= max(free, sure_before[k]):
            kept[k] = True
            free = ends[k]
    return kept


def extend(hashes: NDArray[np.uint64], fp: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """The hash of a run of words, one word longer."""
    import numpy as np

    result: NDArray[np.uint64] = hashes * np.uint64(_K_NEXT) + fp
    return result
