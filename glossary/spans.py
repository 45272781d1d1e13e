"""`Span`, one glossary term found in a text, and `Spans`, annotate's list of them.

Dense text has a term every few words (50,000 a MB), and building a Python
object per hit cost more than finding them. `Spans` keeps the matches as
arrays of offsets and entry numbers and makes each `Span` only when it is
read, so a caller that counts, filters by offset or reads a few pays for
those only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, overload

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["Span", "Spans"]


@dataclass(frozen=True, slots=True)
class Span:
    """One glossary term found by `annotate` (offsets in the original text)."""

    start: int
    end: int
    text: str
    concept_ids: tuple[int, ...]
    ambiguous: bool = False


class Meaning(Protocol):
    """What a span needs to know of the term it found."""

    @property
    def concepts(self) -> tuple[int, ...]: ...

    @property
    def ambiguous(self) -> bool: ...


class Spans(Sequence[Span]):
    """A read-only sequence of `Span`, made on access from arrays.

    Compares equal to any sequence of the same spans (a list of them too).
    """

    __slots__ = ("_ends", "_entries", "_meanings", "_starts", "_text")

    def __init__(
        self,
        text: str,
        offsets: tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.intp]],
        meanings: Sequence[Meaning],
    ) -> None:
        """Spans of `text` at (starts, ends, entries); entry i means `meanings[i]`."""
        self._text = text
        self._starts, self._ends, self._entries = offsets
        self._meanings = meanings

    def __len__(self) -> int:
        return len(self._starts)

    def _span(self, start: int, end: int, entry: int) -> Span:
        meaning = self._meanings[entry]
        text = self._text[start:end]
        return Span(start, end, text, meaning.concepts, meaning.ambiguous)

    @overload
    def __getitem__(self, index: int) -> Span: ...

    @overload
    def __getitem__(self, index: slice) -> list[Span]: ...

    def __getitem__(self, index: int | slice) -> Span | list[Span]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        k = range(len(self))[index]  # negative indices, IndexError
        entry = int(self._entries[k])
        return self._span(int(self._starts[k]), int(self._ends[k]), entry)

    def __iter__(self) -> Iterator[Span]:
        cols = self._starts.tolist(), self._ends.tolist(), self._entries.tolist()
        for start, end, entry in zip(*cols, strict=True):
            yield self._span(start, end, entry)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(
            a == b for a, b in zip(self, other, strict=True)
        )

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, like a list

    def __repr__(self) -> str:
        return f"Spans({list(self)!r})"
