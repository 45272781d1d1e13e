"""The filter language of the concept table, as plain functions (no Textual).

Core, not TUI: the TUI's concept table and merge picker (`rank`, a fuzzy
ranking) use it, and the CLI or the library can filter or rank
`TermBase.summaries()` the same way.

A query is words and ``field:value`` pairs. Words match any alias, ignoring
case and diacritics ("chinh" finds Phạm Minh Chính, "ha noi" finds Hà Nội);
fields are ``kind:``, ``status:`` and ``flag:`` (prefixes work: ``k:pers``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar, overload

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from glossary.model import Flag
from glossary.store import ConceptSummary
from glossary.text import fold
from glossary.text.substrings import Picked, SubstringIndex

_FIELDS = ("kind", "status", "flag")
SHOWN = 30  # concepts `rank` returns (the merge picker's list)
_K = TypeVar("_K")
_V = TypeVar("_V")


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed filter: folded words plus field constraints (all must match)."""

    words: tuple[str, ...] = ()
    kind: str = ""
    status: str = ""
    flag: str = ""


def parse(text: str) -> Query:
    """Parse a filter box value."""
    words: list[str] = []
    fields: dict[str, str] = {}
    for token in text.split():
        name, sep, value = token.partition(":")
        field = next((f for f in _FIELDS if name and f.startswith(name.lower())), "")
        if sep and field and value:
            fields[field] = fold(value)
        elif not sep or value:
            words.append(fold(token))
    return Query(words=(" ".join(words),) if words else (), **fields)


def matches(query: Query, row: ConceptSummary, haystack: str) -> bool:
    """Whether `row` (whose folded aliases are `haystack`) passes `query`."""
    if query.kind and not str(row.kind).startswith(query.kind):
        return False
    if query.status and not str(row.status).startswith(query.status):
        return False
    if query.flag and not any(str(f).startswith(query.flag) for f in row.flags):
        return False
    return all(w in haystack for w in query.words)


def haystack(row: ConceptSummary) -> str:
    """The folded text a row is searched in: every alias key (the label is one)."""
    return row.keys


SORTS: dict[str, Callable[[ConceptSummary], object]] = {
    "label": lambda r: fold(r.label),
    "kind": lambda r: (str(r.kind), fold(r.label)),
    "status": lambda r: (str(r.status), fold(r.label)),
    "aliases": lambda r: (-r.terms, fold(r.label)),
    "occurrences": lambda r: (-r.occurrences, fold(r.label)),
    "id": lambda r: r.id,
}


def select(
    rows: Sequence[ConceptSummary],
    hay: Sequence[str],
    text: str,
) -> list[ConceptSummary]:
    """The rows passing the filter `text`, in their given order."""
    query = parse(text)
    if query == Query():
        return list(rows)
    picked: Sequence[int] = range(len(rows))
    if query.words:
        picked = _containing(hay, query.words[0])
    if not (query.kind or query.status or query.flag):
        return [rows[i] for i in picked]
    return [rows[i] for i in picked if matches(query, rows[i], hay[i])]


def _containing(hay: Sequence[str], word: str) -> list[int]:
    """Indexes of the haystacks containing `word`: one scan of a joined string.

    str.find over one big string runs in C; a Python loop of `in` tests over
    50,000 strings costs about ten times more.
    """
    joined, starts = _joined(hay)
    if joined.count(word) > len(hay) // 16:
        # many hits: one bisect per hit would cost more than testing each row
        return [i for i, h in enumerate(hay) if word in h]
    out: list[int] = []
    at = joined.find(word)
    while at >= 0:
        i = bisect_right(starts, at) - 1
        out.append(i)
        # skip to the next row: one hit per row is enough
        nxt = starts[i + 1] if i + 1 < len(starts) else len(joined)
        at = joined.find(word, nxt)
    return out


_CACHE: dict[int, tuple[Sequence[str], str, list[int]]] = {}


def _joined(hay: Sequence[str]) -> tuple[str, list[int]]:
    cached = _CACHE.get(id(hay))
    if cached is not None and cached[0] is hay:
        return cached[1], cached[2]
    starts, pos = [], 0
    for h in hay:
        starts.append(pos)
        pos += len(h) + 1
    joined = "\0".join(hay)
    _CACHE.clear()
    _CACHE[id(hay)] = (hay, joined, starts)
    return joined, starts


class RowView(Sequence[ConceptSummary]):
    """The rows a filter picked, in display order: numbers into the rows.

    500,000 rows are not copied into a list at each keystroke; the table
    reads only the rows it draws.
    """

    def __init__(self, rows: list[ConceptSummary], picked: Picked, ids: Picked) -> None:
        self._rows = rows
        self.picked = picked
        self._ids = ids  # of every row, for `position`

    def __len__(self) -> int:
        return len(self.picked)

    @overload
    def __getitem__(self, i: int) -> ConceptSummary: ...
    @overload
    def __getitem__(self, i: slice) -> list[ConceptSummary]: ...
    def __getitem__(self, i: int | slice) -> ConceptSummary | list[ConceptSummary]:
        if isinstance(i, slice):
            return [self._rows[j] for j in self.picked[i].tolist()]
        return self._rows[int(self.picked[i])]

    def __iter__(self) -> Iterator[ConceptSummary]:
        rows = self._rows
        return (rows[j] for j in self.picked.tolist())

    def position(self, concept_id: int) -> int | None:
        """Where concept `concept_id` is among these rows (None: not here)."""
        at = np.flatnonzero(self._ids[self.picked] == concept_id)
        return int(at[0]) if len(at) else None


