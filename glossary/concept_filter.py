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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from rapidfuzz import fuzz, process

from glossary.model import Flag
from glossary.store import ConceptSummary
from glossary.text import fold

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


class FilterIndex:
    """The table's rows, in display order, prepared once for fast filtering.

    Built anew whenever the rows change: off the UI thread after loading or
    sorting, on it after an action (rather than patching this one).
    `select` reuses earlier answers: results are kept for the last `CACHED`
    queries (Backspace returns to one), and a word is searched for only among
    the rows that matched a shorter word it contains (typing narrows).
    """

    CACHED = 64

    def __init__(self, rows: Sequence[ConceptSummary]) -> None:
        self.rows = list(rows)
        self.hay = [haystack(r) for r in self.rows]
        self._words: OrderedDict[str, list[int]] = OrderedDict()
        self._queries: OrderedDict[Query, list[ConceptSummary]] = OrderedDict()

    def select(self, text: str) -> list[ConceptSummary]:
        """The rows passing the filter `text`, in display order."""
        query = parse(text)
        if query == Query():
            return self.rows
        hit = self._queries.get(query)
        if hit is None:
            hit = [self.rows[i] for i in self._indexes(query)]
            _remember(self._queries, query, hit, self.CACHED)
        return hit

    def cheap(self, text: str, rows: int = 5_000) -> bool:
        """Whether `select(text)` answers at once (a few ms, fine on the UI thread).

        True when the query is empty or was answered before, or when it is
        words only and a word it contains matched at most `rows` rows.
        """
        query = parse(text)
        if query == Query() or query in self._queries:
            return True
        if query.kind or query.status or query.flag:
            return False
        word = query.words[0]
        return any(w in word and len(h) <= rows for w, h in self._words.items())

    # Field columns are built on first use: most queries are words only, and
    # an action rebuilds the index on the UI thread.
    @cached_property
    def _fields(self) -> dict[str, list[str]]:
        return {
            "kind": [str(r.kind) for r in self.rows],
            "status": [str(r.status) for r in self.rows],
        }

    @cached_property
    def _flags(self) -> list[frozenset[Flag]]:
        return [r.flags for r in self.rows]

    def _indexes(self, query: Query) -> Sequence[int]:
        picked: Sequence[int] = (
            self._containing(query.words[0]) if query.words else range(len(self.rows))
        )
        for name, prefix in (("kind", query.kind), ("status", query.status)):
            if prefix:
                values = self._fields[name]
                allowed = {v for v in set(values) if v.startswith(prefix)}
                picked = [i for i in picked if values[i] in allowed]
        if query.flag:
            flags = self._flags
            wanted = query.flag
            picked = [i for i in picked if any(f.startswith(wanted) for f in flags[i])]
        return picked

    def _containing(self, word: str) -> list[int]:
        cached = self._words.get(word)
        if cached is not None:
            self._words.move_to_end(word)
            return cached
        # the rows of a shorter word this one contains are a superset
        base = max((w for w in self._words if w in word), key=len, default=None)
        hay = self.hay
        if base is not None:
            out = [i for i in self._words[base] if word in hay[i]]
        else:
            out = _containing(hay, word)
        _remember(self._words, word, out, self.CACHED)
        return out


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
