"""The filter language of the concept table, as plain functions (no Textual).

A query is words and ``field:value`` pairs. Words match any alias, ignoring
case and diacritics ("chinh" finds Phạm Minh Chính, "ha noi" finds Hà Nội);
fields are ``kind:``, ``status:`` and ``flag:`` (prefixes work: ``k:pers``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from glossary.store import ConceptSummary
from glossary.text import fold

_FIELDS = ("kind", "status", "flag")


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