class FilterIndex:
    """The table's rows, in display order, prepared once for fast filtering.

    Built anew off the UI thread after loading or sorting; after a review
    action, `changed` gives a `PatchedIndex` over it at once (at 500,000
    concepts, building the arrays again takes seconds). The arrays are built
    at the first query that needs them. Words are looked
    up in a `SubstringIndex` of the haystacks (cached, narrowing as a word
    grows), fields in columns of codes; answers for the last `CACHED`
    queries are kept (Backspace returns to one).
    """

    CACHED = 64

    def __init__(self, rows: Sequence[ConceptSummary]) -> None:
        self.rows = list(rows)
        self.hay = [haystack(r) for r in self.rows]
        self._queries: OrderedDict[Query, RowView] = OrderedDict()

    def select(self, text: str) -> RowView:
        """The rows passing the filter `text`, in display order."""
        return self._view(parse(text))

    def _view(self, query: Query) -> RowView:
        hit = self._queries.get(query)
        if hit is None:
            hit = RowView(self.rows, self._picked(query), self._ids)
            _remember(self._queries, query, hit, self.CACHED)
        return hit

    def changed(
        self,
        fresh: Sequence[ConceptSummary],
        gone: Collection[int],
        order: Callable[[ConceptSummary], Any],
    ) -> PatchedIndex:
        """These rows without concepts `gone` and with `fresh` ones (new or
        changed: a row of the same id goes) where `order` sorts them, ready
        at once: queries are answered from this index's arrays.

        A few milliseconds at 500,000 rows (numpy over positions), where
        indexing them again takes seconds. The rows are copied once here;
        patched indexes then change that list in place (an older one is
        not to be used any more).
        """
        self.prepare()  # the arrays must be of these rows, not of changed ones
        n = len(self.rows)
        first = PatchedIndex(
            self, list(self.rows), np.arange(n), np.empty(0, np.int64), self._ids
        )
        return first.changed(fresh, gone, order)

    def cheap(self, text: str) -> bool:
        """Whether `select(text)` answers at once (a few ms, fine on the UI thread).

        True when the query was answered before, or its words are (one
        letter, or a longer word narrowing one typed before) and its field
        columns are built.
        """
        query = parse(text)
        if query == Query() or query in self._queries:
            return True
        if (query.kind or query.status) and "_fields" not in self.__dict__:
            return False
        if query.flag and "_flags" not in self.__dict__:
            return False
        if not query.words:
            return "_ids" in self.__dict__
        return "_words" in self.__dict__ and self._words.cheap(query.words[0])

    def prepare(self) -> None:
        """Build every array now (in a worker), not at the first keystroke."""
        for name in ("_ids", "_words", "_fields", "_flags"):
            getattr(self, name)

    @cached_property
    def _ids(self) -> Picked:
        return np.fromiter((r.id for r in self.rows), np.int64, len(self.rows))

    @cached_property
    def _words(self) -> SubstringIndex:
        return SubstringIndex(self.hay)

    @cached_property
    def _fields(self) -> dict[str, tuple[list[str], npt.NDArray[np.int32]]]:
        """Per field, its distinct values and each row's number among them."""
        out = {}
        for name in ("kind", "status"):
            names: dict[str, int] = {}
            codes = [
                names.setdefault(str(getattr(r, name)), len(names)) for r in self.rows
            ]
            out[name] = (list(names), np.array(codes, np.int32))
        return out

    @cached_property
    def _flags(self) -> tuple[list[Flag], npt.NDArray[np.int64]]:
        """Every flag and each row's flags as bits (flag i: bit i)."""
        flags = list(Flag)
        bit = {f: 1 << i for i, f in enumerate(flags)}
        masks = [sum(bit[f] for f in r.flags) for r in self.rows]
        return flags, np.array(masks, np.int64)

    def _picked(self, query: Query) -> Picked:
        ok: npt.NDArray[np.bool_] | None = None
        for name, prefix in (("kind", query.kind), ("status", query.status)):
            if prefix:
                values, codes = self._fields[name]
                allowed = [i for i, v in enumerate(values) if v.startswith(prefix)]
                ok = _and(ok, np.isin(codes, allowed))
        if query.flag:
            flags, masks = self._flags
            wanted = sum(
                1 << i for i, f in enumerate(flags) if f.startswith(query.flag)
            )
            ok = _and(ok, (masks & wanted) != 0)
        if query.words:
            picked = self._words.containing(query.words[0])
            return picked if ok is None else picked[ok[picked]]
        if ok is None:
            return np.arange(len(self.rows), dtype=np.int64)
        return np.flatnonzero(ok).astype(np.int64)


class PatchedIndex(FilterIndex):
    """A `FilterIndex` (`base`) with some rows changed, added or gone since.

    `where` maps each base row's number to its number among `rows` (-1: gone
    or changed); `fresh` are the numbers of rows the base does not hold,
    checked one by one (`matches`) at each query. `stale` says when enough
    have piled up to index the rows anew (off the UI thread).
    """

    STALE = 2_000  # fresh rows beyond which a new index pays

    def __init__(
        self,
        base: FilterIndex,
        rows: list[ConceptSummary],
        where: Picked,
        fresh: Picked,
        ids: Picked,
    ) -> None:
        self.base, self.rows = base, rows
        self._where, self._fresh = where, fresh
        self._row_ids = ids  # of `rows`
        self._queries = OrderedDict()

    @property
    def hay(self) -> list[str]:  # type: ignore[override]
        return [haystack(r) for r in self.rows]

    @property
    def stale(self) -> bool:
        return len(self._fresh) > self.STALE

    def cheap(self, text: str) -> bool:
        return parse(text) in self._queries or self.base.cheap(text)

    def prepare(self) -> None:
        self.base.prepare()

    @property
    def _ids(self) -> Picked:
        return self._row_ids

    def _picked(self, query: Query) -> Picked:
        picked = self._where[self.base._view(query).picked]
        picked = picked[picked >= 0]  # still increasing: the base's order holds
        rows = self.rows
        extra = [
            i for i in self._fresh.tolist() if matches(query, rows[i], rows[i].keys)
        ]
        if not extra:
            return picked
        return np.sort(np.concatenate((picked, np.array(extra, np.int64))))

    def changed(
        self,
        fresh: Sequence[ConceptSummary],
        gone: Collection[int],
        order: Callable[[ConceptSummary], Any],
    ) -> PatchedIndex:
        drop = {*gone, *(r.id for r in fresh)}
        removed = np.flatnonzero(np.isin(self._ids, list(drop)))
        kept = self.rows  # changed in place: a copy of 500,000 rows costs more
        for i in reversed(removed.tolist()):
            del kept[i]
        # where each fresh row goes among the kept ones; equal places in order
        placed = sorted(
            (
                (bisect_right(kept, order(r), key=order), order(r), n)
                for n, r in enumerate(fresh)
            ),
            key=lambda p: (p[0], p[1]),
        )
        at = np.array([p[0] for p in placed], np.int64)
        rows = kept
        for k, _, n in reversed(placed):
            rows.insert(k, fresh[n])

        def moved(old: Picked) -> Picked:
            """Numbers among `self.rows` -> among `rows` (-1 stays, removed -> -1)."""
            out = np.full(len(old), -1, np.int64)
            ok = old >= 0
            ok[ok] = ~np.isin(old[ok], removed)
            j = old[ok] - np.searchsorted(removed, old[ok])
            out[ok] = j + np.searchsorted(at, j, side="right")
            return out

        new = at + np.arange(len(at), dtype=np.int64)
        fresh_now = np.concatenate((moved(self._fresh), new))
        fresh_now = np.sort(fresh_now[fresh_now >= 0])
        ids = np.insert(
            np.delete(self._ids, removed), at, [fresh[n].id for _, _, n in placed]
        )
        return PatchedIndex(self.base, rows, moved(self._where), fresh_now, ids)


def _and(
    ok: npt.NDArray[np.bool_] | None, more: npt.NDArray[np.bool_]
) -> npt.NDArray[np.bool_]:
    return more if ok is None else ok & more


def _remember(cache: OrderedDict[_K, _V], key: _K, value: _V, size: int) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > size:
        cache.popitem(last=False)


def rank(
    query: str,
    rows: Sequence[ConceptSummary],
    exclude: int,
    pool: dict[int, str] | None = None,
) -> list[ConceptSummary]:
    """The best `SHOWN` concepts for `query`, by fuzzy match on folded aliases.

    Concepts with an alias containing every query word come first ("pham minh"
    puts Phạm Minh Chính before Ho Chi Minh, which a fuzzy score alone ranks
    higher); the rest of the list is the fuzzy matches. `pool` (from
    `search_pool`) saves re-folding every label at each keystroke.
    """
    q = fold(query)
    if pool is None:
        pool = search_pool(rows)
    candidates = {i: text for i, text in pool.items() if i != exclude}
    if not q:
        keep = list(candidates)[:SHOWN]
    else:
        words = q.split()
        exact = {i: t for i, t in candidates.items() if all(w in t for w in words)}
        hits = process.extract(q, exact, scorer=fuzz.WRatio, limit=SHOWN)
        keep = [key for _, _, key in hits]
        if len(keep) < SHOWN:
            rest = {i: t for i, t in candidates.items() if i not in exact}
            more = process.extract(q, rest, scorer=fuzz.WRatio, limit=SHOWN - len(keep))
            keep += [key for _, _, key in more]
    by_id = {r.id: r for r in rows}
    return [by_id[i] for i in keep]


def search_pool(rows: Sequence[ConceptSummary]) -> dict[int, str]:
    """Concept id -> the folded text the picker searches (label and aliases)."""
    return {r.id: f"{fold(r.label)} {r.keys}" for r in rows}
